// Networks: reading (PyTorch's names, errors with JSON paths), writing back, shapes with every walkthrough
// term, parameter counts, and PyTorch's own wording where a network breaks (tests/golden checks the wording
// against torch on hundreds of random stacks; these pin the cases a student meets first).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "poolscope/network.h"
#include "poolscope/network_shape.h"

namespace poolscope {
namespace {

using nlohmann::json;

Network parse(const std::string& text) {
    Result<Network> net = network_from_string(text);
    EXPECT_TRUE(net.ok()) << net.error_text();
    return net ? net.value() : Network{};
}

const char* kLeNet = R"({"input": [1, 1, 28, 28], "layers": [
  {"type": "Conv2d", "in_channels": 1, "out_channels": 6, "kernel_size": 5, "padding": 2}, {"type": "Sigmoid"},
  {"type": "AvgPool2d", "kernel_size": 2, "stride": 2},
  {"type": "Conv2d", "in_channels": 6, "out_channels": 16, "kernel_size": 5}, {"type": "Sigmoid"},
  {"type": "AvgPool2d", "kernel_size": 2, "stride": 2}, {"type": "Flatten"},
  {"type": "Linear", "in_features": 400, "out_features": 120}, {"type": "Sigmoid"},
  {"type": "Linear", "in_features": 120, "out_features": 84}, {"type": "Sigmoid"},
  {"type": "Linear", "in_features": 84, "out_features": 10}]})";

TEST(NetworkRead, PyTorchNamesAndDefaults) {
    const Network net = parse(kLeNet);
    ASSERT_EQ(net.layers.size(), 12u);
    EXPECT_EQ(net.input, (std::vector<int64_t>{1, 1, 28, 28}));
    const Conv2dLayer& c = net.layers[0].conv;
    EXPECT_EQ(c.kernel_size, (Pair{5, 5}));
    EXPECT_EQ(c.padding, (Pair{2, 2}));
    EXPECT_EQ(c.stride, (Pair{1, 1}));
    EXPECT_TRUE(c.bias);
    EXPECT_EQ(net.layers[2].pool.op, PoolOp::kAvg);
    EXPECT_EQ(net.layers[2].path, "/layers/2");
    EXPECT_EQ(layer_class_name(net.layers[6]), "Flatten");
}

TEST(NetworkRead, ErrorsNameThePathAndWhatWasExpected) {
    auto errors = [](const std::string& text) {
        Result<Network> net = network_from_string(text, "net.json");
        EXPECT_FALSE(net.ok());
        return net.ok() ? std::string() : net.error_text();
    };
    EXPECT_EQ(
        errors(R"({"input": [1, 1, 8, 8], "layers": [{"type": "Conv2D"}]})"),
        "/layers/0/type: expected \"type\": Conv2d, LazyConv2d, Linear, LazyLinear, MaxPool2d, AvgPool2d, "
        "LPPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d, ReLU, Sigmoid, Dropout, Flatten or Sequential; got "
        "\"Conv2D\" (did you mean \"Conv2d\"?)");
    EXPECT_EQ(
        errors(R"({"input": [1, 1, 8, 8], "layers": [{"type": "Linear", "in_features": 4, "out": 2}]})"),
        "/layers/0/out: Linear has no argument out; /layers/0/out_features: out_features is required");
    EXPECT_EQ(errors(R"({"input": [1, 1, 8, 8], "layers": [{"type": "MaxPool2d", "kernel_size": 2,
                         "count_include_pad": false}]})"),
              "/layers/0/count_include_pad: max_pool2d has no count_include_pad argument");
    EXPECT_EQ(
        errors(R"({"input": [1, 1, 8, 8], "layers": [{"type": "MaxPool2d", "kernel_size": 2,
                         "return_indices": true}]})"),
        "/layers/0/return_indices: MaxPool2d(return_indices=True) returns two tensors; a network passes "
        "one from layer to layer");
    EXPECT_EQ(
        errors(R"({"input": [1, 0, 8], "layers": []})"),
        "/input: expected the input's size as 2 to 4 integers from 1 to 2147483647, e.g. [1, 1, 28, 28]; "
        "got [1,0,8]");
    EXPECT_EQ(
        errors(R"({"input": [1, 1, 8, 8], "layers": [{"type": "Sequential", "layers": [{"type": "Tanh"}]}]})")
            .substr(0, 33),
        "/layers/0/layers/0/type: expected");
    EXPECT_EQ(errors("{\"input\": [1, 1],\n \"layers\": [}"),
              "net.json:2:13: JSON error: syntax error while "
              "parsing value - unexpected '}'; expected '[', '{', "
              "or a literal");
}

