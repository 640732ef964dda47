// The fast forward path (vectorised kernels when the CPU has AVX2) against the step trace, bit for bit, on
// the larger and odder shapes the exhaustive small-config test cannot reach: rows wider than a vector with
// ragged tails, several planes, strides 1..5, dilation, ceil_mode, NaN payloads, ±0 ties and -inf.
#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <utility>

#include "poolscope/trace.h"
#include "test_util.h"

namespace poolscope {
namespace {

// NaNs (with distinct payloads and signs when `distinct_nans`, so max's "the last NaN wins" is visible in
// the bits), -inf, +0 and -0, and a small value range for many ties. Avg tests use one NaN bit pattern:
// which payload a float sum of two different NaNs keeps depends on the add's operand order, which C++
// leaves to the compiler (the scalar trace keeps the first at -O2 and the last at -O0), so it is not part
// of the semantics we can hold the fast path to.
Tensor nasty_input(Shape shape, uint32_t seed, int nan_per_mille, bool distinct_nans = true) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, 999);
    Tensor t(shape);
    for (int64_t i = 0; i < t.numel(); ++i) {
        const int r = pick(rng);
        float v;
        if (r < nan_per_mille) {
            const uint32_t bits = distinct_nans
                                      ? 0x7fc00000u | static_cast<uint32_t>(i & 0x3fffff) | ((r & 1u) << 31)
                                      : 0x7fc00000u;
            std::memcpy(&v, &bits, sizeof v);
        } else if (r < nan_per_mille + 10) {
            v = -std::numeric_limits<float>::infinity();
        } else if (r < nan_per_mille + 60) {
            v = (r & 1) ? 0.0f : -0.0f;
        } else {
            v = static_cast<float>(r % 11) * 0.25f - 1.0f;
        }
        t.data()[i] = v;
    }
    return t;
}

std::string describe(const PoolParams& p, const Shape& s) {
    return std::string(op_name(p.op)) + " input " + std::to_string(s.n) + "x" + std::to_string(s.c) + "x" +
           std::to_string(s.h) + "x" + std::to_string(s.w) + " k" + std::to_string(p.kernel_size.h) + "x" +
           std::to_string(p.kernel_size.w) + " s" + std::to_string(p.effective_stride().h) + "x" +
           std::to_string(p.effective_stride().w) + " p" + std::to_string(p.padding.top) + "," +
           std::to_string(p.padding.left) + " d" + std::to_string(p.dilation.h) + "x" +
           std::to_string(p.dilation.w) + (p.ceil_mode ? " ceil" : "") +
           (p.count_include_pad ? "" : " exclude_pad") +
           (p.divisor_override ? " div" + std::to_string(*p.divisor_override) : "");
}

// Restores the default (best available) instruction set when a test ends, even on failure.
struct IsaGuard {
    ~IsaGuard() { set_forward_isa_limit(ForwardIsa::kAvx2); }
};

const char* isa_name(ForwardIsa isa) {
    return isa == ForwardIsa::kAvx2 ? "AVX2" : "portable";
}

// For every instruction set this CPU has (portable loops, AVX2): forward(), forward_into() over
// dirty reused buffers, and the values-only variant all equal the trace.
void check_all_paths(const PoolPlan& plan, const Tensor& x, const std::string& what) {
    IsaGuard guard;
    const PoolOutput slow = forward_reference(plan, x);
    for (ForwardIsa limit : {ForwardIsa::kPortable, ForwardIsa::kAvx2}) {
        set_forward_isa_limit(limit);
        if (forward_isa() != limit) continue;  // this CPU lacks it
        const std::string where = what + " [" + isa_name(limit) + "]";
        const PoolOutput fast = forward(plan, x);
        ASSERT_TRUE(fast.values.identical(slow.values)) << where;
        ASSERT_EQ(fast.indices, slow.indices) << where;

        PoolOutput reused{Tensor(plan.output, 12345.0f), std::vector<int64_t>(slow.indices.size(), -7)};
        forward_into(plan, x, reused);
        ASSERT_TRUE(reused.values.identical(slow.values)) << where << " (reused buffers)";
        ASSERT_EQ(reused.indices, slow.indices) << where << " (reused buffers)";

        PoolOutput values_only;
        forward_into(plan, x, values_only, false);
        ASSERT_TRUE(values_only.values.identical(slow.values)) << where << " (without indices)";
        EXPECT_TRUE(values_only.indices.empty()) << where;
    }
}

TEST(ForwardFastPath, MaxPoolingOnWideRaggedShapes) {
    int checked = 0;
    const Shape shapes[] = {{2, 3, 19, 37}, {1, 2, 9, 70}, {1, 1, 33, 17}, {3, 1, 6, 129}};
    for (const Shape& shape : shapes)
        for (int nan : {0, 30})
            for (int64_t k = 1; k <= 5; ++k)
                for (int64_t s = 1; s <= 5; ++s)
                    for (int64_t pad = 0; pad <= k / 2; ++pad)
                        for (int64_t d = 1; d <= 3; d += 2)
                            for (int ceil = 0; ceil <= 1; ++ceil) {
                                const Tensor x = nasty_input(shape, static_cast<uint32_t>(k * 100 + s), nan);
                                PoolParams p = test::max_pool({k, k + 1 - (k == 5)}, Pair{s, s}, {pad, pad});
                                p.dilation = {d, d};
                                p.ceil_mode = ceil;
                                Result<PoolPlan> plan = make_plan(shape, p);
                                if (!plan) continue;
                                check_all_paths(*plan, x, describe(p, shape));
                                if (HasFatalFailure()) return;
                                ++checked;
                            }
    EXPECT_GT(checked, 500);
}

