// A multi-line text field whose long lines wrap at the field's width instead of scrolling sideways (the
// lesson narration editor). ImGui 1.86 cannot wrap an InputTextMultiline; this shows the text with soft
// breaks and keeps them out of the text (widgets/soft_wrap.h).
#pragma once

#include <string>

#include <imgui.h>

namespace poolscope::app {

// What the field keeps between frames: the shown text (with soft breaks) and what it was made from.
struct WrappedInput {
    std::string shown;      // the text with its soft breaks, ImGui's buffer
    std::string made_from;  // the text `shown` stands for
    float width = -1.0f;    // the wrap width `shown` was made for
};

// Edits `text` in a field of `size`; true when the user changed it (then `text` holds the new text, without
// soft breaks).
bool input_text_wrapped(const char* label, std::string& text, WrappedInput& field, const ImVec2& size);

}  // namespace poolscope::app
