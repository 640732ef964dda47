// Damage between two frames' draw data (see damage.h). Each triangle is reduced to a hash of everything that
// decides its pixels (vertices, texture, clip rectangle) and the box it can touch. Triangles only one frame
// has are damage; the triangles both frames have must come in the same order (blending is not
// commutative), else the whole frame is damage. Then a pixel outside the damage is covered by the same
// triangles in the same order in both frames, so it keeps its colour.
#include "platform/damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "platform/sheet_pictures.h"

namespace poolscope::app {
namespace {

constexpr int kTile = 64;  // llvmpipe's tile: damage is rounded out to it, which costs nothing extra there

uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

uint64_t bits(float f) {
    uint32_t u = 0;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

PixelRect unite(const PixelRect& a, const PixelRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Damaged 64×64 tiles, as rectangles: runs along each tile row, joined with the run below when they match.
std::vector<PixelRect> tiles_to_rects(const std::vector<char>& tiles, int cols, int rows, int width,
                                      int height) {
    std::vector<PixelRect> rects;
    std::vector<PixelRect> open;  // runs of the previous tile row, extendable downwards
    for (int ty = 0; ty < rows; ++ty) {
        std::vector<PixelRect> row_runs;
        for (int tx = 0; tx < cols;) {
            if (!tiles[size_t(ty) * cols + tx]) {
                ++tx;
                continue;
            }
            int end = tx;
            while (end < cols && tiles[size_t(ty) * cols + end])
                ++end;
            row_runs.push_back(
                {tx * kTile, ty * kTile, std::min(end * kTile, width), std::min((ty + 1) * kTile, height)});
            tx = end;
        }
        std::vector<PixelRect> next;
        for (PixelRect run : row_runs) {
            auto above = std::find_if(open.begin(), open.end(),
                                      [&](const PixelRect& o) { return o.x0 == run.x0 && o.x1 == run.x1; });
            if (above != open.end()) {
                run.y0 = above->y0;
                open.erase(above);
            }
            next.push_back(run);
        }
        rects.insert(rects.end(), open.begin(), open.end());  // runs that stop here
        open = std::move(next);
    }
    rects.insert(rects.end(), open.begin(), open.end());
    return rects;
}

}  // namespace

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

std::vector<PixelRect> merge_rects(std::vector<PixelRect> rects, size_t max_rects) {
    rects.erase(std::remove_if(rects.begin(), rects.end(), [](const PixelRect& r) { return r.empty(); }),
                rects.end());
    max_rects = std::max<size_t>(max_rects, 1);
    while (rects.size() > 1) {
        size_t best_i = 0, best_j = 1;
        int64_t best_cost = INT64_MAX;
        for (size_t i = 0; i < rects.size(); ++i)
            for (size_t j = i + 1; j < rects.size(); ++j) {
                const PixelRect u = unite(rects[i], rects[j]);
                const int64_t cost =
                    u.area() - rects[i].area() - rects[j].area() + intersect(rects[i], rects[j]).area();
                const bool touching =
                    !intersect({rects[i].x0 - 1, rects[i].y0 - 1, rects[i].x1 + 1, rects[i].y1 + 1}, rects[j])
                         .empty();
                const int64_t key = touching && cost <= 0 ? INT64_MIN : cost;
                if (key < best_cost) best_cost = key, best_i = i, best_j = j;
            }
        if (rects.size() <= max_rects && best_cost != INT64_MIN) break;
        rects[best_i] = unite(rects[best_i], rects[best_j]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(best_j));
    }
    return rects;
}

void DamageTracker::reset_counts(size_t entries) {
    size_t size = 1024;
    while (size < entries * 2)
        size *= 2;
    if (slots_.size() < size) slots_.assign(size, Slot{});
    if (++generation_ == 0) {  // wrapped: old slots could look current
        std::fill(slots_.begin(), slots_.end(), Slot{});
        generation_ = 1;
    }
}

int& DamageTracker::count_of(uint64_t hash) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = size_t(hash) & mask;; i = (i + 1) & mask) {
        Slot& s = slots_[i];
        if (s.generation != generation_) {
            s = {hash, generation_, 0};
            return s.count;
        }
        if (s.hash == hash) return s.count;
    }
}

std::vector<PixelRect> DamageTracker::update(const ImDrawData& data, ImTextureID font_texture, int width,
                                             int height) {
    const PixelRect screen{0, 0, width, height};
    bool full = !valid_ || width != width_ || height != height_;
    width_ = width, height_ = height;
    current_.clear();
    boxes_.clear();
    std::vector<PixelRect> always;  // triangles drawn from other textures: damage every frame
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                full = true;  // its pixels are not described by triangles
                boxes_.resize(boxes_.size() + cmd.ElemCount / 3);
                continue;
            }
            const PixelRect clip = intersect(screen, {int(std::floor((cmd.ClipRect.x - off.x) * scale.x)),
                                                      int(std::floor((cmd.ClipRect.y - off.y) * scale.y)),
                                                      int(std::ceil((cmd.ClipRect.z - off.x) * scale.x)),
                                                      int(std::ceil((cmd.ClipRect.w - off.y) * scale.y))});
            if (clip.empty()) {  // the backend draws nothing for it either
                boxes_.resize(boxes_.size() + cmd.ElemCount / 3);
                continue;
            }
            uint64_t cmd_hash =
                mix(mix(mix(mix(reinterpret_cast<uintptr_t>(cmd.TextureId), uint64_t(clip.x0)),
                            uint64_t(clip.y0)),
                        uint64_t(clip.x1)),
                    uint64_t(clip.y1));
            for (unsigned i = cmd.IdxOffset; i + 2 < cmd.IdxOffset + cmd.ElemCount; i += 3) {
                uint64_t h = cmd_hash;
                float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
                for (int k = 0; k < 3; ++k) {
                    const ImDrawVert& v = list.VtxBuffer[int(list.IdxBuffer[int(i) + k] + cmd.VtxOffset)];
                    h = mix(
                        mix(mix(h, bits(v.pos.x) << 32 | bits(v.pos.y)), bits(v.uv.x) << 32 | bits(v.uv.y)),
                        v.col);
                    x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y);
                    x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
                }
                // One pixel of margin: a pixel's centre decides coverage, rounding must never shrink the box.
                const PixelRect box = intersect(
                    clip,
                    {int(std::floor((x0 - off.x) * scale.x)) - 1, int(std::floor((y0 - off.y) * scale.y)) - 1,
                     int(std::ceil((x1 - off.x) * scale.x)) + 1, int(std::ceil((y1 - off.y) * scale.y)) + 1});
                boxes_.push_back(box);
                if (box.empty()) continue;  // wholly clipped: no pixel either frame
                // A picture's texture ID names its content (sheet_pictures.h): compared like the atlas'
                // glyphs.
                if (cmd.TextureId != font_texture && !is_picture_texture(cmd.TextureId))
                    always.push_back(box);
                current_.push_back({h, box});
            }
        }
    }

    std::vector<PixelRect> changed = std::move(always);
    if (!full) {
        // Triangles only one frame has are damage; the rest must keep their order.
        common_new_.clear();
        common_old_.clear();
        reset_counts(std::max(last_.size(), current_.size()));
        for (const Triangle& t : last_)
            ++count_of(t.hash);
        for (const Triangle& t : current_) {
            int& count = count_of(t.hash);
            if (count > 0) {
                --count;
                common_new_.push_back(t.hash);
            } else {
                changed.push_back(t.box);
            }
        }
        reset_counts(current_.size());
        for (const Triangle& t : current_)
            ++count_of(t.hash);
        for (const Triangle& t : last_) {
            int& count = count_of(t.hash);
            if (count > 0) {
                --count;
                common_old_.push_back(t.hash);
            } else {
                changed.push_back(t.box);
            }
        }
        full = common_new_ != common_old_;
    }
    std::swap(last_, current_);
    valid_ = true;
    if (full) return {screen};
    if (changed.empty()) return {};

    const int cols = (width + kTile - 1) / kTile, rows = (height + kTile - 1) / kTile;
    std::vector<char> tiles(size_t(cols) * rows, 0);
    for (const PixelRect& r : changed)
        for (int ty = r.y0 / kTile; ty <= (r.y1 - 1) / kTile; ++ty)
            for (int tx = r.x0 / kTile; tx <= (r.x1 - 1) / kTile; ++tx)
                tiles[size_t(ty) * cols + tx] = 1;
    return merge_rects(tiles_to_rects(tiles, cols, rows, width, height), kMaxRects);
}

}  // namespace poolscope::app
