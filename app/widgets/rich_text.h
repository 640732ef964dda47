// Lesson narration on screen: paragraphs of *emphasis*, `code` and plain spans (the core's
// parse_narration()), wrapped at the available width by words, or by characters in Chinese.
#pragma once

#include <string>

namespace poolscope::app {

// Draws `text` (the lesson's light markup) at the cursor, wrapping at the content region's right edge.
void draw_rich_text(const std::string& text);

}  // namespace poolscope::app
