// Reading a network from JSON with PyTorch's class and argument names, and writing it back. Pooling layers
// reuse params_from_json (the same spellings as `poolscope compute` and lessons); Conv2d, Linear, Flatten and
// Dropout take their constructors' arguments. Nothing here knows shapes: network_shape.cpp checks those.
#include "poolscope/network.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "poolscope/file_read.h"
#include "poolscope/json_guard.h"
#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"
#include "poolscope/text_guard.h"

namespace poolscope {
namespace {

using nlohmann::json;

struct TypeName {
    std::string_view name;
    LayerType type;
    PoolOp op = PoolOp::kMax;  // kPool only
    bool lazy = false;
};

constexpr std::array<TypeName, 14> kTypes = {{
    {"Conv2d", LayerType::kConv2d},
    {"LazyConv2d", LayerType::kConv2d, PoolOp::kMax, true},
    {"Linear", LayerType::kLinear},
    {"LazyLinear", LayerType::kLinear, PoolOp::kMax, true},
    {"MaxPool2d", LayerType::kPool, PoolOp::kMax},
    {"AvgPool2d", LayerType::kPool, PoolOp::kAvg},
    {"LPPool2d", LayerType::kPool, PoolOp::kLp},
    {"AdaptiveAvgPool2d", LayerType::kPool, PoolOp::kAdaptiveAvg},
    {"AdaptiveMaxPool2d", LayerType::kPool, PoolOp::kAdaptiveMax},
    {"ReLU", LayerType::kReLU},
    {"Sigmoid", LayerType::kSigmoid},
    {"Dropout", LayerType::kDropout},
    {"Flatten", LayerType::kFlatten},
    {"Sequential", LayerType::kSequential},
}};

std::string key_path(std::string_view path, std::string_view key) {
    return std::string(path) + "/" + std::string(key);
}

std::string type_list() {
    std::string s;
    for (size_t i = 0; i < kTypes.size(); ++i)
        s += (i == 0 ? "" : i + 1 == kTypes.size() ? " or " : ", ") + std::string(kTypes[i].name);
    return s;
}

// Case-insensitive match, so "Conv2D" (Keras' spelling) gets a "did you mean Conv2d?".
std::optional<std::string_view> near_type(std::string_view written) {
    for (const TypeName& t : kTypes) {
        if (t.name.size() != written.size()) continue;
        bool same = true;
        for (size_t i = 0; same && i < written.size(); ++i)
            same = std::tolower(static_cast<unsigned char>(written[i])) ==
                   std::tolower(static_cast<unsigned char>(t.name[i]));
        if (same) return t.name;
    }
    return std::nullopt;
}

// Python's repr of a number, as PyTorch's Dropout message quotes p: an int as written; a float with the
// fewest digits that read back, fixed notation for exponents -4..15 ("1.5", "2.0", "100000.0"), else
// scientific with two exponent digits at least ("1e-07", "1e+16").
std::string python_number(const json& v) {
    if (v.is_number_integer()) return v.dump();
    const double d = v.get<double>();
    char text[64];
    for (int precision = 0; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*e", precision, d);
        if (std::strtod(text, nullptr) == d) break;
    }
    const std::string sci = text;  // [-]d[.ddd]e[+-]XX
    const size_t e = sci.find('e');
    const int exponent = std::atoi(sci.c_str() + e + 1);
    std::string digits;
    for (size_t i = 0; i < e; ++i)
        if (sci[i] >= '0' && sci[i] <= '9') digits += sci[i];
    const std::string sign = d < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
        std::string mantissa = digits.substr(0, 1) + (digits.size() > 1 ? "." + digits.substr(1) : "");
        char exp_text[16];
        std::snprintf(exp_text, sizeof exp_text, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        return sign + mantissa + exp_text;
    }
    std::string fixed;
    if (exponent < 0) {
        fixed = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    } else {
        const size_t point = static_cast<size_t>(exponent) + 1;
        if (digits.size() <= point)
            fixed = digits + std::string(point - digits.size(), '0') + ".0";
        else
            fixed = digits.substr(0, point) + "." + digits.substr(point);
    }
    return sign + fixed;
}

struct Reader {
    std::vector<Error> errors;
    size_t layers_read = 0;

