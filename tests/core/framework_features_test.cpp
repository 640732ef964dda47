// Issue 30's framework features on hand-worked examples: ONNX AveragePool / LpPool dilations, LpPool's
// (sum |x|^p)^(1/p), the Global*Pool ops; TensorFlow's tf.nn.pool dilations, tf.nn.max_pool2d explicit
// padding and max_pool_with_argmax indices; their errors in the framework's words, their code lines and JSON
// keys; and the fast path against the trace on random plans of all of them. (The runtimes' own answers are in
// tests/golden/runtime_golden_test.cpp.)
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "poolscope/compare.h"
#include "poolscope/convention.h"
#include "poolscope/json_layer.h"
#include "poolscope/pool_forward.h"
#include "poolscope/trace.h"
#include "test_util.h"

namespace poolscope {
namespace {

LayerSpec onnx(PoolOp op, Pair kernel) {
    LayerSpec l = default_layer(Convention::kOnnx, op);
    l.params.kernel_size = kernel;
    return l;
}

LayerSpec tf(PoolOp op, Pair kernel, PadMode mode = PadMode::kValid) {
    LayerSpec l = default_layer(Convention::kTensorFlow, op);
    l.params.kernel_size = kernel;
    l.pad_mode = mode;
    return l;
}

std::vector<float> run(const LayerSpec& l, const Tensor& x) {
    Result<PoolPlan> plan = plan_layer(x.shape(), l);
    EXPECT_TRUE(plan.ok()) << plan.error_text();
    if (!plan) return {};
    return test::values_of(forward(*plan, x).values);
}

std::string error_of(const LayerSpec& l, const Shape& in) {
    Result<PoolPlan> plan = plan_layer(in, l);
    return plan.ok() ? "" : plan.errors()[0].message;
}

TEST(OnnxFeatures, AveragePoolDilationsCountOnlyTheTapsInsideThePads) {
    LayerSpec l = onnx(PoolOp::kAvg, {2, 2});
    l.params.dilation = {1, 1};
    EXPECT_EQ(run(l, test::matrix({{1, 2}, {3, 4}})), (std::vector<float>{2.5f}));  // issue 30's example
    // 5x5 arange, kernel 2 dilation 2, pads 1: window (0,0) reads (-1,-1), (-1,1), (1,-1), (1,1): one input
    // cell.
    l.params.dilation = {2, 2};
    l.params.padding = {1, 1, 1, 1};
    const Tensor x = test::arange({1, 1, 5, 5});
    std::vector<float> out = run(l, x);
    ASSERT_EQ(out.size(), 25u);
    EXPECT_EQ(out[0], 6.0f);  // count_include_pad 0: 6 / 1
    l.params.count_include_pad = true;
    out = run(l, x);
    EXPECT_EQ(out[0], 1.5f);  // 6 / 4: the three pad taps count
    const PoolPlan plan = plan_layer(x.shape(), l).value();
    const CellTrace t = trace_cell(plan, x, {0, 0, 0, 0});
    EXPECT_EQ(t.divisor, 4);
    EXPECT_EQ(t.step_h, 2);
}

TEST(OnnxFeatures, LpPoolIsTheNormOfTheWindow) {
    LayerSpec l = onnx(PoolOp::kLp, {2, 2});
    l.params.norm_type = 3;
    const Tensor x = test::matrix({{1, -2}, {3, 4}});
    // |1|^3 + |-2|^3 + 3^3 + 4^3 = 100, cube root 4.6415889 (ONNX Runtime's 4.641589164733887).
    const std::vector<float> out = run(l, x);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], 4.641589164733887f);
    const PoolPlan plan = plan_layer(x.shape(), l).value();
    const CellTrace t = trace_cell(plan, x, {0, 0, 0, 0});
    EXPECT_TRUE(t.lp_norm);
    EXPECT_EQ(t.powered[1], 8.0f);  // |-2|^3
    EXPECT_EQ(t.lp_scaled, 100.0f);
    EXPECT_EQ(layer_code(l),
              "onnx.helper.make_node(\"LpPool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[2, 2], p=3)");
    l.params.norm_type = 2.5;
    EXPECT_EQ(error_of(l, x.shape()),
              "LpPool's p must be a whole number of at least 1 (the order of the norm), got 2.5");
}

