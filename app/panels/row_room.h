// How much height the matrices need for readable cells, so the rows around them (the step arithmetic and
// the output-size walkthrough) can be held to the rest. Pure arithmetic over the matrices panel's last fit.
#pragma once

#include "widgets/grid_fit.h"

namespace poolscope::app {

// The height each row's content needed last frame; the main window (shell/main_window.cpp) sizes its rows
// from them, and the panels that fold or fit to the room (matrices, formula) read and report them.
struct MeasuredHeights {
    float top = 0.0f;      // timeline
    float step = 0.0f;     // step arithmetic
    float formula = 0.0f;  // output-size walkthrough
    float step_w = 0.0f;   // the widths those two were measured at
    float formula_w = 0.0f;
    float split = 0.42f;                        // the step panel's share of the bottom row's width
    float last_split = -1.0f, last_row = 0.0f;  // the share before, and the row's height there
    // The matrices' room as the matrices panel last fitted it (grids, and what its toolbar and labels took),
    // so the rows can leave the matrices the height readable cells need (panels/row_room.h).
    GridFitInput grids;
    float grids_extra_w = 0.0f, grids_extra_h = 0.0f;
    // The walkthrough's side notes fold when the bottom row would squeeze the matrices (a toggle reopens
    // them); `notes_extra` is the height they took when last shown (shell/main_window.cpp).
    bool notes_folded = false, notes_user = false;
    float notes_extra = 0.0f;
    bool compact = false;         // the timeline and matrices dropped their headings to give the cells room
    bool layout_changed = false;  // a measured height changed: draw one more frame so the rows settle
};

// The cell size the rows leave room for: 1.65× the font for grids up to 8 cells a side (ring included),
// smaller for bigger grids so that they never claim more height than an 8×8 grid would.
float readable_cell(const MeasuredHeights& m, float font);

// The height of the matrices' slot, `width` wide, at which the grids get cells of `cell` pixels (0 before
// the matrices panel first fitted its grids).
float matrices_height_for(const MeasuredHeights& m, float width, float cell);

}  // namespace poolscope::app
