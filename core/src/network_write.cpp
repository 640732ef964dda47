// Writing a network back as JSON (only what differs from PyTorch's defaults), the layer as the line of
// Python that makes it, and finding layers by their index path. The reader is network_json.cpp.
#include <nlohmann/json.hpp>

#include "poolscope/convention.h"
#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"
#include "poolscope/network.h"

namespace poolscope {

using nlohmann::json;
using Ordered = nlohmann::ordered_json;

namespace {

Ordered pair_json(Pair p) {
    return p.h == p.w ? Ordered(p.h) : Ordered::array({p.h, p.w});
}

void weights_json(const std::optional<Tensor>& weight, const std::optional<std::vector<float>>& bias_values,
                  Ordered& o) {
    if (weight) o["weight"] = Ordered::parse(tensor_to_json(*weight));
    if (bias_values) {
        Ordered values = Ordered::array();
        for (float v : *bias_values)
            values.push_back(Ordered::parse(float_to_json(v)));
        o["bias"] = values;
    }
}

Ordered layer_json(const NetLayer& layer) {
    Ordered o = Ordered::object();
    o["type"] = std::string(layer_json_type(layer));
    switch (layer.type) {
        case LayerType::kConv2d: {
            const Conv2dLayer& c = layer.conv;
            if (!c.lazy) o["in_channels"] = c.in_channels;
            o["out_channels"] = c.out_channels;
            o["kernel_size"] = pair_json(c.kernel_size);
            if (c.stride != Pair{1, 1}) o["stride"] = pair_json(c.stride);
            if (c.padding_mode == ConvPadding::kSame) o["padding"] = "same";
            if (c.padding_mode == ConvPadding::kValid) o["padding"] = "valid";
            if (c.padding_mode == ConvPadding::kNumbers && c.padding != Pair{0, 0})
                o["padding"] = pair_json(c.padding);
            if (c.dilation != Pair{1, 1}) o["dilation"] = pair_json(c.dilation);
            if (c.groups != 1) o["groups"] = c.groups;
            if (!c.bias) o["bias"] = false;
            weights_json(c.weight, c.bias_values, o);
            break;
        }
        case LayerType::kLinear:
            if (!layer.linear.lazy) o["in_features"] = layer.linear.in_features;
            o["out_features"] = layer.linear.out_features;
            if (!layer.linear.bias) o["bias"] = false;
            weights_json(layer.linear.weight, layer.linear.bias_values, o);
            break;
        case LayerType::kPool: {
            json params = json::object();
            params_to_json(layer.pool, params);
            if (is_adaptive(layer.pool.op) && layer.output_size_pair)
                params["output_size"] =
                    json::array({layer.keep_input_h ? json() : json(layer.pool.output_size.h),
                                 layer.keep_input_w ? json() : json(layer.pool.output_size.w)});
            for (std::string_view key : kParamKeys)  // PyTorch's argument order
                if (auto it = params.find(std::string(key)); it != params.end()) o[std::string(key)] = *it;
            break;
        }
        case LayerType::kDropout:
            // As written (2 stays an int, 2.0 a float), so PyTorch's message quotes it the same way again.
            if (layer.dropout_p != 0.5) o["p"] = Ordered::parse(layer.dropout_p_text);
            break;
        case LayerType::kFlatten:
            if (layer.flatten.start_dim != 1) o["start_dim"] = layer.flatten.start_dim;
            if (layer.flatten.end_dim != -1) o["end_dim"] = layer.flatten.end_dim;
            break;
        case LayerType::kSequential: {
            Ordered list = Ordered::array();
            for (const NetLayer& child : layer.layers)
                list.push_back(layer_json(child));
            o["layers"] = list;
            break;
        }
        case LayerType::kReLU:
        case LayerType::kSigmoid:
            break;
    }
    return o;
}

}  // namespace

Ordered network_to_json(const Network& network) {
    Ordered layers = Ordered::array();
    for (const NetLayer& layer : network.layers)
        layers.push_back(layer_json(layer));
    return {{"input", network.input}, {"layers", layers}};
}

namespace {

std::string py_pair(Pair p) {
    return p.h == p.w ? std::to_string(p.h) : "(" + std::to_string(p.h) + ", " + std::to_string(p.w) + ")";
}

}  // namespace

std::string network_layer_code(const NetLayer& layer) {
    std::string args;
    auto arg = [&](const std::string& a) { args += (args.empty() ? "" : ", ") + a; };
    switch (layer.type) {
        case LayerType::kConv2d: {
            const Conv2dLayer& c = layer.conv;
            if (!c.lazy) arg(std::to_string(c.in_channels));
            arg(std::to_string(c.out_channels));
            arg("kernel_size=" + py_pair(c.kernel_size));
            if (c.stride != Pair{1, 1}) arg("stride=" + py_pair(c.stride));
            if (c.padding_mode == ConvPadding::kSame) arg("padding='same'");
            if (c.padding_mode == ConvPadding::kValid) arg("padding='valid'");
            if (c.padding_mode == ConvPadding::kNumbers && c.padding != Pair{0, 0})
                arg("padding=" + py_pair(c.padding));
            if (c.dilation != Pair{1, 1}) arg("dilation=" + py_pair(c.dilation));
            if (c.groups != 1) arg("groups=" + std::to_string(c.groups));
            if (!c.bias) arg("bias=False");
            break;
        }
        case LayerType::kLinear:
            if (!layer.linear.lazy) arg(std::to_string(layer.linear.in_features));
            arg(std::to_string(layer.linear.out_features));
            if (!layer.linear.bias) arg("bias=False");
            break;
        case LayerType::kPool: {
            if (is_adaptive(layer.pool.op) && layer.output_size_pair) {
                const Pair o = layer.pool.output_size;
                arg("(" + (layer.keep_input_h ? std::string("None") : std::to_string(o.h)) + ", " +
                    (layer.keep_input_w ? std::string("None") : std::to_string(o.w)) + ")");
                break;
            }
            LayerSpec spec;
            spec.params = layer.pool;
            return layer_code(spec);
        }
        case LayerType::kDropout:
            if (layer.dropout_p != 0.5) arg("p=" + layer.dropout_p_text);
            break;
        case LayerType::kFlatten:
            if (layer.flatten.start_dim != 1) arg("start_dim=" + std::to_string(layer.flatten.start_dim));
            if (layer.flatten.end_dim != -1) arg("end_dim=" + std::to_string(layer.flatten.end_dim));
            break;
        case LayerType::kSequential:
            return "nn.Sequential(...)  # " + std::to_string(layer.layers.size()) + " layers";
        case LayerType::kReLU:
        case LayerType::kSigmoid:
            break;
    }
    return "nn." + std::string(layer_json_type(layer)) + "(" + args + ")";
}

size_t count_layers(const std::vector<NetLayer>& layers) {
    size_t n = 0;
    for (const NetLayer& layer : layers)
        n += 1 + count_layers(layer.layers);
    return n;
}

std::string layer_name(const std::vector<size_t>& index) {
    std::string s = "net";
    for (size_t i : index)
        s += "[" + std::to_string(i) + "]";
    return s;
}

const NetLayer* layer_at(const Network& network, const std::vector<size_t>& index) {
    const std::vector<NetLayer>* list = &network.layers;
    const NetLayer* found = nullptr;
    for (size_t i : index) {
        if (i >= list->size()) return nullptr;
        found = &(*list)[i];
        list = &found->layers;
    }
    return found;
}

}  // namespace poolscope
