// The backward pass: the fast path equals the per-input-cell trace bit for bit over grids of parameters with
// ties, NaN and -inf in the input and non-finite gradients; worked examples whose grad_input is known by
// hand; the traces' bookkeeping; and PyTorch 1.13's writes for max windows that hold no input cell.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "poolscope/backward_trace.h"
#include "poolscope/pool_backward.h"
#include "test_util.h"

namespace poolscope {
namespace {

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
using test::kInf;

Tensor tricky(Shape shape, uint32_t seed, bool gradient) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, 19);
    Tensor t(shape);
    for (int64_t i = 0; i < t.numel(); ++i) {
        const int r = pick(rng);
        t.data()[i] = r == 0     ? kNan
                      : r == 1   ? (gradient ? kInf : -kInf)
                      : gradient ? static_cast<float>(r) * 0.1f - 0.7f  // inexact sums: order matters
                                 : static_cast<float>(r % 5) * 0.5f;    // small range: many ties
    }
    return t;
}

void expect_same(const PoolPlan& plan, const Tensor& x, const Tensor& g, const std::string& what) {
    const BackwardOutput fast = backward(plan, x, g);
    const BackwardOutput slow = backward_reference(plan, x, g);
    ASSERT_TRUE(fast.grad_input.identical(slow.grad_input)) << what;
    ASSERT_EQ(fast.strays.size(), slow.strays.size()) << what;
    for (size_t i = 0; i < fast.strays.size(); ++i) {
        EXPECT_EQ(fast.strays[i].from, slow.strays[i].from) << what;
        EXPECT_EQ(fast.strays[i].flat, slow.strays[i].flat) << what;
        EXPECT_EQ(fast.strays[i].inside, slow.strays[i].inside) << what;
    }
}

TEST(BackwardVsTrace, ExhaustiveWindowedConfigurations) {
    int checked = 0, with_strays = 0;
    const auto input = [](int64_t H, int64_t W) {
        return tricky({1, 2, H, W}, static_cast<uint32_t>(H * 7 + W), false);
    };
    test::for_each_windowed_case({4, 3, 2, 3, 4}, input, [&](const Tensor& x, const test::WindowedCase& c) {
        PoolParams p = c.mode == 0 ? test::max_pool({c.kh, c.kw}, Pair{c.s, c.s}, {c.ph, c.pw})
                                   : test::avg_pool({c.kh, c.kw}, Pair{c.s, c.s}, {c.ph, c.pw});
        p.dilation = {c.d, c.d};
        p.ceil_mode = c.ceil;
        p.count_include_pad = c.mode == 1;
        if (c.mode == 3) p.divisor_override = 3;
        Result<PoolPlan> plan = make_plan(x.shape(), p);
        if (!plan) return;
        const Tensor g = tricky(plan->output, static_cast<uint32_t>(checked), true);
        expect_same(*plan, x, g, c.describe());
        with_strays += backward(*plan, x, g).strays.empty() ? 0 : 1;
        ++checked;
    });
    EXPECT_GT(checked, 3000);
    EXPECT_GT(with_strays, 10);  // the grid reaches windows with no input cell
}

TEST(BackwardVsTrace, AdaptiveConfigurations) {
    int checked = 0;
    for (int64_t H = 1; H <= 6; ++H)
        for (int64_t W = 1; W <= 6; ++W)
            for (int64_t oh = 0; oh <= 7; ++oh)
                for (int64_t ow = 1; ow <= 7; ++ow)
                    for (PoolOp op : {PoolOp::kAdaptiveMax, PoolOp::kAdaptiveAvg}) {
                        PoolParams p;
                        p.op = op;
                        p.output_size = {oh, ow};
                        const Tensor x = tricky({2, 1, H, W}, static_cast<uint32_t>(H * 13 + W), false);
                        Result<PoolPlan> plan = make_plan(x.shape(), p);
                        ASSERT_TRUE(plan.ok());
                        const Tensor g = tricky(plan->output, static_cast<uint32_t>(checked), true);
                        expect_same(*plan, x, g, "adaptive " + std::to_string(H) + "x" + std::to_string(W));
                        ++checked;
                    }
    EXPECT_GT(checked, 2000);
}

