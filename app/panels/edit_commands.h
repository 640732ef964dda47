// The Edit and View commands that keys (shell/actions.h), menus and panels share: the clipboard (the input,
// the output, the layer as code), and the zoom and UI scale steps. GUI-free but for ImGui's clipboard.
#pragma once

#include "model/app_state.h"

namespace poolscope::app {

void copy_input(AppState& state);
void copy_output(AppState& state);
void paste_input(AppState& state);
// Puts the window's layer as code on the clipboard and says so in the status line.
void copy_layer_code(AppState& state);

// Zoom steps for the matrices (Ctrl + wheel, Ctrl +/−) and the UI font scale.
void change_zoom(AppState& state, int direction);
void change_ui_scale(AppState& state, int direction);

}  // namespace poolscope::app
