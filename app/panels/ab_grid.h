// The A/B view's pieces (panels/ab_view.cpp draws the window): one side's output grid, its cells shaded where
// they differ from the other side or only this side has them, and the list of the core's reasons. Pointing
// at a reason outlines its cells in both grids; pointing at a cell outlines it in both and marks its reasons.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "panels/window.h"
#include "poolscope/ab_compare.h"

namespace poolscope::app {

using AbCell = std::pair<int64_t, int64_t>;  // output row, column in the shown channel

// What the grids mark in the shown channel plane (n 0, channel c), from the comparison.
struct AbMarks {
    std::set<AbCell> differing, only_a, only_b;
    std::set<AbCell> highlighted_a,
        highlighted_b;  // the cells of the reason pointed at, or the cell pointed at
};
AbMarks ab_marks(const AbComparison& cmp, int64_t channel);

// One side's grid with `cell` pixels per cell; values hidden by an open question show "?". Returns the cell
// under the mouse. `side_b` picks the side and its marks; `anchor` names the grid for tests ("ab.grid.a").
std::optional<AbCell> draw_ab_grid(PanelContext& ctx, const AbComparison& cmp, bool side_b, int64_t channel,
                                   float cell, const AbMarks& marks, const QuizHidden& hidden,
                                   const char* anchor);

// The cell size both grids use in `width` pixels each: large enough to read, small enough to fit, the same
// for A and B so their cells line up.
float ab_cell_size(const AbComparison& cmp, float width, float height);

// The reasons (and notes) an open question does not hold back, with their index in cmp.reasons; those held
// back are counted in `held_back`.
std::vector<size_t> ab_visible_reasons(const AbComparison& cmp, const QuizHidden& hidden, int64_t channel,
                                       int& held_back);

// Draws the reasons (bullets, wrapped; a reason with the pointed-at cell in the accent colour) and returns
// the one under the mouse (an index into cmp.reasons).
std::optional<size_t> draw_ab_reasons(PanelContext& ctx, const AbComparison& cmp,
                                      const std::vector<size_t>& visible, int64_t channel,
                                      std::optional<AbCell> pointed_cell, bool pointed_in_b);

}  // namespace poolscope::app
