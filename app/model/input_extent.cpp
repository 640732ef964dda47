// The input grid's extent and cell kinds (see input_extent.h).
#include "model/input_extent.h"

#include <algorithm>

namespace poolscope::app {

Extent input_extent(const Document& doc, const Computed& computed) {
    const Shape& s = doc.input.shape();
    Extent e{0, s.h - 1, 0, s.w - 1};
    if (!computed.plan || is_adaptive(doc.params.op)) return e;
    const AxisShape& h = computed.plan->h;
    const AxisShape& w = computed.plan->w;
    e.first_row = std::max(-kMaxRing, std::min<int64_t>(0, -h.pad_begin));
    e.first_col = std::max(-kMaxRing, std::min<int64_t>(0, -w.pad_begin));
    e.last_row = std::min(s.h - 1 + kMaxRing, std::max({s.h - 1, h.last_reached(), s.h - 1 + h.pad_end}));
    e.last_col = std::min(s.w - 1 + kMaxRing, std::max({s.w - 1, w.last_reached(), s.w - 1 + w.pad_end}));
    return e;
}

TapKind kind_of(const Document& doc, const Computed& computed, int64_t r, int64_t c) {
    const Shape& s = doc.input.shape();
    const bool inside = r >= 0 && c >= 0 && r < s.h && c < s.w;
    // Between an edit made while drawing (a size changed in the sidebar) and the next recompute(), the plan
    // still describes the previous input: its axes would call cells of the old size "input", and a grid would
    // read them from the new, smaller tensor. Only the input itself then counts as input.
    if (computed.plan && !(computed.plan->input == s)) return inside ? TapKind::kInput : TapKind::kOverhang;
    if (!computed.plan || is_adaptive(doc.params.op)) return TapKind::kInput;
    return tap_kind(computed.plan->h, computed.plan->w, r, c);
}

}  // namespace poolscope::app
