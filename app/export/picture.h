// One export frame as a list of shapes (rounded rectangles, rings, text) in pixels: built once by the scene
// (export_scene.h), then painted on the CPU (raster.h) or written as SVG (svg_writer.h), so the bitmap and
// the vector picture cannot disagree on what is where.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "model/matrix_colors.h"

namespace poolscope::app {

struct RectItem {
    float x = 0, y = 0, w = 0, h = 0;
    Rgba fill{0, 0, 0, 0};  // alpha 0: not filled
    Rgba stroke{0, 0, 0, 0};
    float stroke_width = 0;  // centred on the outline
    float radius = 0;
};

struct CircleItem {
    float cx = 0, cy = 0, r = 0;
    Rgba stroke;
    float stroke_width = 1;
};

enum class TextAnchor { kStart, kMiddle };
// SVG classes: a value in a cell ("v"), caption / arithmetic / walkthrough text ("line"), the Backward view's
// share label ("share"), a legend entry ("legend").
enum class TextKind { kCell, kLine, kShare, kLegend };

struct TextItem {
    float x = 0, y = 0;  // the baseline's start (kStart) or middle (kMiddle)
    float size = 16;     // pixel height, ascent to descent (as ImGui sizes fonts)
    Rgba color;
    std::string text;  // UTF-8
    TextAnchor anchor = TextAnchor::kStart;
    TextKind kind = TextKind::kLine;
};

using PictureItem = std::variant<RectItem, CircleItem, TextItem>;

struct Picture {
    int width = 0, height = 0;
    Rgba background;
    std::vector<PictureItem> items;  // painted in order
};

}  // namespace poolscope::app
