// lp_pool2d: PyTorch 1.13's pow special cases and vector/tail split, the sign step, the trace of one window
// (x^p terms, the sum, the avg divisor, the root), trace equal to the fast path bit for bit, and validation.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "poolscope/json_params.h"
#include "poolscope/lp_pool.h"
#include "poolscope/trace.h"
#include "test_util.h"

namespace poolscope {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
using test::kInf;

PoolParams lp_pool(double p, Pair kernel, std::optional<Pair> stride = std::nullopt, bool ceil = false) {
    PoolParams params = test::max_pool(kernel, stride);
    params.op = PoolOp::kLp;
    params.norm_type = p;
    params.ceil_mode = ceil;
    return params;
}

TEST(LpPool, TorchPowSpecialCasesAreFloat32Arithmetic) {
    const float x = 1.1f;
    EXPECT_EQ(torch_pow(kNaN, 0.0, 0, 1), 1.0f);  // exponent 0 fills with 1
    EXPECT_EQ(torch_pow(x, 1.0, 0, 1), x);
    EXPECT_EQ(torch_pow(x, 2.0, 0, 1), x * x);
    EXPECT_EQ(torch_pow(x, 3.0, 0, 1), x * x * x);
    EXPECT_EQ(torch_pow(x, -2.0, 0, 1), 1.0f / (x * x));
    EXPECT_EQ(torch_pow(x, 0.5, 0, 1), std::sqrt(x));
    EXPECT_EQ(torch_pow(x, -0.5, 0, 1), 1.0f / std::sqrt(x));
    EXPECT_EQ(torch_pow(x, -1.0, 0, 1), 1.0f / x);
    EXPECT_TRUE(std::isnan(torch_pow(-2.0f, 0.5, 0, 1)));  // sqrt of a negative
    EXPECT_TRUE(std::isnan(torch_pow(-2.0f, 1.5, 0, 1)));  // fractional power of a negative
    EXPECT_EQ(torch_pow(-2.0f, 5.0, 0, 1), -32.0f);        // odd integer power keeps the sign
    EXPECT_EQ(torch_pow(0.5f, std::numeric_limits<double>::infinity(), 0, 1), 0.0f);
    EXPECT_EQ(torch_pow(-2.0f, std::numeric_limits<double>::infinity(), 0, 1), kInf);
}

TEST(LpPool, TorchPowUsesAFloatExponentInWholeBlocksOnly) {
    // 3e38^(1/3): the float32 exponent 0.33333334 and the double 1/3 give different float32 results, as
    // PyTorch does for the first 16 elements of a 17-element tensor and the 17th.
    const double third = 1.0 / 3.0;
    const float in_block = torch_pow(3e38f, third, 0, 17);
    const float tail = torch_pow(3e38f, third, 16, 17);
    EXPECT_EQ(in_block, static_cast<float>(std::pow(3e38, static_cast<double>(static_cast<float>(third)))));
    EXPECT_EQ(tail, static_cast<float>(std::pow(3e38, third)));
    EXPECT_NE(in_block, tail);
    EXPECT_EQ(torch_pow(3e38f, third, 0, 15), tail);  // fewer than 16 elements: all tail
}

TEST(LpPool, FinishTurnsNegativeZeroIntoZeroAndKeepsNaN) {
    EXPECT_FALSE(std::signbit(lp_finish(-0.0f, 4, 1.0, 0, 1).result));
    EXPECT_EQ(lp_finish(-0.0f, 4, -1.0, 0, 1).result, kInf);  // 1 / +0, not 1 / -0
    EXPECT_TRUE(std::isnan(lp_finish(kNaN, 4, 2.0, 0, 1).result));
    EXPECT_EQ(lp_finish(-1.5f, 4, 1.0, 0, 1).result, -6.0f);         // p = 1: the signed sum
    EXPECT_TRUE(std::isnan(lp_finish(-1.5f, 4, 2.0, 0, 1).result));  // sqrt of a negative mean
    EXPECT_EQ(lp_finish(2.0f, 4, std::numeric_limits<double>::infinity(), 0, 1).result, 1.0f);  // x^0
}

TEST(LpPool, TraceShowsPowersSumDivisorAndRoot) {
    const Tensor x = test::arange({1, 1, 3, 3});  // 0..8
    const PoolPlan plan = make_plan(x.shape(), lp_pool(2.0, {2, 2}, Pair{1, 1})).value();
    const CellTrace t = trace_cell(plan, x, {0, 0, 0, 0});
    ASSERT_EQ(t.taps.size(), 4u);
    ASSERT_EQ(t.powered.size(), 4u);
    EXPECT_EQ(t.powered[0], 0.0f);
    EXPECT_EQ(t.powered[1], 1.0f);
    EXPECT_EQ(t.powered[2], 9.0f);
    EXPECT_EQ(t.powered[3], 16.0f);
    EXPECT_EQ(t.sum, 26.0f);
    EXPECT_EQ(t.divisor, 4);
    EXPECT_EQ(t.lp_mean, 6.5f);
    EXPECT_EQ(t.lp_area, 4);
    EXPECT_EQ(t.lp_scaled, 26.0f);
    EXPECT_EQ(t.result, std::sqrt(26.0f));
    EXPECT_EQ(t.norm_type, 2.0);
}

TEST(LpPool, CeilModeWindowDividesByTheClippedAreaButMultipliesByTheKernel) {
    const Tensor x = test::arange({1, 1, 3, 3}, 1.0f);  // 1..9
    const PoolPlan plan = make_plan(x.shape(), lp_pool(1.0, {2, 2}, Pair{2, 2}, true)).value();
    ASSERT_EQ(plan.output.h, 2);
    const CellTrace t = trace_cell(plan, x, {0, 0, 1, 1});  // only input cell 9
    EXPECT_EQ(t.divisor, 1);
    EXPECT_EQ(t.sum, 9.0f);
    EXPECT_EQ(t.lp_scaled, 36.0f);  // 9 / 1 * 4: PyTorch's lp_pool2d, not the sum
    EXPECT_EQ(t.result, 36.0f);
}

TEST(LpPool, MovesFromSumTowardMaxAsPGrows) {
    const Tensor x = test::matrix({{1, 2}, {3, 4}});
    auto out = [&](double p) { return pool(x, lp_pool(p, {2, 2})).value().values.values()[0]; };
    EXPECT_EQ(out(1.0), 10.0f);
    EXPECT_NEAR(out(2.0), std::sqrt(30.0f), 1e-6);
    EXPECT_GT(out(4.0), 4.0f);
    EXPECT_LT(out(20.0), 4.01f);
    EXPECT_GT(out(2.0), out(4.0));
    EXPECT_GT(out(4.0), out(20.0));
}

Tensor lp_input(Shape shape, uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, 29);
    Tensor t(shape);
    for (int64_t i = 0; i < t.numel(); ++i) {
        const int r = pick(rng);
        t.data()[i] = r == 0   ? kNaN
                      : r == 1 ? -kInf
                      : r == 2 ? -0.0f
                               : static_cast<float>(r % 11) * 0.73f - 2.0f;
    }
    return t;
}