TEST(OnnxFeatures, GlobalPoolsTakeTheWholeInput) {
    LayerSpec l = onnx(PoolOp::kAvg, {2, 2});
    l.params.global_pool = true;
    const Tensor x = test::arange({1, 2, 3, 4});
    Result<PoolPlan> plan = plan_layer(x.shape(), l);
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    EXPECT_EQ(plan->output, (Shape{1, 2, 1, 1}));
    EXPECT_EQ(plan->params.kernel_size, (Pair{3, 4}));
    EXPECT_EQ(run(l, x), (std::vector<float>{5.5f, 17.5f}));
    EXPECT_EQ(layer_code(l), "onnx.helper.make_node(\"GlobalAveragePool\", inputs=[\"X\"], outputs=[\"Y\"])");
    l.params.op = PoolOp::kMax;
    EXPECT_EQ(run(l, x), (std::vector<float>{11.0f, 23.0f}));
    l.params.return_indices = true;
    EXPECT_EQ(error_of(l, x.shape()), "GlobalMaxPool has no return_indices argument (got true)");
    LayerSpec pytorch = default_layer(Convention::kPyTorch, PoolOp::kMax);
    pytorch.params.global_pool = true;
    EXPECT_EQ(error_of(pytorch, x.shape()), "nn.MaxPool2d has no global_pool argument (got true)");
}

TEST(TensorFlowFeatures, PoolDilationsPadSameFromTheDilatedWindow) {
    LayerSpec l = tf(PoolOp::kMax, {2, 2}, PadMode::kSameUpper);
    l.params.dilation = {2, 2};
    EXPECT_EQ(effective_stride(l), (Pair{1, 1}));  // tf.nn.pool's default, not the pool size
    Result<PoolPlan> plan = plan_layer({1, 1, 5, 5}, l);
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    EXPECT_EQ(plan->h.output, 5);     // ceil(5 / 1)
    EXPECT_EQ(plan->h.pad_begin, 1);  // (2-1)*2 + 1 - 1 = 2: 1 before, 1 after
    EXPECT_EQ(plan->h.pad_end, 1);
    EXPECT_EQ(layer_code(l),
              "tf.nn.pool(X, window_shape=[2, 2], pooling_type=\"MAX\", padding=\"SAME\", dilations=[2, 2])");
    l.pad_mode = PadMode::kValid;
    plan = plan_layer({1, 1, 5, 5}, l);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->h.output, 3);  // ceil((5 - 2) / 1)
    l.params.stride = Pair{2, 1};
    EXPECT_EQ(
        error_of(l, {1, 1, 5, 5}),
        "strides > 1 not supported in conjunction with dilation_rate > 1 (strides (2, 1), dilations (2, 2))");
    l.params.stride.reset();
    l.params.dilation = {5, 5};
    EXPECT_EQ(
        error_of(l, {1, 1, 5, 5}),
        "with padding \"valid\" the height window 6 does not fit in the input 5 (TensorFlow would give an "
        "empty output)");
}

TEST(TensorFlowFeatures, ExplicitPaddingIsMaxPool2dsOnly) {
    // Issue 30: tf.nn.max_pool2d(x, 3, 1, padding=[[0,0],[1,1],[2,2],[0,0]]).
    LayerSpec l = tf(PoolOp::kMax, {3, 3}, PadMode::kExplicit);
    l.params.stride = Pair{1, 1};
    l.params.padding = {1, 2, 1, 2};
    Result<PoolPlan> plan = plan_layer({1, 1, 4, 5}, l);
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    EXPECT_EQ(plan->output, (Shape{1, 1, 4, 7}));
    EXPECT_EQ(layer_code(l),
              "tf.nn.max_pool2d(X, ksize=[3, 3], strides=[1, 1], padding=[[0, 0], [1, 1], [2, 2], [0, 0]])");
    l.params.padding = {1, 3, 1, 2};
    EXPECT_EQ(error_of(l, {1, 1, 4, 5}), "left padding 3 needs to be smaller than the window size 3");
    l.params.padding = {1, 1, 1, 1};
    l.params.op = PoolOp::kAvg;
    EXPECT_EQ(error_of(l, {1, 1, 4, 5}),
              "tf.nn.avg_pool2d takes padding as \"same\" / \"valid\", not numbers");
}

TEST(TensorFlowFeatures, ArgmaxIndicesFlattenNhwc) {
    LayerSpec l = tf(PoolOp::kMax, {2, 2}, PadMode::kSameUpper);
    l.params.return_indices = true;
    Result<PoolPlan> plan = plan_layer({2, 3, 4, 5}, l);
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    EXPECT_EQ(framework_index(*plan, 1, 2, 7), 7 * 3 + 2);  // (y*W + x)*C + c
    EXPECT_EQ(layer_code(l), "tf.nn.max_pool_with_argmax(X, ksize=[2, 2], strides=[2, 2], padding=\"SAME\")");
    l.params.include_batch_in_index = true;
    plan = plan_layer({2, 3, 4, 5}, l);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(framework_index(*plan, 1, 2, 7), ((1 * 4 * 5) + 7) * 3 + 2);  // ((b*H + y)*W + x)*C + c
    l.params.return_indices = false;
    EXPECT_EQ(error_of(l, {2, 3, 4, 5}),
              "tf.keras.layers.MaxPool2D has no include_batch_in_index argument (got true)");
}

