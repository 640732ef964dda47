// Convex fans cut into ears (see fan_split.h).
#include "platform/fan_split.h"

#include <cmath>
#include <cstddef>

namespace poolscope::app {
namespace {

// Every corner turns the same way (straight ones aside) and the turns add up to one full turn.
template <class At>
bool convex_once(const std::vector<ImDrawIdx>& poly, const At& at) {
    const size_t n = poly.size();
    int sign = 0;
    double turned = 0;
    for (size_t i = 0; i < n; ++i) {
        const ImVec2 a = at(i), b = at((i + 1) % n), c = at((i + 2) % n);
        const double ux = b.x - a.x, uy = b.y - a.y, vx = c.x - b.x, vy = c.y - b.y;
        const double cross = ux * vy - uy * vx, dot = ux * vx + uy * vy;
        if (cross != 0) {
            const int s = cross > 0 ? 1 : -1;
            if (sign && s != sign) return false;
            sign = s;
        } else if (dot < 0) {
            return false;  // folds back on itself
        }
        turned += std::atan2(cross, dot);
    }
    return sign != 0 && std::fabs(std::fabs(turned) - 2 * M_PI) < 0.01;
}

}  // namespace

size_t fan_length(const ImDrawIdx* indices, size_t triangles, size_t at) {
    const ImDrawIdx* t = indices + at * 3;
    const unsigned b = t[0];
    if (t[1] <= b || (t[1] - b) % 2 != 0 || t[2] != t[1] + 2) return 0;
    size_t n = 1;
    while (at + n < triangles) {
        const ImDrawIdx* u = indices + (at + n) * 3;
        if (u[0] != b || u[1] != t[1] + 2 * n || u[2] != u[1] + 2) break;
        ++n;
    }
    return n;
}

bool split_fan(const ImDrawIdx* fan, size_t count, const ImDrawVert* vertices, unsigned vtx_offset,
               std::vector<std::array<ImDrawIdx, 3>>& out) {
    // The polygon: the shared vertex, then the fan's rim in order.
    std::vector<ImDrawIdx> poly;
    poly.reserve(count + 2);
    poly.push_back(fan[0]);
    poly.push_back(fan[1]);
    for (size_t i = 0; i < count; ++i)
        poly.push_back(fan[i * 3 + 2]);
    const auto at = [&](size_t i) { return vertices[poly[i] + vtx_offset].pos; };
    // One colour and one texel over the whole polygon (ImGui's inner fill vertices), so any triangulation
    // shades each pixel alike.
    const ImDrawVert& v0 = vertices[poly[0] + vtx_offset];
    for (ImDrawIdx i : poly) {
        const ImDrawVert& v = vertices[i + vtx_offset];
        if (v.col != v0.col || v.uv.x != v0.uv.x || v.uv.y != v0.uv.y) return false;
    }
    if (!convex_once(poly, at)) return false;
    // Clip the ear whose closing diagonal is shortest, until a triangle is left (O(n²); fans have a few
    // dozen points).
    while (poly.size() > 3) {
        const size_t n = poly.size();
        size_t best = 0;
        float best_d = 0.0f;
        for (size_t i = 0; i < n; ++i) {
            const ImVec2 a = at((i + n - 1) % n), c = at((i + 1) % n);
            const float d = (a.x - c.x) * (a.x - c.x) + (a.y - c.y) * (a.y - c.y);
            if (i == 0 || d < best_d) best = i, best_d = d;
        }
        out.push_back({poly[(best + n - 1) % n], poly[best], poly[(best + 1) % n]});
        poly.erase(poly.begin() + std::ptrdiff_t(best));
    }
    out.push_back({poly[0], poly[1], poly[2]});
    return true;
}

}  // namespace poolscope::app
