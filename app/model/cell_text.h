// How large a cell's number is drawn, the same in the window (widgets/matrix_grid.cpp) and in exported
// pictures (export/export_draw.cpp), so a slide shows what the class saw.
#pragma once

namespace poolscope::app {

// The font size as a fraction of the cell's inside height. At 0.5 a projector's 26 px cell got 12 px
// type, digits 8 px tall; at 0.6 two digits still leave a margin (shrunk below to fit the width).
constexpr float kCellTextHeight = 0.6f;
// The widest a text may be, as a fraction of the cell's inside width ("-∞", "12.25" shrink to it).
constexpr float kCellTextWidth = 0.88f;

}  // namespace poolscope::app
