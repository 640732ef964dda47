// The matrix grid canvas (see matrix_grid.h).
#include "widgets/matrix_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "widgets/fonts.h"

namespace poolscope::app {

GridHit begin_matrix_grid(const char* id, GridLayout& layout) {
    IM_ASSERT(layout.rows > 0 && layout.cols > 0 && "begin_matrix_grid: set rows and cols first");
    IM_ASSERT(layout.cell > 1.0f && "begin_matrix_grid: the cell size must be positive");
    layout.origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, layout.size());
    GridHit hit;
    if (ImGui::IsItemHovered()) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const int64_t col = static_cast<int64_t>(std::floor((mouse.x - layout.origin.x) / layout.cell));
        const int64_t row = static_cast<int64_t>(std::floor((mouse.y - layout.origin.y) / layout.cell));
        if (row >= 0 && row < layout.rows && col >= 0 && col < layout.cols) {
            hit.hovered = true;
            hit.row = row + layout.first_row;
            hit.col = col + layout.first_col;
            hit.clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
            hit.right_clicked = ImGui::IsItemClicked(ImGuiMouseButton_Right);
        }
    }
    return hit;
}

CellRange visible_cells(const GridLayout& layout) {
    const ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 lo = draw->GetClipRectMin(), hi = draw->GetClipRectMax();
    // One cell of margin each way: the sliding window's outline and rings reach past their cells.
    const auto first = [&](float edge, float origin, int64_t start, int64_t count) {
        const float k = std::floor((edge - origin) / layout.cell) - 1.0f;
        return start + std::clamp<int64_t>(static_cast<int64_t>(std::max(k, -1.0f)), 0, count);
    };
    const auto last = [&](float edge, float origin, int64_t start, int64_t count) {
        const float k = std::ceil((edge - origin) / layout.cell) + 1.0f;
        return start + std::clamp<int64_t>(static_cast<int64_t>(std::min(k, 4.0e9f)), 0, count);
    };
    CellRange r;
    r.row_begin = first(lo.y, layout.origin.y, layout.first_row, layout.rows);
    r.row_end = std::max(r.row_begin, last(hi.y, layout.origin.y, layout.first_row, layout.rows));
    r.col_begin = first(lo.x, layout.origin.x, layout.first_col, layout.cols);
    r.col_end = std::max(r.col_begin, last(hi.x, layout.origin.x, layout.first_col, layout.cols));
    return r;
}

void draw_fitted_text(ImDrawList* draw, ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, const char* text,
                      float max_height_fraction, float fit_side) {
    if (!text || !*text) return;
    if (!ImGui::IsRectVisible(min, max))
        return;  // scrolled away: its glyphs would still reach the rasteriser
    if (!font) font = ImGui::GetFont();
    const float box_w = max.x - min.x, box_h = max.y - min.y;
    const float fit_w = fit_side > 0.0f ? fit_side : box_w, fit_h = fit_side > 0.0f ? fit_side : box_h;
    float size = fit_h * max_height_fraction;
    const ImVec2 measured = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    if (measured.x > fit_w * kCellTextWidth) size *= fit_w * kCellTextWidth / measured.x;
    if (size < 6.0f) return;  // unreadable: leave the cell empty rather than draw noise
    const SizedFont fit = font_for_size(font, size);
    const ImVec2 text_size = fit.font->CalcTextSizeA(fit.size, FLT_MAX, 0.0f, text);
    const ImVec2 pos(min.x + (box_w - text_size.x) * 0.5f, min.y + (box_h - text_size.y) * 0.5f);
    draw->AddText(fit.font, fit.size, pos, color, text);
}

CellBox cell_box(const GridLayout& layout, int64_t row, int64_t col, const CellStyle& style) {
    const ImVec2 min = layout.cell_min(static_cast<float>(row), static_cast<float>(col));
    const ImVec2 max(min.x + layout.cell, min.y + layout.cell);
    const float inset = std::max(1.0f, layout.cell * 0.04f);
    // Whole pixels: square, unrounded cells need no anti-aliased edge to look clean.
    CellBox box;
    box.min = ImVec2(std::round(min.x + inset), std::round(min.y + inset));
    box.max = ImVec2(std::round(max.x - inset), std::round(max.y - inset));
    box.border = style.border ? std::max(1.0f, std::round(style.border_width)) : 0.0f;
    box.side = layout.cell - 2.0f * inset;
    return box;
}

void draw_cell(ImDrawList* draw, const GridLayout& layout, int64_t row, int64_t col, const CellStyle& style,
               const char* text, ImFont* font) {
    const CellBox box = cell_box(layout, row, col, style);
    const ImVec2 a = box.min, b = box.max;
    if (!ImGui::IsRectVisible(a, b)) return;  // culled: clipped cells cost a software rasteriser all the same
    // The border is folded into the fill: four strips around an inner fill, so every pixel is drawn once and
    // a cell is five plain quads (a rounded, anti-aliased fill plus a stroked outline made ~80 triangles).
    const float bw = box.border;
    if (bw > 0.0f) {
        draw->AddRectFilled(a, ImVec2(b.x, a.y + bw), style.border);
        draw->AddRectFilled(ImVec2(a.x, b.y - bw), b, style.border);
        draw->AddRectFilled(ImVec2(a.x, a.y + bw), ImVec2(a.x + bw, b.y - bw), style.border);
        draw->AddRectFilled(ImVec2(b.x - bw, a.y + bw), ImVec2(b.x, b.y - bw), style.border);
    }
    if (style.fill) draw->AddRectFilled(ImVec2(a.x + bw, a.y + bw), ImVec2(b.x - bw, b.y - bw), style.fill);
    if (style.text) draw_fitted_text(draw, font, a, b, style.text, text, kCellTextHeight, box.side);
}

}  // namespace poolscope::app
