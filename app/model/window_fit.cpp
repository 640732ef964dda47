// Clamping a saved window placement onto a connected monitor (see window_fit.h).
#include "model/window_fit.h"

#include <algorithm>
#include <cstdint>

namespace poolscope::app {
namespace {

// Overlap of two rectangles along one axis; int64 so x + width cannot overflow for any saved value.
int64_t overlap(int64_t a, int64_t a_len, int64_t b, int64_t b_len) {
    return std::max<int64_t>(0, std::min(a + a_len, b + b_len) - std::max(a, b));
}

int64_t area_overlap(const MonitorRect& r, const MonitorRect& s) {
    return overlap(r.x, r.width, s.x, s.width) * overlap(r.y, r.height, s.y, s.height);
}

}  // namespace

MonitorRect fit_window(const MonitorRect& window, const std::vector<MonitorRect>& work_areas) {
    if (work_areas.empty()) return window;
    const MonitorRect title{window.x, window.y, window.width, std::min(window.height, kTitleBarRows)};
    const int64_t need_w = std::min(window.width, kGrabColumns);
    for (const MonitorRect& area : work_areas)
        if (overlap(title.x, title.width, area.x, area.width) >= need_w &&
            overlap(title.y, title.height, area.y, area.height) >= title.height)
            return window;  // reachable as the user left it, even if partly off screen

    const MonitorRect* best = &work_areas.front();
    int64_t best_overlap = 0;
    for (const MonitorRect& area : work_areas)
        if (const int64_t o = area_overlap(window, area); o > best_overlap) {
            best = &area;
            best_overlap = o;
        }
    MonitorRect fitted = window;
    fitted.width = std::clamp(window.width, 1, std::max(best->width, 1));
    fitted.height = std::clamp(window.height, 1, std::max(best->height, 1));
    const int64_t max_x = int64_t{best->x} + best->width - fitted.width;
    const int64_t max_y = int64_t{best->y} + best->height - fitted.height;
    fitted.x = static_cast<int>(std::clamp<int64_t>(window.x, best->x, std::max<int64_t>(best->x, max_x)));
    fitted.y = static_cast<int>(std::clamp<int64_t>(window.y, best->y, std::max<int64_t>(best->y, max_y)));
    return fitted;
}

}  // namespace poolscope::app
