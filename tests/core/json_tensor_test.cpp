// Nested arrays in and out: ranks, non-finite strings, exact float32 round trips, hostile shapes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>

#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"

namespace poolscope {
namespace {

using nlohmann::json;

TEST(JsonTensor, RanksTwoThreeFour) {
    Result<Tensor> t2 = tensor_from_json(json::parse("[[1,2,3],[4,5,6]]"), "/input");
    ASSERT_TRUE(t2.ok());
    EXPECT_EQ(t2->shape(), (Shape{1, 1, 2, 3}));
    EXPECT_EQ(t2->rank(), 2);
    Result<Tensor> t3 = tensor_from_json(json::parse("[[[1]],[[2]]]"), "/input");
    ASSERT_TRUE(t3.ok());
    EXPECT_EQ(t3->shape(), (Shape{1, 2, 1, 1}));
    Result<Tensor> t4 = tensor_from_json(json::parse("[[[[1,2]]],[[[3,4]]]]"), "/input");
    ASSERT_TRUE(t4.ok());
    EXPECT_EQ(t4->shape(), (Shape{2, 1, 1, 2}));
    EXPECT_EQ(tensor_to_json(*t4), "[[[[1.0,2.0]]],[[[3.0,4.0]]]]");
}

TEST(JsonTensor, NonFiniteStrings) {
    Result<Tensor> t = tensor_from_json(json::parse(R"([["nan","inf","-inf",1e39]])"), "/input");
    ASSERT_TRUE(t.ok());
    EXPECT_TRUE(std::isnan(t->data()[0]));
    EXPECT_EQ(tensor_to_json(*t), R"([["nan","inf","-inf","inf"]])");
}

TEST(JsonTensor, ErrorsNameThePath) {
    EXPECT_EQ(tensor_from_json(json::parse("[[1,2],[3]]"), "/input").errors()[0].field, "/input/1");
    EXPECT_EQ(tensor_from_json(json::parse("[[1,\"x\"]]"), "/input").errors()[0].field, "/input/0/1");
    EXPECT_FALSE(tensor_from_json(json::parse("[1,2]"), "/input").ok());
    EXPECT_FALSE(tensor_from_json(json::parse("[[[[[1]]]]]"), "/input").ok());
    EXPECT_FALSE(tensor_from_json(json::parse("[[]]"), "/input").ok());
    EXPECT_FALSE(tensor_from_json(json::parse("[[1],[[2]]]"), "/input").ok());
    EXPECT_FALSE(tensor_from_json(json::parse("5"), "/input").ok());
}

TEST(JsonTensor, FloatsRoundTripExactly) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<uint32_t> bits;
    for (int i = 0; i < 20000; ++i) {
        uint32_t b = bits(rng);
        float f;
        std::memcpy(&f, &b, sizeof f);
        if (!std::isfinite(f)) continue;
        const std::string text = float_to_json(f);
        const float back = static_cast<float>(json::parse(text).get<double>());
        ASSERT_EQ(std::memcmp(&f, &back, sizeof f), 0) << text;
    }
    EXPECT_EQ(float_to_json(4.0f), "4.0");
    EXPECT_EQ(float_to_json(-0.0f), "-0.0");
    EXPECT_EQ(float_to_json(0.1f), "0.1");
}

TEST(JsonTensor, ZeroExtentsPrintLikeTolist) {
    Tensor t({1, 1, 2, 0}, 0.0f, 2);
    EXPECT_EQ(tensor_to_json(t), "[[],[]]");
}

TEST(JsonParams, IntsPairsDefaultsAndErrors) {
    const Shape in{1, 1, 4, 4};
    Result<PoolParams> p = params_from_json(json::parse(R"({"kernel_size":[2,3],"stride":null,"padding":1})"),
                                            PoolOp::kMax, in, "");
    ASSERT_TRUE(p.ok()) << p.error_text();
    EXPECT_EQ(p->kernel_size, (Pair{2, 3}));
    EXPECT_FALSE(p->stride.has_value());
    EXPECT_EQ(p->padding, (Padding{1, 1, 1, 1}));
    EXPECT_FALSE(params_from_json(json::parse(R"({"kernel_size":2.5})"), PoolOp::kMax, in, "").ok());
    EXPECT_FALSE(
        params_from_json(json::parse(R"({"stride":1})"), PoolOp::kMax, in, "").ok());  // kernel required
    EXPECT_FALSE(
        params_from_json(json::parse(R"({"kernel_size":2,"dilation":2})"), PoolOp::kAvg, in, "").ok());
    Result<PoolParams> a =
        params_from_json(json::parse(R"({"output_size":[null,2]})"), PoolOp::kAdaptiveAvg, in, "");
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->output_size, (Pair{4, 2}));
    Result<PoolParams> bad =
        params_from_json(json::parse(R"({"kernel_size":"3"})"), PoolOp::kMax, in, "/steps/2");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.errors()[0].field, "/steps/2/kernel_size");
}

TEST(JsonParams, RoundTrip) {
    PoolParams p;
    p.op = PoolOp::kAvg;
    p.kernel_size = {2, 3};
    p.stride = Pair{1, 2};
    p.padding = Padding::symmetric({1, 1});
    p.ceil_mode = true;
    p.count_include_pad = false;
    p.divisor_override = 5;
    json j = json::object();
    params_to_json(p, j);
    Result<PoolParams> back = params_from_json(j, PoolOp::kAvg, {1, 1, 4, 4}, "");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, p);
}

}  // namespace
}  // namespace poolscope
