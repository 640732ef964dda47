// Keeping a saved window placement reachable: settings.json may hold a position from a monitor that is gone
// (or a hand-edited x = 16000); the window must start where it can be seen and grabbed. Pure geometry,
// GUI-free, so it is tested without a display; the shell passes GLFW's monitor work areas.
#pragma once

#include <vector>

namespace poolscope::app {

struct MonitorRect {
    int x = 0, y = 0;           // top-left corner in virtual screen coordinates
    int width = 0, height = 0;  //
    bool operator==(const MonitorRect&) const = default;
};

// Rows of the window's top edge that must be on a monitor for it to count as reachable (its title bar).
inline constexpr int kTitleBarRows = 32;
// Columns of that strip that must be on one monitor.
inline constexpr int kGrabColumns = 100;

// `window` unchanged when its title bar can be grabbed on one of `work_areas` (kGrabColumns x kTitleBarRows
// of it on one area); otherwise moved, and shrunk if it is larger, to lie inside the work area it overlaps
// most, or the first (primary) one when it overlaps none. No work areas (no monitor known): unchanged.
MonitorRect fit_window(const MonitorRect& window, const std::vector<MonitorRect>& work_areas);

}  // namespace poolscope::app
