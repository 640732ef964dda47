// Line breaks as a typesetter's (issue 27): the narration never breaks inside "2×2" or a number, before
// closing punctuation or after opening punctuation, in English and Chinese.
#include "model/line_breaks.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace poolscope::app {
namespace {

using Pieces = std::vector<std::string>;

std::string joined(const Pieces& p) {
    std::string s;
    for (const std::string& x : p)
        s += x;
    return s;
}

TEST(LineBreaks, EnglishBreaksBetweenWordsOnly) {
    EXPECT_EQ(break_pieces("a 2x2 window, stride 2."), (Pieces{"a ", "2x2 ", "window, ", "stride ", "2."}));
    EXPECT_EQ(break_pieces("nn.MaxPool2d(3, stride=2)"), (Pieces{"nn.MaxPool2d(3, ", "stride=2)"}));
}

TEST(LineBreaks, TimesSignsKeepTheirNumbers) {
    EXPECT_EQ(break_pieces("a 2×2 window"), (Pieces{"a ", "2×2 ", "window"}));
    EXPECT_EQ(break_pieces("output (2 × 2) here"), (Pieces{"output ", "(2 × 2) ", "here"}));
    EXPECT_EQ(break_pieces("(9/2)·4 = 18"), (Pieces{"(9/2)·4 ", "= ", "18"}));
    EXPECT_EQ(break_pieces("8 / 9 ≈ 0.8889"), (Pieces{"8 ", "/ ", "9 ≈ 0.8889"}));
}

TEST(LineBreaks, ChineseBreaksBetweenCharactersButNotBeforeClosingPunctuation) {
    const Pieces p = break_pieces("输出是（2 × 2）：最大值。");
    EXPECT_EQ(joined(p), "输出是（2 × 2）：最大值。");
    EXPECT_EQ(p, (Pieces{"输", "出", "是", "（2 × 2）：", "最", "大", "值。"}));
    for (const std::string& piece : p)
        EXPECT_FALSE(must_not_start_line(piece)) << piece;  // no piece starts with 。，、：）
    EXPECT_EQ(break_pieces("窗口，步幅、填充"), (Pieces{"窗", "口，", "步", "幅、", "填", "充"}));
    EXPECT_EQ(break_pieces("用“最大”池化"), (Pieces{"用", "“最", "大”", "池", "化"}));
}

// The walkthroughs (draw_wrapped_text): a floor or ceiling bracket stays with what it encloses, and a shape
// "1 × 4 × 4 → 1 × 2 × 2" is one piece.
TEST(LineBreaks, FormulasKeepTheirBracketsAndShapes) {
    const Pieces p = break_pieces("= ⌊(8 + 2·1 − 1) / 1⌋ + 1");
    EXPECT_EQ(p, (Pieces{"= ", "⌊(8 ", "+ ", "2·1 − 1) ", "/ ", "1⌋ ", "+ ", "1"}));
    for (const std::string& piece : p)
        EXPECT_FALSE(must_not_start_line(piece)) << piece;
    EXPECT_TRUE(must_not_start_line("⌋ + 1"));
    EXPECT_EQ(break_pieces("Output shape: 1 × 4 × 4 → 1 × 2 × 2 (channels"),
              (Pieces{"Output ", "shape: ", "1 × 4 × 4 → 1 × 2 × 2 ", "(channels"}));
}

TEST(LineBreaks, ALineBreakInsideAParagraphStays) {
    EXPECT_EQ(break_pieces("one\ntwo"), (Pieces{"one", "\n", "two"}));
    EXPECT_EQ(break_pieces("。\n，"), (Pieces{"。", "\n", "，"}));  // nothing to attach to across a break
}

TEST(LineBreaks, ASpanMayNotStartWithClosingPunctuation) {
    EXPECT_TRUE(must_not_start_line("："));
    EXPECT_TRUE(must_not_start_line("。后来"));
    EXPECT_TRUE(must_not_start_line(") and"));
    EXPECT_TRUE(must_not_start_line(", then"));
    EXPECT_FALSE(must_not_start_line("（"));
    EXPECT_FALSE(must_not_start_line("stride"));
    EXPECT_FALSE(must_not_start_line(""));
}

// The step's arithmetic (issue 27): ", " and ")" never start a line, "= 4" keeps its result, and a token that
// does not fit goes to the next line with what is bound to it.
TEST(TokenLineStarts, ClosingTokensStayWithWhatTheyClose) {
    const std::vector<std::string> tokens = {"max(", "-inf", ", ", "9",    ", ",   "11",
                                             ", ",   "25",   ", ", "[27]", ") = ", "27"};
    std::vector<float> widths;
    for (const std::string& t : tokens)
        widths.push_back(10.0f * static_cast<float>(t.size()));
    for (float right = 60.0f; right <= 400.0f; right += 10.0f) {
        const std::vector<bool> starts = token_line_starts(tokens, widths, 0.0f, right);
        ASSERT_EQ(starts.size(), tokens.size());
        EXPECT_FALSE(starts[0]);
        float x = 0.0f;
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (starts[i]) {
                EXPECT_NE(tokens[i][0], ',') << "at width " << right;
                EXPECT_NE(tokens[i][0], ')') << "at width " << right;
                EXPECT_NE(tokens[i], "27") << "the result left its '= ' at width " << right;
                x = 0.0f;
            }
            x += widths[i];
            // No line overflows once the widest run that stays together ("[27]) = 27", 100) fits in one.
            if (right >= 100.0f) {
                EXPECT_LE(x, right) << "the line through \"" << tokens[i] << "\" at width " << right;
            }
        }
    }
    // Wide enough: one line. Narrow: "[27]) = 27" moves as one.
    const std::vector<bool> one = token_line_starts(tokens, widths, 0.0f, 1000.0f);
    EXPECT_EQ(std::count(one.begin(), one.end(), true), 0);
    const std::vector<bool> narrow = token_line_starts(tokens, widths, 0.0f, 250.0f);
    EXPECT_TRUE(narrow[9]) << "[27] goes down with ') = 27'";
    EXPECT_FALSE(narrow[10]);
    EXPECT_FALSE(narrow[11]);
}

}  // namespace
}  // namespace poolscope::app
