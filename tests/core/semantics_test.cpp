// The parts of PyTorch's behaviour people get wrong: -inf padding, NaN, ties, divisors, indices, adaptive
// windows.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "poolscope/trace.h"
#include "test_util.h"

namespace poolscope {
namespace {

using test::avg_pool;
using test::matrix;
using test::max_pool;
using V = std::vector<float>;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
using test::kInf;

PoolOutput run(const Tensor& x, const PoolParams& p) {
    Result<PoolOutput> r = pool(x, p);
    EXPECT_TRUE(r.ok()) << r.error_text();
    return r.ok() ? std::move(r).value() : PoolOutput{};
}

TEST(Semantics, MaxPadsWithMinusInfinityNotZero) {
    // All-negative input: zero padding would wrongly win.
    const Tensor x = matrix({{-5, -6}, {-7, -8}});
    EXPECT_EQ(run(x, max_pool({2, 2}, Pair{1, 1}, {1, 1})).values.values(),
              (V{-5, -5, -6, -5, -5, -6, -7, -7, -8}));
}

TEST(Semantics, NanPropagatesAndLastNanWinsTheIndex) {
    const Tensor x = matrix(
        {{1, kNaN, 3, kNaN}, {5, 6, 7, 8}, {-kInf, -kInf, -kInf, -kInf}, {-kInf, -kInf, -kInf, -kInf}});
    PoolParams p = max_pool({2, 2});
    p.return_indices = true;
    const PoolOutput y = run(x, p);
    EXPECT_TRUE(std::isnan(y.values.values()[0]));
    EXPECT_TRUE(std::isnan(y.values.values()[1]));
    EXPECT_EQ(y.values.values()[2], -kInf);
    // PyTorch 1.13: [[1, 3], [8, 10]] — all -inf keeps the first cell of the window.
    EXPECT_EQ(y.indices, (std::vector<int64_t>{1, 3, 8, 10}));
    const Tensor two_nans = matrix({{kNaN, 1}, {kNaN, 2}});
    EXPECT_EQ(run(two_nans, p).indices, (std::vector<int64_t>{2}));
}

TEST(Semantics, TiesKeepTheFirstInRowMajorOrder) {
    PoolParams p = max_pool({2, 2});
    p.return_indices = true;
    EXPECT_EQ(run(matrix({{1, 7}, {7, 7}}), p).indices, (std::vector<int64_t>{1}));
}

TEST(Semantics, WindowEntirelyOutsideTheInputGivesMinusInfAndPyTorchsIndex) {
    // 2x2 input, kernel 2, padding 1, dilation 3: the window's taps are -1 and 2 on each axis.
    PoolParams p = max_pool({2, 2}, Pair{1, 1}, {1, 1});
    p.dilation = {3, 3};
    p.return_indices = true;
    const PoolOutput y = run(matrix({{0, 1}, {2, 3}}), p);
    EXPECT_EQ(y.values.values(), (V{-kInf}));
    EXPECT_EQ(y.indices, (std::vector<int64_t>{6}));  // PyTorch 1.13 prints 6
}

TEST(Semantics, AvgDivisorCountsPaddingButNotCeilOverhang) {
    const Tensor x = test::arange({1, 1, 4, 4}, 1.0f);
    PoolParams p = avg_pool({3, 3}, Pair{2, 2}, {1, 1});
    p.ceil_mode = true;
    Result<PoolPlan> plan = make_plan(x.shape(), p);
    ASSERT_TRUE(plan.ok());
    // Last window starts at 1, covers 1..3: inside the input, no overhang. Padded corner window (0,0): 9
    // cells.
    CellTrace t = trace_cell(*plan, x, {0, 0, 0, 0});
    EXPECT_EQ(t.divisor_rule, DivisorRule::kWindowArea);
    EXPECT_EQ(t.divisor, 9);
    EXPECT_EQ(t.result, (1.0f + 2 + 5 + 6) / 9.0f);
}

TEST(Semantics, AvgCeilOverhangShrinksDivisor) {
    // 5 wide, kernel 2, stride 2, ceil: last window starts at 4 and overhangs by one (no padding).
    const Tensor x = test::arange({1, 1, 1, 5}, 1.0f, 2);
    PoolParams p = avg_pool({1, 2});
    p.ceil_mode = true;
    const PoolOutput y = run(x, p);
    EXPECT_EQ(y.values.values(), (V{1.5f, 3.5f, 5.0f}));
    Result<PoolPlan> plan = make_plan(x.shape(), p);
    CellTrace t = trace_cell(*plan, x, {0, 0, 0, 2});
    EXPECT_EQ(t.divisor, 1);
    EXPECT_EQ(t.taps[1].kind, TapKind::kOverhang);
}

TEST(Semantics, CountIncludePadFalseCountsRealCellsOnly) {
    PoolParams p = avg_pool({3, 3}, Pair{2, 2}, {1, 1});
    p.count_include_pad = false;
    const Tensor x = test::arange({1, 1, 4, 4}, 1.0f);
    EXPECT_EQ(run(x, p).values.values()[0], (1.0f + 2 + 5 + 6) / 4.0f);
}

TEST(Semantics, DivisorOverrideWins) {
    PoolParams p = avg_pool({2, 2});
    p.divisor_override = -2;
    // PyTorch 1.13: [[-5, -9], [-21, -25]] on arange(16).
    EXPECT_EQ(run(test::arange({1, 1, 4, 4}), p).values.values(), (V{-5, -9, -21, -25}));
}

TEST(Semantics, IndicesAreFlatWithinEachPlane) {
    PoolParams p = max_pool({2, 2});
    p.return_indices = true;
    Tensor x = test::arange({1, 2, 4, 4});
    const PoolOutput y = run(x, p);
    EXPECT_EQ(y.indices, (std::vector<int64_t>{5, 7, 13, 15, 5, 7, 13, 15}));
}

TEST(Semantics, AdaptiveWindowsOverlapWhenSizesDoNotDivide) {
    PoolParams p;
    p.op = PoolOp::kAdaptiveMax;
    p.output_size = {1, 3};
    // W=5 -> 3: windows [0,2), [1,4), [3,5).
    EXPECT_EQ(run(matrix({{1, 9, 2, 3, 8}}), p).values.values(), (V{9, 9, 8}));
    p.op = PoolOp::kAdaptiveAvg;
    EXPECT_EQ(run(matrix({{1, 9, 2, 3, 8}}), p).values.values(), (V{5, (9.0f + 2 + 3) / 3, 5.5f}));
}

}  // namespace
}  // namespace poolscope