TEST(Backward, MaxRoutesToTheArgmaxAndOverlapsAddUp) {
    // 3x3, kernel 2, stride 1: the 9 is the max of all four windows, so it collects every gradient.
    const Tensor x = test::matrix({{1, 2, 3}, {4, 9, 5}, {6, 7, 8}});
    const PoolPlan plan = make_plan(x.shape(), test::max_pool({2, 2}, Pair{1, 1})).value();
    const Tensor g = Tensor::from_values(plan.output, {1, 2, 3, 4}, 2).value();
    const BackwardOutput b = backward(plan, x, g);
    EXPECT_EQ(test::values_of(b.grad_input), (std::vector<float>{0, 0, 0, 0, 10, 0, 0, 0, 0}));
    EXPECT_EQ(b.grad_input.rank(), 2);
    const InputGradTrace t = trace_input_grad(plan, x, g, 0, 0, 1, 1);
    ASSERT_EQ(t.contributions.size(), 4u);
    EXPECT_EQ(t.contributions[2].from, (OutputCell{0, 0, 1, 0}));
    EXPECT_EQ(t.contributions[2].running, 6.0f);
    EXPECT_EQ(t.value, 10.0f);
    // The 8 is read by one window but loses it to the 9.
    const InputGradTrace loser = trace_input_grad(plan, x, g, 0, 0, 2, 2);
    EXPECT_TRUE(loser.contributions.empty());
    EXPECT_EQ(loser.passed_over, (std::vector<OutputCell>{{0, 0, 1, 1}}));
}

TEST(Backward, TiesAndNanRouteLikeTheForwardIndices) {
    // Ties keep the first cell; a NaN wins its window (the last NaN when there are several).
    const Tensor x = test::matrix({{5, 5, kNan, 1}, {5, 5, 2, kNan}});
    const PoolPlan plan = make_plan(x.shape(), test::max_pool({2, 2})).value();
    const Tensor g = Tensor::from_values(plan.output, {1, 1}, 2).value();
    EXPECT_EQ(test::values_of(backward(plan, x, g).grad_input), (std::vector<float>{1, 0, 0, 0, 0, 0, 0, 1}));
}

TEST(Backward, AvgSpreadsGradOverDivisorAndDropsThePaddingShare) {
    // 2x2 input, kernel 2, stride 1, padding 1: nine windows, each covering one to four input cells.
    const Tensor x = test::matrix({{1, 2}, {3, 4}});
    PoolParams p = test::avg_pool({2, 2}, Pair{1, 1}, {1, 1});
    const PoolPlan plan = make_plan(x.shape(), p).value();
    const Tensor ones(plan.output, 1.0f, 2);
    // count_include_pad: every window divides by 4 and each input cell is in 4 windows.
    EXPECT_EQ(test::values_of(backward(plan, x, ones).grad_input), (std::vector<float>{1, 1, 1, 1}));
    const OutputGradTrace corner = trace_output_grad(plan, x, ones, {0, 0, 0, 0});
    EXPECT_EQ(corner.delta, 0.25f);
    int dropped = 0;
    for (const GradTarget& t : corner.targets)
        dropped += t.kind == GradTargetKind::kPadding ? 1 : 0;
    EXPECT_EQ(dropped, 3);
    // Without the padding counted, the corner windows divide by 1, so each cell gets 1 + 1/2 + 1/2 + 1/4.
    p.count_include_pad = false;
    const PoolPlan real = make_plan(x.shape(), p).value();
    EXPECT_EQ(test::values_of(backward(real, x, ones).grad_input),
              (std::vector<float>{2.25f, 2.25f, 2.25f, 2.25f}));
}

