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

// F.max_pool2d tests return_indices only for truth (boolean_dispatch's `if return_indices:`), so any JSON
// value is taken with Python's truthiness; checked against torch 1.13 for each JSON type.
TEST(GoldenRegressions, ReturnIndicesFollowsPythonTruth) {
    Result<PoolParams> none = parse(R"({"kernel_size":2,"return_indices":null})", PoolOp::kMax);
    ASSERT_TRUE(none) << none.error_text();
    EXPECT_FALSE(none->return_indices);
    Result<PoolParams> two = parse(R"({"output_size":2,"return_indices":2})", PoolOp::kAdaptiveMax);
    ASSERT_TRUE(two) << two.error_text();
    EXPECT_TRUE(two->return_indices);
    for (const char* truthy : {"\"yes\"", "\"false\"", "[33,21]", "[0]", "{\"a\":1}", "1.5", "-1", "true"}) {
        Result<PoolParams> r = parse(
            (std::string(R"({"kernel_size":2,"return_indices":)") + truthy + "}").c_str(), PoolOp::kMax);
        ASSERT_TRUE(r) << truthy << ": " << r.error_text();
        EXPECT_TRUE(r->return_indices) << truthy;
    }
    for (const char* falsy : {"\"\"", "[]", "{}", "0", "0.0", "false", "null"}) {
        Result<PoolParams> r =
            parse((std::string(R"({"output_size":2,"return_indices":)") + falsy + "}").c_str(),
                  PoolOp::kAdaptiveMax);
        ASSERT_TRUE(r) << falsy << ": " << r.error_text();
        EXPECT_FALSE(r->return_indices) << falsy;
    }
}

// A keyword the op does not have is PyTorch's TypeError even at its default value (torch 1.13:
// adaptive_avg_pool2d(x, 2, padding=0) raises "unexpected keyword argument 'padding'").
TEST(GoldenRegressions, KeywordsTheOpLacksAreRefusedEvenAtTheirDefaults) {
    const struct {
        PoolOp op;
        const char* json;
    } cases[] = {
        {PoolOp::kAdaptiveAvg, R"({"output_size":2,"padding":0})"},
        {PoolOp::kAdaptiveAvg, R"({"output_size":2,"stride":null})"},
        {PoolOp::kAdaptiveAvg, R"({"output_size":2,"return_indices":false})"},
        {PoolOp::kAdaptiveAvg, R"({"output_size":2,"ceil_mode":false})"},
        {PoolOp::kAdaptiveMax, R"({"output_size":2,"kernel_size":null})"},
        {PoolOp::kAdaptiveMax, R"({"output_size":2,"dilation":1})"},
        {PoolOp::kAdaptiveMax, R"({"output_size":2,"count_include_pad":true})"},
        {PoolOp::kAvg, R"({"kernel_size":2,"dilation":1})"},
        {PoolOp::kAvg, R"({"kernel_size":2,"return_indices":false})"},
        {PoolOp::kAvg, R"({"kernel_size":2,"output_size":null})"},
        {PoolOp::kMax, R"({"kernel_size":2,"count_include_pad":true})"},
        {PoolOp::kMax, R"({"kernel_size":2,"divisor_override":null})"},
        {PoolOp::kMax, R"({"kernel_size":2,"output_size":null})"},
    };
    for (const auto& c : cases) {
        Result<PoolParams> r = parse(c.json, c.op);
        ASSERT_FALSE(r) << c.json;
        EXPECT_NE(r.error_text().find(" has no "), std::string::npos) << r.error_text();
    }
    // The keywords the op does have stay accepted at their defaults.
    EXPECT_TRUE(parse(R"({"output_size":2,"return_indices":false})", PoolOp::kAdaptiveMax));
    EXPECT_TRUE(parse(
        R"({"kernel_size":2,"stride":null,"padding":0,"ceil_mode":false,"count_include_pad":true,"divisor_override":null})",
        PoolOp::kAvg));
    EXPECT_TRUE(parse(R"({"kernel_size":2,"dilation":1,"return_indices":false})", PoolOp::kMax));
}

}  // namespace
}  // namespace poolscope
