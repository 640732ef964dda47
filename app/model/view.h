// How the window shows the document, apart from the document itself (model/app_state.h): presentation mode
// and which of the windows are up. GUI-free: the shell saves what persists (settings.h), the panels read it.
#pragma once

namespace poolscope::app {

struct View {
    bool presentation = false;            // F5: large fonts and cells, high contrast, the focus layout
    bool params_in_presentation = false;  // presentation mode shows the parameters column (its toggle)
    bool help_open = false;               // the F1 overlay (panels/help_overlay.cpp)
    bool start_card = false;              // the first-start card (panels/start_card.cpp)
};

}  // namespace poolscope::app
