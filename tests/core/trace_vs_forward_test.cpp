// The fast forward pass equals the step trace bit for bit on exhaustive small configurations, with inputs
// that contain ties, NaN and -inf; and the trace's bookkeeping (taps, kinds, divisors) is self-consistent.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "poolscope/trace.h"
#include "test_util.h"

namespace poolscope {
namespace {

Tensor tricky_input(Shape shape, uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, 19);
    Tensor t(shape);
    for (int64_t i = 0; i < t.numel(); ++i) {
        const int r = pick(rng);
        t.data()[i] = r == 0   ? std::numeric_limits<float>::quiet_NaN()
                      : r == 1 ? -std::numeric_limits<float>::infinity()
                               : static_cast<float>(r % 7) * 0.37f - 1.0f;  // small range: many ties
    }
    return t;
}

void expect_identical(const PoolOutput& fast, const PoolOutput& slow, const std::string& what) {
    ASSERT_TRUE(fast.values.identical(slow.values)) << what;
    ASSERT_EQ(fast.indices, slow.indices) << what;
}

TEST(TraceVsForward, ExhaustiveWindowedConfigurations) {
    int checked = 0;
    const auto input = [](int64_t H, int64_t W) {
        return tricky_input({1, 2, H, W}, static_cast<uint32_t>(H * 31 + W));
    };
    test::for_each_windowed_case({5, 4, 3, 2, 3}, input, [&](const Tensor& x, const test::WindowedCase& c) {
        PoolParams p = c.mode == 0 ? test::max_pool({c.kh, c.kw}, Pair{c.s, c.s + (c.kw % 2)}, {c.ph, c.pw})
                                   : test::avg_pool({c.kh, c.kw}, Pair{c.s, c.s}, {c.ph, c.pw});
        p.dilation = {c.d, c.d};
        p.ceil_mode = c.ceil;
        p.count_include_pad = c.mode == 1;
        Result<PoolPlan> plan = make_plan(x.shape(), p);
        if (!plan) return;
        expect_identical(forward(*plan, x), forward_reference(*plan, x), c.describe());
        ++checked;
    });
    EXPECT_GT(checked, 5000);
}

TEST(TraceVsForward, AdaptiveConfigurations) {
    for (int64_t H = 1; H <= 7; ++H)
        for (int64_t W = 1; W <= 7; ++W) {
            const Tensor x = tricky_input({2, 1, H, W}, static_cast<uint32_t>(H * 7 + W));
            for (int64_t oh = 0; oh <= 8; ++oh)
                for (int64_t ow = 0; ow <= 8; ++ow)
                    for (PoolOp op : {PoolOp::kAdaptiveMax, PoolOp::kAdaptiveAvg}) {
                        PoolParams p;
                        p.op = op;
                        p.output_size = {oh, ow};
                        Result<PoolPlan> plan = make_plan(x.shape(), p);
                        ASSERT_TRUE(plan.ok());
                        expect_identical(forward(*plan, x), forward_reference(*plan, x), "adaptive");
                    }
        }
}

TEST(TraceVsForward, TapsFollowTheWindowGeometry) {
    const Tensor x = test::arange({1, 1, 5, 5});
    PoolParams p = test::max_pool({3, 2}, Pair{2, 2}, {1, 1});
    p.dilation = {2, 1};
    p.ceil_mode = true;
    Result<PoolPlan> plan = make_plan(x.shape(), p);
    ASSERT_TRUE(plan.ok());
    for (int64_t oh = 0; oh < plan->output.h; ++oh)
        for (int64_t ow = 0; ow < plan->output.w; ++ow) {
            const CellTrace t = trace_cell(*plan, x, {0, 0, oh, ow});
            ASSERT_EQ(t.taps.size(), 6u);
            EXPECT_EQ(t.h_start, oh * 2 - 1);
            for (int64_t r = 0; r < 3; ++r)
                for (int64_t q = 0; q < 2; ++q) {
                    const Tap& tap = t.taps[static_cast<size_t>(r * 2 + q)];
                    EXPECT_EQ(tap.ih, t.h_start + 2 * r);
                    EXPECT_EQ(tap.iw, t.w_start + q);
                    const bool inside = tap.ih >= 0 && tap.ih < 5 && tap.iw >= 0 && tap.iw < 5;
                    EXPECT_EQ(tap.kind == TapKind::kInput, inside);
                    if (tap.kind == TapKind::kPadding) {
                        EXPECT_EQ(tap.value, -std::numeric_limits<float>::infinity());
                    }
                }
            ASSERT_GE(t.argmax_tap, 0);
            EXPECT_EQ(t.taps[static_cast<size_t>(t.argmax_tap)].value, t.result);
            EXPECT_EQ(t.argmax_index, t.taps[static_cast<size_t>(t.argmax_tap)].ih * 5 +
                                          t.taps[static_cast<size_t>(t.argmax_tap)].iw);
        }
}

TEST(TraceVsForward, WindowsReadingIsTheInverseOfTheTaps) {
    const Tensor x = test::arange({1, 1, 6, 5});
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg, PoolOp::kAdaptiveAvg}) {
        PoolParams p = test::max_pool({3, 2}, Pair{2, 1}, {1, 1});
        p.op = op;
        if (op == PoolOp::kMax) p.dilation = {2, 1};
        p.output_size = {4, 3};
        Result<PoolPlan> plan = make_plan(x.shape(), p);
        ASSERT_TRUE(plan.ok()) << plan.error_text();
        for (int64_t ih = 0; ih < 6; ++ih)
            for (int64_t iw = 0; iw < 5; ++iw) {
                std::vector<OutputCell> expected;
                for (int64_t oh = 0; oh < plan->output.h; ++oh)
                    for (int64_t ow = 0; ow < plan->output.w; ++ow) {
                        const CellTrace t = trace_cell(*plan, x, {0, 0, oh, ow});
                        for (const Tap& tap : t.taps)
                            if (tap.ih == ih && tap.iw == iw) {
                                expected.push_back({0, 0, oh, ow});
                                break;
                            }
                    }
                EXPECT_EQ(windows_reading(*plan, 0, 0, ih, iw), expected)
                    << "op " << op_name(op) << " at " << ih << "," << iw;
            }
    }
}

}  // namespace
}  // namespace poolscope
