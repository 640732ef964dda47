// Every configuration PyTorch 1.13 rejects is rejected, with a message naming the field and quoting values.
#include <gtest/gtest.h>

#include "test_util.h"

namespace poolscope {
namespace {

using test::avg_pool;
using test::max_pool;

// Expects exactly one error about `field` whose message contains `fragment`.
void expect_error(const Shape& input, const PoolParams& p, const std::string& field,
                  const std::string& fragment) {
    Result<PoolPlan> plan = make_plan(input, p);
    ASSERT_FALSE(plan.ok()) << "expected an error about " << field;
    bool found = false;
    for (const Error& e : plan.errors())
        found = found || (e.field == field && e.message.find(fragment) != std::string::npos);
    EXPECT_TRUE(found) << "got: " << plan.error_text();
}

const Shape k4x4{1, 1, 4, 4};

TEST(Validation, KernelMustBePositive) {
    PoolParams p = max_pool({0, 2}, Pair{1, 1});
    expect_error(k4x4, p, "kernel_size", "greater than zero, got (0, 2)");
    expect_error(k4x4, max_pool({-1, -1}, Pair{1, 1}), "kernel_size", "(-1, -1)");
}

TEST(Validation, StrideZeroIncludingDefaultFromZeroKernel) {
    expect_error(k4x4, max_pool({2, 2}, Pair{0, 1}), "stride", "must not be zero");
    expect_error(k4x4, max_pool({0, 0}), "stride", "defaults to the kernel size");
}

TEST(Validation, StrideNegative) {
    expect_error(k4x4, max_pool({2, 2}, Pair{-1, -1}), "stride", "greater than zero");
}

TEST(Validation, DilationMustBePositive) {
    PoolParams p = max_pool({2, 2});
    p.dilation = {0, 0};
    expect_error(k4x4, p, "dilation", "greater than zero");
}

TEST(Validation, PaddingNegative) {
    expect_error(k4x4, max_pool({3, 3}, Pair{1, 1}, {-1, 0}), "padding", "non-negative");
}

TEST(Validation, PaddingMoreThanHalfKernelQuotesValues) {
    expect_error(k4x4, max_pool({3, 3}, std::nullopt, {2, 2}), "padding",
                 "height padding 2 is more than half of the kernel size 3 (at most 1)");
    expect_error(k4x4, avg_pool({2, 3}, Pair{2, 3}, {1, 2}), "padding", "width padding 2");
}

TEST(Validation, PaddingCheckIgnoresDilationLikePyTorch113) {
    PoolParams p = max_pool({2, 2}, Pair{1, 1}, {1, 1});
    p.dilation = {3, 3};
    EXPECT_TRUE(make_plan(k4x4, p).ok());
}

TEST(Validation, OutputTooSmall) {
    expect_error(k4x4, max_pool({5, 5}), "output", "calculated output size 1x0x0 is too small");
}

TEST(Validation, KernelLargerThanInputStillGivesOneWindowUnderCeilMode) {
    // (4 - 5 + 1) / 2 rounds to 0 under ceil, +1 = 1 window: PyTorch accepts it.
    PoolParams p = max_pool({5, 5}, Pair{2, 2});
    p.ceil_mode = true;
    Result<PoolPlan> plan = make_plan(k4x4, p);
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    EXPECT_EQ(plan->output.h, 1);
}

TEST(Validation, NegativeNumeratorRoundsTowardMinusInfinity) {
    // (4 - 7) / 2 = -1.5: floor -2 (+1 = -1, rejected), where C++ truncation would say -1 (+1 = 0).
    Result<PoolPlan> plan = make_plan(k4x4, max_pool({7, 7}, Pair{2, 2}));
    ASSERT_FALSE(plan.ok());
    PoolParams p = max_pool({7, 7}, Pair{2, 2});
    p.ceil_mode = true;  // (4 - 7 + 1) / 2 = -1 -> 0 windows: still rejected
    EXPECT_FALSE(make_plan(k4x4, p).ok());
}

TEST(Validation, DivisorOverrideZero) {
    PoolParams p = avg_pool({2, 2});
    p.divisor_override = 0;
    expect_error(k4x4, p, "divisor_override", "must not be zero");
    p.divisor_override = -2;  // PyTorch accepts negative divisors
    EXPECT_TRUE(make_plan(k4x4, p).ok());
}

TEST(Validation, EmptyInput) {
    expect_error({1, 0, 4, 4}, max_pool({1, 1}), "input", "non-empty");
}

TEST(Validation, AdaptiveOutputSizeNegative) {
    PoolParams p;
    p.op = PoolOp::kAdaptiveAvg;
    p.output_size = {-1, 2};
    expect_error(k4x4, p, "output_size", "greater than or equal to 0");
    p.output_size = {0, 2};  // allowed: an empty output
    Result<PoolPlan> plan = make_plan(k4x4, p);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->output.numel(), 0);
}

TEST(Validation, AbsurdSizesAreRefusedBeforeAllocating) {
    expect_error({1, 1, 1 << 20, 1 << 20}, max_pool({2, 2}), "input", "limit");
    expect_error(k4x4, max_pool({int64_t{1} << 40, 2}), "kernel_size", "largest size PyTorch accepts");
    PoolParams p;
    p.op = PoolOp::kAdaptiveMax;
    p.output_size = {1 << 14, 1 << 14};
    expect_error(k4x4, p, "output", "limit");
    EXPECT_FALSE(Tensor::make({1, 1, 1 << 14, 1 << 14}).ok());
}

TEST(Validation, SeveralProblemsAreAllReported) {
    PoolParams p = max_pool({0, 0}, Pair{-1, -1}, {-1, -1});
    p.dilation = {0, 0};
    Result<PoolPlan> plan = make_plan(k4x4, p);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.errors().size(), 4u) << plan.error_text();
}

}  // namespace
}  // namespace poolscope
