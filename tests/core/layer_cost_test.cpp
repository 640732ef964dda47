// layer_cost() against the traces: the total is the number of cells every window's trace reads, summed over
// the output, for windowed layers (padding and overhang positions included, as PyTorch's loop visits the
// kernel) and adaptive ones (windows of different sizes); and D2L's count for its 3×3 example.
#include <gtest/gtest.h>

#include "poolscope/generators.h"
#include "poolscope/layer_cost.h"
#include "poolscope/trace.h"

namespace poolscope {
namespace {

int64_t traced_reads(const PoolPlan& plan, const Tensor& input) {
    int64_t reads = 0;
    const Shape& o = plan.output;
    for (int64_t c = 0; c < o.c; ++c)
        for (int64_t h = 0; h < o.h; ++h)
            for (int64_t w = 0; w < o.w; ++w)
                reads += static_cast<int64_t>(trace_cell(plan, input, OutputCell{0, c, h, w}).taps.size());
    return reads;
}

TEST(LayerCost, EqualsTheCellsEveryWindowReads) {
    int checked = 0;
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg, PoolOp::kAdaptiveMax, PoolOp::kAdaptiveAvg})
        for (int64_t k = 1; k <= 3; ++k)
            for (int64_t s = 1; s <= 3; ++s)
                for (bool ceil : {false, true}) {
                    PoolParams p;
                    p.op = op;
                    p.kernel_size = {k, k + 1};
                    p.stride = Pair{s, s};
                    p.padding = Padding::symmetric({k / 2, 0});
                    p.ceil_mode = ceil;
                    p.output_size = {k + 1, s + 1};
                    const Shape shape{1, 2, 6, 7};
                    Result<PoolPlan> plan = make_plan(shape, p);
                    if (!plan) continue;
                    const Tensor input = make_arange(shape).value();
                    const LayerCost cost = layer_cost(*plan);
                    EXPECT_EQ(cost.total, traced_reads(*plan, input))
                        << op_name(op) << " k" << k << " s" << s;
                    EXPECT_EQ(cost.outputs, plan->output.numel());
                    if (!cost.windows_vary) {
                        EXPECT_EQ(cost.total, cost.outputs * cost.window_cells);
                    }
                    ++checked;
                }
    EXPECT_GT(checked, 50);
}

TEST(LayerCost, DiveIntoDeepLearningsThreeByThreeExample) {
    PoolParams p;  // MaxPool2d(2) on D2L's 3x3 input X: 4 outputs of 4 comparisons each
    p.kernel_size = {2, 2};
    p.stride = Pair{1, 1};
    Result<PoolPlan> plan = make_plan({1, 1, 3, 3}, p);
    ASSERT_TRUE(plan);
    const LayerCost cost = layer_cost(*plan);
    EXPECT_EQ(cost.outputs, 4);
    EXPECT_EQ(cost.window_cells, 4);
    EXPECT_EQ(cost.total, 16);
    EXPECT_FALSE(cost.windows_vary);
}

}  // namespace
}  // namespace poolscope
