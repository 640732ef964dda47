// The order the renderer draws a command's triangles in (draw_renderer.h): each triangle needs the textured
// program or the untextured one, and ImGui interleaves them (a frame, its label, the next frame, ...), which
// made ~160 program switches and draw calls a frame, each costing llvmpipe ~10 µs. A triangle may move before
// the other program's last run when it overlaps none of that run's triangles, so triangles that overlap keep
// their order and every pixel is blended exactly as before. GL-free, so tests check it on hand-made lists.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

struct DrawRun {
    unsigned offset = 0, count = 0;  // indices into the reordered index buffer
    bool solid = false;              // drawn without the texture (samples_white_only)
};

class RunBuilder {
  public:
    // Sizes the overlap grid for a framebuffer of `width` × `height` pixels; `origin` and `scale` map ImGui's
    // coordinates to its pixels (ImDrawData::DisplayPos, FramebufferScale).
    void begin(int width, int height, ImVec2 origin, ImVec2 scale);
    // Appends the triangles of `cmd` to `indices` in drawing order and their runs to `runs`. `atlas`: the
    // command draws from the font atlas, so triangles on `white_uv` can be drawn untextured.
    void build(const ImDrawList& list, const ImDrawCmd& cmd, bool atlas, ImVec2 white_uv,
               std::vector<ImDrawIdx>& indices, std::vector<DrawRun>& runs);

  private:
    static constexpr int kCell = 8;  // pixels per overlap-grid cell
    std::vector<uint32_t> stamps_;   // per cell: the last run that touched it
    int cols_ = 0, rows_ = 0;
    ImVec2 origin_, scale_;
    uint32_t next_id_ = 1;
    std::vector<std::array<ImDrawIdx, 3>> tris_;  // scratch: the command's triangles, fans cut into ears
    std::vector<int> run_of_;  // scratch: each triangle's run within the command; -1: clipped
    struct Pending {
        bool solid;
        uint32_t id;
        unsigned count;
    };
    std::vector<Pending> pending_;
};

}  // namespace poolscope::app