TEST(ForwardFastPath, MaxPoolingWithUnequalStridesAndDilations) {
    const Tensor x = nasty_input({1, 2, 23, 41}, 7, 20);
    for (int64_t sh = 1; sh <= 3; ++sh)
        for (int64_t sw = 1; sw <= 4; ++sw)
            for (int64_t dw = 1; dw <= 3; ++dw) {
                PoolParams p = test::max_pool({3, 4}, Pair{sh, sw}, {1, 2});
                p.dilation = {2, dw};
                Result<PoolPlan> plan = make_plan(x.shape(), p);
                ASSERT_TRUE(plan.ok()) << plan.error_text();
                check_all_paths(*plan, x, describe(p, x.shape()));
                if (HasFatalFailure()) return;
            }
}

TEST(ForwardFastPath, AvgPoolingEveryDivisorRule) {
    int checked = 0;
    const Shape shapes[] = {{2, 3, 19, 37}, {1, 1, 31, 66}, {1, 2, 8, 9}};
    for (const Shape& shape : shapes)
        for (int64_t k = 1; k <= 5; ++k)
            for (int64_t s = 1; s <= 4; ++s)
                for (int64_t pad = 0; pad <= k / 2; ++pad)
                    for (int ceil = 0; ceil <= 1; ++ceil)
                        for (int rule = 0; rule < 3; ++rule) {
                            const Tensor x = nasty_input(shape, static_cast<uint32_t>(k * 10 + s), 5, false);
                            PoolParams p = test::avg_pool({k, k + (s % 2)}, Pair{s, s + 1}, {pad, pad});
                            p.ceil_mode = ceil;
                            p.count_include_pad = rule != 1;
                            if (rule == 2) p.divisor_override = 3;
                            Result<PoolPlan> plan = make_plan(shape, p);
                            if (!plan) continue;
                            check_all_paths(*plan, x, describe(p, shape));
                            if (HasFatalFailure()) return;
                            ++checked;
                        }
    EXPECT_GT(checked, 200);
}

TEST(ForwardFastPath, IsaLimitIsObeyed) {
    IsaGuard guard;
    set_forward_isa_limit(ForwardIsa::kPortable);
    EXPECT_EQ(forward_isa(), ForwardIsa::kPortable);
    set_forward_isa_limit(ForwardIsa::kAvx2);
    EXPECT_EQ(forward_isa(), __builtin_cpu_supports("avx2") ? ForwardIsa::kAvx2 : ForwardIsa::kPortable);
}

// The two benchmark shapes themselves, so the speed figures are for code that is also proven exact.
TEST(ForwardFastPath, BenchmarkShapes) {
    const Shape stem{1, 64, 112, 112}, image{1, 3, 1024, 1024};
    const std::pair<Shape, PoolParams> cases[] = {
        {stem, test::max_pool({3, 3}, Pair{2, 2}, {1, 1})},
        {stem, test::avg_pool({3, 3}, Pair{2, 2}, {1, 1})},
        {image, test::max_pool({2, 2}, Pair{2, 2})},
        {image, test::avg_pool({2, 2}, Pair{2, 2})},
    };
    for (const auto& [shape, p] : cases) {
        const Tensor x = nasty_input(shape, 1, 2, p.op == PoolOp::kMax);
        Result<PoolPlan> plan = make_plan(shape, p);
        ASSERT_TRUE(plan.ok());
        check_all_paths(*plan, x, describe(p, shape));
    }
}

// Each plane's window reads its own plane: planes with different data must not leak into each other
// (the kernels keep row buffers across output rows).
TEST(ForwardFastPath, PlanesStayApart) {
    Tensor x(Shape{2, 2, 4, 20});
    for (int64_t i = 0; i < x.numel(); ++i)
        x.data()[i] = static_cast<float>((i * 7919) % 97);
    Result<PoolPlan> plan = make_plan(x.shape(), test::max_pool({3, 3}, Pair{1, 1}, {1, 1}));
    ASSERT_TRUE(plan.ok());
    const PoolOutput out = forward(*plan, x);
    for (int64_t n = 0; n < 2; ++n)
        for (int64_t c = 0; c < 2; ++c)
            for (int64_t h = 0; h < 4; ++h)
                for (int64_t w = 0; w < 20; ++w) {
                    float best = -std::numeric_limits<float>::infinity();
                    for (int64_t ih = std::max<int64_t>(h - 1, 0); ih <= std::min<int64_t>(h + 1, 3); ++ih)
                        for (int64_t iw = std::max<int64_t>(w - 1, 0); iw <= std::min<int64_t>(w + 1, 19);
                             ++iw)
                            best = std::max(best, x.at(n, c, ih, iw));
                    ASSERT_EQ(out.values.at(n, c, h, w), best) << n << c << h << w;
                }
}

}  // namespace
}  // namespace poolscope
