// Draws ImGui's draw data with OpenGL in place of the ImGui OpenGL 3 backend's RenderDrawData (the font
// texture: font_texture.h). The difference is what a software rasteriser pays per pixel: the backend samples
// the font atlas through its bilinear filter for every pixel, four texel reads, though most of a PoolScope
// frame is fills on the atlas' white texel, glyphs drawn one texel per pixel, baked corners and straight
// anti-aliased lines, whose pixel centres all fall on texel centres (samples_texel_centres): there the filter
// returns that one texel, and a nearest-sampling sampler object gives the very same pixels from one read. The
// rest (a ring's slanted edges, text scaled off its font's size) keeps the filter. And runs of one-colour
// triangles (all but anti-aliased fringes) take their colour flat instead of interpolating it per pixel: the
// program comes in both variants (DrawRun::flat). (An untextured program for the white fills paid while the
// atlas was filtered; sampled nearest, fills and glyphs in one kind of run make fewer runs: bench/README.md.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "platform/draw_batches.h"

namespace poolscope::app {

class SheetTextures;

class DrawRenderer {
  public:
    // Compiles the program's two variants and makes the buffers and the nearest sampler; needs the GL context
    // current. False (with nothing made) when a shader does not compile.
    bool create();
    void destroy();
    bool ready() const { return programs_[1].name != 0; }
    // Draws `data` into the bound framebuffer, whose size is `fb_width` × `fb_height` pixels, with ImGui's
    // blending and each command's clip rectangle as a scissor. The GL state it changes is put back
    // afterwards, except the blend function and equation and the scissor box (draw_renderer.cpp SavedState
    // says why). The atlas is sampled nearest wherever that gives the filter's pixels (draw_batches.h
    // RunKind). Cell pictures' texture IDs (sheet_pictures.h) are drawn with their textures from `pictures`.
    void render(const ImDrawData& data, int fb_width, int fb_height, const AtlasInfo& atlas,
                const SheetTextures* pictures);
    // Orders the triangles of `data` (draw_batches.h) ahead of render(): GL-free, so it can run while the
    // GPU still rasterises the last frame. The next render() of the very same draw data, unchanged, only
    // submits them; any other render() orders its own.
    void prepare(const ImDrawData& data, int fb_width, int fb_height, const AtlasInfo& atlas);
    // For the benchmark's notes: how many draw calls the last render() made.
    int last_draw_calls() const { return draw_calls_; }

  private:
    void setup_state(const ImDrawData& data, int fb_width, int fb_height);

    struct Program {
        unsigned name = 0;
        int projection = -1, texture_unit = -1;  // the uniforms' locations
    };
    Program programs_[2];  // the colour interpolated, flat
    unsigned vao_ = 0, vertex_buffer_ = 0, index_buffer_ = 0;
    unsigned nearest_ = 0;  // sampler for kTexels runs
    int draw_calls_ = 0;
    // One draw list's triangles in drawing order.
    struct ListOrder {
        std::vector<ImDrawIdx> indices;  // the list's indices in that order
        std::vector<DrawRun> runs;       // its runs
        std::vector<size_t> cmd_runs;    // each command's first run in `runs`, and the end
    };
    void order_list(const ImDrawList& list, const AtlasInfo& atlas, ListOrder& order);
    // What prepare() ordered, to tell whether render() is handed the same draw data.
    std::vector<uintptr_t> fingerprint(const ImDrawData& data, int fb_width, int fb_height,
                                       const AtlasInfo& atlas) const;

    RunBuilder runs_;  // the order of each command's triangles (draw_batches.h)
    ListOrder scratch_;
    std::vector<ListOrder> prepared_;
    std::vector<uintptr_t> prepared_for_;  // empty: nothing prepared
};

// Whether a triangle of `list` starting at index `first` (VtxOffset `vtx_offset` added) only samples the
// white pixel: every vertex's UV equals `white_uv` exactly (ImGui writes that very value for fills).
bool samples_white_only(const ImDrawList& list, unsigned first, unsigned vtx_offset, ImVec2 white_uv);
// The same for the triangle of the three vertex indices `triangle`.
bool samples_white_only(const ImDrawList& list, const ImDrawIdx* triangle, unsigned vtx_offset,
                        ImVec2 white_uv);

}  // namespace poolscope::app
