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
    for (const std::array<ImDrawIdx, 3>& tri : tris_) {
        const bool solid = atlas && samples_white_only(list, tri.data(), cmd.VtxOffset, white_uv);
        // The grid cells the triangle's pixels can be in (its box and a pixel around it).
        float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
        for (unsigned k = 0; k < 3; ++k) {
            const ImVec2 p = list.VtxBuffer.Data[tri[k] + cmd.VtxOffset].pos;
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
        const auto cell = [](float v, float o, float s, int n) {
            return std::clamp(int(std::floor(((v - o) * s) / float(kCell))), 0, n - 1);
        };
        const int cx0 = cell(x0 - 1, origin_.x, scale_.x, cols_),
                  cx1 = cell(x1 + 1, origin_.x, scale_.x, cols_);
        const int cy0 = cell(y0 - 1, origin_.y, scale_.y, rows_),
                  cy1 = cell(y1 + 1, origin_.y, scale_.y, rows_);
        // The last run holding a triangle this one may overlap: each cell's stamp is the last run that
        // touched it.
        uint32_t latest = 0;
        for (int y = cy0; y <= cy1; ++y) {
            const uint32_t* row = stamps_.data() + size_t(y) * size_t(cols_);
            latest = std::max(latest, *std::max_element(row + cx0, row + cx1 + 1));
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
        ++pending_[size_t(run)].count;
        run_of_.push_back(run);
        const uint32_t id = pending_[size_t(run)].id;
        for (int y = cy0; y <= cy1; ++y)
            std::fill_n(stamps_.begin() + long(size_t(y) * size_t(cols_) + size_t(cx0)), cx1 - cx0 + 1, id);
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
        unsigned& to = start[size_t(run_of_[t])];
        for (unsigned k = 0; k < 3; ++k)
            indices[to++] = tris_[t][k];
    }
}

}  // namespace poolscope::app
