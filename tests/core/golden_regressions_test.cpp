// Regressions found by the PyTorch golden data (tests/golden): each test pins one disagreement with
// PyTorch 1.13 that the core or `poolscope compute` used to have.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "poolscope/json_params.h"

namespace poolscope {
namespace {

using nlohmann::json;

Result<PoolParams> parse(const char* text, PoolOp op, Shape in = {1, 1, 4, 4}) {
    return params_from_json(json::parse(text), op, in, "");
}

// F.adaptive_avg_pool2d(x, [2]) raises "output_size must be 2"; an int or two entries are fine.
TEST(GoldenRegressions, AdaptiveOutputSizeOneListIsRejected) {
    EXPECT_FALSE(parse(R"({"output_size":[2]})", PoolOp::kAdaptiveAvg));
    EXPECT_FALSE(parse(R"({"output_size":[null]})", PoolOp::kAdaptiveMax));
    EXPECT_FALSE(parse(R"({"output_size":[2,2,2]})", PoolOp::kAdaptiveMax));
    Result<PoolParams> ok = parse(R"({"output_size":[null,3]})", PoolOp::kAdaptiveAvg, {1, 1, 5, 4});
    ASSERT_TRUE(ok) << ok.error_text();
    EXPECT_EQ(ok->output_size, (Pair{5, 3}));
    EXPECT_TRUE(parse(R"({"output_size":3})", PoolOp::kAdaptiveAvg));
    // Windowed sizes keep accepting 1-lists, as _pair() does.
    Result<PoolParams> k = parse(R"({"kernel_size":[3],"stride":[1]})", PoolOp::kMax);
    ASSERT_TRUE(k) << k.error_text();
    EXPECT_EQ(k->kernel_size, (Pair{3, 3}));
}

// ceil_mode=1 / count_include_pad=0 raise "must be bool, not int" in PyTorch.
TEST(GoldenRegressions, CeilModeAndCountIncludePadMustBeBooleans) {
    EXPECT_FALSE(parse(R"({"kernel_size":2,"ceil_mode":1})", PoolOp::kMax));
    EXPECT_FALSE(parse(R"({"kernel_size":2,"ceil_mode":0})", PoolOp::kAvg));
    EXPECT_FALSE(parse(R"({"kernel_size":2,"count_include_pad":0})", PoolOp::kAvg));
    EXPECT_FALSE(parse(R"({"kernel_size":2,"ceil_mode":null})", PoolOp::kMax));
    Result<PoolParams> ok =
        parse(R"({"kernel_size":2,"ceil_mode":true,"count_include_pad":false})", PoolOp::kAvg);
    ASSERT_TRUE(ok) << ok.error_text();
    EXPECT_TRUE(ok->ceil_mode);
    EXPECT_FALSE(ok->count_include_pad);
}

// F.max_pool2d tests return_indices only for truth: None and 0 mean no indices, 2 means indices.
TEST(GoldenRegressions, ReturnIndicesFollowsPythonTruth) {
    Result<PoolParams> none = parse(R"({"kernel_size":2,"return_indices":null})", PoolOp::kMax);
    ASSERT_TRUE(none) << none.error_text();
    EXPECT_FALSE(none->return_indices);
    Result<PoolParams> two = parse(R"({"output_size":2,"return_indices":2})", PoolOp::kAdaptiveMax);
    ASSERT_TRUE(two) << two.error_text();
    EXPECT_TRUE(two->return_indices);
    EXPECT_FALSE(parse(R"({"kernel_size":2,"return_indices":"yes"})", PoolOp::kMax));
}

}  // namespace
}  // namespace poolscope
