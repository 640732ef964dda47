// Presentation mode's layout (issue 27: readable from the back row): what the main window (main_window.cpp)
// asks before it places its rows — whether the step text goes beside a tall grid, how wide the lesson column
// must be for its code, and the timeline drawn in the menu bar.
#pragma once

#include "panels/row_room.h"
#include "panels/window.h"

namespace poolscope::app {

// Decides whether presentation's step text goes under the output, right of a tall one-channel input
// (MeasuredHeights::text_in_matrices), and the text column's width; `fitted` is last frame's fit, `bottom_h`
// the row under the matrices it would take instead.
void place_text_in_matrices(PanelContext& ctx, const MeasuredHeights& fitted, float bottom_h, float font);

// The lesson column's width in presentation: `base` (its own), widened while its code box is cut, or with
// the code pinned under the column when no width will do; `avail` is the main window's width.
float widen_for_code(PanelContext& ctx, float base, float avail);

// The timeline's panels, right-aligned in the main window's menu bar (MeasuredHeights::timeline_in_bar).
void draw_timeline_in_menu_bar(PanelContext& ctx);

}  // namespace poolscope::app
