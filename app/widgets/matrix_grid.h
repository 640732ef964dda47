// A matrix drawn with ImDrawList on one InvisibleButton canvas: the caller reserves the grid with
// begin_matrix_grid() (which reports the hovered/clicked cell), then paints cells with draw_cell() and
// overlays with cell_rect(). Rows and columns may start below 0, so the padding ring uses input coordinates.
#pragma once

#include <cstdint>
#include <string>

#include <imgui.h>

#include "model/cell_text.h"

namespace poolscope::app {

struct GridLayout {
    int64_t first_row = 0, first_col = 0;  // may be negative: the padding ring keeps input coordinates
    int64_t rows = 0, cols = 0;            // cells drawn
    float cell = 32.0f;                    // cell size in pixels
    ImVec2 origin{0, 0};                   // screen position of (first_row, first_col); set by begin

    ImVec2 size() const { return {cols * cell, rows * cell}; }
    // Top-left of cell (row, col); fractional positions place the sliding window between cells.
    ImVec2 cell_min(float row, float col) const {
        return {origin.x + (col - static_cast<float>(first_col)) * cell,
                origin.y + (row - static_cast<float>(first_row)) * cell};
    }
    bool contains(int64_t row, int64_t col) const {
        return row >= first_row && row < first_row + rows && col >= first_col && col < first_col + cols;
    }
};

struct GridHit {
    bool hovered = false;        // the mouse is over a cell
    bool clicked = false;        // left click this frame
    bool right_clicked = false;  // right click this frame (a context menu)
    int64_t row = 0, col = 0;
};

// Reserves layout.size() at the cursor (IDs: pass a `##name`), sets layout.origin, reports the mouse.
GridHit begin_matrix_grid(const char* id, GridLayout& layout);

// The rows [row_begin, row_end) and columns [col_begin, col_end) of a laid-out grid that show inside the
// current clip rectangle: loops visit only these, so a picture-sized matrix costs what the screen shows.
struct CellRange {
    int64_t row_begin = 0, row_end = 0, col_begin = 0, col_end = 0;
    bool contains(int64_t row, int64_t col) const {
        return row >= row_begin && row < row_end && col >= col_begin && col < col_end;
    }
};
CellRange visible_cells(const GridLayout& layout);

struct CellStyle {
    ImU32 fill = 0;
    ImU32 border = 0;
    ImU32 text = 0;
    float border_width = 1.0f;
};

// Where draw_cell() paints a cell: its box in whole pixels (the border inside it) and the border's width.
struct CellBox {
    ImVec2 min, max;
    float border = 0.0f;  // 0: no border
    // The box before its edges went to whole pixels, the same for every cell of a grid (the whole-pixel
    // boxes differ by a pixel): what a cell's number is sized for, so one value looks the same in every cell.
    float side = 0.0f;
};
CellBox cell_box(const GridLayout& layout, int64_t row, int64_t col, const CellStyle& style);

// The rounding of the window's taps (the tinted cells it reads) and of their legend swatch; the atlas bakes
// its corners (widgets/fonts.cpp, platform/rounded_stencils.h).
inline constexpr float kTapRounding = 3.0f;

// Paints one cell; `text` is centred and scaled to fit, drawn with `font` (nullptr: the current font).
void draw_cell(ImDrawList* draw, const GridLayout& layout, int64_t row, int64_t col, const CellStyle& style,
               const char* text, ImFont* font);
// Text centred in a rectangle, `max_height_fraction` of its height (a cell's number: model/cell_text.h),
// shrunk to fit its width; sized for a `fit_side` square instead when one is given (a cell's CellBox::side).
void draw_fitted_text(ImDrawList* draw, ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, const char* text,
                      float max_height_fraction = kCellTextHeight, float fit_side = 0.0f);

}  // namespace poolscope::app
