// lp_pool2d where it meets the other features: the PyTorch code line, other frameworks (refused: their LP
// layers differ from PyTorch's), and the backward pass (not implemented: refused with a coded error).
#include <gtest/gtest.h>

#include <limits>

#include "poolscope/convention.h"
#include "poolscope/error_text.h"
#include "poolscope/pool_backward.h"

namespace poolscope {
namespace {

LayerSpec lp_layer(double p, Pair kernel, Convention convention = Convention::kPyTorch) {
    LayerSpec layer;
    layer.convention = convention;
    layer.params.op = PoolOp::kLp;
    layer.params.norm_type = p;
    layer.params.kernel_size = kernel;
    return layer;
}

TEST(LpAcrossFeatures, CodeLineFollowsLPPool2dsArgumentOrder) {
    EXPECT_EQ(layer_code(lp_layer(2, {2, 2})), "nn.LPPool2d(2, 2)");
    LayerSpec l = lp_layer(0.5, {3, 2});
    l.params.stride = Pair{1, 1};
    l.params.ceil_mode = true;
    EXPECT_EQ(layer_code(l), "nn.LPPool2d(0.5, (3, 2), stride=1, ceil_mode=True)");
    EXPECT_EQ(layer_code(lp_layer(std::numeric_limits<double>::infinity(), {2, 2})),
              "nn.LPPool2d(float('inf'), 2)");
}

// TensorFlow has no LP pooling; MXNet's pool_type "lp" is not modelled; ONNX's LpPool is (its own rule:
// framework_features_test.cpp).
TEST(LpAcrossFeatures, OtherFrameworksAreRefusedWithACode) {
    const std::pair<Convention, const char*> refused[] = {{Convention::kTensorFlow, "convention_no_op"},
                                                          {Convention::kMxnet, "poolscope_unsupported"}};
    for (const auto& [c, code] : refused) {
        Result<PoolPlan> plan = plan_layer({1, 1, 4, 4}, lp_layer(2, {2, 2}, c));
        ASSERT_FALSE(plan);
        EXPECT_EQ(plan.errors()[0].code, code);
    }
    EXPECT_TRUE(plan_layer({1, 1, 4, 4}, lp_layer(2, {2, 2}, Convention::kOnnx)).ok());
    EXPECT_TRUE(plan_layer({1, 1, 4, 4}, lp_layer(2, {2, 2})).ok());
}

TEST(LpAcrossFeatures, BackwardIsRefusedNotComputedWrong) {
    EXPECT_FALSE(backward_supported(PoolOp::kLp));
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg, PoolOp::kAdaptiveMax, PoolOp::kAdaptiveAvg})
        EXPECT_TRUE(backward_supported(op));
    const Error e = unsupported_backward(PoolOp::kLp);
    EXPECT_EQ(e.code, "poolscope_unsupported");
    EXPECT_EQ(e.message, "backward passes of lp_pool2d are not supported by PoolScope yet");
}

}  // namespace
}  // namespace poolscope
