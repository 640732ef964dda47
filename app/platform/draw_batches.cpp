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

void RunBuilder::build(const ImDrawList& list, const ImDrawCmd& cmd, bool atlas, ImVec2 white_uv,
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
    const auto solid_at = [&](size_t t) {
        return atlas && samples_white_only(list, tris_[t].data(), cmd.VtxOffset, white_uv);
    };
    const float to_x = scale_.x / float(kCell), to_y = scale_.y / float(kCell);
    const auto cell = [](float v, int n) { return std::clamp(int(std::floor(v)), 0, n - 1); };
    for (size_t t = 0; t < tris_.size();) {
        const std::array<ImDrawIdx, 3>& tri = tris_[t];
        const bool solid = solid_at(t);
        // ImGui's rectangles (a glyph, a box) are two triangles (a, b, c), (a, c, d): placed as one, from the
        // box of both (a larger box only keeps more order).
        const bool rectangle = t + 1 < tris_.size() && tris_[t + 1][0] == tri[0] &&
                               tris_[t + 1][1] == tri[2] && solid_at(t + 1) == solid;
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
        // The first run of its program not before that one; runs alternate programs, so it is that run or
        // the next; past the end, a new run.
        int run = std::max(last_overlap, 0);
        if (run < int(pending_.size()) && pending_[size_t(run)].solid != solid) ++run;
        if (run >= int(pending_.size())) {
            pending_.push_back({solid, base + uint32_t(pending_.size()), 0});
            next_id_ = base + uint32_t(pending_.size());
            run = int(pending_.size()) - 1;
        }
        pending_[size_t(run)].count += unsigned(unit);
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
        runs.push_back({at, pending_[r].count * 3, pending_[r].solid});
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
