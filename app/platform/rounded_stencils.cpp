// Rounded rectangles' coverage, baked into the font atlas (see rounded_stencils.h).
#include "platform/rounded_stencils.h"

#include <imgui_internal.h>  // ImDrawListSharedData

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace poolscope::app {
namespace {

bool whole(float v) {
    return v >= 1.0f && v <= 32.0f && v == std::floor(v);
}

// The atlas' alpha at texture coordinates `uv`, filtered as GL_LINEAR does (texel centres at half integers,
// clamped at the edges).
float sample_alpha(const ImFontAtlas& atlas, ImVec2 uv) {
    const int w = atlas.TexWidth, h = atlas.TexHeight;
    const auto alpha = [&](int x, int y) {
        x = std::clamp(x, 0, w - 1), y = std::clamp(y, 0, h - 1);
        const size_t i = size_t(y) * size_t(w) + size_t(x);
        if (atlas.TexPixelsAlpha8) return float(atlas.TexPixelsAlpha8[i]) / 255.0f;
        return float(atlas.TexPixelsRGBA32[i] >> IM_COL32_A_SHIFT) / 255.0f;
    };
    const float x = uv.x * float(w) - 0.5f, y = uv.y * float(h) - 0.5f;
    const float x0 = std::floor(x), y0 = std::floor(y), fx = x - x0, fy = y - y0;
    const int ix = int(x0), iy = int(y0);
    const float top = alpha(ix, iy) * (1 - fx) + alpha(ix + 1, iy) * fx;
    const float bottom = alpha(ix, iy + 1) * (1 - fx) + alpha(ix + 1, iy + 1) * fx;
    return top * (1 - fy) + bottom * fy;
}

// The shapes `style` draws at whole-pixel sizes: fills (thickness 0) and outlines.
std::vector<RoundedStencil> shapes_of(const ImGuiStyle& style, std::initializer_list<float> more) {
    std::vector<RoundedStencil> out;
    const auto add = [&](float radius, float thickness) {
        if (!whole(radius) || (thickness != 0 && !whole(thickness))) return;
        for (const RoundedStencil& s : out)
            if (s.radius == radius && s.thickness == thickness) return;
        RoundedStencil s;
        s.radius = radius, s.thickness = thickness;
        s.margin = 2 + int(thickness);  // an outline's anti-aliased line reaches past the rectangle
        s.reach = int(radius) + 2;
        out.push_back(s);
    };
    for (float r : {style.FrameRounding, style.GrabRounding, style.ChildRounding, style.ScrollbarRounding})
        add(r, 0.0f);
    add(style.FrameRounding, style.FrameBorderSize);
    add(style.ChildRounding, style.ChildBorderSize);
    for (float r : more)
        add(r, 0.0f), add(r, 1.0f);
    return out;
}

}  // namespace

int coverage_level(float coverage) {
    return int(std::lround(std::clamp(coverage, 0.0f, 1.0f) * 255.0f));
}

void init_shared_data(ImDrawListSharedData& data, const ImFontAtlas& atlas, const ImGuiStyle& style) {
    data.TexUvWhitePixel = atlas.TexUvWhitePixel;
    data.TexUvLines = atlas.TexUvLines;
    data.CurveTessellationTol = style.CurveTessellationTol;
    data.SetCircleTessellationMaxError(style.CircleTessellationMaxError);
    data.ClipRectFullscreen = ImVec4(-8192.0f, -8192.0f, 8192.0f, 8192.0f);
    data.InitialFlags = ImDrawListFlags_None;  // as ImGui::NewFrame() sets them
    if (style.AntiAliasedLines) data.InitialFlags |= ImDrawListFlags_AntiAliasedLines;
    if (style.AntiAliasedLinesUseTex && !(atlas.Flags & ImFontAtlasFlags_NoBakedLines))
        data.InitialFlags |= ImDrawListFlags_AntiAliasedLinesUseTex;
    if (style.AntiAliasedFill) data.InitialFlags |= ImDrawListFlags_AntiAliasedFill;
}

std::vector<float> rasterise_coverage(const ImDrawList& list, const ImFontAtlas& atlas, ImVec2 origin, int w,
                                      int h) {
    std::vector<float> cover(size_t(w) * size_t(h), 0.0f);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
            const ImDrawIdx* t = list.IdxBuffer.Data + cmd.IdxOffset + i;
            const ImDrawVert* v[3] = {&list.VtxBuffer[int(t[0] + cmd.VtxOffset)],
                                      &list.VtxBuffer[int(t[1] + cmd.VtxOffset)],
                                      &list.VtxBuffer[int(t[2] + cmd.VtxOffset)]};
            ImVec2 p[3];
            for (int k = 0; k < 3; ++k)
                p[k] = ImVec2(v[k]->pos.x - origin.x, v[k]->pos.y - origin.y);
            double area =
                double(p[1].x - p[0].x) * (p[2].y - p[0].y) - double(p[1].y - p[0].y) * (p[2].x - p[0].x);
            if (area == 0) continue;
            if (area < 0) std::swap(p[1], p[2]), std::swap(v[1], v[2]), area = -area;
            const int x0 = std::max(0, int(std::floor(std::min({p[0].x, p[1].x, p[2].x}))));
            const int x1 = std::min(w, int(std::ceil(std::max({p[0].x, p[1].x, p[2].x}))) + 1);
            const int y0 = std::max(0, int(std::floor(std::min({p[0].y, p[1].y, p[2].y}))));
            const int y1 = std::min(h, int(std::ceil(std::max({p[0].y, p[1].y, p[2].y}))) + 1);
            for (int y = y0; y < y1; ++y)
                for (int x = x0; x < x1; ++x) {
                    const double cx = x + 0.5, cy = y + 0.5;
                    double weight[3];
                    bool in = true;
                    for (int e = 0; e < 3 && in; ++e) {
                        const ImVec2 a = p[(e + 1) % 3], b = p[(e + 2) % 3];  // the edge facing vertex e
                        const double f = (b.x - a.x) * (cy - a.y) - (b.y - a.y) * (cx - a.x);
                        // Top-left rule (y down): a centre on a top or a left edge is inside.
                        const bool top_left = (a.y == b.y && b.x < a.x) || b.y < a.y;
                        in = f > 0 || (f == 0 && top_left);
                        weight[e] = f / area;
                    }
                    if (!in) continue;
                    float alpha = 0.0f;
                    ImVec2 uv(0, 0);
                    for (int k = 0; k < 3; ++k) {
                        alpha += float(weight[k]) * float((v[k]->col >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
                        uv.x += float(weight[k]) * v[k]->uv.x;
                        uv.y += float(weight[k]) * v[k]->uv.y;
                    }
                    const float a = std::clamp(alpha * sample_alpha(atlas, uv), 0.0f, 1.0f);
                    float& c = cover[size_t(y) * size_t(w) + size_t(x)];
                    c = a + c * (1.0f - a);
                }
        }
    }
    return cover;
}

void RoundedStencils::reserve(ImFontAtlas& atlas, const ImGuiStyle& style,
                              std::initializer_list<float> more) {
    stencils_ = shapes_of(style, more);
    for (RoundedStencil& s : stencils_)
        for (int& rect : s.sprite_rect)
            rect = atlas.AddCustomRectRegular(s.corner(), s.corner());
}

void RoundedStencils::bake(ImFontAtlas& atlas, const ImGuiStyle& style) {
    unsigned char* rgba = nullptr;
    int tex_w = 0, tex_h = 0;
    atlas.GetTexDataAsRGBA32(&rgba, &tex_w, &tex_h);  // the backend uploads this copy
    if (!rgba) return clear();
    ImDrawListSharedData shared;
    init_shared_data(shared, atlas, style);
    for (RoundedStencil& s : stencils_) {
        s.ready = false;
        const int r = s.reach, m = s.margin, k = s.corner();
        // A rectangle wide enough for straight edges between the corners, with room around it.
        const int pad = m + 2, side = 2 * k + 8, canvas = side + 2 * pad;
        const float x0 = float(pad), x1 = float(pad + side);
        ImDrawList list(&shared);
        list._ResetForNewFrame();
        list.Flags = shared.InitialFlags;
        list.PushClipRect(ImVec2(0, 0), ImVec2(float(canvas), float(canvas)));
        list.PushTextureID(atlas.TexID);
        if (s.thickness == 0)
            list.AddRectFilled(ImVec2(x0, x0), ImVec2(x1, x1), IM_COL32_WHITE, s.radius);
        else
            list.AddRect(ImVec2(x0, x0), ImVec2(x1, x1), IM_COL32_WHITE, s.radius, 0, s.thickness);
        s.vertices = list.VtxBuffer.Size;
        s.pattern.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
        const std::vector<float> cover = rasterise_coverage(list, atlas, ImVec2(0, 0), canvas, canvas);
        const auto at = [&](int x, int y) { return cover[size_t(y) * size_t(canvas) + size_t(x)]; };
        const int a = pad, b = pad + side, mid = canvas / 2;  // the rectangle's pixel edges
        s.top.assign(size_t(k), 0), s.bottom.assign(size_t(k), 0), s.left.assign(size_t(k), 0),
            s.right.assign(size_t(k), 0);
        for (int j = 0; j < k; ++j) {
            s.top[size_t(j)] = at(mid, a - m + j), s.bottom[size_t(j)] = at(mid, b - r + j);
            s.left[size_t(j)] = at(a - m + j, mid), s.right[size_t(j)] = at(b - r + j, mid);
        }
        s.inside = at(mid, mid);
        // The corner sprites' origins: top left, top right, bottom right, bottom left.
        const int ox[4] = {a - m, b - r, b - r, a - m}, oy[4] = {a - m, a - m, b - r, b - r};
        // Every pixel of the canvas as the pieces give it back, against the rasterised shape.
        bool exact = true;
        for (int y = 0; y < canvas && exact; ++y)
            for (int x = 0; x < canvas && exact; ++x) {
                float want = 0.0f;
                const bool in_x = x >= a - m && x < b + m, in_y = y >= a - m && y < b + m;
                const bool left_cols = x < a + r, right_cols = x >= b - r;
                const bool top_rows = y < a + r, bottom_rows = y >= b - r;
                if (!in_x || !in_y)
                    want = 0.0f;
                else if ((left_cols || right_cols) && (top_rows || bottom_rows))
                    want = at(x, y);  // a corner: the sprite holds it as it is
                else if (top_rows)
                    want = s.top[size_t(y - (a - m))];
                else if (bottom_rows)
                    want = s.bottom[size_t(y - (b - r))];
                else if (left_cols)
                    want = s.left[size_t(x - (a - m))];
                else if (right_cols)
                    want = s.right[size_t(x - (b - r))];
                else
                    want = s.inside;
                exact = coverage_level(want) == coverage_level(at(x, y));
            }
        if (!exact) continue;
        for (int c = 0; c < 4; ++c) {
            const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(s.sprite_rect[size_t(c)]);
            if (!rect->IsPacked()) exact = false;
            if (!exact) break;
            for (int y = 0; y < k; ++y)
                for (int x = 0; x < k; ++x) {
                    const unsigned alpha = unsigned(coverage_level(at(ox[c] + x, oy[c] + y)));
                    const size_t i = size_t(rect->Y + y) * size_t(tex_w) + size_t(rect->X + x);
                    reinterpret_cast<uint32_t*>(rgba)[i] = IM_COL32(255, 255, 255, alpha);
                    if (atlas.TexPixelsAlpha8) atlas.TexPixelsAlpha8[i] = static_cast<unsigned char>(alpha);
                }
            ImVec2 uv0, uv1;
            atlas.CalcCustomRectUV(rect, &uv0, &uv1);
            s.sprite_uv[size_t(c)] = ImVec4(uv0.x, uv0.y, uv1.x, uv1.y);
        }
        s.ready = exact;
    }
}

}  // namespace poolscope::app
