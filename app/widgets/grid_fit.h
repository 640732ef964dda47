// How big the matrix cells can be: the channels' input and output grids fitted into the matrices panel,
// each output under its input or beside it, the channels in one row or wrapped into several, whichever
// gives the largest cells. Pure arithmetic (no ImGui), so it is tested on its own.
#pragma once

#include <cstdint>
#include <span>

namespace poolscope::app {

struct GridFitInput {
    float width = 0, height = 0;  // room for the grids and their labels, pixels
    float gap = 0;                // between channels, pixels
    float label_h = 0;            // one label line
    float output_label_w = 0;     // "Output, channel 0 (2 × 2)"
    // Whether the output has a label line of its own; presentation names each channel once, over its
    // input, so an output under its input follows it directly.
    bool output_label = true;
    int64_t channels = 1;
    int64_t in_rows = 0, in_cols = 0;    // the input with its padding ring
    int64_t out_rows = 0, out_cols = 0;  // 0 when there is no output
    // A text column under the output, right of the input (presentation's step text beside a tall grid): its
    // width and height, pixels; 0 = none. With one, the output is always beside its input (and with no
    // output, the text alone is).
    float text_w = 0, text_h = 0;
    int64_t out_top_rows = 0;   // beside, the output starts this many cells down (level with the real input)
    int64_t out_left_cols = 0;  // under, it starts this many cells right (level with the real input)
    float input_label_w = 0;    // the widest channel's input label ("Input, channel 0 (4 × 4)")
};

struct GridFit {
    float cell = 0;             // cell size before the min/max clamp and the zoom
    bool side_by_side = false;  // each output beside its input (else under it)
    int64_t per_row = 1;        // channels drawn side by side before wrapping
};

GridFit fit_grids(const GridFitInput& in);

// A grid in a row of grids side by side (the Backward and MaxUnpool views): its width in cells, and its
// label's in pixels (a grid is as wide as whichever is wider).
struct LabelledGrid {
    int64_t cols = 0;
    float label_w = 0;
};
// The largest cell for which the row of grids and `gaps` cells between them fits `width` pixels (0 when
// even the labels do not).
float row_cell_for_width(std::span<const LabelledGrid> grids, float width, float gaps);

// The Backward and MaxUnpool views: each channel is a block of three grids, in one line or with the third
// under the first two, and the blocks go side by side `per_row` at a time, wrapping into rows of blocks.
// Two cells apart, so a block's grids (a cell apart) read as one channel.
constexpr float kPassBlockGap = 2.0f;
struct PassFitInput {
    float width = 0, height = 0;  // the panel's room, pixels
    float label_h = 0;            // one text line
    float note_lines = 0;         // text lines under the third grid (the Backward view's share note)
    // How wide that note is where its grid is narrower, pixels: a block with another beside it needs that
    // room; the last of a row does not (the note wraps at the panel's edge).
    float note_w = 0;
    int64_t channels = 1;
    LabelledGrid grids[3];             // in drawing order, with the widest channel's labels
    int64_t rows = 0;                  // cells high, the tallest grid
    float block_gap = kPassBlockGap;   // cells between blocks side by side
    float min_cell = 0, max_cell = 0;  // the cell drawn is kept within these (0: no bound)
};

struct PassFit {
    float cell = 0;        // the cell to draw (within min_cell and max_cell), before the zoom
    bool stacked = false;  // the third grid under the first two
    int64_t per_row = 1;   // blocks side by side
    bool fits = false;     // every block fits the height at that cell (else the panel scrolls down)
};

// The largest cell, preferring a line of three unless stacking gives more than `stack_gain` times its cell;
// on a tie, fewer blocks a row (channels read top to bottom) unless more of them scroll less. Blocks go
// side by side only where they fit the width at the cell drawn: a cell held up to min_cell scrolls down,
// one block a row, and never sideways.
PassFit fit_pass_blocks(const PassFitInput& in, float stack_gain = 1.1f);

// The cell size to draw for a fit (before the zoom): the fit kept within [min_cell, max_cell], except that a
// fit a little under the minimum (at least kTightFit of it) is drawn as it is. Clamped up, it would push the
// last channel's output behind a scrollbar to gain a pixel or two of cell; far under, the panel scrolls.
constexpr float kTightFit = 0.85f;
float drawn_cell(float fit, float min_cell, float max_cell);

}  // namespace poolscope::app
