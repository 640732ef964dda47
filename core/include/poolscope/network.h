// A network as PyTorch's nn.Sequential holds it: a list of layers with PyTorch's class and argument names,
// read from JSON ({"input": [1, 1, 28, 28], "layers": [{"type": "Conv2d", "in_channels": 1, ...}, ...]}).
// Start here; network_shape.h walks the shapes through it, receptive_field.h maps an output cell back to the
// input cells it depends on, and network_text.h prints D2L's shape table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "poolscope/pool_params.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

// Hostile-file guards: layers in one network (nested ones included), Sequential nesting, bytes of a file.
inline constexpr size_t kMaxNetworkLayers = 1000;
inline constexpr int kMaxNetworkNesting = 8;
inline constexpr int64_t kMaxNetworkBytes = int64_t{4} << 20;

enum class LayerType : uint8_t {
    kConv2d,      // Conv2d, LazyConv2d
    kLinear,      // Linear, LazyLinear
    kPool,        // MaxPool2d, AvgPool2d, LPPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d (PoolParams::op)
    kReLU,        //
    kSigmoid,     //
    kDropout,     //
    kFlatten,     //
    kSequential,  // a block of layers (D2L's vgg_block, nin_block), printed as one line
};

// Conv2d's padding argument: numbers, or the strings "same" / "valid".
enum class ConvPadding : uint8_t { kNumbers, kSame, kValid };

struct Conv2dLayer {
    int64_t in_channels = 0;   // LazyConv2d: taken from the input at the first call
    int64_t out_channels = 0;  //
    Pair kernel_size{1, 1};    //
    Pair stride{1, 1};         //
    Pair padding{0, 0};        // per side, both sides (ConvPadding::kNumbers)
    ConvPadding padding_mode = ConvPadding::kNumbers;
    Pair dilation{1, 1};           //
    int64_t groups = 1;            //
    bool bias = true;              //
    bool lazy = false;             // LazyConv2d (printed as Conv2d, as PyTorch's class becomes)
    std::optional<Tensor> weight;  // given weights [out, in/groups, kh, kw]; nullopt = shape only
    std::optional<std::vector<float>> bias_values;  // given biases (out_channels of them)
};

struct LinearLayer {
    int64_t in_features = 0;                        // LazyLinear: taken from the input's last dimension
    int64_t out_features = 0;                       //
    bool bias = true;                               //
    bool lazy = false;                              // LazyLinear (printed as Linear)
    std::optional<Tensor> weight;                   // given weights [out, in] (as a 1x1xoutxin tensor)
    std::optional<std::vector<float>> bias_values;  //
};

struct FlattenLayer {
    int64_t start_dim = 1;  //
    int64_t end_dim = -1;   //
};

struct NetLayer {
    LayerType type = LayerType::kReLU;
    std::string path;  // JSON pointer inside the network document: "/layers/3", "/layers/0/layers/2"
    Conv2dLayer conv;
    LinearLayer linear;
    PoolParams pool;                     // op and arguments (kPool)
    bool keep_input_h = false;           // adaptive pools: output_size entry None = the input's size
    bool keep_input_w = false;           //
    bool output_size_pair = false;       // adaptive pools: output_size written as a list (Python's
                                         // wrapper then needs a 3-D input at least)
    double dropout_p = 0.5;              //
    std::string dropout_p_text = "0.5";  // p as Python prints it, for PyTorch's message
    FlattenLayer flatten;                //
    std::vector<NetLayer> layers;        // kSequential
};

struct Network {
    std::vector<int64_t> input;  // the input tensor's size, e.g. [1, 1, 28, 28] (rank 2 to 4)
    std::vector<NetLayer> layers;
};

// The class name PyTorch prints for the layer (`layer.__class__.__name__` after the first call: LazyConv2d
// has become Conv2d by then).
std::string_view layer_class_name(const NetLayer& layer);
// The class name as written in JSON ("LazyConv2d" stays LazyConv2d), for writing the network back.
std::string_view layer_json_type(const NetLayer& layer);

// Reads a network document. Errors name the JSON pointer under `path` ("/layers/3/kernel_size") and say what
// was expected; an argument the layer's class does not take is refused, as PyTorch raises TypeError for it.
Result<Network> network_from_json(const nlohmann::json& document, std::string_view path = "");
// The same from text (a file's contents), with the size and nesting guards; syntax errors carry
// "source:line:column".
Result<Network> network_from_string(std::string_view text, const std::string& source = "<network>");
Result<Network> network_from_file(const std::string& file);

// The network as JSON, each layer's "type" first and then its arguments in PyTorch's order, writing only what
// differs from PyTorch's defaults (network_from_json reads it back to an equal network).
nlohmann::ordered_json network_to_json(const Network& network);

// The layer as the Python that makes it: "nn.Conv2d(1, 6, kernel_size=5, padding=2)", "nn.AvgPool2d(2,
// stride=2)" (a Sequential: "nn.Sequential(...)  # 6 layers").
std::string network_layer_code(const NetLayer& layer);

// Layers counted depth-first (a Sequential, then its layers), and the layer at a position given as indices
// from the top ([3] = net[3], [0, 2] = net[0][2]); nullptr when there is none.
size_t count_layers(const std::vector<NetLayer>& layers);
const NetLayer* layer_at(const Network& network, const std::vector<size_t>& index);
// How D2L's code names the layer at `index`: "net[3]", "net[0][2]".
std::string layer_name(const std::vector<size_t>& index);

}  // namespace poolscope
