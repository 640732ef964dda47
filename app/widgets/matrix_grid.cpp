// The matrix grid canvas (see matrix_grid.h).
#include "widgets/matrix_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
        }
    }
    return hit;
}

void draw_fitted_text(ImDrawList* draw, ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, const char* text,
                      float max_height_fraction) {
    if (!text || !*text) return;
    if (!font) font = ImGui::GetFont();
    const float box_w = max.x - min.x, box_h = max.y - min.y;
    float size = box_h * max_height_fraction;
    const ImVec2 measured = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    if (measured.x > box_w * 0.88f) size *= box_w * 0.88f / measured.x;
    if (size < 6.0f) return;  // unreadable: leave the cell empty rather than draw noise
    const ImVec2 text_size = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    const ImVec2 pos(min.x + (box_w - text_size.x) * 0.5f, min.y + (box_h - text_size.y) * 0.5f);
    draw->AddText(font, size, pos, color, text);
}

void draw_cell(ImDrawList* draw, const GridLayout& layout, int64_t row, int64_t col, const CellStyle& style,
               const char* text, ImFont* font) {
    const ImVec2 min = layout.cell_min(static_cast<float>(row), static_cast<float>(col));
    const ImVec2 max(min.x + layout.cell, min.y + layout.cell);
    const float inset = std::max(1.0f, layout.cell * 0.04f);
    const ImVec2 a(min.x + inset, min.y + inset), b(max.x - inset, max.y - inset);
    if (style.fill) draw->AddRectFilled(a, b, style.fill, layout.cell * 0.12f);
    if (style.border) draw->AddRect(a, b, style.border, layout.cell * 0.12f, 0, style.border_width);
    if (style.text) draw_fitted_text(draw, font, a, b, style.text, text);
}

}  // namespace poolscope::app
