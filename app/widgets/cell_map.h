// One channel of a feature map as a small grid (the Network view's maps): cells scaled to the room given,
// a highlighted box of rows × columns (a receptive field: runs, so a 224×224 map draws a few rectangles),
// the chosen cell outlined, hover and click reported as (row, column).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "poolscope/receptive_field.h"

namespace poolscope::app {

using MapCell = std::pair<int64_t, int64_t>;  // row, column

struct CellMapStyle {
    float max_w = 200.0f;     // the room the map may take; larger maps scroll inside it
    float max_h = 200.0f;     //
    float min_cell = 3.0f;    // cells are never drawn smaller than this
    float max_cell = 18.0f;   // nor larger
    bool interactive = true;  // hover and click
};

struct CellMapResult {
    std::optional<MapCell> hovered;
    std::optional<MapCell> clicked;
    float cell_px = 0.0f;              // the size the cells were drawn at
    float x = 0, y = 0, w = 0, h = 0;  // the whole grid on screen (inside its scrolling room, if it scrolls)
};

// The size the map takes in `style`'s room (scroll bars included when it scrolls).
float cell_map_width(int64_t height, int64_t width, const CellMapStyle& style);

// `rows` and `cols` highlight the box of those rows and columns (both null: none). `id` must be unique.
CellMapResult draw_cell_map(const char* id, int64_t height, int64_t width, const CellMapStyle& style,
                            const IndexRuns* rows, const IndexRuns* cols, std::optional<MapCell> chosen);

}  // namespace poolscope::app
