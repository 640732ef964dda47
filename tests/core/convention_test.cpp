// Every framework's convention (convention.h): PyTorch through plan_layer() is make_plan() exactly; each
// other framework's output size, padding split and walkthrough terms on hand-worked examples; its rules'
// errors; the fast path, the trace and both instruction sets agree bit for bit on their plans; the code
// lines.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "poolscope/convention.h"
#include "poolscope/trace.h"
#include "test_util.h"

namespace poolscope {
namespace {

LayerSpec layer(Convention c, PoolOp op, Pair kernel, std::optional<Pair> stride = std::nullopt,
                PadMode mode = PadMode::kExplicit, Padding pad = {}) {
    LayerSpec l = default_layer(c, op);
    l.params.kernel_size = kernel;
    l.params.stride = stride;
    l.params.padding = pad;
    if (c != Convention::kTensorFlow || mode != PadMode::kExplicit) l.pad_mode = mode;
    return l;
}

std::string first_code(const Result<PoolPlan>& plan) {
    return plan.ok() ? "" : plan.errors()[0].code;
}

TEST(Convention, NamesParseBack) {
    for (Convention c : kConventions)
        EXPECT_EQ(parse_convention(convention_name(c)), c);
    EXPECT_EQ(parse_convention("keras"), std::nullopt);
    EXPECT_EQ(framework_name(Convention::kOnnx), "ONNX");
    EXPECT_EQ(pad_mode_name(Convention::kTensorFlow, PadMode::kSameUpper), "same");
    EXPECT_EQ(pad_mode_name(Convention::kOnnx, PadMode::kSameUpper), "same_upper");
}

TEST(Convention, DefaultsFollowEachFramework) {
    EXPECT_TRUE(default_layer(Convention::kPyTorch, PoolOp::kAvg).params.count_include_pad);
    EXPECT_TRUE(default_layer(Convention::kMxnet, PoolOp::kAvg).params.count_include_pad);
    EXPECT_FALSE(default_layer(Convention::kOnnx, PoolOp::kAvg).params.count_include_pad);
    EXPECT_FALSE(default_layer(Convention::kTensorFlow, PoolOp::kAvg).params.count_include_pad);
    EXPECT_EQ(default_layer(Convention::kTensorFlow, PoolOp::kMax).pad_mode, PadMode::kValid);
    EXPECT_EQ(effective_stride(layer(Convention::kOnnx, PoolOp::kMax, {3, 2})), (Pair{1, 1}));
    EXPECT_EQ(effective_stride(layer(Convention::kMxnet, PoolOp::kMax, {3, 2})), (Pair{3, 2}));
    EXPECT_EQ(field_name(Convention::kTensorFlow, LayerField::kKernel, PoolOp::kMax), "pool_size");
    EXPECT_EQ(field_name(Convention::kOnnx, LayerField::kPadding, PoolOp::kMax), "pads");
    EXPECT_EQ(field_name(Convention::kOnnx, LayerField::kDilation, PoolOp::kAvg), "dilations");  // opset 19
    EXPECT_EQ(field_name(Convention::kMxnet, LayerField::kDilation, PoolOp::kMax), "");
    EXPECT_EQ(field_name(Convention::kTensorFlow, LayerField::kCountIncludePad, PoolOp::kAvg), "");
    EXPECT_EQ(field_name(Convention::kMxnet, LayerField::kCeilMode, PoolOp::kMax), "ceil_mode");
}

// PyTorch through plan_layer() is make_plan(): same plan, same errors (messages included).
TEST(Convention, PyTorchIsMakePlanExactly) {
    const Shape in{1, 2, 5, 6};
    for (int64_t k = 1; k <= 4; ++k)
        for (int64_t p = 0; p <= 3; ++p)
            for (bool ceil : {false, true}) {
                PoolParams params = test::avg_pool({k, k + 1}, Pair{2, 1}, {p, p});
                params.ceil_mode = ceil;
                Result<PoolPlan> a = make_plan(in, params);
                LayerSpec l;
                l.params = params;
                Result<PoolPlan> b = plan_layer(in, l);
                ASSERT_EQ(a.ok(), b.ok());
                if (!a.ok()) {
                    EXPECT_EQ(a.error_text(), b.error_text());
                    continue;
                }
                EXPECT_EQ(a->params, b->params);
                EXPECT_EQ(a->output, b->output);
                EXPECT_EQ(b->convention(), Convention::kPyTorch);
                EXPECT_EQ(b->layer.params, params);
            }
}

// TensorFlow SAME on 5 cells, window 3, stride 2: out = ceil(5/2) = 3, padding (3-1)*2 + 3 - 5 = 2 -> 1 + 1;
// window 2: padding 1 -> 0 before, 1 after (the odd cell at the end).
TEST(Convention, TensorFlowSameSplitsThePaddingWithTheOddCellAtTheEnd) {
    Result<PoolPlan> plan = plan_layer(
        {1, 1, 5, 5}, layer(Convention::kTensorFlow, PoolOp::kMax, {3, 2}, Pair{2, 2}, PadMode::kSameUpper));
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    EXPECT_EQ(plan->output, (Shape{1, 1, 3, 3}));
    EXPECT_EQ(plan->h.pad_mode, PadMode::kSameUpper);
    EXPECT_EQ(plan->h.same_output, 3);
    EXPECT_EQ(plan->h.pad_needed, 2);
    EXPECT_EQ(plan->h.pad_begin, 1);
    EXPECT_EQ(plan->h.pad_end, 1);
    EXPECT_EQ(plan->w.pad_needed, 1);
    EXPECT_EQ(plan->w.pad_begin, 0);
    EXPECT_EQ(plan->w.pad_end, 1);
    EXPECT_EQ(plan->params.padding, (Padding{1, 0, 1, 1}));
    // A stride larger than the window needs no padding: (2-1)*3 + 1 - 5 = -1.
    Result<PoolPlan> sparse = plan_layer(
        {1, 1, 5, 5}, layer(Convention::kTensorFlow, PoolOp::kMax, {1, 1}, Pair{3, 3}, PadMode::kSameUpper));
    ASSERT_TRUE(sparse.ok());
    EXPECT_EQ(sparse->h.pad_needed, -1);
    EXPECT_EQ(sparse->h.pad_begin + sparse->h.pad_end, 0);
    EXPECT_EQ(sparse->output, (Shape{1, 1, 2, 2}));
}

// TensorFlow averages only the cells inside the input: the corner of a SAME layer on ones is 1, not 1/4.
TEST(Convention, TensorFlowAverageExcludesPadding) {
    LayerSpec l = layer(Convention::kTensorFlow, PoolOp::kAvg, {2, 2}, Pair{2, 2}, PadMode::kSameUpper);
    Result<PoolPlan> plan = plan_layer({1, 1, 3, 3}, l);
    ASSERT_TRUE(plan.ok());
    const Tensor ones({1, 1, 3, 3}, 1.0f, 2);
    EXPECT_EQ(test::values_of(forward(*plan, ones).values), (std::vector<float>{1, 1, 1, 1}));
    l.params.count_include_pad = true;  // TensorFlow has no such switch
    EXPECT_EQ(first_code(plan_layer({1, 1, 3, 3}, l)), "convention_no_param");
}

TEST(Convention, TensorFlowValidNeedsTheWindowToFit) {
    Result<PoolPlan> plan =
        plan_layer({1, 1, 3, 7}, layer(Convention::kTensorFlow, PoolOp::kMax, {2, 3}, Pair{1, 2}));
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->output, (Shape{1, 1, 2, 3}));  // ceil((3-2+1)/1) = 2, ceil((7-3+1)/2) = 3
    EXPECT_EQ(plan->w.pad_mode, PadMode::kValid);
    Result<PoolPlan> wide = plan_layer({1, 1, 3, 7}, layer(Convention::kTensorFlow, PoolOp::kMax, {4, 2}));
    ASSERT_FALSE(wide.ok());
    EXPECT_EQ(wide.errors()[0].code, "tf_valid_window");
    EXPECT_EQ(wide.errors()[0].args, (std::vector<std::string>{"height", "4", "3"}));
    // Numbers are not a TensorFlow padding.
    EXPECT_EQ(first_code(plan_layer({1, 1, 3, 3}, layer(Convention::kTensorFlow, PoolOp::kMax, {2, 2},
                                                        std::nullopt, PadMode::kValid, {1, 1, 1, 1}))),
              "padding_mode");
}

// ONNX SAME_LOWER puts the odd padding cell at the start; SAME_UPPER at the end.
TEST(Convention, OnnxSameLowerAndUpper) {
    Result<PoolPlan> lower = plan_layer(
        {1, 1, 4, 4}, layer(Convention::kOnnx, PoolOp::kMax, {2, 2}, std::nullopt, PadMode::kSameLower));
    ASSERT_TRUE(lower.ok());
    EXPECT_EQ(lower->output, (Shape{1, 1, 4, 4}));  // stride 1 by default
    EXPECT_EQ(lower->params.padding, (Padding{1, 1, 0, 0}));
    Result<PoolPlan> upper = plan_layer(
        {1, 1, 4, 4}, layer(Convention::kOnnx, PoolOp::kMax, {2, 2}, std::nullopt, PadMode::kSameUpper));
    ASSERT_TRUE(upper.ok());
    EXPECT_EQ(upper->params.padding, (Padding{0, 0, 1, 1}));
    // auto_pad and pads together are refused.
    EXPECT_EQ(first_code(plan_layer({1, 1, 4, 4}, layer(Convention::kOnnx, PoolOp::kMax, {2, 2}, std::nullopt,
                                                        PadMode::kSameUpper, {1, 0, 0, 0}))),
              "onnx_auto_pad_pads");
}

// ONNX explicit pads with ceil_mode follow PyTorch's end-padding rule; pads must stay below the kernel.
TEST(Convention, OnnxPadsAndCeilMode) {
    LayerSpec l =
        layer(Convention::kOnnx, PoolOp::kAvg, {3, 3}, Pair{3, 3}, PadMode::kExplicit, {1, 1, 1, 1});
    l.params.ceil_mode = true;
    Result<PoolPlan> plan =
        plan_layer({1, 1, 2, 2}, l);  // ONNX's averagepool_2d_ceil_last_window_starts_on_pad
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->output, (Shape{1, 1, 1, 1}));
    EXPECT_TRUE(plan->h.dropped_last_window);
    l.params.padding = {3, 0, 0, 0};
    Result<PoolPlan> big = plan_layer({1, 1, 2, 2}, l);
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.errors()[0].code, "onnx_pad_kernel");
    EXPECT_EQ(big.errors()[0].args, (std::vector<std::string>{"top", "3", "3"}));
}

