// The compare view's data: layers_across() writes one layer in every framework, plan_differences() says
// why each framework's plan differs from PyTorch's, with the values quoted (issue 17's own example: SAME's
// extra cell at the end), and says nothing when the plans agree.
#include <gtest/gtest.h>

#include "poolscope/compare.h"
#include "poolscope/error_text.h"
#include "test_util.h"

namespace poolscope {
namespace {

std::vector<PoolPlan> plans_across(const Shape& in, const LayerSpec& base) {
    std::vector<PoolPlan> plans;
    for (const LayerSpec& l : layers_across(base)) {
        Result<PoolPlan> plan = plan_layer(in, l);
        EXPECT_TRUE(plan.ok()) << convention_name(l.convention) << ": " << plan.error_text();
        if (plan) plans.push_back(plan.value());
    }
    return plans;
}

std::vector<std::string> sentences(const PoolPlan& ref, const PoolPlan& plan) {
    std::vector<std::string> out;
    for (const Difference& d : plan_differences(ref, plan))
        out.push_back(d.english);
    return out;
}

TEST(Compare, LayersAcrossKeepTheWindowAndUseEachFrameworksDefaults) {
    LayerSpec base = default_layer(Convention::kPyTorch, PoolOp::kAvg);
    base.params.kernel_size = {3, 3};
    base.params.padding = Padding::symmetric({1, 1});
    const std::vector<LayerSpec> layers = layers_across(base);
    ASSERT_EQ(layers.size(), 4u);
    EXPECT_EQ(layers[0], base);
    EXPECT_EQ(layers[1].pad_mode, PadMode::kSameUpper);  // TensorFlow: it pads, so "same"
    EXPECT_EQ(layers[2].params.stride, (Pair{3, 3}));    // written out: ONNX's default would be 1
    EXPECT_FALSE(layers[2].params.count_include_pad);    // ONNX's default
    EXPECT_TRUE(layers[3].params.count_include_pad);     // MXNet's default
    EXPECT_EQ(layer_code(layers[3]), "nn.AvgPool2D(pool_size=3, padding=1)");
}

// Issue 17: "TensorFlow pads 0 before and 1 after: SAME puts the extra cell at the end".
TEST(Compare, TensorFlowSameExtraCellAtTheEnd) {
    LayerSpec base = default_layer(Convention::kPyTorch, PoolOp::kMax);
    base.params.kernel_size = {3, 3};
    base.params.stride = Pair{2, 2};
    base.params.padding = Padding::symmetric({1, 1});
    const std::vector<PoolPlan> plans = plans_across({1, 1, 4, 4}, base);
    ASSERT_EQ(plans.size(), 4u);
    EXPECT_EQ(plans[1].output, plans[0].output);  // both 2x2, but on different windows
    const std::vector<Difference> diff = plan_differences(plans[0], plans[1]);
    ASSERT_EQ(diff.size(), 2u);
    EXPECT_EQ(diff[0].code, "padding_same");
    EXPECT_EQ(diff[0].args, (std::vector<std::string>{"TensorFlow", "height", "0", "1", "end"}));
    EXPECT_EQ(diff[0].english,
              "TensorFlow pads 0 before and 1 after along the height: SAME puts the extra cell at the end");
    EXPECT_TRUE(plan_differences(plans[0], plans[2]).empty());  // ONNX with the same pads: no difference
    EXPECT_TRUE(plan_differences(plans[0], plans[3]).empty());  // MXNet too
    EXPECT_TRUE(plan_differences(plans[0], plans[0]).empty());
}

TEST(Compare, AverageDivisorAndMxnetFull) {
    LayerSpec base = default_layer(Convention::kPyTorch, PoolOp::kAvg);
    base.params.kernel_size = {2, 2};
    base.params.padding = Padding::symmetric({1, 1});
    base.params.ceil_mode = true;
    const std::vector<PoolPlan> plans = plans_across({1, 1, 5, 5}, base);
    ASSERT_EQ(plans.size(), 4u);
    EXPECT_EQ(sentences(plans[0], plans[2]),
              (std::vector<std::string>{"ONNX's average divides by the input cells only, not the padding"}));
    EXPECT_EQ(plans[3].output, (Shape{1, 1, 4, 4}));
    EXPECT_EQ(
        sentences(plans[0], plans[3]),
        (std::vector<std::string>{
            "MXNet keeps the last window along the height, starting at 5 past the input (\"full\"); PyTorch "
            "drops it",
            "MXNet keeps the last window along the width, starting at 5 past the input (\"full\"); PyTorch "
            "drops it"}));
    const std::vector<Difference> tf = plan_differences(plans[0], plans[1]);
    ASSERT_FALSE(tf.empty());
    EXPECT_EQ(tf.back().code, "divisor_excludes_padding");
}

TEST(Compare, EveryTemplateIsFilledWithoutLeftovers) {
    for (const CompareTemplate& t : compare_templates()) {
        EXPECT_FALSE(t.code.empty());
        EXPECT_EQ(fill_template(t.english, {"a", "b", "c", "d", "e"}).find('{'), std::string::npos) << t.code;
    }
}

}  // namespace
}  // namespace poolscope
