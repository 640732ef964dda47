// Fonts for exports (see export_fonts.h): platform/font_files.h finds the files, stb_truetype (Debian's
// libstb) reads them; glyph bitmaps are cached per size and quarter-pixel position, as a GIF repeats the
// same digits.
#include "export/export_fonts.h"

#include <stb_truetype.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>
#include <vector>

#include "platform/font_files.h"

namespace poolscope::app {
namespace {

// One UTF-8 character at `pos` (advanced past it); U+FFFD for a broken sequence.
uint32_t next_codepoint(std::string_view s, size_t& pos) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b = byte(pos);
    const int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || pos + static_cast<size_t>(n) > s.size()) return ++pos, 0xFFFD;
    uint32_t c = n == 1 ? b : b & (0x7F >> n);
    for (int i = 1; i < n; ++i)
        c = (c << 6) | (byte(pos + static_cast<size_t>(i)) & 0x3F);
    pos += static_cast<size_t>(n);
    return c;
}

}  // namespace

struct ExportFonts::Impl {
    // One font file, read whole, and stb_truetype's view of it. A member type, not an anonymous namespace's:
    // in a unity batch this file is an included one, where GCC warns of a class with linkage holding such a
    // type (-Wsubobject-linkage).
    struct Face {
        std::vector<unsigned char> bytes;
        stbtt_fontinfo info{};
        bool loaded = false;

        bool load(const std::string& path, int index) {
            std::ifstream file(path, std::ios::binary);
            if (!file) return false;
            bytes.assign(std::istreambuf_iterator<char>(file), {});
            const int offset = stbtt_GetFontOffsetForIndex(bytes.data(), index);
            loaded = offset >= 0 && stbtt_InitFont(&info, bytes.data(), offset);
            return loaded;
        }
    };

    Face latin, cjk;
    // (face 0/1, glyph, size in 1/64 px, quarter-pixel offset) -> bitmap
    mutable std::map<std::tuple<int, int, int, int>, GlyphBitmap> cache;

    // The face that has `c` (DejaVu first, as the window merges the Chinese font under it), and its glyph.
    std::pair<const Face*, int> find(uint32_t c) const {
        const int g = stbtt_FindGlyphIndex(&latin.info, static_cast<int>(c));
        if (g || !cjk.loaded) return {&latin, g};
        const int h = stbtt_FindGlyphIndex(&cjk.info, static_cast<int>(c));
        return h ? std::pair{&cjk, h} : std::pair{&latin, 0};
    }
};

ExportFonts::ExportFonts() : impl_(std::make_unique<Impl>()) {}
ExportFonts::~ExportFonts() = default;
ExportFonts::ExportFonts(ExportFonts&&) noexcept = default;
ExportFonts& ExportFonts::operator=(ExportFonts&&) noexcept = default;

Result<ExportFonts> ExportFonts::load() {
    ExportFonts fonts;
    const std::string latin = find_font_file("DejaVu Sans");
    if (latin.empty() || !fonts.impl_->latin.load(latin, 0))
        return Error{"font", "DejaVu Sans not found (apt install fonts-dejavu-core): exports need it"};
    // Debian's fonts-wqy-microhei, else fonts-noto-cjk (a collection: the SC face has its own index).
    int index = 0;
    std::string cjk = find_font_file("WenQuanYi Micro Hei", &index);
    if (cjk.empty()) cjk = find_font_file("Noto Sans CJK SC", &index);
    if (!cjk.empty()) fonts.impl_->cjk.load(cjk, index);
    return fonts;
}

bool ExportFonts::has_cjk() const {
    return impl_->cjk.loaded;
}

float ExportFonts::text_width(std::string_view text, float size) const {
    float width = 0;
    for (size_t pos = 0; pos < text.size();) {
        const auto [face, g] = impl_->find(next_codepoint(text, pos));
        int advance = 0, lsb = 0;
        stbtt_GetGlyphHMetrics(&face->info, g, &advance, &lsb);
        width += static_cast<float>(advance) * stbtt_ScaleForPixelHeight(&face->info, size);
    }
    return width;
}

float ExportFonts::ascent(float size) const {
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&impl_->latin.info, &ascent, &descent, &gap);
    return static_cast<float>(ascent) * stbtt_ScaleForPixelHeight(&impl_->latin.info, size);
}

float ExportFonts::em_size(float size) const {
    return size * stbtt_ScaleForPixelHeight(&impl_->latin.info, size) /
           stbtt_ScaleForMappingEmToPixels(&impl_->latin.info, size);
}

const GlyphBitmap* ExportFonts::glyph(std::string_view text, size_t& pos, float size, float& x) const {
    const auto [face, g] = impl_->find(next_codepoint(text, pos));
    const float scale = stbtt_ScaleForPixelHeight(&face->info, size);
    const int quarter = static_cast<int>((x - std::floor(x)) * 4.0f) & 3;
    const auto key = std::tuple{face == &impl_->cjk ? 1 : 0, g, static_cast<int>(size * 64.0f), quarter};
    auto found = impl_->cache.find(key);
    if (found == impl_->cache.end()) {
        GlyphBitmap bitmap;
        int advance = 0, lsb = 0;
        stbtt_GetGlyphHMetrics(&face->info, g, &advance, &lsb);
        bitmap.advance = static_cast<float>(advance) * scale;
        const float shift = static_cast<float>(quarter) * 0.25f;
        int x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBoxSubpixel(&face->info, g, scale, scale, shift, 0, &bitmap.x0, &bitmap.y0, &x1,
                                        &y1);
        bitmap.w = std::max(0, x1 - bitmap.x0);
        bitmap.h = std::max(0, y1 - bitmap.y0);
        bitmap.coverage.assign(static_cast<size_t>(bitmap.w * bitmap.h), '\0');
        if (bitmap.w > 0 && bitmap.h > 0)
            stbtt_MakeGlyphBitmapSubpixel(&face->info,
                                          reinterpret_cast<unsigned char*>(bitmap.coverage.data()), bitmap.w,
                                          bitmap.h, bitmap.w, scale, scale, shift, 0, g);
        found = impl_->cache.emplace(key, std::move(bitmap)).first;
    }
    x += found->second.advance;
    return &found->second;
}

}  // namespace poolscope::app
