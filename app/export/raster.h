// Paints a Picture on the CPU into 8-bit RGB (no GL, so `poolscope export` runs without a display):
// anti-aliased rounded rectangles and rings from their signed distance, text from stb_truetype's glyphs.
#pragma once

#include <cstdint>
#include <vector>

#include "export/export_fonts.h"
#include "export/picture.h"

namespace poolscope::app {

struct RgbImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;  // width*height*3, rows top to bottom
    Rgba at(int x, int y) const {
        const size_t i = (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3;
        return {pixels[i], pixels[i + 1], pixels[i + 2]};
    }
};

RgbImage rasterize(const Picture& picture, const ExportFonts& fonts);

}  // namespace poolscope::app