TEST(NetworkRead, WritesBackWhatItReads) {
    const Network net = parse(R"({"input": [2, 3, 16, 16], "layers": [
      {"type": "LazyConv2d", "out_channels": 4, "kernel_size": [3, 1], "padding": "same", "bias": false},
      {"type": "Sequential", "layers": [{"type": "MaxPool2d", "kernel_size": 3, "stride": 2, "padding": 1,
                                         "dilation": [1, 2], "ceil_mode": true}, {"type": "ReLU"}]},
      {"type": "AdaptiveAvgPool2d", "output_size": [null, 2]}, {"type": "Dropout", "p": 0.25},
      {"type": "Flatten", "start_dim": 1}, {"type": "Linear", "in_features": 24, "out_features": 2,
       "weight": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
                  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], "bias": [0.5, -1]}]})");
    const nlohmann::ordered_json written = network_to_json(net);
    Result<Network> again = network_from_json(json::parse(written.dump()));
    ASSERT_TRUE(again.ok()) << again.error_text();
    EXPECT_EQ(network_to_json(*again).dump(), written.dump());
    EXPECT_EQ(written["layers"][1]["layers"][0].begin().key(), "type");  // then PyTorch's argument order
    EXPECT_EQ(
        written["layers"][1]["layers"][0].dump(),
        R"({"type":"MaxPool2d","kernel_size":3,"stride":2,"padding":1,"dilation":[1,2],"ceil_mode":true})");
    EXPECT_EQ(written["layers"][0]["type"], "LazyConv2d");
    EXPECT_EQ(written["layers"][0]["padding"], "same");
    EXPECT_EQ(written["layers"][2]["output_size"].dump(), "[null,2]");
    EXPECT_EQ(written["layers"][5]["bias"].dump(), "[0.5,-1.0]");
    EXPECT_TRUE(again->layers[5].linear.weight.has_value());
}

TEST(NetworkRead, WeightsMustHaveTheLayersShape) {
    Result<Network> net = network_from_string(R"({"input": [1, 1, 4, 4], "layers": [
      {"type": "Conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 2, "weight": [[1, 2], [3, 4]]}]})");
    ASSERT_FALSE(net.ok());
    EXPECT_EQ(net.error_text(),
              "/layers/0/weight: expected weights shaped [1,1,2,2], got 2-D values [1,1,2,2]");
}

TEST(NetworkShapes, LeNetWalkthroughAndParameters) {
    const NetworkShapes s = network_shapes(parse(kLeNet));
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s.layers.size(), 12u);
    const LayerShape& conv = s.layers[0];
    ASSERT_TRUE(conv.h.has_value());
    // 28 + 2 + 2 - 1*(5-1) - 1 = 27, floor(27 / 1) + 1 = 28
    EXPECT_EQ(conv.h->padded_input, 32);
    EXPECT_EQ(conv.h->numerator, 27);
    EXPECT_EQ(conv.h->output, 28);
    EXPECT_EQ(conv.weights, 150);
    EXPECT_EQ(conv.biases, 6);
    const LayerShape& pool = s.layers[2];
    ASSERT_TRUE(pool.plan.has_value());  // the pooling views can open this layer as it is
    EXPECT_EQ(pool.plan->output, (Shape{1, 6, 14, 14}));
    EXPECT_EQ(pool.h->quotient, 13);
    EXPECT_EQ(s.layers[7].weights, 48000);
    EXPECT_EQ(s.parameters, 61706);
}

// The issue's example: a Linear expecting 16 features gets LeNet's 400 (PyTorch quotes the input folded to
// 1 x 400 and the weight transposed, 16 x 5).
TEST(NetworkShapes, LinearMismatchInPyTorchsWords) {
    Network net = parse(kLeNet);
    net.layers[7].linear.in_features = 16;
    net.layers[7].linear.out_features = 5;
    const NetworkShapes s = network_shapes(net);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error->error.message, "mat1 and mat2 shapes cannot be multiplied (1x400 and 16x5)");
    EXPECT_EQ(s.error->kind, "RuntimeError");
    EXPECT_EQ(s.error->index, (std::vector<size_t>{7}));
    EXPECT_EQ(s.error->error.field, "/layers/7");
    EXPECT_EQ(s.error->error.code, "linear_mismatch");
    ASSERT_EQ(s.error->reasons.size(), 1u);
    EXPECT_EQ(s.error->reasons[0].message,
              "in_features is 16, but what arrives, [1, 400], has 400 values in its last dimension");
    EXPECT_EQ(d2l_table(s).size(), 7u);  // D2L prints up to the Flatten, then the exception
    // Without the Flatten, the 4-D map is folded to 80 x 5 rows before the multiplication.
    Network no_flatten = parse(kLeNet);
    no_flatten.layers.erase(no_flatten.layers.begin() + 6);
    for (size_t i = 0; i < no_flatten.layers.size(); ++i)
        no_flatten.layers[i].path = "/layers/" + std::to_string(i);
    EXPECT_EQ(network_shapes(no_flatten).error->error.message,
              "mat1 and mat2 shapes cannot be multiplied (80x5 and 400x120)");
}

TEST(NetworkShapes, ChangingAPoolBreaksTheLinearLayer) {
    Network net = parse(kLeNet);
    net.layers[2].pool.stride = Pair{1, 1};  // AvgPool2d(2, stride=1): 28 -> 27 -> conv 23 -> pool 11
    const NetworkShapes s = network_shapes(net);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.layers[6].output, (std::vector<int64_t>{1, 1936}));
    EXPECT_EQ(s.error->error.message, "mat1 and mat2 shapes cannot be multiplied (1x1936 and 400x120)");
}

