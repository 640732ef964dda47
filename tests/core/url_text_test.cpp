// Percent-encoding and URL forms (core url_text.h), as the app's links and a browser's URLSearchParams
// read them; and layer_to_json(), the layer a link carries, read back by layer_from_json().
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "poolscope/convention.h"
#include "poolscope/json_layer.h"
#include "poolscope/url_text.h"

namespace poolscope {
namespace {

TEST(UrlText, EncodesAllButTheSafeCharacters) {
    EXPECT_EQ(percent_encode("Az09-._~,:/"), "Az09-._~,:/");
    EXPECT_EQ(percent_encode("{\"a\": [1, 2]}"), "%7B%22a%22:%20%5B1,%202%5D%7D");
    EXPECT_EQ(percent_encode("a+b&c=d#e%f?"), "a%2Bb%26c%3Dd%23e%25f%3F");
    EXPECT_EQ(percent_encode("池化"), "%E6%B1%A0%E5%8C%96");
}

TEST(UrlText, DecodesWhatItEncodesAndWhatBrowsersWrite) {
    std::string every_byte;
    for (int c = 0; c < 256; ++c)
        every_byte += static_cast<char>(c);
    EXPECT_EQ(percent_decode(percent_encode(every_byte)), every_byte);
    EXPECT_EQ(percent_decode("a+b%20c%2b"), "a b c+");  // '+' is a space, as in URLSearchParams
    EXPECT_EQ(percent_decode("%zz%4%"), "%zz%4%");      // broken escapes stay as written
    EXPECT_EQ(percent_decode("%e6%b1%a0"), "池");       // lower-case hex
}

TEST(UrlText, SplitsAnAddressAndReadsItsValues) {
    const UrlParts p = split_url("https://h.org/p/index.html?lesson=x&step=2#params=%7B%7D&view=unpool");
    EXPECT_EQ(p.base, "https://h.org/p/index.html");
    EXPECT_EQ(p.query, "lesson=x&step=2");
    EXPECT_EQ(p.fragment, "params=%7B%7D&view=unpool");
    EXPECT_EQ(split_url("#a=1?b").fragment, "a=1?b");  // a '?' after '#' belongs to the fragment
    EXPECT_EQ(split_url("#a=1?b").query, "");
    using Values = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(url_values("a=1&&presentation&c=x%20y&=z&d=e=f"),
              (Values{{"a", "1"}, {"presentation", ""}, {"c", "x y"}, {"", "z"}, {"d", "e=f"}}));
    EXPECT_EQ(url_form({{"params", "{\"op\":1}"}, {"presentation", ""}}),
              "params=%7B%22op%22:1%7D&presentation");
    EXPECT_EQ(url_values(url_form({{"input", "tensor([[1., 2.]])"}})),
              (Values{{"input", "tensor([[1., 2.]])"}}));
}

// Every convention's layers, with each option away from its default, read back to the same LayerSpec.
TEST(LayerToJson, EveryConventionsLayerReadsBackTheSame) {
    std::vector<LayerSpec> layers;
    for (Convention c : kConventions)
        for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg}) {
            LayerSpec base = default_layer(c, op);
            base.params.kernel_size = {3, 2};
            layers.push_back(base);
            LayerSpec strided = base;
            strided.params.stride = Pair{2, 1};
            layers.push_back(strided);
            if (c != Convention::kTensorFlow) {
                LayerSpec padded = strided;
                padded.params.padding = Padding::symmetric({1, 0});
                padded.params.ceil_mode = true;
                layers.push_back(padded);
            }
            if (op == PoolOp::kAvg) {
                LayerSpec counted = base;
                counted.params.count_include_pad = !counted.params.count_include_pad;
                layers.push_back(counted);
            }
        }
    LayerSpec tf_same = default_layer(Convention::kTensorFlow, PoolOp::kMax);
    tf_same.pad_mode = PadMode::kSameUpper;
    layers.push_back(tf_same);
    LayerSpec onnx = default_layer(Convention::kOnnx, PoolOp::kMax);
    onnx.params.padding = {1, 0, 0, 1};  // unequal pads: ONNX alone has them
    onnx.params.dilation = {2, 1};
    onnx.storage_order = 1;
    layers.push_back(onnx);
    LayerSpec onnx_lower = default_layer(Convention::kOnnx, PoolOp::kAvg);
    onnx_lower.pad_mode = PadMode::kSameLower;
    layers.push_back(onnx_lower);
    LayerSpec tf_numbers = default_layer(Convention::kTensorFlow, PoolOp::kMax);  // tf.nn.max_pool2d
    tf_numbers.pad_mode = PadMode::kExplicit;
    tf_numbers.params.padding = {1, 0, 0, 1};
    layers.push_back(tf_numbers);
    LayerSpec tf_dilated = default_layer(Convention::kTensorFlow, PoolOp::kAvg);  // tf.nn.pool
    tf_dilated.params.dilation = {2, 1};
    layers.push_back(tf_dilated);
    LayerSpec tf_argmax = default_layer(Convention::kTensorFlow, PoolOp::kMax);  // max_pool_with_argmax
    tf_argmax.params.return_indices = true;
    tf_argmax.params.include_batch_in_index = true;
    layers.push_back(tf_argmax);
    LayerSpec onnx_global = default_layer(Convention::kOnnx, PoolOp::kAvg);  // GlobalAveragePool
    onnx_global.params.global_pool = true;
    layers.push_back(onnx_global);
    LayerSpec onnx_lp = default_layer(Convention::kOnnx, PoolOp::kLp);  // LpPool
    onnx_lp.params.norm_type = 3;
    layers.push_back(onnx_lp);
    LayerSpec torch_avg = default_layer(Convention::kPyTorch, PoolOp::kAvg);
    torch_avg.params.divisor_override = 3;
    layers.push_back(torch_avg);
    LayerSpec lp = default_layer(Convention::kPyTorch, PoolOp::kLp);
    lp.params.norm_type = 3.5;
    layers.push_back(lp);
    LayerSpec adaptive = default_layer(Convention::kPyTorch, PoolOp::kAdaptiveMax);
    adaptive.params.output_size = {2, 3};
    adaptive.params.return_indices = true;
    layers.push_back(adaptive);

    for (const LayerSpec& layer : layers) {
        nlohmann::json j = nlohmann::json::object();
        layer_to_json(layer, j);
        ASSERT_TRUE(j.contains("op"));
        EXPECT_EQ(j.contains("convention"), layer.convention != Convention::kPyTorch) << j.dump();
        const std::optional<PoolOp> op = parse_op(j["op"].get<std::string>());
        ASSERT_TRUE(op) << j.dump();
        j.erase("op");
        Result<LayerSpec> back = layer_from_json(j, *op, Shape{1, 1, 6, 6}, "");
        ASSERT_TRUE(back) << j.dump() << ": " << back.error_text();
        EXPECT_EQ(back.value(), layer) << j.dump();
    }
}

}  // namespace
}  // namespace poolscope
