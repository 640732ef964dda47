// layer_from_json(): "convention", each framework's own key names and padding words, its defaults, and the
// errors for keys another framework owns, doubled keys and contradictions (fields name the key as written).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "poolscope/json_layer.h"

namespace poolscope {
namespace {

using nlohmann::json;

Result<LayerSpec> read(const char* text, PoolOp op = PoolOp::kMax) {
    return layer_from_json(json::parse(text), op, {1, 1, 4, 4}, "");
}

std::string first_field(const Result<LayerSpec>& r) {
    return r.ok() ? "" : r.errors()[0].field;
}

TEST(JsonLayer, PyTorchByDefault) {
    Result<LayerSpec> r = read(R"({"kernel_size": 2, "padding": 1})");
    ASSERT_TRUE(r.ok()) << r.error_text();
    EXPECT_EQ(r->convention, Convention::kPyTorch);
    EXPECT_EQ(r->params.padding, Padding::symmetric({1, 1}));
    EXPECT_EQ(first_field(read(R"({"kernel_size": 2, "padding": "same"})")), "/padding");
    EXPECT_EQ(first_field(read(R"({"kernel_size": 2, "strides": 1})")), "/strides");  // not a PyTorch name
    EXPECT_EQ(first_field(read(R"({"kernel_size": 2, "convention": "caffe"})")), "/convention");
}

TEST(JsonLayer, TensorFlowPaddingWordsAndNames) {
    Result<LayerSpec> r =
        read(R"({"convention": "tensorflow", "pool_size": [2, 3], "strides": 1, "padding": "SAME"})",
             PoolOp::kAvg);
    ASSERT_TRUE(r.ok()) << r.error_text();
    EXPECT_EQ(r->pad_mode, PadMode::kSameUpper);
    EXPECT_EQ(r->params.kernel_size, (Pair{2, 3}));
    EXPECT_EQ(r->params.stride, (Pair{1, 1}));
    EXPECT_FALSE(r->params.count_include_pad);
    Result<LayerSpec> plain = read(R"({"convention": "tensorflow", "kernel_size": 2})");
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->pad_mode, PadMode::kValid);
    EXPECT_EQ(first_field(read(R"({"convention": "tensorflow", "kernel_size": 2, "padding": "same_lower"})")),
              "/padding");
    EXPECT_EQ(first_field(read(R"({"convention": "tensorflow", "kernel_size": 2, "pool_size": 2})")),
              "/pool_size");
    EXPECT_EQ(first_field(read(R"({"convention": "tensorflow", "kernel_size": 2, "pads": [0, 0, 0, 0]})")),
              "/pads");
}

TEST(JsonLayer, OnnxAttributes) {
    Result<LayerSpec> r = read(R"({"convention": "onnx", "kernel_shape": [3, 3], "pads": [1, 0, 0, 1],
                                   "ceil_mode": 1, "dilations": [2, 1], "storage_order": 1})");
    ASSERT_TRUE(r.ok()) << r.error_text();
    EXPECT_EQ(r->params.padding, (Padding{1, 0, 0, 1}));  // [x1_begin, x2_begin, x1_end, x2_end]
    EXPECT_TRUE(r->params.ceil_mode);
    EXPECT_EQ(r->params.dilation, (Pair{2, 1}));
    EXPECT_EQ(r->storage_order, 1);
    EXPECT_EQ(r->params.stride, std::nullopt);  // ONNX's default, 1, is applied by the plan
    Result<LayerSpec> avg = read(R"({"convention": "onnx", "kernel_shape": 2, "auto_pad": "same_lower",
                                     "count_include_pad": 1})",
                                 PoolOp::kAvg);
    ASSERT_TRUE(avg.ok()) << avg.error_text();
    EXPECT_EQ(avg->pad_mode, PadMode::kSameLower);
    EXPECT_TRUE(avg->params.count_include_pad);
    EXPECT_FALSE(
        read(R"({"convention": "onnx", "kernel_shape": 2})", PoolOp::kAvg)->params.count_include_pad);
    EXPECT_EQ(first_field(read(R"({"convention": "onnx", "kernel_shape": 2.5})")), "/kernel_shape");
    EXPECT_EQ(first_field(read(R"({"convention": "onnx", "kernel_shape": 2, "auto_pad": "SAME"})")),
              "/auto_pad");
    EXPECT_EQ(first_field(read(R"({"convention": "onnx", "kernel_shape": 2, "storage_order": "row"})")),
              "/storage_order");
}

TEST(JsonLayer, MxnetPoolingConvention) {
    Result<LayerSpec> r = read(R"({"convention": "mxnet", "pool_size": [2, 3], "padding": [1, 2],
                                   "pooling_convention": "full"})");
    ASSERT_TRUE(r.ok()) << r.error_text();
    EXPECT_TRUE(r->params.ceil_mode);
    EXPECT_EQ(r->params.padding, Padding::symmetric({1, 2}));
    EXPECT_EQ(first_field(read(R"({"convention": "mxnet", "kernel_size": 2, "pooling_convention": "same"})")),
              "/pooling_convention");
    EXPECT_EQ(first_field(read(R"({"convention": "mxnet", "kernel_size": 2, "pooling_convention": "valid",
                                   "ceil_mode": true})")),
              "/pooling_convention");
    EXPECT_EQ(first_field(read(R"({"convention": "mxnet", "kernel_size": 2, "auto_pad": "valid"})")),
              "/auto_pad");
    EXPECT_EQ(first_field(read(R"({"kernel_size": 2, "pooling_convention": "full"})")),
              "/pooling_convention");
}

}  // namespace
}  // namespace poolscope
