// Lesson narration on screen: paragraphs of *emphasis*, `code` and plain spans (the core's
// parse_narration()), wrapped at the available width by words, or by characters in Chinese.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

// Draws `text` (the lesson's light markup) at the cursor, wrapping at the content region's right edge.
void draw_rich_text(const std::string& text);

// Plain text (no markup) in `color`, wrapped at the content region's right edge by the same rules (never
// inside "1 × 2 × 2" or a number, never before ")" or "，"), as one item: what ImGui's own wrapping does
// with spaces only. "\n" starts a new line.
void draw_wrapped_text(std::string_view text, const ImVec4& color);
// A code line cut into lines `width` pixels wide (the current font): breaks between tokens, after ", " and
// the like, never inside a name or a number; a token longer than a line breaks after a "." or "(" in it.
std::vector<std::string> code_lines(std::string_view code, float width);

// The same from a printf format.
void wrapped_textf(const ImVec4& color, const char* format, ...) IM_FMTARGS(2);

}  // namespace poolscope::app
