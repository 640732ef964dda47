// Rounded rectangles from their stencils (see rounded_rect_pass.h).
#include "platform/rounded_rect_pass.h"

#include <imgui_internal.h>  // ImDrawList::_Data

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <utility>

#include "platform/rounded_stencils.h"

namespace poolscope::app {
namespace {

// ImGui's first triangle of an anti-aliased convex fill (b, b+2, b+4), and of a textured line's first
// segment (b+2, b, b+1): where a stencil's pattern may start, and which vertex is its first.
bool starts_fill(const ImDrawIdx* t) {
    return t[1] == t[0] + 2 && t[2] == t[0] + 4;
}
bool starts_outline(const ImDrawIdx* t) {
    return t[0] == t[1] + 2 && t[2] == t[1] + 1;
}

ImU32 scaled_alpha(ImU32 col, float coverage) {
    const float a = float((col >> IM_COL32_A_SHIFT) & 0xFF) * coverage;
    return (col & ~IM_COL32_A_MASK) | (ImU32(std::lround(a)) << IM_COL32_A_SHIFT);
}

}  // namespace

size_t RoundedRectPass::replace(ImDrawList& list, const RoundedStencils& stencils, const ImDrawIdx* idx,
                                size_t left, unsigned vtx_offset) {
    const bool fill = starts_fill(idx), outline = !fill && starts_outline(idx);
    if (!fill && !outline) return 0;
    for (const RoundedStencil& s : stencils.all())
        if (s.ready && (s.thickness == 0) == fill)
            if (const size_t n = try_stencil(list, s, fill ? idx[0] : idx[1], idx, left, vtx_offset))
                return n;
    return 0;
}

size_t RoundedRectPass::try_stencil(ImDrawList& list, const RoundedStencil& s, unsigned base,
                                    const ImDrawIdx* idx, size_t left, unsigned vtx_offset) {
    // The indices first (cheap, and most candidates fail here: a fill's fringe looks like a line's start).
    const size_t count = s.pattern.size();
    if (count > left || size_t(vtx_offset) + base + size_t(s.vertices) > size_t(list.VtxBuffer.Size))
        return 0;
    for (size_t i = 0; i < count; ++i)
        if (unsigned(idx[i]) != unsigned(s.pattern[i]) + base) return 0;
    const ImDrawVert* v = list.VtxBuffer.Data + vtx_offset + base;
    // The rectangle: a fill's points are halfway between its inner and outer vertices; an outline's
    // vertices reach half its width and a pixel of anti-aliasing past a path half a pixel inside.
    ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
    if (s.thickness == 0) {
        for (int i = 0; i + 1 < s.vertices; i += 2) {
            const ImVec2 p((v[i].pos.x + v[i + 1].pos.x) * 0.5f, (v[i].pos.y + v[i + 1].pos.y) * 0.5f);
            lo = ImMin(lo, p), hi = ImMax(hi, p);
        }
    } else {
        for (int i = 0; i < s.vertices; ++i)
            lo = ImMin(lo, v[i].pos), hi = ImMax(hi, v[i].pos);
        const float in = s.thickness * 0.5f + 0.5f;
        lo = ImVec2(lo.x + in, lo.y + in), hi = ImVec2(hi.x - in, hi.y - in);
    }
    lo = ImVec2(std::round(lo.x), std::round(lo.y)), hi = ImVec2(std::round(hi.x), std::round(hi.y));
    // Smaller, and ImGui rounds less than asked: the stencil's corners would not be its corners.
    const float least = 2.0f * float(s.reach);
    if (hi.x - lo.x < least || hi.y - lo.y < least) return 0;
    // The proof: ImGui writes exactly these vertices for this rectangle.
    const ImU32 col = v[0].col;
    scratch_._Data = list._Data;
    scratch_._ResetForNewFrame();
    scratch_.Flags = list.Flags;
    scratch_.PushClipRect(ImVec2(-8192, -8192), ImVec2(8192, 8192));
    scratch_.PushTextureID(ImTextureID{});
    if (s.thickness == 0)
        scratch_.AddRectFilled(lo, hi, col, s.radius);
    else
        scratch_.AddRect(lo, hi, col, s.radius, 0, s.thickness);
    if (scratch_.VtxBuffer.Size != s.vertices || size_t(scratch_.IdxBuffer.Size) != count) return 0;
    if (std::memcmp(scratch_.VtxBuffer.Data, v, sizeof(ImDrawVert) * size_t(s.vertices)) != 0) return 0;

    quads_.clear();
    pieces(s, list._Data->TexUvWhitePixel, lo, hi, col);
    // The quads take ImGui's vertices of the shape, and any more they need from the end of the list (a small
    // radius has few), as long as the indices can reach them.
    const size_t need = quads_.size() * 4, own = size_t(s.vertices);
    const size_t tail = size_t(list.VtxBuffer.Size) - vtx_offset;
    if (need > own) {
        if (sizeof(ImDrawIdx) == 2 && tail + (need - own) > 0x10000) return 0;
        list.VtxBuffer.resize(list.VtxBuffer.Size + int(need - own));
    }
    const auto slot = [&](size_t k) { return unsigned(k < own ? base + k : tail + (k - own)); };
    size_t k = 0;
    for (const Quad& q : quads_) {
        const ImDrawVert corners[4] = {ImDrawVert{ImVec2(q.x0, q.y0), q.uv0, q.col},
                                       ImDrawVert{ImVec2(q.x1, q.y0), ImVec2(q.uv1.x, q.uv0.y), q.col},
                                       ImDrawVert{ImVec2(q.x1, q.y1), q.uv1, q.col},
                                       ImDrawVert{ImVec2(q.x0, q.y1), ImVec2(q.uv0.x, q.uv1.y), q.col}};
        for (size_t c = 0; c < 4; ++c)
            list.VtxBuffer[int(vtx_offset + slot(k + c))] = corners[c];
        for (size_t c : {0u, 1u, 2u, 0u, 2u, 3u})
            out_.push_back(ImDrawIdx(slot(k + c)));
        k += 4;
    }
    return count;
}

void RoundedRectPass::pieces(const RoundedStencil& s, ImVec2 white, ImVec2 lo, ImVec2 hi, ImU32 col) {
    // The four corner sprites, then the straight edges and the inside as plain quads, neighbouring rows or
    // columns of one coverage merged.
    const float r = float(s.reach), m = float(s.margin), k = float(s.corner());
    const float ox[4] = {lo.x - m, hi.x - r, hi.x - r, lo.x - m};
    const float oy[4] = {lo.y - m, lo.y - m, hi.y - r, hi.y - r};
    for (size_t c = 0; c < 4; ++c) {
        const ImVec4& uv = s.sprite_uv[c];
        quads_.push_back(
            Quad{ox[c], oy[c], ox[c] + k, oy[c] + k, ImVec2(uv.x, uv.y), ImVec2(uv.z, uv.w), col});
    }
    // Runs of one coverage level across a band, from its first row or column; each becomes a quad spanning
    // the band `from`..`to`.
    const auto emit = [&](float first, bool rows, float from, float to) {
        float at = first;
        for (size_t j = 0; j < runs_.size();) {
            size_t e = j + 1;
            float length = runs_[j].second;
            while (e < runs_.size() && runs_[e].first == runs_[j].first)
                length += runs_[e++].second;
            if (const int lv = runs_[j].first; lv > 0) {
                const ImU32 c = lv == 255 ? col : scaled_alpha(col, float(lv) / 255.0f);
                quads_.push_back(rows ? Quad{from, at, to, at + length, white, white, c}
                                      : Quad{at, from, at + length, to, white, white, c});
            }
            at += length, j = e;
        }
    };
    const auto profile = [&](const std::vector<float>& values) {
        for (float v : values)
            runs_.emplace_back(coverage_level(v), 1.0f);
    };
    runs_.clear();
    profile(s.top);
    emit(lo.y - m, true, lo.x + r, hi.x - r);
    // The middle rows: the left edge's columns, the inside, the right edge's.
    runs_.clear();
    profile(s.left);
    runs_.emplace_back(coverage_level(s.inside), hi.x - lo.x - 2 * r);
    profile(s.right);
    emit(lo.x - m, false, lo.y + r, hi.y - r);
    runs_.clear();
    profile(s.bottom);
    emit(hi.y - r, true, lo.x + r, hi.x - r);
}

size_t RoundedRectPass::run(ImDrawList& list, const RoundedStencils& stencils, ImTextureID atlas) {
    if (std::none_of(stencils.all().begin(), stencils.all().end(),
                     [](const RoundedStencil& s) { return s.ready; }))
        return 0;
    out_.clear();
    spans_.clear();
    size_t replaced = 0;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        const size_t begin = out_.size();
        const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
        if (cmd.UserCallback || cmd.GetTexID() != atlas) {
            out_.insert(out_.end(), idx, idx + cmd.ElemCount);
        } else {
            for (size_t i = 0; i + 3 <= cmd.ElemCount;) {
                if (const size_t used = replace(list, stencils, idx + i, cmd.ElemCount - i, cmd.VtxOffset)) {
                    i += used, ++replaced;
                    continue;
                }
                out_.insert(out_.end(), idx + i, idx + i + 3);
                i += 3;
            }
        }
        spans_.emplace_back(unsigned(begin), unsigned(out_.size() - begin));
    }
    if (replaced == 0) return 0;
    for (int c = 0; c < list.CmdBuffer.Size; ++c)
        list.CmdBuffer[c].IdxOffset = spans_[size_t(c)].first,
        list.CmdBuffer[c].ElemCount = spans_[size_t(c)].second;
    list.IdxBuffer.resize(int(out_.size()));
    std::memcpy(list.IdxBuffer.Data, out_.data(), out_.size() * sizeof(ImDrawIdx));
    return replaced;
}

size_t RoundedRectPass::run(ImDrawData& data, const RoundedStencils& stencils, ImTextureID atlas) {
    if (data.FramebufferScale.x != 1.0f || data.FramebufferScale.y != 1.0f) return 0;
    if (data.DisplayPos.x != std::floor(data.DisplayPos.x) ||
        data.DisplayPos.y != std::floor(data.DisplayPos.y))
        return 0;
    size_t replaced = 0;
    int indices = 0, vertices = 0;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        replaced += run(*data.CmdLists[l], stencils, atlas);
        indices += data.CmdLists[l]->IdxBuffer.Size, vertices += data.CmdLists[l]->VtxBuffer.Size;
    }
    data.TotalIdxCount = indices, data.TotalVtxCount = vertices;
    return replaced;
}

}  // namespace poolscope::app
