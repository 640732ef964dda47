// The main window: a full-viewport host with the menu bar, every registered panel in its slot
// (panels/panels.h), the Image view's tab and the lesson column. Drawn by the frame between NewFrame and
// Render.
#pragma once

namespace poolscope::app {

struct PanelContext;
struct Shell;

void draw_main_window(PanelContext& ctx, Shell& shell);

}  // namespace poolscope::app
