// Whether a key text (timeline label, step text, output-size walkthrough, narration, badges, error boxes)
// is shown whole: the panels call these right after drawing the text, and a text the window cuts off is
// told to the probe (widgets/ui_probe.h), which the state report lists as layout.clipped_text.
#pragma once

#include <string_view>

namespace poolscope::app {

class UiProbe;

// The last item is a text: clipped when part of it lies outside what its window can show — outside the
// visible rectangle on an axis the window cannot scroll, or beyond the window's scroll range.
void check_text_item(UiProbe& probe, const char* panel, std::string_view text);
// The last item is a frame (button, slider) with `text` centred in it: clipped when the text is wider than
// the frame's inside, or the frame itself is cut by the window.
void check_framed_text(UiProbe& probe, const char* panel, std::string_view text);

}  // namespace poolscope::app
