// What a rounded rectangle of ImGui's covers, kept so it can be drawn with a few plain quads (issue 34).
// ImGui draws an anti-aliased rounded fill as a polygon with a fringe (a frame's is 46 triangles) and its
// 1-px outline as textured line segments (32 more): on a software rasteriser each triangle costs its set-up
// on the main thread and every 4×4 block its slivers touch. A stencil is that coverage, worked out once on
// the CPU from ImGui's own triangles as a GL rasteriser samples them (pixel centres, top-left rule, alpha and
// texture coordinates interpolated, the atlas sampled bilinearly): the four corners as sprites in the font
// atlas, the straight edges as per-row / per-column coverage, and the inside. rounded_rect_pass.h draws a
// recognised rectangle from it: the same pixels to one 8-bit step. GL-free.
#pragma once

#include <array>
#include <initializer_list>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

struct RoundedStencil {
    float radius = 0;     // whole pixels
    float thickness = 0;  // 0: AddRectFilled's fill; else AddRect's outline of this (whole) width
    int margin = 2;       // how far outside the rectangle the shape reaches, at most
    int reach = 0;        // how far into the rectangle a corner's shape reaches: the radius and a little
                          // (an outline's joint with its straight edge shades the next column)
    // Sprites, clockwise from the top left: the atlas' custom rect and its texture coordinates (u0, v0, u1,
    // v1).
    std::array<int, 4> sprite_rect{-1, -1, -1, -1};
    std::array<ImVec4, 4> sprite_uv{};
    // Coverage (0..1) across the straight edges, corner() entries each, top to bottom / left to right: the
    // rows from `margin` above the top edge to `reach` below it, the rows from `reach` above the bottom edge
    // to `margin` below it, and likewise the columns of the left and right edges; `inside` beyond them.
    std::vector<float> top, bottom, left, right;
    float inside = 0;
    int vertices = 0;                // what ImGui writes for one such rectangle (fill or outline):
    std::vector<ImDrawIdx> pattern;  // its vertices' count, and its indices counted from its first vertex
    bool ready = false;              // baked, and its pieces give back the whole shape

    int corner() const { return margin + reach; }  // a corner sprite's side
};

class RoundedStencils {
  public:
    // Before the atlas is built: the fills and outlines `style` draws (frames, grabs, panels, scrollbars at
    // whole-pixel radii), and fills and 1-px outlines of the `more` radii (the app's own rectangles), each
    // reserving four sprites in `atlas`.
    void reserve(ImFontAtlas& atlas, const ImGuiStyle& style, std::initializer_list<float> more = {});
    // After the atlas is built: each shape rasterised into its sprites and profiles; a shape whose pieces do
    // not give back the whole of it, pixel for pixel, stays unready (never drawn from the stencil).
    void bake(ImFontAtlas& atlas, const ImGuiStyle& style);
    const std::vector<RoundedStencil>& all() const { return stencils_; }
    void clear() { stencils_.clear(); }

  private:
    std::vector<RoundedStencil> stencils_;
};

// ImGui's shared drawing data for `atlas` and `style` as NewFrame() sets it up (tessellation, white texel,
// line textures), for drawing ImGui shapes outside a frame.
void init_shared_data(ImDrawListSharedData& data, const ImFontAtlas& atlas, const ImGuiStyle& style);

// A coverage (0..1) as the 8-bit step a texel or a vertex alpha holds.
int coverage_level(float coverage);

// The coverage of `list`'s triangles over the `w` × `h` pixels whose top left is `origin` (row-major):
// each triangle's vertex alpha times the atlas' alpha there (bilinear; white-texel triangles sample 1),
// composited over what is under it.
std::vector<float> rasterise_coverage(const ImDrawList& list, const ImFontAtlas& atlas, ImVec2 origin, int w,
                                      int h);

}  // namespace poolscope::app
