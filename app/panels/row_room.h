// How much height the matrices need for readable cells, so the rows around them (the step arithmetic and
// the output-size walkthrough) can be held to the rest. Pure arithmetic over the matrices panel's last fit.
#pragma once

#include "shell/shell.h"

namespace poolscope::app {

// The cell size the rows leave room for: 1.65× the font for grids up to 8 cells a side (ring included),
// smaller for bigger grids so that they never claim more height than an 8×8 grid would.
float readable_cell(const MeasuredHeights& m, float font);

// The height of the matrices' slot, `width` wide, at which the grids get cells of `cell` pixels (0 before
// the matrices panel first fitted its grids).
float matrices_height_for(const MeasuredHeights& m, float width, float cell);

}  // namespace poolscope::app