TEST(NetworkShapes, ConvolutionErrorsInPyTorchsWords) {
    auto message = [](const std::string& text) {
        Result<Network> net = network_from_string(text);
        EXPECT_TRUE(net.ok()) << net.error_text();
        const NetworkShapes s = network_shapes(*net);
        return s.error ? s.error->kind + ": " + s.error->error.message : std::string("ok");
    };
    EXPECT_EQ(
        message(R"({"input": [1, 3, 14, 14], "layers": [{"type": "Conv2d", "in_channels": 6,
                          "out_channels": 16, "kernel_size": 5}]})"),
        "RuntimeError: Given groups=1, weight of size [16, 6, 5, 5], expected input[1, 3, 14, 14] to have 6 "
        "channels, but got 3 channels instead");
    EXPECT_EQ(
        message(R"({"input": [1, 6, 4, 4], "layers": [{"type": "Conv2d", "in_channels": 6,
                          "out_channels": 16, "kernel_size": 5}]})"),
        "RuntimeError: Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size "
        "can't be greater than actual input size");
    EXPECT_EQ(
        message(R"({"input": [1, 400], "layers": [{"type": "Conv2d", "in_channels": 1, "out_channels": 1,
                          "kernel_size": 1}]})"),
        "RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [1, "
        "400]");
    EXPECT_EQ(
        message(R"({"input": [1, 4, 8, 8], "layers": [{"type": "Conv2d", "in_channels": 4, "out_channels": 6,
                          "kernel_size": 3, "groups": 3}]})"),
        "ValueError: in_channels must be divisible by groups");
    EXPECT_EQ(message(R"({"input": [1, 1, 8, 8], "layers": [{"type": "ReLU"}, {"type": "Linear",
                          "in_features": -1, "out_features": 3}]})"),
              "RuntimeError: Trying to create tensor with negative dimension -1: [3, -1]");
    EXPECT_EQ(message(R"({"input": [1, 1, 8, 8], "layers": [{"type": "Dropout", "p": 1.5}]})"),
              "ValueError: dropout probability has to be between 0 and 1, but got 1.5");
    EXPECT_EQ(message(R"({"input": [1, 1, 8, 8], "layers": [{"type": "Dropout", "p": 100000.0}]})"),
              "ValueError: dropout probability has to be between 0 and 1, but got 100000.0");
    EXPECT_EQ(message(R"({"input": [1, 1, 8, 8], "layers": [{"type": "Dropout", "p": -1e-7}]})"),
              "ValueError: dropout probability has to be between 0 and 1, but got -1e-07");
}

TEST(NetworkShapes, PoolingErrorsInPyTorchsWordsWithPoolScopesReasons) {
    const Network net =
        parse(R"({"input": [1, 16, 4, 4], "layers": [{"type": "MaxPool2d", "kernel_size": 5}]})");
    const NetworkShapes s = network_shapes(net);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error->error.message,
              "Given input size: (16x4x4). Calculated output size: (16x0x0). Output size is too small");
    ASSERT_EQ(s.error->reasons.size(), 1u);
    EXPECT_EQ(s.error->reasons[0].code, "output_too_small");
    ASSERT_EQ(s.layers.size(), 1u);
    EXPECT_TRUE(s.layers[0].output.empty());
    const Network pad =
        parse(R"({"input": [1, 16, 8, 8], "layers": [{"type": "AvgPool2d", "kernel_size": [3, 5],
                                   "padding": [1, 3]}]})");
    EXPECT_EQ(network_shapes(pad).error->error.message,
              "pad should be at most half of kernel size, but got pad=3 and kernel_size=5");
    const Network flat = parse(R"({"input": [1, 16, 8, 8], "layers": [{"type": "Flatten"},
                                    {"type": "MaxPool2d", "kernel_size": 2}]})");
    EXPECT_EQ(network_shapes(flat).error->error.message,
              "non-empty 3D or 4D (batch mode) tensor expected for input");
}

TEST(NetworkShapes, ErrorsWhileBuildingComeBeforeAnyShape) {
    const Network net = parse(R"({"input": [1, 1, 2, 2], "layers": [{"type": "MaxPool2d", "kernel_size": 5},
                                   {"type": "Linear", "in_features": 4, "out_features": -2}]})");
    const NetworkShapes s = network_shapes(net);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error->when_built);
    EXPECT_EQ(s.error->index, (std::vector<size_t>{1}));
    EXPECT_TRUE(s.layers.empty());
}

TEST(NetworkShapes, EveryErrorCodeHasATemplateAndAnException) {
    for (const ErrorTemplate& t : network_error_templates()) {
        EXPECT_FALSE(network_error_kind(t.code).empty()) << t.code;
        EXPECT_EQ(network_error("/layers/0", t.code).code, t.code);
    }
    EXPECT_EQ(network_error("f", "adaptive_avg_negative", {"-1", "2"}).message,
              "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received "
              "{-1, 2}");
}

}  // namespace
}  // namespace poolscope
