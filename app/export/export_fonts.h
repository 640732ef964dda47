// The fonts an export draws with, read with stb_truetype: DejaVu Sans (the app's number and Latin font) and
// WenQuanYi Micro Hei for Chinese, found like the window's (platform/font_files.h). Measures
// text for the layout and paints glyphs for the raster; the SVG names the same families.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "poolscope/result.h"

namespace poolscope::app {

struct GlyphBitmap;

class ExportFonts {
  public:
    ExportFonts();
    ~ExportFonts();
    ExportFonts(ExportFonts&&) noexcept;
    ExportFonts& operator=(ExportFonts&&) noexcept;

    // Loads DejaVu Sans (required) and the Chinese font (optional: has_cjk() says).
    static Result<ExportFonts> load();
    bool has_cjk() const;

    // Width in pixels of `text` at pixel height `size` (ascent to descent).
    float text_width(std::string_view text, float size) const;
    // The baseline's distance below the top of a line of height `size`.
    float ascent(float size) const;
    // The font's em size for pixel height `size` (SVG's font-size).
    float em_size(float size) const;

    // Calls paint(x, y, coverage 0..255) for every pixel of `text` drawn with its baseline starting at
    // (x, baseline).
    template <typename Paint>
    void draw(std::string_view text, float x, float baseline, float size, Paint&& paint) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    // One glyph's coverage at a sub-pixel position; the bitmap is owned by the cache.
    const GlyphBitmap* glyph(std::string_view text, size_t& pos, float size, float& x) const;
};

struct GlyphBitmap {
    int x0 = 0, y0 = 0, w = 0, h = 0;  // placement relative to the rounded pen position
    std::string coverage;              // w*h bytes
    float advance = 0;
};

template <typename Paint>
void ExportFonts::draw(std::string_view text, float x, float baseline, float size, Paint&& paint) const {
    size_t pos = 0;
    while (pos < text.size()) {
        const float pen = x;
        const GlyphBitmap* g = glyph(text, pos, size, x);
        if (!g) continue;
        const int ox = static_cast<int>(pen), oy = static_cast<int>(baseline + 0.5f);
        for (int j = 0; j < g->h; ++j)
            for (int i = 0; i < g->w; ++i) {
                const auto c = static_cast<unsigned char>(g->coverage[static_cast<size_t>(j * g->w + i)]);
                if (c) paint(ox + g->x0 + i, oy + g->y0 + j, c);
            }
    }
}

}  // namespace poolscope::app