    void error(std::string field, std::string message) {
        errors.push_back({std::move(field), std::move(message)});
    }

    // The layer's keys must be arguments of its class (PyTorch: "unexpected keyword argument").
    void check_keys(const json& object, std::string_view path, std::string_view type,
                    std::initializer_list<std::string_view> known) {
        for (const auto& [key, value] : object.items()) {
            if (key == "type" || key.rfind("x-", 0) == 0 || key.rfind("$", 0) == 0) continue;
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            error(key_path(path, key), std::string(type) + " has no argument " + quote_prefix(key));
        }
    }

    std::optional<int64_t> read_int(const json& object, std::string_view key, std::string_view path,
                                    std::optional<int64_t> fallback) {
        auto it = object.find(std::string(key));
        if (it == object.end()) {
            if (!fallback) error(key_path(path, key), std::string(key) + " is required");
            return fallback;
        }
        int64_t v = 0;
        if (json_int64(*it, v)) return v;
        error(key_path(path, key), "expected an integer, got " + brief_json(*it));
        return std::nullopt;
    }

    std::optional<bool> read_bool(const json& object, std::string_view key, std::string_view path,
                                  bool fallback) {
        auto it = object.find(std::string(key));
        if (it == object.end()) return fallback;
        if (it->is_boolean()) return it->get<bool>();
        error(key_path(path, key), "expected true or false, got " + brief_json(*it));
        return std::nullopt;
    }

    // An int or a list of 2 ints (PyTorch's _pair for Conv2d).
    std::optional<Pair> read_pair(const json& object, std::string_view key, std::string_view path,
                                  std::optional<Pair> fallback) {
        auto it = object.find(std::string(key));
        if (it == object.end()) {
            if (!fallback) error(key_path(path, key), std::string(key) + " is required");
            return fallback;
        }
        int64_t a = 0, b = 0;
        if (json_int64(*it, a)) return Pair{a, a};
        if (it->is_array() && it->size() == 2 && json_int64((*it)[0], a) && json_int64((*it)[1], b))
            return Pair{a, b};
        error(key_path(path, key), "expected an integer or a list of 2 integers, got " + brief_json(*it));
        return std::nullopt;
    }

    // "weight" as nested values of exactly `dims`; "bias" as true/false or `count` values.
    void read_weights(const json& object, std::string_view path, const std::vector<int64_t>& dims,
                      std::optional<Tensor>& weight, std::optional<std::vector<float>>& bias_values,
                      bool& bias, int64_t count) {
        if (auto it = object.find("weight"); it != object.end()) {
            Result<Tensor> t = tensor_from_json(*it, key_path(path, "weight"));
            if (!t) {
                errors.insert(errors.end(), t.errors().begin(), t.errors().end());
            } else {
                const Shape& s = t->shape();
                const std::vector<int64_t> got = dims.size() == 4 ? std::vector<int64_t>{s.n, s.c, s.h, s.w}
                                                                  : std::vector<int64_t>{s.h, s.w};
                if (t->rank() != static_cast<int>(dims.size()) || got != dims)
                    error(key_path(path, "weight"), "expected weights shaped " + brief_json(json(dims)) +
                                                        ", got " + std::to_string(t->rank()) + "-D values " +
                                                        brief_json(json(got)));
                else
                    weight = std::move(t).value();
            }
        }
        auto it = object.find("bias");
        if (it == object.end() || it->is_boolean()) return;
        std::vector<float> values;
        bool ok = it->is_array() && static_cast<int64_t>(it->size()) == count;
        for (size_t i = 0; ok && i < it->size(); ++i) {
            float f = 0;
            ok = json_float((*it)[i], f);
            values.push_back(f);
        }
        if (ok) {
            bias_values = std::move(values);
            bias = true;
        } else {
            error(key_path(path, "bias"), "expected true, false or " + std::to_string(count) +
                                              " bias values, got " + brief_json(*it));
        }
    }