// D2L's MXNet example: kernel (2, 3), padding (1, 2), stride (2, 3) on arange(16) -> [[0, 3], [8, 11], [12,
// 15]]; PyTorch refuses the same layer (padding 2 > 3 / 2).
TEST(Convention, MxnetD2lExample) {
    LayerSpec l = layer(Convention::kMxnet, PoolOp::kMax, {2, 3}, Pair{2, 3}, PadMode::kExplicit,
                        Padding::symmetric({1, 2}));
    Result<PoolPlan> plan = plan_layer({1, 1, 4, 4}, l);
    ASSERT_TRUE(plan.ok()) << plan.error_text();
    EXPECT_EQ(test::values_of(forward(*plan, test::arange({1, 1, 4, 4})).values),
              (std::vector<float>{0, 3, 8, 11, 12, 15}));
    EXPECT_EQ(plan->convention(), Convention::kMxnet);
    EXPECT_FALSE(make_plan({1, 1, 4, 4}, l.params).ok());
}

// MXNet "full" rounds up and keeps a window that starts in the end padding; PyTorch's ceil_mode drops it.
TEST(Convention, MxnetFullKeepsTheWindowPyTorchDrops) {
    LayerSpec l = layer(Convention::kMxnet, PoolOp::kAvg, {2, 2}, Pair{2, 2}, PadMode::kExplicit,
                        Padding::symmetric({1, 1}));
    l.params.ceil_mode = true;
    Result<PoolPlan> full = plan_layer({1, 1, 5, 5}, l);
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(full->output, (Shape{1, 1, 4, 4}));  // 1 + ceil((5 + 2 - 2) / 2)
    EXPECT_FALSE(full->h.end_padding_rule);
    EXPECT_FALSE(full->h.dropped_last_window);
    EXPECT_EQ(make_plan({1, 1, 5, 5}, l.params)->output, (Shape{1, 1, 3, 3}));
    // The kernel must fit in the padded input: 7 > 2 + 2*2.
    LayerSpec big = layer(Convention::kMxnet, PoolOp::kMax, {7, 1}, std::nullopt, PadMode::kExplicit,
                          Padding::symmetric({2, 0}));
    Result<PoolPlan> refused = plan_layer({1, 1, 2, 2}, big);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.errors()[0].code, "mxnet_kernel_exceeds");
    EXPECT_EQ(refused.errors()[0].args, (std::vector<std::string>{"height", "7", "2", "6"}));
    EXPECT_EQ(first_code(plan_layer({1, 1, 4, 4}, layer(Convention::kMxnet, PoolOp::kMax, {2, 2},
                                                        std::nullopt, PadMode::kExplicit, {1, 0, 0, 0}))),
              "mxnet_padding_symmetric");
}

