// File → Export… (GIF, PNG or SVG of the current window or the whole step, light or dark, a cell size, the
// path through the file picker) run on a worker thread with a progress bar and Cancel, and "Copy as code"
// (the layer as the current framework writes it) for the Edit menu and the layer code line's context menu.
#pragma once

#include "panels/panels.h"

namespace poolscope::app {

// The File menu's "Export…" item.
void draw_export_menu_item(PanelContext& ctx);
// The dialog and its progress; drawn every frame (does nothing while closed and idle).
void draw_export_dialog(PanelContext& ctx);

}  // namespace poolscope::app
