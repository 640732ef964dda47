// The matrices' share of the height (see row_room.h).
#include "panels/row_room.h"

#include <algorithm>

namespace poolscope::app {

float readable_cell(const MeasuredHeights& m, float font) {
    const float side = static_cast<float>(std::max(m.grids.in_rows, m.grids.in_cols));
    return font * 1.65f * std::min(1.0f, 8.0f / std::max(side, 1.0f));
}

float matrices_height_for(const MeasuredHeights& m, float width, float cell) {
    if (m.grids.in_rows <= 0 || m.grids.in_cols <= 0) return 0.0f;
    GridFitInput room = m.grids;
    room.width = width - m.grids_extra_w;
    // fit_grids grows with the height: bisect for the smallest height that reaches `cell`.
    float lo = 0.0f, hi = 8192.0f;
    room.height = hi;
    if (fit_grids(room).cell < cell) return hi + m.grids_extra_h;  // too narrow: no height is enough
    for (int i = 0; i < 24 && hi - lo > 0.5f; ++i) {
        room.height = (lo + hi) * 0.5f;
        (fit_grids(room).cell >= cell ? hi : lo) = room.height;
    }
    return hi + m.grids_extra_h;
}

}  // namespace poolscope::app