TEST(Convention, OpsAndArgumentsAFrameworkLacks) {
    LayerSpec adaptive = default_layer(Convention::kTensorFlow, PoolOp::kAdaptiveAvg);
    Result<PoolPlan> tf = plan_layer({1, 1, 4, 4}, adaptive);
    ASSERT_FALSE(tf.ok());
    EXPECT_EQ(tf.errors()[0].message, "TensorFlow has no adaptive_avg_pool2d");
    adaptive.convention = Convention::kMxnet;  // contrib.AdaptiveAvgPooling2D: PyTorch's windows
    Result<PoolPlan> mx = plan_layer({1, 1, 4, 4}, adaptive);
    ASSERT_TRUE(mx.ok()) << mx.error_text();
    EXPECT_EQ(mx->convention(), Convention::kMxnet);
    LayerSpec order = layer(Convention::kMxnet, PoolOp::kMax, {2, 2});
    order.storage_order = 1;
    Result<PoolPlan> refused = plan_layer({1, 1, 4, 4}, order);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.errors()[0].message, "nn.MaxPool2D has no storage_order argument (got 1)");
    EXPECT_EQ(refused.errors()[0].field, "storage_order");
}

TEST(Convention, FrameworkIndices) {
    Result<PoolPlan> plan = plan_layer({2, 3, 4, 5}, layer(Convention::kOnnx, PoolOp::kMax, {2, 2}));
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(framework_index(*plan, 1, 2, 7), (1 * 3 + 2) * 20 + 7);  // flat over N*C*H*W
    LayerSpec col = plan->layer;
    col.storage_order = 1;
    Result<PoolPlan> by_column = plan_layer({2, 3, 4, 5}, col);
    ASSERT_TRUE(by_column.ok());
    EXPECT_EQ(framework_index(*by_column, 0, 0, 7), 2 * 4 + 1);  // (h 1, w 2) column-major: w*H + h
    EXPECT_EQ(framework_index(*make_plan({2, 3, 4, 5}, test::max_pool({2, 2})), 1, 2, 7), 7);
}

