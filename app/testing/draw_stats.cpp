// Counting a frame's draw data (see draw_stats.h). Triangle areas are clipped to their command's clip
// rectangle by the fraction of the triangle's bounding box inside it: exact for the axis-aligned quads that
// make up nearly all of ImGui's pixels, close enough for the rest.
#include "testing/draw_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "model/env_flag.h"

namespace poolscope::app {
namespace {

// The 4×4 blocks of pixels (aligned to the framebuffer) that a triangle reaches inside its clip rectangle:
// a software rasteriser runs its fragment shader once per block a triangle touches, however little of it
// is covered, so thin and diagonal edges cost far more than their pixels.
double blocks_reached(const ImVec2& a, const ImVec2& b, const ImVec2& c, const ImVec4& clip) {
    const float x0 = std::max(std::min({a.x, b.x, c.x}), clip.x),
                x1 = std::min(std::max({a.x, b.x, c.x}), clip.z);
    const float y0 = std::max(std::min({a.y, b.y, c.y}), clip.y),
                y1 = std::min(std::max({a.y, b.y, c.y}), clip.w);
    if (x1 <= x0 || y1 <= y0) return 0;
    const float cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    if (cross == 0.0f) return 0;
    const float s = cross > 0 ? 1.0f : -1.0f;
    const ImVec2 p[3] = {a, b, c};
    double n = 0;
    for (int by = int(std::floor(y0 / 4)); by * 4 < y1; ++by)
        for (int bx = int(std::floor(x0 / 4)); bx * 4 < x1; ++bx) {
            bool out = false;
            for (int e = 0; e < 3 && !out; ++e) {
                const ImVec2 &u = p[e], &v = p[(e + 1) % 3];
                out = true;
                for (int k = 0; k < 4 && out; ++k) {
                    const float px = float(bx * 4 + (k & 1) * 4), py = float(by * 4 + (k >> 1) * 4);
                    out = s * ((v.x - u.x) * (py - u.y) - (v.y - u.y) * (px - u.x)) < 0;
                }
            }
            n += !out;
        }
    return n;
}

}  // namespace

void DrawStats::add(const ImDrawData& data, const ImVec2& white_uv) {
    const float white_u = white_uv.x, white_v = white_uv.y;
    ++frames_;
    atlas_w_ = ImGui::GetIO().Fonts->TexWidth;
    atlas_h_ = ImGui::GetIO().Fonts->TexHeight;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        sum_.vertices += list.VtxBuffer.Size;
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) continue;
            ++sum_.draw_calls;
            const ImVec4& clip = cmd.ClipRect;
            for (unsigned i = cmd.IdxOffset; i + 2 < cmd.IdxOffset + cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3] = {&list.VtxBuffer[list.IdxBuffer[i] + cmd.VtxOffset],
                                          &list.VtxBuffer[list.IdxBuffer[i + 1] + cmd.VtxOffset],
                                          &list.VtxBuffer[list.IdxBuffer[i + 2] + cmd.VtxOffset]};
                ++sum_.triangles;
                const float area = std::fabs((v[1]->pos.x - v[0]->pos.x) * (v[2]->pos.y - v[0]->pos.y) -
                                             (v[2]->pos.x - v[0]->pos.x) * (v[1]->pos.y - v[0]->pos.y)) *
                                   0.5f;
                const float x0 = std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x});
                const float x1 = std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x});
                const float y0 = std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y});
                const float y1 = std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y});
                const float box = (x1 - x0) * (y1 - y0);
                const float inside = std::max(0.0f, std::min(x1, clip.z) - std::max(x0, clip.x)) *
                                     std::max(0.0f, std::min(y1, clip.w) - std::max(y0, clip.y));
                const double px = box > 0.0f ? area * inside / box : 0.0;
                if (px < 2.0) ++sum_.tiny_triangles;
                sum_.blocks += blocks_reached(v[0]->pos, v[1]->pos, v[2]->pos, clip);
                bool white = cmd.TextureId == data.CmdLists[0]->CmdBuffer[0].TextureId, opaque = true;
                for (const ImDrawVert* p : v) {
                    white = white && p->uv.x == white_u && p->uv.y == white_v;
                    opaque = opaque && (p->col >> IM_COL32_A_SHIFT & 0xFF) == 0xFF;
                }
                (white ? (opaque ? sum_.solid_px : sum_.translucent_px) : sum_.textured_px) += px;
            }
        }
    }
}

std::string DrawStats::json(double framebuffer_px) const {
    const double n = std::max(frames_, 1);
    const double covered = sum_.solid_px + sum_.translucent_px + sum_.textured_px;
    char buf[512];
    std::snprintf(
        buf, sizeof buf,
        "{\"draw_stats\": {\"frames\": %d, \"draw_calls\": %.0f, \"vertices\": %.0f, \"triangles\": "
        "%.0f, \"tiny_triangles\": %.0f, \"solid_px\": %.0f, \"translucent_px\": %.0f, "
        "\"textured_px\": %.0f, \"overdraw\": %.2f, \"blocks\": %.0f, \"atlas\": \"%dx%d\"}}",
        frames_, sum_.draw_calls / n, sum_.vertices / n, sum_.triangles / n, sum_.tiny_triangles / n,
        sum_.solid_px / n, sum_.translucent_px / n, sum_.textured_px / n,
        covered / n / std::max(framebuffer_px, 1.0), sum_.blocks / n, atlas_w_, atlas_h_);
    return buf;
}

std::optional<DrawStats> draw_stats_from_env() {
    if (!env_flag("POOLSCOPE_DRAW_STATS")) return std::nullopt;
    return DrawStats();
}

}  // namespace poolscope::app
