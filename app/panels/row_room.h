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

// Where the text rows (the step arithmetic and the output-size walkthrough) go: under the matrices, or in a
// column beside them when the window is wide enough that this gives the cells more room (issue 27: a tall
// padded grid should not shrink to small digits while the space right of its output stays empty).
struct RowPlacement {
    bool beside = false;
    float side_w = 0.0f;                          // the text column's width when beside
    float cell_under = 0.0f, cell_beside = 0.0f;  // the cells each placement gives
};
// `width` × `height`: the room under the timeline; `rows_h`: the height the rows need under the matrices.
// The cells the panel really fitted in each placement (m.seen_*) decide; beside is tried when predicted 12%
// better than what under gave, and kept while it really is no worse, so the layout does not flap.
RowPlacement place_rows(const MeasuredHeights& m, float width, float height, float rows_h, float spacing,
                        float font, bool was_beside);

}  // namespace poolscope::app