    void read_conv(const json& o, std::string_view path, NetLayer& layer, bool lazy) {
        Conv2dLayer& c = layer.conv;
        c.lazy = lazy;
        check_keys(o, path, lazy ? "LazyConv2d" : "Conv2d",
                   {"in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups",
                    "bias", "padding_mode", "weight"});
        if (lazy && o.contains("in_channels")) return;  // reported by check_keys
        if (!lazy) c.in_channels = read_int(o, "in_channels", path, std::nullopt).value_or(0);
        c.out_channels = read_int(o, "out_channels", path, std::nullopt).value_or(0);
        c.kernel_size = read_pair(o, "kernel_size", path, std::nullopt).value_or(Pair{1, 1});
        c.stride = read_pair(o, "stride", path, Pair{1, 1}).value_or(Pair{1, 1});
        c.dilation = read_pair(o, "dilation", path, Pair{1, 1}).value_or(Pair{1, 1});
        c.groups = read_int(o, "groups", path, 1).value_or(1);
        if (auto b = o.find("bias"); b != o.end() && !b->is_array())
            c.bias = read_bool(o, "bias", path, true).value_or(true);
        if (auto it = o.find("padding"); it != o.end() && it->is_string()) {
            const std::string& s = it->get_ref<const std::string&>();
            if (s == "same")
                c.padding_mode = ConvPadding::kSame;
            else if (s == "valid")
                c.padding_mode = ConvPadding::kValid;
            else
                error(key_path(path, "padding"),
                      "Invalid padding string " + brief_json(*it) + ", should be one of {'valid', 'same'}");
        } else {
            c.padding = read_pair(o, "padding", path, Pair{0, 0}).value_or(Pair{0, 0});
        }
        if (auto it = o.find("padding_mode"); it != o.end() && *it != "zeros")
            error(key_path(path, "padding_mode"),
                  "PoolScope follows zero padding only (padding_mode \"zeros\"), got " + brief_json(*it));
        if (!lazy && c.groups > 0 && c.in_channels >= 0 && c.out_channels >= 0 && c.kernel_size.h >= 0 &&
            c.kernel_size.w >= 0 && c.in_channels % c.groups == 0)
            read_weights(o, path,
                         {c.out_channels, c.in_channels / c.groups, c.kernel_size.h, c.kernel_size.w},
                         c.weight, c.bias_values, c.bias, c.out_channels);
        else if (o.contains("weight"))
            error(key_path(path, "weight"),
                  "weights need a Conv2d with valid in_channels, out_channels, "
                  "kernel_size and groups (not a LazyConv2d)");
    }

    void read_linear(const json& o, std::string_view path, NetLayer& layer, bool lazy) {
        LinearLayer& l = layer.linear;
        l.lazy = lazy;
        check_keys(o, path, lazy ? "LazyLinear" : "Linear",
                   {"in_features", "out_features", "bias", "weight"});
        if (lazy && o.contains("in_features")) return;
        if (!lazy) l.in_features = read_int(o, "in_features", path, std::nullopt).value_or(0);
        l.out_features = read_int(o, "out_features", path, std::nullopt).value_or(0);
        if (auto b = o.find("bias"); b != o.end() && !b->is_array())
            l.bias = read_bool(o, "bias", path, true).value_or(true);
        if (!lazy && l.in_features >= 0 && l.out_features >= 0)
            read_weights(o, path, {l.out_features, l.in_features}, l.weight, l.bias_values, l.bias,
                         l.out_features);
        else if (o.contains("weight"))
            error(key_path(path, "weight"), "weights need a Linear with valid in_features and out_features");
    }