Tensor tricky(Shape shape, uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, 19);
    Tensor t(shape);
    for (int64_t i = 0; i < t.numel(); ++i) {
        const int r = pick(rng);
        t.data()[i] = r == 0   ? std::numeric_limits<float>::quiet_NaN()
                      : r == 1 ? -std::numeric_limits<float>::infinity()
                               : static_cast<float>(r % 7) * 0.37f - 1.0f;
    }
    return t;
}

// Plans of every convention run through the unchanged kernels: the fast path (both instruction sets) and the
// trace agree bit for bit, including MXNet's windows past the input and ONNX/TensorFlow's uneven padding.
TEST(Convention, FastPathAndTraceAgreeOnEveryConventionsPlans) {
    std::mt19937 rng(17);
    int checked = 0;
    for (int i = 0; i < 3000; ++i) {
        const Convention c = kConventions[1 + rng() % 3];
        const PoolOp op = rng() % 2 ? PoolOp::kMax : PoolOp::kAvg;
        const Shape in{1, 2, 1 + static_cast<int64_t>(rng() % 9), 1 + static_cast<int64_t>(rng() % 9)};
        LayerSpec l = default_layer(c, op);
        l.params.kernel_size = {1 + static_cast<int64_t>(rng() % 4), 1 + static_cast<int64_t>(rng() % 4)};
        if (rng() % 3)
            l.params.stride = Pair{1 + static_cast<int64_t>(rng() % 4), 1 + static_cast<int64_t>(rng() % 4)};
        if (c == Convention::kTensorFlow) l.pad_mode = rng() % 2 ? PadMode::kSameUpper : PadMode::kValid;
        if (c == Convention::kOnnx) {
            l.pad_mode = static_cast<PadMode>(rng() % 4);
            if (l.pad_mode == PadMode::kExplicit)
                l.params.padding = {static_cast<int64_t>(rng() % 3), static_cast<int64_t>(rng() % 3),
                                    static_cast<int64_t>(rng() % 3), static_cast<int64_t>(rng() % 3)};
            if (op == PoolOp::kMax) l.params.dilation = {1 + static_cast<int64_t>(rng() % 2), 1};
            l.params.ceil_mode = rng() % 2;
            if (op == PoolOp::kAvg) l.params.count_include_pad = rng() % 2;
        }
        if (c == Convention::kMxnet) {
            l.params.padding =
                Padding::symmetric({static_cast<int64_t>(rng() % 5), static_cast<int64_t>(rng() % 5)});
            l.params.ceil_mode = rng() % 2;
            if (op == PoolOp::kAvg) l.params.count_include_pad = rng() % 2;
        }
        l.params.return_indices =
            op == PoolOp::kMax && c != Convention::kTensorFlow && c != Convention::kMxnet;
        Result<PoolPlan> plan = plan_layer(in, l);
        if (!plan) continue;
        const Tensor x = tricky(in, static_cast<uint32_t>(i));
        const PoolOutput slow = forward_reference(*plan, x);
        for (ForwardIsa isa : {ForwardIsa::kPortable, ForwardIsa::kAvx2}) {
            set_forward_isa_limit(isa);
            const PoolOutput fast = forward(*plan, x);
            ASSERT_TRUE(fast.values.identical(slow.values)) << i << " " << layer_code(l);
            ASSERT_EQ(fast.indices, slow.indices) << i << " " << layer_code(l);
        }
        set_forward_isa_limit(ForwardIsa::kAvx2);
        ++checked;
    }
    EXPECT_GT(checked, 1500);
}

