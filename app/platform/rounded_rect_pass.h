// ImGui's rounded rectangles redrawn from their stencils (rounded_stencils.h), in the frame's draw data
// before anything reads it (issue 34). A fill or an outline is recognised by its indices (the pattern ImGui
// writes for the stencil's shape), then proven by writing the shape again with ImGui's own code at the
// rectangle found and comparing every vertex: only a rectangle ImGui drew exactly as AddRectFilled / AddRect
// of a stencil's radius and width, on whole pixels with all four corners rounded, is replaced, by its four
// corner sprites and the plain quads of its edges and inside (a bordered frame: 78 triangles become 30, and
// no slivers). Anything else is left as it is. GL-free.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

struct RoundedStencil;
class RoundedStencils;

class RoundedRectPass {
  public:
    // Rewrites `list` (the commands drawing from the font atlas `atlas`); returns how many rectangles it
    // replaced.
    size_t run(ImDrawList& list, const RoundedStencils& stencils, ImTextureID atlas);
    // Every list of `data` (none at a framebuffer scale other than 1, where ImGui's pixels are not the
    // window's), keeping the data's index total right.
    size_t run(ImDrawData& data, const RoundedStencils& stencils, ImTextureID atlas);

  private:
    struct Quad {
        float x0, y0, x1, y1;
        ImVec2 uv0, uv1;
        ImU32 col;
    };
    size_t replace(ImDrawList& list, const RoundedStencils& stencils, const ImDrawIdx* idx, size_t left,
                   unsigned vtx_offset);
    size_t try_stencil(ImDrawList& list, const RoundedStencil& s, unsigned base, const ImDrawIdx* idx,
                       size_t left, unsigned vtx_offset);
    void pieces(const RoundedStencil& s, ImVec2 white, ImVec2 lo, ImVec2 hi, ImU32 col);

    // Kept between frames so a frame allocates nothing.
    std::vector<ImDrawIdx> out_;
    std::vector<std::pair<unsigned, unsigned>> spans_;  // each command's new index offset and count
    std::vector<Quad> quads_;
    std::vector<std::pair<int, float>> runs_;  // a band's coverage levels and how many pixels each spans
    ImDrawList scratch_{nullptr};              // where the candidate shape is written again
};

}  // namespace poolscope::app
