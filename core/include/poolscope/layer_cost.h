// The work a pooling layer does, counted as D2L's exercise counts it: output cells times the cells each
// window reads (c·h_out·w_out·kh·kw) — comparisons for max pooling, additions for average pooling. Padding
// and overhang positions of a window count as PyTorch's loop visits the kernel; adaptive windows are summed
// one by one (their sizes differ).
#pragma once

#include <cstdint>

#include "poolscope/pool_plan.h"

namespace poolscope {

struct LayerCost {
    int64_t outputs = 0;        // output cells, every channel (and image) included
    int64_t window_cells = 0;   // cells one window reads: kh·kw (adaptive: the largest window's)
    int64_t total = 0;          // window reads over the whole output (saturating)
    bool windows_vary = false;  // adaptive: windows differ in size, so total != outputs·window_cells
};

LayerCost layer_cost(const PoolPlan& plan);

}  // namespace poolscope
