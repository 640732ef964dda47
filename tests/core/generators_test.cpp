#include <gtest/gtest.h>

#include "poolscope/generators.h"

namespace poolscope {
namespace {

TEST(Generators, ArangeWithStartAndStep) {
    Result<Tensor> t = make_arange({1, 1, 2, 2}, 1.0f, 0.5f, 2);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->values(), (std::vector<float>{1.0f, 1.5f, 2.0f, 2.5f}));
    EXPECT_EQ(t->rank(), 2);
}

TEST(Generators, RandomIntegersAreSeededAndInRange) {
    Result<Tensor> a = make_random_integers({1, 1, 8, 8}, -3, 5, 42);
    Result<Tensor> b = make_random_integers({1, 1, 8, 8}, -3, 5, 42);
    Result<Tensor> c = make_random_integers({1, 1, 8, 8}, -3, 5, 43);
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_TRUE(a->identical(*b));
    EXPECT_FALSE(a->identical(*c));
    for (float v : a->values()) {
        EXPECT_GE(v, -3.0f);
        EXPECT_LE(v, 5.0f);
        EXPECT_EQ(v, static_cast<float>(static_cast<int>(v)));
    }
    // Pinned values: a seed must give the same matrix on every machine. mt19937(1) starts 1791095845,
    // 4282876139, 3093770124, 4005303368 (fixed by the C++ standard); mod 10 gives these.
    Result<Tensor> pinned = make_random_integers({1, 1, 1, 4}, 0, 9, 1);
    EXPECT_EQ(pinned->values(), (std::vector<float>{5, 9, 4, 8}));
    EXPECT_FALSE(make_random_integers({1, 1, 1, 1}, 5, 4, 0).ok());
}

TEST(Generators, D2LVerticalEdge) {
    Result<Tensor> t = make_vertical_edge({1, 1, 6, 8}, 2, 6, 2);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->at(0, 0, 0, 1), 1.0f);
    EXPECT_EQ(t->at(0, 0, 3, 2), 0.0f);
    EXPECT_EQ(t->at(0, 0, 5, 5), 0.0f);
    EXPECT_EQ(t->at(0, 0, 5, 6), 1.0f);
}

TEST(Generators, CatWithOffsetDoublesChannels) {
    Result<Tensor> x = make_arange({1, 1, 4, 4});
    Result<Tensor> y = cat_with_offset(*x, 1.0f);
    ASSERT_TRUE(y.ok());
    EXPECT_EQ(y->shape(), (Shape{1, 2, 4, 4}));
    EXPECT_EQ(y->at(0, 1, 0, 0), 1.0f);
    EXPECT_EQ(y->at(0, 1, 3, 3), 16.0f);
}

}  // namespace
}  // namespace poolscope
