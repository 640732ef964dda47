// How the matrices panel sizes its grids this frame: the room it has, the labels it names them with (the
// long ones, or the short ones when the long would cost cells) and the fit of widgets/grid_fit.h. ImGui
// measures the labels; the arithmetic is grid_fit's.
#pragma once

#include <cstdint>

#include <imgui.h>

#include "panels/row_room.h"
#include "widgets/grid_fit.h"

namespace poolscope::app {

struct MatricesLayout {
    ImVec2 avail;        // the panel's room for the grids, pixels
    bool focus = false;  // presentation's layout: a channel named once, over its input
    int64_t channels = 1, in_h = 0, in_w = 0;
    int64_t in_rows = 0, in_cols = 0;      // the input with its padding ring
    int64_t first_row = 0, first_col = 0;  // where the ring starts (negative: padding)
    int64_t out_rows = 0, out_cols = 0;    // 0: no output
    bool output_shown = false;             // a plan, and no open question on the output's shape
    bool text_here = false;                // presentation's step text under the output (main_window.cpp)
};

struct MatricesFit {
    GridFitInput room;
    GridFit fit;
    // The labels' formats, given the channel, the grid's height and width (and, over the input, the
    // output's): long ("Input, channel 0 (4 × 4)") or short ("c0: 4 × 4"); nullptr: the output has none.
    const char* input_label_key = nullptr;
    const char* output_label_key = nullptr;
};

MatricesFit fit_matrices(const MatricesLayout& layout, const MeasuredHeights& measured);

}  // namespace poolscope::app