    void read_pool(const json& o, std::string_view path, NetLayer& layer, PoolOp op, std::string_view type) {
        json args = json::object();
        for (const auto& [key, value] : o.items())
            if (key != "type" && key.rfind("x-", 0) != 0 && key.rfind("$", 0) != 0) args[key] = value;
        for (const auto& [key, value] : args.items())
            if (std::find(kParamKeys.begin(), kParamKeys.end(), key) == kParamKeys.end())
                error(key_path(path, key), std::string(type) + " has no argument " + quote_prefix(key));
        if (auto it = args.find("padding"); it != args.end() && it->is_array() && it->size() == 4)
            error(key_path(path, "padding"),
                  std::string(type) + " takes padding as an integer or a list of 2 integers, got " +
                      brief_json(*it));
        if (auto it = args.find("output_size"); it != args.end() && it->is_array() && it->size() == 2) {
            layer.output_size_pair = true;
            layer.keep_input_h = (*it)[0].is_null();
            layer.keep_input_w = (*it)[1].is_null();
        }
        if (!errors.empty()) return;
        Result<PoolParams> p = params_from_json(args, op, Shape{1, 1, 0, 0}, path);
        if (!p) {
            errors.insert(errors.end(), p.errors().begin(), p.errors().end());
            return;
        }
        layer.pool = p.value();
        if (layer.pool.return_indices)
            error(key_path(path, "return_indices"),
                  std::string(type) +
                      "(return_indices=True) returns two tensors; a network passes one "
                      "from layer to layer");
    }

    void read_layer(const json& o, const std::string& path, NetLayer& layer, int nesting) {
        layer.path = path;
        if (++layers_read > kMaxNetworkLayers) {
            if (layers_read == kMaxNetworkLayers + 1)
                error(path, "more than " + std::to_string(kMaxNetworkLayers) + " layers in one network");
            return;
        }
        if (!o.is_object()) {
            error(path, "expected a layer object {\"type\": \"Conv2d\", ...}, got " + brief_json(o));
            return;
        }
        auto type_it = o.find("type");
        const TypeName* type = nullptr;
        if (type_it != o.end() && type_it->is_string())
            for (const TypeName& t : kTypes)
                if (t.name == type_it->get_ref<const std::string&>()) type = &t;
        if (!type) {
            std::string message = "expected \"type\": " + type_list() + "; got " +
                                  (type_it == o.end() ? std::string("nothing") : brief_json(*type_it));
            if (type_it != o.end() && type_it->is_string())
                if (auto near = near_type(type_it->get_ref<const std::string&>()))
                    message += " (did you mean \"" + std::string(*near) + "\"?)";
            error(key_path(path, "type"), message);
            return;
        }
        layer.type = type->type;
        switch (type->type) {
            case LayerType::kConv2d:
                return read_conv(o, path, layer, type->lazy);
            case LayerType::kLinear:
                return read_linear(o, path, layer, type->lazy);
            case LayerType::kPool:
                return read_pool(o, path, layer, type->op, type->name);
            case LayerType::kReLU:
                check_keys(o, path, type->name, {"inplace"});
                read_bool(o, "inplace", path, false);
                return;
            case LayerType::kSigmoid:
                return check_keys(o, path, type->name, {});
            case LayerType::kDropout:
                check_keys(o, path, type->name, {"p", "inplace"});
                read_bool(o, "inplace", path, false);
                if (auto it = o.find("p"); it != o.end()) {
                    if (it->is_number() && !it->is_boolean()) {
                        layer.dropout_p = it->get<double>();
                        layer.dropout_p_text = python_number(*it);
                    } else {
                        error(key_path(path, "p"), "expected a number, got " + brief_json(*it));
                    }
                }
                return;
            case LayerType::kFlatten:
                check_keys(o, path, type->name, {"start_dim", "end_dim"});
                layer.flatten.start_dim = read_int(o, "start_dim", path, 1).value_or(1);
                layer.flatten.end_dim = read_int(o, "end_dim", path, -1).value_or(-1);
                return;
            case LayerType::kSequential:
                check_keys(o, path, type->name, {"layers"});
                if (nesting >= kMaxNetworkNesting) {
                    error(path, "Sequential blocks nested more than " + std::to_string(kMaxNetworkNesting) +
                                    " deep");
                    return;
                }
                read_layers(o, path, layer.layers, nesting + 1);
                return;
        }
    }

