// What one frame asks the rasteriser to do, counted from ImGui's draw data: draw calls, vertices, triangles,
// and the pixels the triangles cover (overdraw), split into solid fills, translucent solid fills (AA fringes,
// tints) and textured pixels (text, pictures). `POOLSCOPE_DRAW_STATS=1 poolscope --bench-frames N` prints the
// per-frame means; bench/imgui_demo_peer.cpp prints the same for the peer. Needs imgui.h only.
#pragma once

#include <optional>
#include <string>

struct ImDrawData;
struct ImVec2;

namespace poolscope::app {

struct DrawCounts {
    double draw_calls = 0, vertices = 0, triangles = 0;
    double solid_px = 0;        // opaque triangles on the atlas' white pixel (fills)
    double translucent_px = 0;  // white-pixel triangles with any vertex alpha < 255 (AA fringes, tints)
    double textured_px = 0;     // triangles sampling the atlas (glyphs) or another texture
    double tiny_triangles = 0;  // covering under 2 px each: pure per-triangle cost in a software rasteriser
    double blocks = 0;          // 4×4-pixel blocks each triangle reaches: what llvmpipe runs its shader on
};

class DrawStats {
  public:
    // Adds one frame; `white_uv` is the font atlas' white pixel (ImFontAtlas::TexUvWhitePixel).
    void add(const ImDrawData& data, const ImVec2& white_uv);
    // {"draw_stats": {"frames", per-frame means..., "overdraw": covered px / framebuffer px}} on one line.
    std::string json(double framebuffer_px) const;

  private:
    DrawCounts sum_;
    int frames_ = 0;
    int atlas_w_ = 0, atlas_h_ = 0;  // the font atlas texture every ImGui pixel samples
};

// A DrawStats when the environment has POOLSCOPE_DRAW_STATS set (to anything but 0), else nullopt.
std::optional<DrawStats> draw_stats_from_env();

}  // namespace poolscope::app