TEST(LayerCode, PyTorchOnlyNonDefaultArgumentsInItsOrder) {
    LayerSpec l = layer(Convention::kPyTorch, PoolOp::kMax, {3, 3}, Pair{1, 1}, PadMode::kExplicit,
                        Padding::symmetric({1, 1}));
    l.params.ceil_mode = true;
    EXPECT_EQ(layer_code(l), "nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True)");
    EXPECT_EQ(layer_code(layer(Convention::kPyTorch, PoolOp::kMax, {2, 2}, Pair{2, 2})), "nn.MaxPool2d(2)");
    LayerSpec avg = layer(Convention::kPyTorch, PoolOp::kAvg, {2, 3}, Pair{1, 2});
    avg.params.count_include_pad = false;
    avg.params.divisor_override = 4;
    EXPECT_EQ(layer_code(avg),
              "nn.AvgPool2d((2, 3), stride=(1, 2), count_include_pad=False, divisor_override=4)");
    LayerSpec dil = layer(Convention::kPyTorch, PoolOp::kMax, {2, 2});
    dil.params.dilation = {2, 1};
    dil.params.return_indices = true;
    EXPECT_EQ(layer_code(dil), "nn.MaxPool2d(2, dilation=(2, 1), return_indices=True)");
    LayerSpec adaptive = default_layer(Convention::kPyTorch, PoolOp::kAdaptiveAvg);
    adaptive.params.output_size = {1, 1};
    EXPECT_EQ(layer_code(adaptive), "nn.AdaptiveAvgPool2d(1)");
}

