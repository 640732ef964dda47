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

namespace {

// The cell the matrices panel's grids get in a `w` × `h` slot (0 before it first fitted them), with the
// height above the grids as measured in that placement (or, until it was, in the other).
float cell_in(const MeasuredHeights& m, float w, float h, bool beside) {
    if (m.grids.in_rows <= 0 || m.grids.in_cols <= 0) return 0.0f;
    GridFitInput room = m.grids;
    const float extra_h = beside ? m.extra_h_beside : m.extra_h_under;
    room.width = w - m.grids_extra_w;
    room.height = h - (extra_h > 0.0f ? extra_h : m.grids_extra_h);
    if (room.width <= 0 || room.height <= 0) return 0.0f;
    return fit_grids(room).cell;
}

}  // namespace

RowPlacement place_rows(const MeasuredHeights& m, float width, float height, float rows_h, float spacing,
                        float font, bool was_beside) {
    RowPlacement p;
    // The text column keeps lines readable: at least 17 em (the arithmetic's longest terms), at most half.
    p.side_w = std::clamp(width * 0.36f, font * 17.0f, width * 0.5f);
    p.cell_under = cell_in(m, width, height - rows_h - spacing, false);
    if (width - p.side_w - spacing < font * 16.0f) return p;  // too narrow for matrices beside a column
    p.cell_beside = cell_in(m, width - p.side_w - spacing, height, true);
    // What the matrices panel really fitted, once the layout settled, decides; the prediction only proposes
    // trying the column (the legend and labels wrap as they will only when drawn). Beside must win by 12%.
    if (!was_beside) {
        const float beside = m.seen_beside > 0.0f ? m.seen_beside : p.cell_beside;
        p.beside = m.seen_under > 0.0f && beside >= m.seen_under * 1.12f;
    } else {
        p.beside = m.seen_beside <= 0.0f || m.seen_under <= 0.0f || m.seen_beside >= m.seen_under;
    }
    if (p.cell_beside <= 0.0f) p.beside = false;
    return p;
}

}  // namespace poolscope::app
