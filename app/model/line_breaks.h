// Where a line of text may break, as a typesetter would have it (issue 27): never inside "2×2" or "2 × 2",
// never before closing punctuation (":", ")", "，", "。", "：", "）" ...) or after opening punctuation
// ("(", "（", "“" ...), between words in English and between characters in Chinese. Pure text, no ImGui.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace poolscope::app {

// `text` cut into the pieces a line may break between, in order (joined they give `text` back): a word
// with its trailing spaces, one Chinese character with the punctuation that must stay with it, or "\n"
// (a line break inside a paragraph).
std::vector<std::string> break_pieces(std::string_view text);
// Whether a line may not start with `piece` (closing punctuation): a span's first piece stays on the line of
// the span before it.
bool must_not_start_line(std::string_view piece);

// A run of tokens drawn one after another (the step's arithmetic: "max(", "0", ", ", "1", ") = ", "4"): which
// tokens start a new line, in lines from x = `left` to `right`. A token that must not start a line (", ",
// ")": must_not_start_line; or the result after "= ") stays on its predecessor's line, and the token before
// it moves to the next line with it when they do not fit together.
std::vector<bool> token_line_starts(const std::vector<std::string>& tokens, const std::vector<float>& widths,
                                    float left, float right);

}  // namespace poolscope::app
