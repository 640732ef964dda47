// The main window's menu bar: File (lessons, pictures), Edit, View (zoom, scale, presentation mode,
// high contrast), Language and Help, with the status line at its right.
#pragma once

namespace poolscope::app {

struct PanelContext;
struct Shell;

// Call inside the main window (it has ImGuiWindowFlags_MenuBar).
void draw_menu_bar(PanelContext& ctx, Shell& shell);

}  // namespace poolscope::app
