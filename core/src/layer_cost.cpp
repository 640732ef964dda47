// See layer_cost.h.
#include "poolscope/layer_cost.h"

#include <algorithm>

#include "poolscope/output_shape.h"

namespace poolscope {

LayerCost layer_cost(const PoolPlan& plan) {
    LayerCost cost;
    const Shape& in = plan.input;
    const Shape& out = plan.output;
    cost.outputs = out.numel();
    if (!is_adaptive(plan.op())) {
        cost.window_cells = saturating_mul(plan.h.kernel, plan.w.kernel);
        cost.total = saturating_mul(cost.outputs, cost.window_cells);
        return cost;
    }
    // Adaptive: the rows of each output row times the columns of each output column, summed per plane.
    int64_t rows = 0, cols = 0, widest = 0, tallest = 0;
    for (int64_t o = 0; o < out.h; ++o) {
        const int64_t r = adaptive_end(o, in.h, out.h) - adaptive_start(o, in.h, out.h);
        rows += r;
        tallest = std::max(tallest, r);
    }
    for (int64_t o = 0; o < out.w; ++o) {
        const int64_t c = adaptive_end(o, in.w, out.w) - adaptive_start(o, in.w, out.w);
        cols += c;
        widest = std::max(widest, c);
    }
    cost.window_cells = saturating_mul(tallest, widest);
    cost.total = saturating_mul(saturating_mul(out.n, out.c), saturating_mul(rows, cols));
    cost.windows_vary = cost.total != saturating_mul(cost.outputs, cost.window_cells);
    return cost;
}

}  // namespace poolscope