    void read_layers(const json& o, const std::string& path, std::vector<NetLayer>& into, int nesting) {
        auto it = o.find("layers");
        if (it == o.end() || !it->is_array()) {
            error(key_path(path, "layers"),
                  "expected a list of layers" + (it == o.end() ? std::string() : ", got " + brief_json(*it)));
            return;
        }
        for (size_t i = 0; i < it->size() && layers_read <= kMaxNetworkLayers; ++i) {
            into.emplace_back();
            read_layer((*it)[i], key_path(path, "layers") + "/" + std::to_string(i), into.back(), nesting);
        }
    }
};

}  // namespace

std::string_view layer_class_name(const NetLayer& layer) {
    switch (layer.type) {
        case LayerType::kConv2d:
            return "Conv2d";
        case LayerType::kLinear:
            return "Linear";
        case LayerType::kReLU:
            return "ReLU";
        case LayerType::kSigmoid:
            return "Sigmoid";
        case LayerType::kDropout:
            return "Dropout";
        case LayerType::kFlatten:
            return "Flatten";
        case LayerType::kSequential:
            return "Sequential";
        case LayerType::kPool:
            break;
    }
    for (const TypeName& t : kTypes)
        if (t.type == LayerType::kPool && t.op == layer.pool.op) return t.name;
    return "";
}

std::string_view layer_json_type(const NetLayer& layer) {
    if (layer.type == LayerType::kConv2d && layer.conv.lazy) return "LazyConv2d";
    if (layer.type == LayerType::kLinear && layer.linear.lazy) return "LazyLinear";
    return layer_class_name(layer);
}

Result<Network> network_from_json(const json& document, std::string_view path) {
    const std::string at(path);
    if (!document.is_object())
        return Error{
            at.empty() ? "/" : at,
            "expected a network {\"input\": [1, 1, 28, 28], \"layers\": [...]}, got " + brief_json(document)};
    Reader reader;
    Network net;
    for (const auto& [key, value] : document.items())
        if (key != "input" && key != "layers" && key != "title" && key != "description" &&
            key.rfind("x-", 0) != 0 && key.rfind("$", 0) != 0)
            reader.error(key_path(at, key), "unknown key (a network has input and layers)");
    auto input = document.find("input");
    bool input_ok = input != document.end() && input->is_array() && input->size() >= 2 && input->size() <= 4;
    for (size_t i = 0; input_ok && i < input->size(); ++i) {
        int64_t d = 0;
        input_ok = json_int64((*input)[i], d) && d >= 1 && d <= (int64_t{1} << 31) - 1;
        net.input.push_back(d);
    }
    if (!input_ok)
        reader.error(
            key_path(at, "input"),
            "expected the input's size as 2 to 4 integers from 1 to 2147483647, e.g. [1, 1, 28, 28]; "
            "got " +
                (input == document.end() ? std::string("nothing") : brief_json(*input)));
    reader.read_layers(document, at, net.layers, 0);
    if (!reader.errors.empty()) return reader.errors;
    return net;
}

Result<Network> network_from_string(std::string_view text, const std::string& source) {
    if (static_cast<int64_t>(text.size()) > kMaxNetworkBytes)
        return Error{source, "the file has " + std::to_string(text.size()) +
                                 " bytes, more than the limit of " + std::to_string(kMaxNetworkBytes) +
                                 " for a network"};
    auto line_column = [&](size_t offset) {
        size_t line = 1, column = 1;
        for (size_t i = 0; i < offset && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return source + ":" + std::to_string(line) + ":" + std::to_string(column);
    };
    if (std::optional<size_t> deep = json_too_deep(text))
        return Error{line_column(*deep),
                     "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep"};
    json document;
    try {
        document = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {
        const json::parse_error* parse = dynamic_cast<const json::parse_error*>(&e);
        const size_t offset = parse && parse->byte > 0 ? static_cast<size_t>(parse->byte - 1) : 0;
        // "[json.exception.parse_error.101] parse error at line 2, column 13: syntax error ...": the position
        // is said once, in front.
        std::string what = e.what();
        const size_t column = what.find("column ");
        const size_t cut = column != std::string::npos ? what.find(": ", column) : what.find("] ");
        return Error{line_column(offset),
                     "JSON error: " + printable_utf8(cut == std::string::npos ? what : what.substr(cut + 2))};
    }
    return network_from_json(document);
}

Result<Network> network_from_file(const std::string& file) {
    Result<std::string> text = read_regular_file(file, kMaxNetworkBytes, "network");
    if (!text) return text.errors();
    return network_from_string(text.value(), file);
}

}  // namespace poolscope
