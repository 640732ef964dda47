// A feature map's grid (see cell_map.h).
#include "widgets/cell_map.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "widgets/palette.h"

namespace poolscope::app {

namespace {

float cell_size(int64_t height, int64_t width, const CellMapStyle& style) {
    // One row (a Linear's features) scrolls sideways anyway: cells large enough to click.
    const float least = height == 1 ? std::max(style.min_cell, style.max_cell * 0.5f) : style.min_cell;
    const float fit =
        std::min(style.max_w / static_cast<float>(width), style.max_h / static_cast<float>(height));
    return std::floor(std::clamp(fit, least, style.max_cell));
}

}  // namespace

float cell_map_width(int64_t height, int64_t width, const CellMapStyle& style) {
    if (height < 1 || width < 1) return 0.0f;
    const float cell = cell_size(height, width, style);
    const float w = cell * static_cast<float>(width), h = cell * static_cast<float>(height);
    const bool scrolls = w > style.max_w + 0.5f || h > style.max_h + 0.5f;
    return scrolls ? std::min(w, style.max_w) + ImGui::GetStyle().ScrollbarSize : w;
}

CellMapResult draw_cell_map(const char* id, int64_t height, int64_t width, const CellMapStyle& style,
                            const IndexRuns* rows, const IndexRuns* cols, std::optional<MapCell> chosen) {
    CellMapResult result;
    if (height < 1 || width < 1) return result;
    const float cell = cell_size(height, width, style);
    result.cell_px = cell;
    const ImVec2 size(cell * static_cast<float>(width), cell * static_cast<float>(height));
    // A map larger than its room scrolls inside a child window of that room.
    const bool scrolls = size.x > style.max_w + 0.5f || size.y > style.max_h + 0.5f;
    if (scrolls) {
        const float bar = ImGui::GetStyle().ScrollbarSize;
        ImGui::BeginChild(id,
                          ImVec2(std::min(size.x, style.max_w) + bar, std::min(size.y, style.max_h) + bar),
                          false, ImGuiWindowFlags_HorizontalScrollbar);
    }
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    result.x = origin.x, result.y = origin.y, result.w = size.x, result.h = size.y;
    if (style.interactive)
        ImGui::InvisibleButton("##map", size);
    else
        ImGui::Dummy(size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + size.x, origin.y + size.y);
    draw->AddRectFilled(origin, end, palette::kCellBackground);
    const auto at = [&](int64_t r, int64_t c) {
        return ImVec2(origin.x + cell * static_cast<float>(c), origin.y + cell * static_cast<float>(r));
    };
    if (rows && cols)
        for (const auto& [r0, r1] : rows->runs)
            for (const auto& [c0, c1] : cols->runs)
                draw->AddRectFilled(at(r0, c0), at(r1, c1), palette::kReadersFill);
    if (cell >= 3.0f) {  // grid lines, lighter where the cells are small (they would darken the map)
        const ImU32 line = cell >= 5.0f ? palette::kInputBorder : palette::kMapGridLight;
        for (int64_t r = 0; r <= height; ++r)
            draw->AddLine(at(r, 0), at(r, width), line);
        for (int64_t c = 0; c <= width; ++c)
            draw->AddLine(at(0, c), at(height, c), line);
    }
    draw->AddRect(origin, end, palette::kInputBorder);
    if (rows && cols && !rows->empty() && !cols->empty())  // the field's outline, visible at any cell size
        draw->AddRect(at(rows->first(), cols->first()), at(rows->last() + 1, cols->last() + 1),
                      palette::kReaders, 0.0f, 0, 2.0f);
    if (chosen)
        draw->AddRect(at(chosen->first, chosen->second), at(chosen->first + 1, chosen->second + 1),
                      palette::kSelected, 0.0f, 0, 2.0f);
    if (style.interactive && ImGui::IsItemHovered()) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const int64_t r =
            std::clamp<int64_t>(static_cast<int64_t>((mouse.y - origin.y) / cell), 0, height - 1);
        const int64_t c =
            std::clamp<int64_t>(static_cast<int64_t>((mouse.x - origin.x) / cell), 0, width - 1);
        result.hovered = MapCell{r, c};
        draw->AddRect(at(r, c), at(r + 1, c + 1), palette::kText);
        if (ImGui::IsItemClicked()) result.clicked = result.hovered;
    }
    ImGui::PopID();
    if (scrolls) ImGui::EndChild();
    return result;
}

}  // namespace poolscope::app
