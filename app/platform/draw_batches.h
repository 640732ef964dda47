// The order the renderer draws a command's triangles in (draw_renderer.h): each triangle samples the atlas
// nearest or through its filter, and ImGui interleaves the two (a frame, a ring round a cell, the next frame,
// ...); each switch is a draw call, costing llvmpipe ~10 µs. A triangle may move before the other kind's runs
// when it overlaps none of their triangles, so triangles that overlap keep their order and every pixel is
// blended exactly as before.
// A run whose triangles each have one colour is marked flat, so llvmpipe need not interpolate the colour
// across its pixels (splitting runs by it instead nearly doubled the draw calls: every anti-aliased shape is
// a one-colour fill and a fading fringe). GL-free, so tests check it on hand-made lists.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

// How a run's triangles are drawn.
enum class RunKind : uint8_t {
    kTexels,  // the atlas sampled nearest: each pixel centre on a texel's centre (a fill on the white texel:
              // samples_white_only; a glyph at its own size: samples_texel_centres)
    kFiltered,  // the texture as it is set up (the atlas: bilinear)
};

struct DrawRun {
    unsigned offset = 0, count = 0;  // indices into the reordered index buffer
    RunKind kind = RunKind::kFiltered;
    bool flat = false;  // every triangle one colour at its three vertices (one_colour): not interpolated
};

// The font atlas as the run builder sees it.
struct AtlasInfo {
    ImTextureID texture = nullptr;
    ImVec2 white_uv;  // ImFontAtlas::TexUvWhitePixel
    ImVec2 size;      // in texels (TexWidth, TexHeight)
};

// Whether the triangle's three vertices have the same colour: drawn with that colour, flat, it gives the very
// pixels the interpolated colour does (the differences are exactly zero).
bool one_colour(const ImDrawVert* vertices, const ImDrawIdx* tri);

// Whether the triangle `tri` (vertex indices into `vertices`) puts every framebuffer pixel's centre on an
// atlas texel's centre: its map from pixels to texels steps whole texels per pixel, and the pixel grid's
// centres land on texel centres. The bilinear filter returns that one texel there, so nearest sampling gives
// the very same pixels for a quarter of the texel reads: a glyph at its font's own size, a baked corner, an
// anti-aliased line along a pixel row (its texels run across the line). `origin` and `scale` map ImGui's
// coordinates to pixels, as for RunBuilder::begin.
bool samples_texel_centres(const ImDrawVert* vertices, const ImDrawIdx* tri, ImVec2 origin, ImVec2 scale,
                           ImVec2 atlas_size);

class RunBuilder {
  public:
    // Sizes the overlap grid for a framebuffer of `width` × `height` pixels; `origin` and `scale` map ImGui's
    // coordinates to its pixels (ImDrawData::DisplayPos, FramebufferScale).
    void begin(int width, int height, ImVec2 origin, ImVec2 scale);
    // Appends the triangles of `cmd` to `indices` in drawing order and their runs to `runs`. A command that
    // draws from `atlas` has its triangles sorted by kind; any other texture's are all kFiltered.
    void build(const ImDrawList& list, const ImDrawCmd& cmd, const AtlasInfo& atlas,
               std::vector<ImDrawIdx>& indices, std::vector<DrawRun>& runs);

  private:
    static constexpr int kCell = 8;  // pixels per overlap-grid cell
    std::vector<uint32_t> stamps_;   // per cell: the last run that touched it
    int cols_ = 0, rows_ = 0;
    ImVec2 origin_, scale_;
    uint32_t next_id_ = 1;
    std::vector<std::array<ImDrawIdx, 3>> tris_;  // scratch: the command's triangles, fans cut into ears
    std::vector<RunKind> kinds_;                  // scratch: each triangle's kind
    std::vector<int> run_of_;  // scratch: each triangle's run within the command; -1: clipped
    struct Pending {
        RunKind kind;
        bool flat;
        uint32_t id;
        unsigned count;
    };
    std::vector<Pending> pending_;
};

}  // namespace poolscope::app
