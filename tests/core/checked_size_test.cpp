// Sizes from untrusted input multiply without undefined behaviour: element counts saturate, so the input
// guard still fires (`shape --in 4294967296` used to wrap to 0 and blame the output), and the walkthrough
// lists only the window starts it shows, however many windows there are.
#include <gtest/gtest.h>

#include <limits>

#include "poolscope/output_shape.h"
#include "poolscope/pool_plan.h"
#include "poolscope/tensor.h"

namespace poolscope {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

TEST(CheckedSize, NumelSaturatesInsteadOfWrapping) {
    EXPECT_EQ((Shape{1, 1, int64_t{1} << 32, int64_t{1} << 32}.numel()), kMax);
    EXPECT_EQ((Shape{kMax, kMax, kMax, kMax}.numel()), kMax);
    EXPECT_EQ((Shape{2, 3, 4, 5}.numel()), 120);
    EXPECT_EQ((Shape{1, 1, -(int64_t{1} << 40), int64_t{1} << 40}.plane()),
              std::numeric_limits<int64_t>::min());
    EXPECT_EQ(saturating_mul(int64_t{1} << 31, int64_t{1} << 31), int64_t{1} << 62);
}

TEST(CheckedSize, HugeInputIsReportedAsTooLarge) {
    PoolParams p;
    p.kernel_size = {3, 3};
    const int64_t side = int64_t{1} << 32;  // `poolscope shape --in 4294967296 --kernel 3`
    Result<PoolPlan> plan = make_plan({1, 1, side, side}, p);
    ASSERT_FALSE(plan);
    EXPECT_EQ(plan.errors()[0].code, "input_limit") << plan.error_text();
    EXPECT_NE(plan.error_text().find("about 1.84e+19"), std::string::npos) << plan.error_text();
}

TEST(CheckedSize, WindowStartsAreListedOnlyAsFarAsAsked) {
    const AxisShape a = explain_axis(2147483647, 8, 8, 0, 0, 1, false);
    EXPECT_EQ(a.output, 268435455);
    const std::vector<int64_t> starts = a.window_starts(16);
    ASSERT_EQ(starts.size(), 16u);
    EXPECT_EQ(starts[15], 120);
    EXPECT_EQ(explain_axis(4, 2, 2, 0, 0, 1, false).window_starts(16), (std::vector<int64_t>{0, 2}));
}

}  // namespace
}  // namespace poolscope
