// Cell pictures (see sheet_pictures.h).
#include "platform/sheet_pictures.h"

#include <algorithm>
#include <utility>

namespace poolscope::app {
namespace {

constexpr uintptr_t kPictureBit = uintptr_t(1) << (sizeof(uintptr_t) * 8 - 1);

// splitmix64's finaliser: every input bit moves about half of the output bits.
uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

// A rectangle as ImGui's AddRectFilled() covers it: corners in either order, cut to the picture.
void fill_rect(uint32_t* pixels, int w, int h, int xa, int ya, int xb, int yb, uint32_t color) {
    const int x0 = std::max(std::min(xa, xb), 0), x1 = std::min(std::max(xa, xb), w);
    const int y0 = std::max(std::min(ya, yb), 0), y1 = std::min(std::max(ya, yb), h);
    for (int y = y0; y < y1; ++y)
        std::fill(pixels + size_t(y) * size_t(w) + x0, pixels + size_t(y) * size_t(w) + std::max(x0, x1),
                  color);
}

}  // namespace

uint64_t picture_hash(const SheetPicture& picture) {
    uint64_t h = mix(uint64_t(picture.width), uint64_t(picture.height));
    for (const SheetCell& c : picture.cells) {
        h = mix(h, uint64_t(uint32_t(c.x0)) | uint64_t(uint32_t(c.y0)) << 32);
        h = mix(h, uint64_t(uint32_t(c.x1)) | uint64_t(uint32_t(c.y1)) << 32);
        h = mix(h, uint64_t(c.border_color) | uint64_t(c.fill) << 32);
        h = mix(h, uint64_t(uint32_t(c.border)));
    }
    return h;
}

void paint_picture(const SheetPicture& picture, uint32_t* pixels) {
    const int w = picture.width, h = picture.height;
    std::fill(pixels, pixels + size_t(w) * size_t(h), 0u);
    for (const SheetCell& c : picture.cells) {
        // draw_cell()'s five rectangles in its order: the border's four strips, then the inside.
        const int b = c.border;
        if (b > 0) {
            fill_rect(pixels, w, h, c.x0, c.y0, c.x1, c.y0 + b, c.border_color);
            fill_rect(pixels, w, h, c.x0, c.y1 - b, c.x1, c.y1, c.border_color);
            fill_rect(pixels, w, h, c.x0, c.y0 + b, c.x0 + b, c.y1 - b, c.border_color);
            fill_rect(pixels, w, h, c.x1 - b, c.y0 + b, c.x1, c.y1 - b, c.border_color);
        }
        if (c.fill) fill_rect(pixels, w, h, c.x0 + b, c.y0 + b, c.x1 - b, c.y1 - b, c.fill);
    }
}

ImTextureID picture_texture_id(uint64_t hash) {
    return reinterpret_cast<ImTextureID>(uintptr_t(hash) | kPictureBit);
}

bool is_picture_texture(ImTextureID id) {
    return (reinterpret_cast<uintptr_t>(id) & kPictureBit) != 0;
}

ImTextureID CellSheets::add(SheetPicture picture) {
    picture.hash = picture_hash(picture);
    const ImTextureID id = picture_texture_id(picture.hash);
    const bool known = std::any_of(pictures_.begin(), pictures_.end(),
                                   [&](const SheetPicture& p) { return picture_texture_id(p.hash) == id; });
    if (!known) pictures_.push_back(std::move(picture));
    return id;
}

}  // namespace poolscope::app
