// Fewer program switches without changing a pixel (see draw_batches.h).
#include "platform/draw_batches.h"

#include <algorithm>
#include <cmath>

#include "platform/draw_renderer.h"
#include "platform/fan_split.h"

namespace poolscope::app {

void RunBuilder::begin(int width, int height, ImVec2 origin, ImVec2 scale) {
    cols_ = std::max(width, 1) / kCell + 1;
    rows_ = std::max(height, 1) / kCell + 1;
    if (stamps_.size() < size_t(cols_) * size_t(rows_)) stamps_.assign(size_t(cols_) * size_t(rows_), 0);
    origin_ = origin, scale_ = scale;
    if (next_id_ > 0xF0000000u) {  // years of frames: start the stamps over rather than wrap around
        std::fill(stamps_.begin(), stamps_.end(), 0u);
        next_id_ = 1;
    }
}

namespace {

// Whether `v` is a whole number: a conversion, not a call to floorf (x86-64's baseline has no rounding
// instruction, and this runs for every textured triangle of every frame).
bool whole_float(float v) {
    return std::fabs(v) < 8388608.0f && v == float(int32_t(v));  // beyond 2^23: no pixel or texel, "no"
}

}  // namespace

bool one_colour(const ImDrawVert* vertices, const ImDrawIdx* tri) {
    return vertices[tri[0]].col == vertices[tri[1]].col && vertices[tri[0]].col == vertices[tri[2]].col;
}

bool samples_texel_centres(const ImDrawVert* vertices, const ImDrawIdx* tri, ImVec2 origin, ImVec2 scale,
                           ImVec2 atlas_size) {
    // Most glyphs first, in floats (exact for these whole numbers): whole pixels onto whole texels, one each.
    {
        const ImDrawVert& v0 = vertices[tri[0]];
        const float dx = (v0.pos.x - origin.x) * scale.x - v0.uv.x * atlas_size.x;
        const float dy = (v0.pos.y - origin.y) * scale.y - v0.uv.y * atlas_size.y;
        bool translated = whole_float(dx) && whole_float(dy);
        for (unsigned k = 0; k < 3 && translated; ++k) {
            const ImDrawVert& v = vertices[tri[k]];
            const float px = (v.pos.x - origin.x) * scale.x, py = (v.pos.y - origin.y) * scale.y;
            translated = whole_float(px) && whole_float(py) && px - v.uv.x * atlas_size.x == dx &&
                         py - v.uv.y * atlas_size.y == dy;
        }
        if (translated) return true;
    }
    // The affine map from framebuffer pixels to texels that the triangle's vertices define, in doubles: the
    // floats' differences and products are exact there, so a map whose coefficients are whole numbers comes
    // out exactly whole, and one that is not stays at least 1 / det away from it.
    double p[3][2], t[3][2];
    for (unsigned k = 0; k < 3; ++k) {
        const ImDrawVert& v = vertices[tri[k]];
        p[k][0] = double((v.pos.x - origin.x) * scale.x), p[k][1] = double((v.pos.y - origin.y) * scale.y);
        t[k][0] = double(v.uv.x) * double(atlas_size.x), t[k][1] = double(v.uv.y) * double(atlas_size.y);
    }
    const double ex1 = p[1][0] - p[0][0], ey1 = p[1][1] - p[0][1], ex2 = p[2][0] - p[0][0],
                 ey2 = p[2][1] - p[0][1];
    const double det = ex1 * ey2 - ex2 * ey1;
    if (det == 0.0) return true;  // no area: no pixel to sample for
    const auto whole = [](double v) { return v == std::floor(v); };
    double a[2][2];  // texel = a · pixel + b
    for (unsigned c = 0; c < 2; ++c) {
        const double f1 = t[1][c] - t[0][c], f2 = t[2][c] - t[0][c];
        a[c][0] = (f1 * ey2 - f2 * ey1) / det;
        a[c][1] = (f2 * ex1 - f1 * ex2) / det;
        if (!whole(a[c][0]) || !whole(a[c][1])) return false;
    }
    // Whole-number steps keep every pixel centre on a texel centre once one is: the centre (0.5, 0.5).
    for (unsigned c = 0; c < 2; ++c) {
        const double at = t[0][c] + a[c][0] * (0.5 - p[0][0]) + a[c][1] * (0.5 - p[0][1]);
        if (!whole(at - 0.5)) return false;
    }
    return true;
}

void RunBuilder::build(const ImDrawList& list, const ImDrawCmd& cmd, const AtlasInfo& atlas,
                       std::vector<ImDrawIdx>& indices, std::vector<DrawRun>& runs) {
    const unsigned first = cmd.IdxOffset, end = cmd.IdxOffset + cmd.ElemCount;
    run_of_.clear();
    pending_.clear();
    // This command's runs are stamped base, base + 1, ...: smaller stamps are earlier commands' (or frames').
    const uint32_t base = next_id_;
    // The command's triangles, ImGui's convex fans cut into ears (fan_split.h).
    tris_.clear();
    const ImDrawIdx* source = list.IdxBuffer.Data + first;
    const size_t count = (end - first) / 3;
    for (size_t t = 0; t < count;) {
        const size_t fan = fan_length(source, count, t);
        if (fan >= 3 && split_fan(source + t * 3, fan, list.VtxBuffer.Data, cmd.VtxOffset, tris_)) {
            t += fan;
            continue;
        }
        tris_.push_back({source[t * 3], source[t * 3 + 1], source[t * 3 + 2]});
        ++t;
    }
    const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
    const bool from_atlas = cmd.GetTexID() == atlas.texture;
    // Each triangle's kind, once (a rectangle's second triangle is asked about again below).
    kinds_.clear();
    for (const std::array<ImDrawIdx, 3>& tri : tris_)
        kinds_.push_back(from_atlas &&
                                 (samples_white_only(list, tri.data(), cmd.VtxOffset, atlas.white_uv) ||
                                  samples_texel_centres(vertices, tri.data(), origin_, scale_, atlas.size))
                             ? RunKind::kTexels
                             : RunKind::kFiltered);
    const float to_x = scale_.x / float(kCell), to_y = scale_.y / float(kCell);
    // Truncation is the floor here: below zero it is clamped to 0 all the same.
    const auto cell = [](float v, int n) { return int(std::clamp(v, 0.0f, float(n - 1))); };
    for (size_t t = 0; t < tris_.size();) {
        const std::array<ImDrawIdx, 3>& tri = tris_[t];
        const RunKind kind = kinds_[t];
        // ImGui's rectangles (a glyph, a box) are two triangles (a, b, c), (a, c, d): placed as one, from the
        // box of both (a larger box only keeps more order).
        const bool rectangle = t + 1 < tris_.size() && tris_[t + 1][0] == tri[0] &&
                               tris_[t + 1][1] == tri[2] && kinds_[t + 1] == kind;
        const size_t unit = rectangle ? 2 : 1;
        // The grid cells the unit's pixels can be in (its box and a pixel around it).
        float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
        for (unsigned k = 0; k < 3 + unit - 1; ++k) {
            const ImVec2 p = vertices[k < 3 ? tri[k] : tris_[t + 1][2]].pos;
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
        // Wholly outside the command's clip rectangle (the scissor), with a pixel to spare: no pixel of it is
        // drawn, so it is not sent (a clipped shape, such as a card's fill cut to one corner, keeps only the
        // triangles that reach the corner).
        if (x1 < cmd.ClipRect.x - 1 || x0 > cmd.ClipRect.z + 1 || y1 < cmd.ClipRect.y - 1 ||
            y0 > cmd.ClipRect.w + 1) {
            run_of_.insert(run_of_.end(), unit, -1);
            t += unit;
            continue;
        }
        // Only pixels inside the clip rectangle are drawn: a big triangle clipped to a corner marks the
        // corner.
        x0 = std::max(x0, cmd.ClipRect.x), y0 = std::max(y0, cmd.ClipRect.y);
        x1 = std::min(x1, cmd.ClipRect.z), y1 = std::min(y1, cmd.ClipRect.w);
        const int cx0 = cell((x0 - 1 - origin_.x) * to_x, cols_),
                  cx1 = cell((x1 + 1 - origin_.x) * to_x, cols_);
        const int cy0 = cell((y0 - 1 - origin_.y) * to_y, rows_),
                  cy1 = cell((y1 + 1 - origin_.y) * to_y, rows_);
        // The last run holding a triangle this one may overlap: each cell's stamp is the last run that
        // touched it.
        uint32_t latest = 0;
        for (int y = cy0; y <= cy1; ++y) {
            const uint32_t* row = stamps_.data() + size_t(y) * size_t(cols_);
            for (int x = cx0; x <= cx1; ++x)
                latest = std::max(latest, row[x]);
        }
        const int last_overlap = latest >= base ? int(latest - base) : -1;
        // The first run of its kind not before that one (the runs between overlap none of its pixels); past
        // the end, a new run.
        int run = std::max(last_overlap, 0);
        while (run < int(pending_.size()) && pending_[size_t(run)].kind != kind)
            ++run;
        if (run >= int(pending_.size())) {
            pending_.push_back({kind, true, base + uint32_t(pending_.size()), 0});
            next_id_ = base + uint32_t(pending_.size());
            run = int(pending_.size()) - 1;
        }
        pending_[size_t(run)].count += unsigned(unit);
        // A run takes its colour flat only if every triangle in it has one colour.
        for (size_t k = t; k < t + unit; ++k)
            pending_[size_t(run)].flat = pending_[size_t(run)].flat && one_colour(vertices, tris_[k].data());
        run_of_.insert(run_of_.end(), unit, run);
        const uint32_t id = pending_[size_t(run)].id;
        for (int y = cy0; y <= cy1; ++y)
            std::fill_n(stamps_.begin() + long(size_t(y) * size_t(cols_) + size_t(cx0)), cx1 - cx0 + 1, id);
        t += unit;
    }
    // Triangles grouped by run, in their own order inside each run.
    std::vector<unsigned> start(pending_.size());
    unsigned at = unsigned(indices.size());
    for (size_t r = 0; r < pending_.size(); ++r) {
        start[r] = at;
        runs.push_back({at, pending_[r].count * 3, pending_[r].kind, pending_[r].flat});
        at += pending_[r].count * 3;
    }
    indices.resize(at);
    for (size_t t = 0; t < run_of_.size(); ++t) {
        if (run_of_[t] < 0) continue;  // outside the clip rectangle
        unsigned& to = start[size_t(run_of_[t])];
        for (unsigned k = 0; k < 3; ++k)
            indices[to++] = tris_[t][k];
    }
}

}  // namespace poolscope::app
