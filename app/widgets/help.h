// Small shared pieces of panel chrome: the "(?)" help marker and a panel heading with it.
#pragma once

namespace poolscope::app {

// A greyed "(?)" that shows `text` (wrapped) in a tooltip when hovered.
void help_marker(const char* text);
// The panel's title in the heading colour followed by its help marker.
void panel_heading(const char* title, const char* help);

}  // namespace poolscope::app
