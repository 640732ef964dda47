// Which input cells a matrix picture shows: the input plus every cell a window can reach (the padding ring,
// ceil_mode's overhang), at most kMaxRing beyond each edge, and what each of them is. Shared by the window's
// input grid (panels/matrices_panel.cpp) and the exports (app/export), so both draw the same ring.
#pragma once

#include <cstdint>

#include "model/computed.h"
#include "model/document.h"

namespace poolscope::app {

inline constexpr int64_t kMaxRing = 12;  // cells of padding/overhang drawn beyond each edge at most

struct Extent {
    int64_t first_row = 0, last_row = 0, first_col = 0, last_col = 0;
};

Extent input_extent(const Document& doc, const Computed& computed);
// Cells outside the input exist on screen only with a windowed plan (input_extent), which classifies them;
// a cell is kInput only if it is in doc.input, also while an edit awaits recompute() (the plan is stale).
TapKind kind_of(const Document& doc, const Computed& computed, int64_t r, int64_t c);

}  // namespace poolscope::app