TEST(LpPool, TraceEqualsFastPathBitForBit) {
    int checked = 0;
    for (double p :
         {1.0, 2.0, 3.0, 0.5, 1.0 / 3.0, 7.3, -1.0, -2.0, -0.5, 2.5, std::numeric_limits<double>::infinity()})
        for (int64_t H = 1; H <= 5; ++H)
            for (int64_t W = 2; W <= 6; W += 2) {
                // 2 x 2 x H x W: 8 to 120 elements, so both sides of the 16-element pow blocks are used.
                const Tensor x = lp_input({2, 2, H, W}, static_cast<uint32_t>(H * 97 + W));
                for (int64_t kh = 1; kh <= 3; ++kh)
                    for (int64_t kw = 1; kw <= 3; ++kw)
                        for (int64_t s = 1; s <= 3; ++s)
                            for (int ceil = 0; ceil <= 1; ++ceil) {
                                Result<PoolPlan> plan =
                                    make_plan(x.shape(), lp_pool(p, {kh, kw}, Pair{s, s + kw % 2}, ceil));
                                if (!plan) continue;
                                const PoolOutput fast = forward(*plan, x), slow = forward_reference(*plan, x);
                                ASSERT_TRUE(fast.values.identical(slow.values))
                                    << "p=" << p << " H=" << H << " W=" << W << " k=" << kh << "x" << kw;
                                EXPECT_TRUE(fast.indices.empty());
                                ++checked;
                            }
            }
    EXPECT_GT(checked, 2000);
}