TEST(LayerCode, KerasOnnxAndGluon) {
    EXPECT_EQ(
        layer_code(layer(Convention::kTensorFlow, PoolOp::kMax, {3, 3}, Pair{1, 1}, PadMode::kSameUpper)),
        "tf.keras.layers.MaxPool2D(pool_size=3, strides=1, padding=\"same\")");
    EXPECT_EQ(layer_code(layer(Convention::kTensorFlow, PoolOp::kAvg, {2, 2})),
              "tf.keras.layers.AvgPool2D(pool_size=2)");
    EXPECT_EQ(layer_code(layer(Convention::kOnnx, PoolOp::kMax, {3, 3}, Pair{2, 2}, PadMode::kExplicit,
                               {1, 1, 1, 1})),
              "onnx.helper.make_node(\"MaxPool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[3, 3], "
              "pads=[1, 1, 1, 1], strides=[2, 2])");
    LayerSpec onnx_avg = layer(Convention::kOnnx, PoolOp::kAvg, {2, 2}, std::nullopt, PadMode::kSameLower);
    onnx_avg.params.count_include_pad = true;
    onnx_avg.params.ceil_mode = true;
    EXPECT_EQ(layer_code(onnx_avg),
              "onnx.helper.make_node(\"AveragePool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[2, 2], "
              "auto_pad=\"SAME_LOWER\", ceil_mode=1, count_include_pad=1)");
    LayerSpec onnx_idx = layer(Convention::kOnnx, PoolOp::kMax, {2, 2});
    onnx_idx.params.return_indices = true;
    onnx_idx.storage_order = 1;
    EXPECT_EQ(layer_code(onnx_idx),
              "onnx.helper.make_node(\"MaxPool\", inputs=[\"X\"], outputs=[\"Y\", \"Indices\"], "
              "kernel_shape=[2, 2], "
              "storage_order=1)");
    LayerSpec gluon = layer(Convention::kMxnet, PoolOp::kMax, {2, 3}, Pair{2, 3}, PadMode::kExplicit,
                            Padding::symmetric({1, 2}));
    EXPECT_EQ(layer_code(gluon), "nn.MaxPool2D(pool_size=(2, 3), padding=(1, 2))");
    gluon.params.stride = Pair{1, 1};
    gluon.params.ceil_mode = true;
    EXPECT_EQ(layer_code(gluon), "nn.MaxPool2D(pool_size=(2, 3), strides=1, padding=(1, 2), ceil_mode=True)");
    LayerSpec gluon_avg = layer(Convention::kMxnet, PoolOp::kAvg, {2, 2});
    gluon_avg.params.count_include_pad = false;
    EXPECT_EQ(layer_code(gluon_avg), "nn.AvgPool2D(pool_size=2, count_include_pad=False)");
    EXPECT_EQ(layer_code(default_layer(Convention::kTensorFlow, PoolOp::kAdaptiveMax)),
              "# TensorFlow has no adaptive_max_pool2d");
}

}  // namespace
}  // namespace poolscope
