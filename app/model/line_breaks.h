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

}  // namespace poolscope::app
