// The lesson's code box (widgets/rich_text.h code_lines, issue 27): a code line breaks between tokens, after
// "2, " or "; ", never inside a name, a number or "stride=1"; a call chain longer than a line breaks after a
// "." or "(".
#include <imgui.h>

#include <string>
#include <vector>

#include "headless_app.h"
#include "widgets/rich_text.h"

namespace poolscope::app::testing {
namespace {

class CodeLines : public HeadlessApp {};

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& l : lines)
        s += l;
    return s;
}

TEST_F(CodeLines, BreakBetweenTokensAndKeepEveryCharacter) {
    ImGui::NewFrame();  // a font to measure with
    const std::string code = "nn.MaxPool2d(3, stride=2, padding=1)(X)  # p_h = 2 in D2L's notation";
    const float em = ImGui::CalcTextSize("m").x;
    for (float width = em * 12; width <= em * 80; width += em * 3) {
        const std::vector<std::string> lines = code_lines(code, width);
        EXPECT_EQ(joined(lines), code);
        for (const std::string& line : lines) {
            for (const char* token : {"stride=2", "padding=1", "nn.MaxPool2d(3,", "D2L's"})
                if (line.find(std::string(token).substr(0, 3)) != std::string::npos &&
                    code.find(token) != std::string::npos) {
                    // a line holding the start of a token holds all of it
                    const size_t at = line.find(std::string(token).substr(0, 3));
                    EXPECT_EQ(line.compare(at, std::string(token).size(), token), 0)
                        << "'" << line << "' cuts " << token << " at width " << width;
                }
        }
    }
    const std::vector<std::string> chain =
        code_lines("nn.AvgPool2d(2, stride=1)(X).sum().backward(); X.grad", em * 14);
    for (const std::string& line : chain) {
        EXPECT_LE(ImGui::CalcTextSize(line.c_str()).x, em * 14 + em * 2) << line;
        EXPECT_EQ(line.find("backwa"), line.find("backward")) << line;  // not inside a name
    }
    ImGui::EndFrame();
}

// A line's last token is measured too (lesson 02 step 5's "stride=(2, 3))" ran past the code box in Chinese
// presentation), and the code's own line breaks stay line breaks.
TEST_F(CodeLines, TheLastTokenOfALineIsMeasuredAndNewlinesEndLines) {
    ImGui::NewFrame();
    const std::string code =
        "pool2d = nn.MaxPool2d((2, 3), padding=(1, 2), stride=(2, 3))\npool2d(X)  # RuntimeError";
    const float em = ImGui::CalcTextSize("m").x;
    for (float width = em * 12; width <= em * 60; width += em) {
        const std::vector<std::string> lines = code_lines(code, width);
        std::string all;
        bool second_starts = false;
        for (const std::string& line : lines) {
            // What is drawn must fit: a space that ends a line draws nothing, and may hang past the box.
            const std::string shown = line.substr(0, line.find_last_not_of(' ') + 1);
            EXPECT_LE(ImGui::CalcTextSize(shown.c_str()).x, width + 1.0f) << "'" << line << "' at " << width;
            EXPECT_EQ(line.find('\n'), std::string::npos);
            second_starts |= line.rfind("pool2d(X)", 0) == 0;
            all += line;
        }
        EXPECT_TRUE(second_starts) << "the code's second line starts a line at " << width;
        EXPECT_EQ(all,
                  "pool2d = nn.MaxPool2d((2, 3), padding=(1, 2), stride=(2, 3))pool2d(X)  # RuntimeError");
    }
    ImGui::EndFrame();
}

}  // namespace
}  // namespace poolscope::app::testing
