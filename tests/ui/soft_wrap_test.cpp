// The narration editor's wrapping (widgets/soft_wrap.h, issue 29): long lines wrap at the width, and no edit
// of the shown text puts a line break the user did not type into the text. Pure text, a fixed-width measure.
#include "widgets/soft_wrap.h"

#include <gtest/gtest.h>

namespace poolscope::app {
namespace {

// One unit per ASCII character, two per Chinese character (three UTF-8 bytes).
float measure(std::string_view s) {
    float w = 0;
    for (unsigned char c : s)
        w += c < 0x80 ? 1.0f : (c & 0xC0) == 0xC0 ? 2.0f : 0.0f;
    return w;
}

TEST(SoftWrap, LongLinesBreakBetweenWordsAndTheTextStaysTheSame) {
    const std::string text = "a pooling window slides over the input\nlike a convolution";
    const std::string shown = soft_wrap(text, 12, measure);
    EXPECT_EQ(shown, "a pooling \r\nwindow \r\nslides over \r\nthe input\nlike a \r\nconvolution");
    EXPECT_EQ(without_soft_breaks(shown), text);
    EXPECT_EQ(soft_wrap("short", 12, measure), "short");
    EXPECT_EQ(soft_wrap("abcdefghijklmnop", 6, measure), "abcdef\r\nghijkl\r\nmnop");  // one long word
    const std::string chinese = "池化窗口像卷积窗口一样滑动";
    EXPECT_EQ(without_soft_breaks(soft_wrap(chinese, 8, measure)), chinese);
    EXPECT_NE(soft_wrap(chinese, 8, measure).find("\r\n"), std::string::npos);
    EXPECT_EQ(soft_wrap("own\r\nbreaks stay as they are", 5, measure), "own\r\nbreaks stay as they are");
}

TEST(SoftWrap, OffsetsSkipTheSoftBreaks) {
    const std::string shown = "ab \r\ncd";
    EXPECT_EQ(text_offset(shown, 3), 3u);
    EXPECT_EQ(text_offset(shown, 5), 3u);
    EXPECT_EQ(text_offset(shown, 6), 4u);
    EXPECT_EQ(shown_offset(shown, 3), 5u);  // at a soft break: the start of the next line
    EXPECT_EQ(shown_offset(shown, 4), 6u);
    EXPECT_EQ(shown_offset(shown, 0), 0u);
}

TEST(SoftWrap, EditsOfTheShownTextAreEditsOfTheText) {
    const std::string before = "ab \r\ncd";  // "ab cd" wrapped after the space
    TextEdit typed = edit_through_soft_breaks(before, "ab \r\ncXd");
    EXPECT_EQ(typed.text, "ab cXd");
    EXPECT_EQ(typed.cursor, 5u);
    TextEdit enter = edit_through_soft_breaks(before, "ab \r\n\ncd");  // Enter: the user's own break stays
    EXPECT_EQ(enter.text, "ab \ncd");
    TextEdit backspace = edit_through_soft_breaks(before, "ab \rcd");  // at the start of the wrapped line
    EXPECT_EQ(backspace.text, "abcd");
    EXPECT_EQ(backspace.cursor, 2u);
    TextEdit del = edit_through_soft_breaks(before, "ab \ncd");  // Delete at the end of the first line
    EXPECT_EQ(del.text, "ab d");
    EXPECT_EQ(del.cursor, 3u);
    TextEdit selection = edit_through_soft_breaks(before, "aZd");  // a selection across the break replaced
    EXPECT_EQ(selection.text, "aZd");
    EXPECT_EQ(selection.cursor, 2u);
    // Backspace at a wrapped Chinese line: the whole character before the break goes.
    TextEdit chinese_back = edit_through_soft_breaks("池化\r\n窗口", "池化\r窗口");
    EXPECT_EQ(chinese_back.text, "池窗口");
}

}  // namespace
}  // namespace poolscope::app