TEST(Backward, AdaptiveAvgToOneCellDividesOnceLikeMean) {
    // PyTorch computes adaptive_avg_pool2d to 1x1 as mean(): grad / (H*W), not grad / H / W.
    Tensor x({1, 1, 3, 7}, 0.0f);
    PoolParams p;
    p.op = PoolOp::kAdaptiveAvg;
    p.output_size = {1, 1};
    const PoolPlan plan = make_plan(x.shape(), p).value();
    const float gv = 0.7f;
    const Tensor g(plan.output, gv);
    EXPECT_EQ(backward(plan, x, g).grad_input.at(0, 0, 2, 6), gv / 21.0f);
    EXPECT_EQ(trace_output_grad(plan, x, g, {0, 0, 0, 0}).delta, gv / 21.0f);
    // mean()'s gradient is the quotient itself, so a -0.0 gradient stays -0.0 (a sum into zeros would be
    // +0.0).
    const Tensor minus_zero(plan.output, -0.0f);
    EXPECT_TRUE(std::signbit(backward(plan, x, minus_zero).grad_input.at(0, 0, 1, 1)));
    EXPECT_TRUE(std::signbit(trace_input_grad(plan, x, minus_zero, 0, 0, 1, 1).value));
}

TEST(Backward, WindowWithNoInputCellWritesWherePyTorchDoes) {
    // H=2, kernel 2 with dilation 3 and padding 1: rows -1 and 2 of every window miss the input. PyTorch
    // saves index 2*W + w and adds the gradient there: in the next channel's plane, or past the end of the
    // tensor.
    Tensor x({1, 2, 2, 3}, 1.0f, 3);
    PoolParams p = test::max_pool({2, 2}, Pair{1, 1}, {1, 0});
    p.dilation = {3, 1};
    const PoolPlan plan = make_plan(x.shape(), p).value();
    ASSERT_EQ(plan.output, (Shape{1, 2, 1, 2}));
    const Tensor g = Tensor::from_values(plan.output, {1, 2, 3, 4}, 3).value();
    const BackwardOutput b = backward(plan, x, g);
    ASSERT_EQ(b.strays.size(), 4u);
    EXPECT_TRUE(b.strays[0].inside);  // channel 0's cells land on channel 1's first row
    EXPECT_EQ(b.strays[0].flat, 6);
    EXPECT_FALSE(b.strays[2].inside);  // channel 1's land past the end: PyTorch corrupts memory, we drop them
    EXPECT_EQ(test::values_of(b.grad_input), (std::vector<float>{0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0}));
    const InputGradTrace t = trace_input_grad(plan, x, g, 0, 1, 0, 1);
    ASSERT_EQ(t.contributions.size(), 1u);
    EXPECT_TRUE(t.contributions[0].stray);
    EXPECT_EQ(t.contributions[0].from, (OutputCell{0, 0, 0, 1}));
    const OutputGradTrace out = trace_output_grad(plan, x, g, {0, 1, 0, 0});
    ASSERT_EQ(out.targets.size(), 1u);
    EXPECT_EQ(out.targets[0].kind, GradTargetKind::kStray);
    EXPECT_EQ(out.targets[0].flat, -1);
}

TEST(Backward, GradOutputShapeMustMatch) {
    const PoolPlan plan = make_plan({1, 1, 4, 4}, test::max_pool({2, 2})).value();
    EXPECT_TRUE(check_grad_output_shape(plan, {1, 1, 2, 2}, 2, 2).empty());
    EXPECT_FALSE(check_grad_output_shape(plan, {1, 1, 2, 2}, 4, 2).empty());  // PyTorch compares the rank too
    const std::vector<Error> e = check_grad_output_shape(plan, {1, 1, 2, 3}, 4, 4);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].args, (std::vector<std::string>{"[1, 1, 2, 3]", "[1, 1, 2, 2]"}));
}

}  // namespace
}  // namespace poolscope
