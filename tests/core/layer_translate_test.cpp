// A layer written in another framework (issue 28 item 9): each code line either computes exactly the layer
// on screen or says in a comment what that framework cannot express: LP pooling for TensorFlow, ONNX and
// MXNet, dilation, divisor_override, TensorFlow's ceil_mode, MXNet's count_include_pad=False (kept: MXNet
// can say it), padding TensorFlow's "same" does not give. The table framework_can() decides; every note and
// refusal is asserted here. (PyTorch's lines run in PyTorch: tests/export/check_code_in_torch.py.)
#include <gtest/gtest.h>

#include "poolscope/layer_translate.h"

namespace poolscope {
namespace {

LayerSpec pytorch(PoolParams p) {
    LayerSpec l;
    l.params = p;
    return l;
}

std::vector<std::string> codes(const LayerTranslation& t) {
    std::vector<std::string> out;
    for (const Difference& d : t.notes)
        out.push_back(d.code);
    return out;
}

TEST(LayerTranslate, LpPoolingIsPyTorchsAndOnnxsAndNeverBecomesAnAverage) {
    PoolParams p;
    p.op = PoolOp::kLp;
    p.norm_type = 2;
    p.kernel_size = {2, 2};
    for (Convention c : {Convention::kTensorFlow, Convention::kMxnet}) {
        const std::string line = translated_code(pytorch(p), c);
        EXPECT_EQ(line, "# " + std::string(framework_name(c)) + " has no lp_pool2d") << line;
        EXPECT_EQ(line.find("Avg"), std::string::npos);
    }
    EXPECT_EQ(translated_code(pytorch(p), Convention::kOnnx),
              "onnx.helper.make_node(\"LpPool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[2, 2], "
              "strides=[2, 2])");
    LayerSpec in_tf = pytorch(p);  // a layer that claims TensorFlow's convention: never "AvgPool2D"
    in_tf.convention = Convention::kTensorFlow;
    EXPECT_EQ(layer_code(in_tf), "# TensorFlow has no lp_pool2d");
    EXPECT_EQ(translated_code(pytorch(p), Convention::kPyTorch), "nn.LPPool2d(2, 2)");
}

TEST(LayerTranslate, DilationIsKeptWhereTheFrameworkHasItAndNotedElsewhere) {
    PoolParams p;
    p.kernel_size = {2, 2};
    p.dilation = {2, 2};
    EXPECT_EQ(translated_code(pytorch(p), Convention::kOnnx),
              "onnx.helper.make_node(\"MaxPool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[2, 2], "
              "dilations=[2, 2], strides=[2, 2])");
    LayerTranslation t = translate_layer(pytorch(p), Convention::kMxnet);
    EXPECT_EQ(codes(t), std::vector<std::string>{"no_dilation"});
    EXPECT_NE(translated_code(pytorch(p), Convention::kMxnet)
                  .find("# not exactly this layer: MXNet has no dilation: dilation 2 is left out"),
              std::string::npos);
    // tf.nn.pool dilates only with stride 1: the default stride (the kernel, 2) cannot keep it ...
    t = translate_layer(pytorch(p), Convention::kTensorFlow);
    EXPECT_EQ(codes(t), std::vector<std::string>{"dilation_needs_stride_1"});
    EXPECT_EQ(t.notes[0].english, "TensorFlow dilates only with stride 1, not 2: dilation 2 is left out");
    // ... stride 1 can, and then the padding is "valid" or "same", never tf.nn.max_pool2d's numbers.
    p.stride = Pair{1, 1};
    t = translate_layer(pytorch(p), Convention::kTensorFlow);
    EXPECT_TRUE(t.notes.empty()) << t.notes[0].english;
    EXPECT_EQ(layer_code(t.layer),
              "tf.nn.pool(X, window_shape=[2, 2], pooling_type=\"MAX\", "
              "padding=\"VALID\", dilations=[2, 2])");
    p.padding = Padding::symmetric({1, 1});
    t = translate_layer(pytorch(p), Convention::kTensorFlow);
    EXPECT_EQ(codes(t), std::vector<std::string>{"no_padding_numbers"});
    const Shape four{1, 1, 4, 4};  // on 4 x 4, "same" pads one on each side: exact
    t = translate_layer(pytorch(p), Convention::kTensorFlow, &four);
    EXPECT_TRUE(t.notes.empty()) << t.notes[0].english;
    EXPECT_EQ(t.layer.pad_mode, PadMode::kSameUpper);
}

// tf.nn.max_pool2d takes numbers a Keras layer cannot, but only each smaller than the window.
TEST(LayerTranslate, TensorFlowPadsWithNumbersOnlyThroughMaxPool2d) {
    PoolParams p;
    p.kernel_size = {3, 3};
    p.stride = Pair{2, 2};
    p.padding = Padding::symmetric({1, 2});
    EXPECT_EQ(translated_code(pytorch(p), Convention::kTensorFlow),
              "tf.nn.max_pool2d(X, ksize=[3, 3], strides=[2, 2], padding=[[0, 0], [1, 1], [2, 2], [0, 0]])");
    p.return_indices = true;  // max_pool_with_argmax: "valid" or "same" only
    EXPECT_EQ(codes(translate_layer(pytorch(p), Convention::kTensorFlow)),
              std::vector<std::string>{"no_padding_numbers"});
    p.return_indices = false;
    p.op = PoolOp::kAvg;  // tf.nn.avg_pool2d has no numbers either
    p.count_include_pad = false;
    EXPECT_EQ(codes(translate_layer(pytorch(p), Convention::kTensorFlow)),
              std::vector<std::string>{"no_padding_numbers"});
}

TEST(LayerTranslate, DivisorOverrideIsPyTorchsAlone) {
    PoolParams p;
    p.op = PoolOp::kAvg;
    p.kernel_size = {3, 3};
    p.divisor_override = 2;
    for (Convention c : {Convention::kTensorFlow, Convention::kOnnx, Convention::kMxnet}) {
        const std::string line = translated_code(pytorch(p), c);
        EXPECT_NE(line.find(std::string(framework_name(c)) +
                            " has no divisor_override: its windows are not all divided by 2"),
                  std::string::npos)
            << line;
    }
}

TEST(LayerTranslate, TensorFlowHasNoCeilModeTheOthersKeepIt) {
    PoolParams p;
    p.op = PoolOp::kAvg;
    p.kernel_size = {3, 3};
    p.ceil_mode = true;
    p.count_include_pad = false;
    EXPECT_EQ(
        translated_code(pytorch(p), Convention::kTensorFlow),
        "tf.keras.layers.AvgPool2D(pool_size=3)  # not exactly this layer: TensorFlow has no ceil_mode: "
        "the line rounds the output size down");
    // MXNet's count_include_pad=False is said, not dropped; ONNX's default already excludes the padding.
    EXPECT_EQ(translated_code(pytorch(p), Convention::kMxnet),
              "nn.AvgPool2D(pool_size=3, ceil_mode=True, count_include_pad=False)");
    EXPECT_EQ(translated_code(pytorch(p), Convention::kOnnx),
              "onnx.helper.make_node(\"AveragePool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[3, 3], "
              "ceil_mode=1, strides=[3, 3])");
}

TEST(LayerTranslate, TensorFlowCountsNoPaddingAndPadsOnlyValidOrSame) {
    PoolParams p;
    p.op = PoolOp::kAvg;
    p.kernel_size = {3, 3};
    p.stride = Pair{2, 2};
    p.padding = Padding::symmetric({1, 1});
    const LayerTranslation t = translate_layer(pytorch(p), Convention::kTensorFlow);
    EXPECT_EQ(codes(t), (std::vector<std::string>{"no_padding_numbers", "no_count_include_pad"}));
    EXPECT_EQ(t.notes[0].english, "TensorFlow pads only \"valid\" or \"same\", not [1, 1, 1, 1]");
    // On a 5x5 input "same" pads 1 on each side, exactly PyTorch's padding: only the divisor differs there.
    const Shape five{1, 1, 5, 5};
    const LayerTranslation on5 = translate_layer(pytorch(p), Convention::kTensorFlow, &five);
    EXPECT_EQ(codes(on5), (std::vector<std::string>{"no_count_include_pad", "divisor_excludes_padding"}));
    // No padding: "valid", exactly.
    p.padding = {};
    EXPECT_EQ(translated_code(pytorch(p), Convention::kTensorFlow, &five),
              "tf.keras.layers.AvgPool2D(pool_size=3, strides=2)");
}

TEST(LayerTranslate, SamePaddingBecomesNumbersWhereTheInputMakesThemExact) {
    LayerSpec tf;
    tf.convention = Convention::kTensorFlow;
    tf.params.kernel_size = {3, 3};
    tf.params.stride = Pair{1, 1};
    tf.pad_mode = PadMode::kSameUpper;
    EXPECT_EQ(codes(translate_layer(tf, Convention::kPyTorch)), std::vector<std::string>{"no_same_padding"});
    const Shape in{1, 1, 4, 4};  // kernel 3, stride 1: "same" pads 1 and 1
    EXPECT_EQ(translated_code(tf, Convention::kPyTorch, &in), "nn.MaxPool2d(3, stride=1, padding=1)");
    EXPECT_EQ(translated_code(tf, Convention::kOnnx, &in),
              "onnx.helper.make_node(\"MaxPool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[3, 3], "
              "auto_pad=\"SAME_UPPER\")");
    tf.params.kernel_size = {2, 2};  // kernel 2: 0 before, 1 after, which PyTorch cannot say
    const LayerTranslation t = translate_layer(tf, Convention::kPyTorch, &in);
    ASSERT_FALSE(t.notes.empty());
    EXPECT_EQ(t.notes[0].code, "no_unequal_padding");
}

TEST(LayerTranslate, IndicesAndTheExactCasesNeedNoComment) {
    PoolParams p;
    p.kernel_size = {3, 3};
    p.stride = Pair{2, 2};
    p.padding = Padding::symmetric({1, 1});
    p.return_indices = true;
    EXPECT_EQ(codes(translate_layer(pytorch(p), Convention::kMxnet)),
              std::vector<std::string>{"no_return_indices"});
    EXPECT_TRUE(translate_layer(pytorch(p), Convention::kOnnx).notes.empty());
    const Shape in{1, 1, 5, 5};
    EXPECT_TRUE(translate_layer(pytorch(p), Convention::kOnnx, &in).notes.empty());
    p.return_indices = false;
    EXPECT_TRUE(translate_layer(pytorch(p), Convention::kMxnet, &in).notes.empty());
}

TEST(LayerTranslate, TheTableIsTheOnePlaceLayersAcrossAsks) {
    PoolParams p;
    p.kernel_size = {2, 2};
    p.dilation = {2, 2};
    p.ceil_mode = true;
    p.return_indices = true;
    const std::vector<LayerSpec> layers = layers_across(pytorch(p));
    for (size_t i = 0; i < layers.size(); ++i) {
        const Convention c = kConventions[i];
        EXPECT_EQ(layers[i].params.dilation != (Pair{1, 1}),
                  framework_can(c, PoolOp::kMax, LayerFeature::kDilation));
        EXPECT_EQ(layers[i].params.ceil_mode, framework_can(c, PoolOp::kMax, LayerFeature::kCeilMode));
        EXPECT_EQ(layers[i].params.return_indices,
                  framework_can(c, PoolOp::kMax, LayerFeature::kReturnIndices));
    }
}

TEST(LayerTranslate, EveryNoteHasATemplate) {
    for (const CompareTemplate& t : translation_templates()) {
        EXPECT_FALSE(t.english.empty());
        EXPECT_NE(t.english.find("{0}"), std::string_view::npos) << t.code;
    }
}

}  // namespace
}  // namespace poolscope