TEST(LpPool, ValidationFollowsPyTorch) {
    const Shape in{1, 1, 4, 4};
    PoolParams zero = lp_pool(0.0, {2, 2});
    Result<PoolPlan> plan = make_plan(in, zero);
    ASSERT_FALSE(plan);
    EXPECT_EQ(plan.errors()[0].code, "norm_type_zero");
    EXPECT_FALSE(make_plan(in, lp_pool(2.0, {5, 5})));  // output too small, as avg_pool2d says
    EXPECT_FALSE(make_plan(in, lp_pool(2.0, {2, 2}, Pair{0, 1})));
    // Padding is not an lp_pool2d argument: a plan ignores what a caller left there.
    PoolParams padded = lp_pool(2.0, {2, 2});
    padded.padding = Padding::symmetric({1, 1});
    EXPECT_EQ(make_plan(in, padded).value().output, (Shape{1, 1, 2, 2}));
}

TEST(LpPool, JsonKeysAsFLpPool2dTakesThem) {
    using nlohmann::json;
    const Shape in{1, 1, 4, 4};
    auto read = [&](const char* text) { return params_from_json(json::parse(text), PoolOp::kLp, in, ""); };
    Result<PoolParams> ok =
        read(R"({"norm_type": 3, "kernel_size": [2, 3], "stride": [1], "ceil_mode": true})");
    ASSERT_TRUE(ok) << ok.error_text();
    EXPECT_EQ(ok->norm_type, 3.0);
    EXPECT_EQ(ok->kernel_size, (Pair{2, 3}));
    EXPECT_EQ(read(R"({"norm_type": "inf", "kernel_size": 2})")->norm_type,
              std::numeric_limits<double>::infinity());
    EXPECT_EQ(read(R"({"norm_type": true, "kernel_size": 2})")->norm_type, 1.0);  // Python: True is 1
    EXPECT_FALSE(read(R"({"kernel_size": 2})"));                                  // norm_type is required
    EXPECT_FALSE(read(R"({"norm_type": "2", "kernel_size": 2})"));
    EXPECT_FALSE(read(R"({"norm_type": null, "kernel_size": 2})"));
    EXPECT_FALSE(read(R"({"norm_type": 2, "kernel_size": [2]})"));  // kw, kh = _pair([2]) fails
    EXPECT_FALSE(read(R"({"norm_type": 2, "kernel_size": 2, "padding": 0})"));
    EXPECT_FALSE(read(R"({"norm_type": 2, "kernel_size": 2, "dilation": 1})"));
    EXPECT_FALSE(
        params_from_json(json::parse(R"({"norm_type": 2, "kernel_size": 2})"), PoolOp::kAvg, in, ""));
    json back;
    params_to_json(read(R"({"norm_type": "-inf", "kernel_size": 2})").value(), back);
    EXPECT_EQ(back["norm_type"], "-inf");
    EXPECT_FALSE(back.contains("padding"));
}

}  // namespace
}  // namespace poolscope
