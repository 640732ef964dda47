// The matrices' share of the height (see row_room.h).
#include "panels/row_room.h"

#include <algorithm>
#include <cmath>

namespace poolscope::app {

float readable_cell(const MeasuredHeights& m, float font) {
    const float side = static_cast<float>(std::max(m.grids.in_rows, m.grids.in_cols));
    return font * 1.65f * std::min(1.0f, 8.0f / std::max(side, 1.0f));
}

namespace {
size_t width_slot(const MeasuredHeights& m, float width, float font) {
    const float k = std::round(width / std::max(font, 1.0f));
    return static_cast<size_t>(std::clamp(k, 0.0f, static_cast<float>(m.text_h_at.size() - 1)));
}
}  // namespace

float text_room(const MeasuredHeights& m, float text_w, float font) {
    if (text_w <= 0.0f) return font * 10.0f;
    const size_t at = width_slot(m, text_w, font);
    if (m.text_h_at[at] > 0.0f) return m.text_h_at[at] + font * 0.5f;
    // Not tried at this width: the nearest width tried, its area kept (wrapped text keeps about its area).
    for (size_t d = 1; d < m.text_h_at.size(); ++d)
        for (const size_t k : {at + d, at - d})  // (at - d wraps past 0 to a huge index: skipped)
            if (k < m.text_h_at.size() && m.text_h_at[k] > 0.0f)
                return m.text_h_at[k] * static_cast<float>(k) / std::max(1.0f, static_cast<float>(at)) +
                       font * 0.5f;
    return font * 10.0f;
}

void remember_text_height(MeasuredHeights& m, float width, float font, float needed) {
    float& kept = m.text_h_at[width_slot(m, width, font)];
    if (std::fabs(kept - needed) > 0.5f) kept = needed, m.layout_changed = true;
    if (std::fabs(m.text_h - needed) > 0.5f) m.text_h = needed, m.layout_changed = true;
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

void forget_measurements(MeasuredHeights& m) {
    MeasuredHeights fresh;
    fresh.notes_user = m.notes_user;
    if (m.notes_user) fresh.notes_folded = m.notes_folded;
    fresh.legend_open = m.legend_open;
    fresh.step_notes_open = m.step_notes_open, fresh.step_notes_for = m.step_notes_for;
    fresh.font = m.font;
    fresh.layout_changed = true;  // one more frame, to settle from the new measurements
    m = fresh;
}

}  // namespace poolscope::app