TEST(FrameworkJson, KeysAsEachFrameworkSpellsThem) {
    using nlohmann::json;
    const Shape in{1, 1, 5, 5};
    Result<LayerSpec> t = layer_from_json(
        json::parse(
            R"({"convention":"tensorflow","pool_size":3,"strides":1,"padding":[[0,0],[1,1],[2,2],[0,0]]})"),
        PoolOp::kMax, in, "");
    ASSERT_TRUE(t.ok()) << t.error_text();
    EXPECT_EQ(t->pad_mode, PadMode::kExplicit);
    EXPECT_EQ(t->params.padding, (Padding{1, 2, 1, 2}));
    Result<LayerSpec> batch = layer_from_json(
        json::parse(R"({"convention":"tensorflow","pool_size":2,"padding":[[1,0],[0,0],[0,0],[0,0]]})"),
        PoolOp::kMax, in, "");
    ASSERT_FALSE(batch.ok());
    EXPECT_EQ(batch.errors()[0].field, "/padding");
    Result<LayerSpec> rate = layer_from_json(
        json::parse(
            R"({"convention":"tensorflow","pool_size":2,"dilation_rate":[2,1],"include_batch_in_index":false})"),
        PoolOp::kAvg, in, "");
    ASSERT_TRUE(rate.ok()) << rate.error_text();
    EXPECT_EQ(rate->params.dilation, (Pair{2, 1}));
    Result<LayerSpec> lp = layer_from_json(
        json::parse(R"({"convention":"onnx","kernel_shape":[2,2],"p":1,"pads":[0,1,0,1],"dilations":2})"),
        PoolOp::kLp, in, "");
    ASSERT_TRUE(lp.ok()) << lp.error_text();
    EXPECT_EQ(lp->params.norm_type, 1.0);
    EXPECT_EQ(lp->params.dilation, (Pair{2, 2}));
    Result<LayerSpec> global =
        layer_from_json(json::parse(R"({"convention":"onnx","global_pool":true,"kernel_shape":[2,2]})"),
                        PoolOp::kAvg, in, "");
    ASSERT_FALSE(global.ok());
    EXPECT_EQ(global.errors()[0].message,
              "GlobalAveragePool has no kernel_shape attribute: it pools the whole input");
    for (const char* c : {"pytorch", "mxnet"}) {  // their average pooling has no dilation
        Result<LayerSpec> refused = layer_from_json(
            json::parse(std::string(R"({"convention":")") + c + R"(","kernel_size":2,"dilation":2})"),
            PoolOp::kAvg, in, "");
        EXPECT_FALSE(refused.ok()) << c;
    }
}

TEST(FrameworkCompare, GlobalPoolsAreAdaptivePoolingToOneElsewhere) {
    LayerSpec base = default_layer(Convention::kPyTorch, PoolOp::kAdaptiveAvg);
    base.params.output_size = {1, 1};
    const Shape in{1, 1, 3, 4};
    const std::vector<LayerSpec> layers = layers_across(base, &in);
    ASSERT_EQ(layers.size(), 4u);
    EXPECT_EQ(layer_class(layers[2]), "GlobalAveragePool");
    EXPECT_EQ(layers[1].params.kernel_size, (Pair{3, 4}));  // TensorFlow: one window over the input
    EXPECT_EQ(layers[3].params.op, PoolOp::kAdaptiveAvg);   // MXNet's contrib.AdaptiveAvgPooling2D(1)
    const Tensor x = test::arange(in);
    for (const LayerSpec& l : layers)
        EXPECT_EQ(run(l, x), (std::vector<float>{5.5f})) << layer_code(l);
    // An ONNX dilated average: ONNX and TensorFlow keep the dilation, PyTorch's AvgPool2d has none.
    LayerSpec dilated = onnx(PoolOp::kAvg, {2, 2});
    dilated.params.dilation = {2, 2};
    const std::vector<LayerSpec> across = layers_across(dilated);
    EXPECT_EQ(across[0].params.dilation, (Pair{1, 1}));
    EXPECT_EQ(across[1].params.dilation, (Pair{2, 2}));
    // Lesson 10's last step: the compare view says why PyTorch's output differs.
    const Shape five{1, 1, 5, 5};
    const PoolPlan ref = plan_layer(five, dilated).value();
    const PoolPlan torch = plan_layer(five, across[0]).value();
    const std::vector<Difference> why = plan_differences(ref, torch);
    ASSERT_FALSE(why.empty());
    EXPECT_EQ(why[0].english, "PyTorch's nn.AvgPool2d cannot dilate: its window reads neighbouring cells");
    EXPECT_TRUE(plan_differences(ref, plan_layer(five, across[1]).value()).empty());  // tf.nn.pool agrees
}

// NaN and -inf, not +inf: inf + -inf makes the CPU's default NaN, whose sign bit then depends on which
// operand order the compiler picks for each addition, so "bit for bit" would test the compiler.
Tensor tricky(Shape shape, uint32_t seed) {
    std::mt19937 rng(seed);
    Tensor t(shape);
    for (int64_t i = 0; i < t.numel(); ++i) {
        const int r = static_cast<int>(rng() % 23);
        t.data()[i] = r == 0 ? std::nanf("") : r == 1 ? -INFINITY : static_cast<float>(r % 9) * 0.37f - 1.3f;
    }
    return t;
}

// The new plans run through the fast path and the trace: both instruction sets agree with the trace bit for
// bit (dilated averages, LpPool, the global ops, TensorFlow's explicit padding and argmax).
TEST(FrameworkFeatures, FastPathAndTraceAgree) {
    std::mt19937 rng(30);
    int checked = 0;
    auto pick = [&](int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(rng() % (hi - lo + 1)); };
    for (int i = 0; i < 3000; ++i) {
        const bool is_onnx = rng() % 2;
        const PoolOp op = is_onnx ? std::array{PoolOp::kMax, PoolOp::kAvg, PoolOp::kLp}[rng() % 3]
                                  : (rng() % 2 ? PoolOp::kMax : PoolOp::kAvg);
        const Shape in{pick(1, 2), pick(1, 2), pick(1, 8), pick(1, 8)};
        LayerSpec l = default_layer(is_onnx ? Convention::kOnnx : Convention::kTensorFlow, op);
        l.params.kernel_size = {pick(1, 3), pick(1, 3)};
        l.params.dilation = {pick(1, 3), pick(1, 3)};
        if (op == PoolOp::kLp) l.params.norm_type = static_cast<double>(pick(1, 4));
        if (is_onnx) {
            l.params.stride = Pair{pick(1, 3), pick(1, 3)};
            const int mode = static_cast<int>(rng() % 4);
            l.pad_mode = std::array{PadMode::kExplicit, PadMode::kValid, PadMode::kSameUpper,
                                    PadMode::kSameLower}[mode];
            if (l.pad_mode == PadMode::kExplicit)
                l.params.padding = {pick(0, l.params.kernel_size.h - 1), pick(0, l.params.kernel_size.w - 1),
                                    pick(0, l.params.kernel_size.h - 1), pick(0, l.params.kernel_size.w - 1)};
            l.params.ceil_mode = rng() % 2;
            l.params.count_include_pad = op == PoolOp::kAvg && rng() % 2;
            l.params.global_pool = rng() % 8 == 0;
            l.params.return_indices = op == PoolOp::kMax && !l.params.global_pool;
        } else {
            const int kind = static_cast<int>(rng() % 3);  // tf.nn.pool, max_pool2d explicit, argmax
            if (kind != 0) l.params.dilation = {1, 1};
            if (kind == 0) l.pad_mode = rng() % 2 ? PadMode::kSameUpper : PadMode::kValid;
            if (kind == 1 && op == PoolOp::kMax) {
                l.pad_mode = PadMode::kExplicit;
                l.params.stride = Pair{pick(1, 3), pick(1, 3)};
                l.params.padding = {pick(0, l.params.kernel_size.h - 1), pick(0, l.params.kernel_size.w - 1),
                                    pick(0, l.params.kernel_size.h - 1), pick(0, l.params.kernel_size.w - 1)};
            }
            if (kind == 2 && op == PoolOp::kMax) {
                l.pad_mode = rng() % 2 ? PadMode::kSameUpper : PadMode::kValid;
                l.params.return_indices = true;
                l.params.include_batch_in_index = rng() % 2;
            }
        }
        Result<PoolPlan> plan = plan_layer(in, l);
        if (!plan) continue;
        const Tensor x = tricky(in, static_cast<uint32_t>(i));
        const PoolOutput slow = forward_reference(*plan, x);
        for (ForwardIsa isa : {ForwardIsa::kPortable, ForwardIsa::kAvx2}) {
            set_forward_isa_limit(isa);
            const PoolOutput fast = forward(*plan, x);
            ASSERT_TRUE(fast.values.identical(slow.values)) << i << " " << layer_code(l);
            if (is_max(op)) {
                ASSERT_EQ(fast.indices, slow.indices) << i << " " << layer_code(l);
            }
        }
        set_forward_isa_limit(ForwardIsa::kAvx2);
        ++checked;
    }
    EXPECT_GT(checked, 1500);
}

}  // namespace
}  // namespace poolscope
