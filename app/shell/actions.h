// What the window's commands do behind keys, menus and buttons: the bindings table (panels/actions_table.h)
// read once a frame (handle_shortcuts), and run_command(), which keys and menu items call alike.
#pragma once

#include "panels/actions_table.h"

namespace poolscope::app {

struct PanelContext;
struct Shell;

// Global keys, once per frame before the panels: every binding of the table. Returns true when F12 asked
// for a state report.
bool handle_shortcuts(PanelContext& ctx, Shell& shell);
// What a command does (keys and menus call it alike).
void run_command(PanelContext& ctx, Shell& shell, Command command);

}  // namespace poolscope::app
