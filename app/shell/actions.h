// The window's commands behind keys, menus and buttons: global shortcuts (Space, arrows, Home/End,
// Ctrl+Z/Y, Ctrl+C/V, zoom), clipboard copy and paste, zoom and UI scale steps.
#pragma once

#include "model/app_state.h"
#include "model/playback.h"

namespace poolscope::app {

struct PanelContext;

// Global keys, once per frame before the panels. Returns true when F12 asked for a state report.
bool handle_shortcuts(PanelContext& ctx);

// Clipboard actions shared by the menu, the data panel and the shortcuts.
void copy_input(AppState& state);
void copy_output(AppState& state);
void paste_input(AppState& state);

// Zoom steps for the matrices (Ctrl + wheel, Ctrl +/−) and the UI font scale.
void change_zoom(AppState& state, int direction);
void change_ui_scale(AppState& state, int direction);

}  // namespace poolscope::app
