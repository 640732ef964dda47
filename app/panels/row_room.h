// How much height the matrices need for readable cells, so the rows around them (the step arithmetic and
// the output-size walkthrough) can be held to the rest. Pure arithmetic over the matrices panel's last fit.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

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
    // The height above the grids (legend, labels) as last measured with the rows under and beside the
    // matrices: the legend wraps differently at the two widths (0: not measured yet).
    float extra_h_under = 0.0f, extra_h_beside = 0.0f;
    // The walkthrough's side notes fold when the bottom row would squeeze the matrices (a toggle reopens
    // them); `notes_extra` is the height they took when last shown (shell/main_window.cpp).
    bool notes_folded = false, notes_user = false;
    float notes_extra = 0.0f;
    bool compact = false;         // the timeline and matrices dropped their headings to give the cells room
    bool layout_changed = false;  // a measured height changed: draw one more frame so the rows settle
    bool beside = false;          // the step and walkthrough are a column beside the matrices (place_rows)
    // The cells the matrices panel really fitted under and beside (0: not seen), for the screen and grids in
    // `seen_for`: a placement that turned out smaller than predicted is not taken again.
    float seen_under = 0.0f, seen_beside = 0.0f;
    std::array<float, 7> seen_for{};
    float last_fit = 0.0f;  // the cell the matrices panel fitted this frame (0: not drawn)
    float fit_kept = 0.0f;  // ... and last frame's, kept through the next frame
    // Presentation: the step text (and the walkthrough, when the step points at it) sits under the output,
    // right of a tall input, instead of in a row under the matrices (issue 27); its width and the height it
    // needed last frame.
    bool text_in_matrices = false;
    float text_w = 0.0f, text_h = 0.0f;  // text_h: the height it needed last frame (0: not drawn yet)
    // The heights it needed at each width tried, by width in whole font sizes (0: not measured there), so a
    // width that turned out too tall does not hide a wider one measured earlier.
    std::array<float, 32> text_h_at{};
    std::array<int64_t, 4> text_for{};       // the grids (input and output rows, columns) it was measured for
    std::array<int64_t, 4> text_left_for{};  // the grids it left the matrices for: it does not come back
    uint64_t text_left_at = 0;               // ... on that lesson step (LessonSession::generation)
    bool legend_open =
        false;  // the student opened the matrices' legend a big grid folds (matrices_panel.cpp)
    // Presentation puts the timeline in the menu bar when it fits there on one line (shell/main_window.cpp):
    // the width one line needs (timeline_panel.cpp), and the room the menus leave.
    bool timeline_in_bar = false;
    float timeline_one_line_w = 0.0f, menu_bar_room = 0.0f;
    // The lesson column as last drawn: its width, its visible height, and where its code box ends (content
    // coordinates, 0: no code box), so presentation can widen it until the code is whole (main_window.cpp).
    float lesson_w = 0.0f, lesson_visible_h = 0.0f, lesson_code_bottom = 0.0f, lesson_code_bottom_now = 0.0f;
    float lesson_wide_w = 0.0f;              // the width presentation widened it to (0: its own)
    bool lesson_code_pinned = false;         // no wider would do: the code box is pinned under the column
    std::array<float, 4> lesson_wide_for{};  // for the step (index, lesson generation), room and font
    // Presentation folds the step arithmetic's notes under a big grid (panels/step_panel.cpp): opened by a
    // click, for the step (lesson step, note count) it was opened on.
    bool step_notes_open = false;
    std::array<int64_t, 2> step_notes_for{};
    float font = 0.0f;  // the font size all of the above was measured in
};

// Forgets every measurement (another font size makes them all wrong) and keeps what the student chose: the
// notes and the legend opened or folded by hand.
void forget_measurements(MeasuredHeights& m);

// The height presentation's text under the output is fitted for at width `text_w`: what it needed there, or,
// not tried there yet, at the nearest width tried with its area kept (wrapped text keeps about its area);
// with half a line to spare.
float text_room(const MeasuredHeights& m, float text_w, float font);
// Records the height the text needed at `width` (matrices_panel.cpp draws it).
void remember_text_height(MeasuredHeights& m, float width, float font, float needed);

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
