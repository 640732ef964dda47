// Which pixels of a frame can differ from the last one: ImGui rebuilds every triangle each frame, but while a
// lesson animates most of the window is the same. DamageTracker compares this frame's triangles with the
// last frame's and returns the rectangles that must be drawn again; retained_frame.h keeps the rest of the
// picture. Works on ImDrawData only (no GL), so tests check it without a display.
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // [x0, x1) × [y0, y1), framebuffer pixels, top-left origin
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    int64_t area() const { return empty() ? 0 : int64_t(x1 - x0) * (y1 - y0); }
};

class DamageTracker {
  public:
    // The rectangles (at most kMaxRects, inside width × height) whose pixels may differ from the last
    // frame's; the whole framebuffer after invalidate(), a size change, a user callback, or when triangles
    // both frames draw were drawn in another order. Triangles with a texture other than `font_texture`
    // (pictures, whose pixels may change under the same vertices) are damage in every frame, except cell
    // pictures (platform/sheet_pictures.h), whose texture ID changes with their content.
    std::vector<PixelRect> update(const ImDrawData& data, ImTextureID font_texture, int width, int height);
    // The next update() returns the whole framebuffer (new font atlas, lost target contents).
    void invalidate() { valid_ = false; }
    // The pixels each triangle of the last update()'s draw data can touch, in draw order (every command of
    // every list, three indices a triangle); empty for triangles that draw nothing.
    const std::vector<PixelRect>& triangle_boxes() const { return boxes_; }

    static constexpr size_t kMaxRects = 6;

  private:
    struct Triangle {
        uint64_t hash;
        PixelRect box;  // pixels it can touch: bounding box, clipped to its command's clip rectangle
    };
    // Counts triangles per hash without allocating per frame: open addressing, cleared by generation.
    struct Slot {
        uint64_t hash = 0;
        uint32_t generation = 0;
        int count = 0;
    };
    int& count_of(uint64_t hash);
    void reset_counts(size_t entries);

    std::vector<Triangle> last_;
    std::vector<Triangle> current_;
    std::vector<PixelRect> boxes_;
    std::vector<Slot> slots_;
    uint32_t generation_ = 0;
    std::vector<uint64_t> common_new_, common_old_;
    int width_ = 0, height_ = 0;
    bool valid_ = false;
};

// The overlap of two rectangles (empty() when they do not meet).
PixelRect intersect(const PixelRect& a, const PixelRect& b);

// Merges rectangles until at most `max_rects` remain, joining first the pair whose union adds the fewest
// pixels; rectangles that overlap or touch are always joined.
std::vector<PixelRect> merge_rects(std::vector<PixelRect> rects, size_t max_rects);

}  // namespace poolscope::app
