// Every pooling example of the D2L chapter and the articles in shared/seeds/, with the numbers they print.
#include <gtest/gtest.h>

#include "test_util.h"

namespace poolscope {
namespace {

using test::arange;
using test::avg_pool;
using test::max_pool;
using V = std::vector<float>;

Tensor run(const Tensor& x, const PoolParams& p) {
    Result<PoolOutput> r = pool(x, p);
    EXPECT_TRUE(r.ok()) << r.error_text();
    return r.ok() ? r->values : Tensor();
}

TEST(D2LExamples, ScratchPool2dMaxOn3x3Arange) {
    const Tensor x = arange({1, 1, 3, 3}, 0.0f, 2);
    const Tensor y = run(x, max_pool({2, 2}, Pair{1, 1}));
    EXPECT_EQ(y.shape(), (Shape{1, 1, 2, 2}));
    EXPECT_EQ(y.rank(), 2);
    EXPECT_EQ(y.values(), (V{4, 5, 7, 8}));
}

TEST(D2LExamples, ScratchPool2dAvgOn3x3Arange) {
    const Tensor y = run(arange({1, 1, 3, 3}, 0.0f, 2), avg_pool({2, 2}, Pair{1, 1}));
    EXPECT_EQ(y.values(), (V{2, 3, 5, 6}));
}

TEST(D2LExamples, MaxPool2d3DefaultStrideIsKernel) {
    const Tensor y = run(arange({1, 1, 4, 4}), max_pool({3, 3}));
    EXPECT_EQ(y.shape(), (Shape{1, 1, 1, 1}));
    EXPECT_EQ(y.values(), (V{10}));
}

TEST(D2LExamples, MaxPool2d3Padding1Stride2) {
    const Tensor y = run(arange({1, 1, 4, 4}), max_pool({3, 3}, Pair{2, 2}, {1, 1}));
    EXPECT_EQ(y.values(), (V{5, 7, 13, 15}));
}

TEST(D2LExamples, RectangularKernel2x3Stride2x3Padding0x1) {
    const Tensor y = run(arange({1, 1, 4, 4}), max_pool({2, 3}, Pair{2, 3}, {0, 1}));
    EXPECT_EQ(y.shape(), (Shape{1, 1, 2, 2}));
    EXPECT_EQ(y.values(), (V{5, 7, 13, 15}));
}

TEST(D2LExamples, TwoChannelsCatXAndXPlusOne) {
    Tensor x({1, 2, 4, 4});
    for (int64_t i = 0; i < 16; ++i) {
        x.data()[i] = static_cast<float>(i);
        x.data()[16 + i] = static_cast<float>(i) + 1.0f;
    }
    const Tensor y = run(x, max_pool({3, 3}, Pair{2, 2}, {1, 1}));
    EXPECT_EQ(y.shape(), (Shape{1, 2, 2, 2}));  // channels in = channels out
    EXPECT_EQ(y.values(), (V{5, 7, 13, 15, 6, 8, 14, 16}));
}

TEST(D2LExamples, ArticleCeilMode5x5) {
    const Tensor x =
        test::matrix({{1, 2, 0, 3, 1}, {0, 1, 2, 3, 1}, {1, 2, 1, 0, 0}, {5, 2, 3, 1, 1}, {2, 1, 0, 1, 1}});
    PoolParams p = max_pool({3, 3});
    EXPECT_EQ(run(x, p).values(), (V{2}));
    p.ceil_mode = true;
    const Tensor y = run(x, p);
    EXPECT_EQ(y.shape(), (Shape{1, 1, 2, 2}));
    EXPECT_EQ(y.values(), (V{2, 3, 5, 1}));
}

TEST(D2LExamples, LectureMxnetDefaultStride3On4x4GivesOneCell) {
    // The MXNet lecture: 3x3 pooling on a 4x4 arange keeps only the first block, whose max is 10.
    EXPECT_EQ(run(arange({1, 1, 4, 4}), max_pool({3, 3})).values(), (V{10}));
}

TEST(D2LExamples, CeilModeDropsWindowStartingInPadding) {
    // 5x5, kernel 2, stride 2, padding 1: the naive ceil formula says 4, PyTorch gives 3.
    PoolParams p = max_pool({2, 2}, Pair{2, 2}, {1, 1});
    p.ceil_mode = true;
    Result<PoolPlan> plan = make_plan({1, 1, 5, 5}, p);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->h.raw_output, 4);
    EXPECT_TRUE(plan->h.dropped_last_window);
    EXPECT_EQ(plan->output.h, 3);
}

TEST(D2LExamples, CeilModeLetsWindowRunPastInput) {
    // 4x4, kernel 3, stride 2: 1x1 without ceil_mode, 2x2 with it.
    PoolParams p = max_pool({3, 3}, Pair{2, 2});
    EXPECT_EQ(run(arange({1, 1, 4, 4}), p).values(), (V{10}));
    p.ceil_mode = true;
    EXPECT_EQ(run(arange({1, 1, 4, 4}), p).values(), (V{10, 11, 14, 15}));
}

}  // namespace
}  // namespace poolscope
