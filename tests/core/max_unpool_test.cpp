// MaxUnpool2d: values go back to their indices, zeros elsewhere; PyTorch's size rules and index checks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "poolscope/json_backward.h"
#include "poolscope/max_unpool.h"
#include "test_util.h"

namespace poolscope {
namespace {

UnpoolParams unpool(Pair kernel, std::optional<Pair> stride = std::nullopt, Pair padding = {0, 0}) {
    UnpoolParams p;
    p.kernel_size = kernel;
    p.stride = stride;
    p.padding = padding;
    return p;
}

TEST(MaxUnpool, PoolThenUnpoolPutsTheMaximaBack) {
    const Tensor x = test::matrix({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
    const PoolOutput pooled = pool(x, test::max_pool({2, 2})).value();
    const UnpoolPlan plan = make_unpool_plan(pooled.values.shape(), unpool({2, 2})).value();
    EXPECT_EQ(plan.output, x.shape());
    const UnpoolOutput out = max_unpool(plan, pooled.values, pooled.indices).value();
    EXPECT_EQ(test::values_of(out.values),
              (std::vector<float>{0, 0, 0, 0, 0, 6, 0, 8, 0, 0, 0, 0, 0, 14, 0, 16}));
    EXPECT_EQ(out.values.rank(), 2);
    EXPECT_EQ(out.source[5], 0);
    EXPECT_EQ(out.source[0], -1);
}

TEST(MaxUnpool, TheLaterOfTwoEqualIndicesWins) {
    const Tensor x = test::matrix({{1, 2}});
    const UnpoolPlan plan = make_unpool_plan(x.shape(), unpool({2, 2})).value();
    const UnpoolOutput out = max_unpool(plan, x, {3, 3}).value();
    EXPECT_EQ(out.values.at(0, 0, 0, 3), 2.0f);
    EXPECT_EQ(out.source[3], 1);
}

TEST(MaxUnpool, OutputSizeMustBeWithinOneStrideOfTheDefault) {
    const Shape in{1, 1, 2, 2};
    UnpoolParams p = unpool({2, 2});
    EXPECT_EQ(make_unpool_plan(in, p)->default_size, (Pair{4, 4}));
    p.output_size = Pair{5, 3};
    EXPECT_EQ(make_unpool_plan(in, p)->output, (Shape{1, 1, 5, 3}));
    p.output_size = Pair{6, 4};  // 2 < size < 6
    EXPECT_FALSE(make_unpool_plan(in, p).ok());
    p.stride = Pair{0, 0};  // an empty range: PyTorch refuses every output_size
    p.output_size = Pair{2, 2};
    EXPECT_FALSE(make_unpool_plan(in, p).ok());
}

TEST(MaxUnpool, ZeroSizedOutputIsEmptyAndNegativeIsRefused) {
    const Tensor x = test::matrix({{1, 2}, {3, 4}});
    const UnpoolPlan empty = make_unpool_plan(x.shape(), unpool({2, 1}, std::nullopt, {0, 1})).value();
    EXPECT_EQ(empty.output, (Shape{1, 1, 4, 0}));
    EXPECT_TRUE(max_unpool(empty, x, {99, 99, 99, 99}).ok());  // PyTorch checks nothing for an empty output
    EXPECT_FALSE(make_unpool_plan(x.shape(), unpool({2, 1}, std::nullopt, {0, 2})).ok());
}

TEST(MaxUnpool, HugeOutputsAreRefusedWithoutOverflow) {
    const Shape many_channels{1, int64_t{1} << 20, 1, 1};
    for (int64_t k : {int64_t{1} << 13, int64_t{1} << 20, int64_t{1} << 26}) {
        const Result<UnpoolPlan> plan = make_unpool_plan(many_channels, unpool({k, k}));
        ASSERT_FALSE(plan.ok()) << k;
        EXPECT_EQ(plan.errors()[0].code, "output_limit");
    }
}

TEST(MaxUnpool, AnIndexOutsideThePlaneIsAnErrorQuotingTheLastOne) {
    const Tensor x = test::matrix({{1, 2}, {3, 4}});
    const UnpoolPlan plan = make_unpool_plan(x.shape(), unpool({2, 2})).value();
    const Result<UnpoolOutput> out = max_unpool(plan, x, {100, 1, 2, -5});
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.errors()[0].code, "unpool_invalid_index");
    EXPECT_EQ(out.errors()[0].args[0], "-5");
}

TEST(MaxUnpool, JsonParamsFollowPyTorchsSpellings) {
    using nlohmann::json;
    const UnpoolParams p =
        unpool_params_from_json(
            json::parse(R"({"kernel_size": [2, 3], "stride": [1, 2, 9], "output_size": [7, 7, 3, 5]})"), "")
            .value();
    EXPECT_EQ(p.kernel_size, (Pair{2, 3}));
    EXPECT_EQ(p.stride, (Pair{1, 2}));
    EXPECT_EQ(p.output_size, (Pair{3, 5}));
    EXPECT_FALSE(unpool_params_from_json(json::parse(R"({"kernel_size": [2]})"), "").ok());
    EXPECT_FALSE(unpool_params_from_json(json::parse(R"({"kernel_size": 2, "stride": [2]})"), "").ok());
    EXPECT_FALSE(unpool_params_from_json(json::parse(R"({"kernel_size": 2.5})"), "").ok());
    EXPECT_FALSE(unpool_indices_from_json(json::parse("[[0, 1.0]]"), "/indices", {1, 1, 1, 2}, 2).ok());
    EXPECT_EQ(unpool_indices_from_json(json::parse("[[0, 3]]"), "/indices", {1, 1, 1, 2}, 2).value(),
              (std::vector<int64_t>{0, 3}));
}

}  // namespace
}  // namespace poolscope
