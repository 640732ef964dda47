// Windows PyTorch accepts but that are far larger than the input: sizes up to int32, traced without
// listing billions of padding taps, and still equal to the forward pass.
#include <gtest/gtest.h>

#include <limits>

#include "poolscope/trace.h"
#include "test_util.h"

namespace poolscope {
namespace {

TEST(LargeWindow, SizesUpToInt32AreAcceptedLikePyTorch) {
    const Shape in{1, 1, 4, 4};
    EXPECT_TRUE(make_plan(in, test::max_pool({2, 2}, Pair{kMaxSize, kMaxSize})).ok());
    EXPECT_FALSE(make_plan(in, test::max_pool({2, 2}, Pair{kMaxSize + 1, 1})).ok());
    PoolParams p = test::avg_pool({2, 2});
    p.divisor_override = int64_t{1} << 40;  // any nonzero int64 divisor, as in PyTorch
    EXPECT_TRUE(make_plan(in, p).ok());
}

TEST(LargeWindow, HugeKernelIsTracedWithItsInputCellsOnly) {
    const Tensor x = test::matrix({{1, 7, 3, 4}});
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg}) {
        PoolParams p =
            test::max_pool({1, int64_t{1} << 30}, Pair{1, int64_t{1} << 30}, {0, int64_t{1} << 29});
        p.op = op;
        Result<PoolPlan> plan = make_plan(x.shape(), p);
        ASSERT_TRUE(plan.ok()) << plan.error_text();
        const CellTrace t = trace_cell(*plan, x, {0, 0, 0, 0});
        EXPECT_TRUE(t.taps_clipped);
        ASSERT_EQ(t.taps.size(), 4u);
        EXPECT_EQ(t.taps[0].iw, 0);
        EXPECT_EQ(t.taps[3].iw, 3);
        if (op == PoolOp::kMax) {
            EXPECT_EQ(t.result, 7.0f);
            EXPECT_EQ(t.argmax_index, 1);
            EXPECT_EQ(t.taps[static_cast<size_t>(t.argmax_tap)].iw, 1);
        } else {
            EXPECT_EQ(t.divisor, int64_t{1} << 30);  // window [-2^29, 2^29): clipped to the padded input
        }
        const PoolOutput fast = forward(*plan, x), slow = forward_reference(*plan, x);
        EXPECT_TRUE(fast.values.identical(slow.values));
        EXPECT_EQ(fast.indices, slow.indices);
    }
}

TEST(LargeWindow, ClippedTraceOfAWindowWithNoInputCell) {
    // 1x1 input; 70000 taps two apart starting at -34999: every tap is odd, so none is the input cell 0.
    // PyTorch 1.13: value -inf, index 1 (the first position past the padding).
    PoolParams p = test::max_pool({1, 70000}, Pair{1, 70001}, {0, 34999});
    p.dilation = {1, 2};
    p.ceil_mode = true;
    p.return_indices = true;
    Result<PoolPlan> plan = make_plan({1, 1, 1, 1}, p);
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    const Tensor x = test::matrix({{3}});
    const CellTrace t = trace_cell(*plan, x, {0, 0, 0, 0});
    EXPECT_TRUE(t.taps_clipped);
    EXPECT_TRUE(t.taps.empty());
    EXPECT_EQ(t.result, -std::numeric_limits<float>::infinity());
    EXPECT_EQ(t.argmax_index, 1);
    EXPECT_EQ(t.argmax_tap, -1);
    const PoolOutput fast = forward(*plan, x);
    EXPECT_TRUE(fast.values.identical(forward_reference(*plan, x).values));
    EXPECT_EQ(fast.indices, (std::vector<int64_t>{1}));
}

}  // namespace
}  // namespace poolscope
