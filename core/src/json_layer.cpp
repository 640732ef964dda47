// layer_from_json(): translates a framework's own keys and values into PyTorch's keys, then reads them with
// params_from_json() on top of the framework's defaults, so both readers accept the same number spellings.
#include "poolscope/json_layer.h"
#include "poolscope/json_guard.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "poolscope/convention.h"
#include "poolscope/json_params.h"

namespace poolscope {
namespace {

using nlohmann::json;

std::string lower(std::string text) {
    for (char& ch : text)
        ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    return text;
}

// The framework's spelling of a PyTorch key, where it has one.
struct Alias {
    const char* key;
    const char* pytorch;
    bool tensorflow, onnx, mxnet;
};
constexpr Alias kAliases[] = {
    {"pool_size", "kernel_size", true, false, true},
    {"kernel_shape", "kernel_size", false, true, false},
    {"strides", "stride", true, true, true},
    {"dilations", "dilation", true, true, false},
    {"dilation_rate", "dilation", true, false, false},
    {"pads", "padding", false, true, false},
    {"p", "norm_type", false, true, false},
};

// TensorFlow's explicit padding, [[0, 0], [top, bottom], [left, right], [0, 0]] (NHWC), as PoolScope's
// [top, left, bottom, right]; nullopt when `v` is not written that way.
std::optional<json> tf_nhwc_padding(const json& v, std::string& problem) {
    if (!v.is_array() || v.size() != 4) return std::nullopt;
    for (const json& pair : v)
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() ||
            !pair[1].is_number_integer())
            return std::nullopt;
    if (v[0] != json::array({0, 0}) || v[3] != json::array({0, 0}))
        problem = "Nonzero explicit padding in the batch or depth dimensions is not supported (got " +
                  brief_json(v) + ")";
    return json::array({v[1][0], v[2][0], v[1][1], v[2][1]});
}

// The keys a Global*Pool node does not have (it pools the whole input).
constexpr const char* kWindowKeys[] = {
    "kernel_size", "kernel_shape", "stride",    "strides",   "padding",           "pads",
    "auto_pad",    "dilation",     "dilations", "ceil_mode", "count_include_pad", "storage_order"};

bool alias_in(const Alias& a, Convention c) {
    return (c == Convention::kTensorFlow && a.tensorflow) || (c == Convention::kOnnx && a.onnx) ||
           (c == Convention::kMxnet && a.mxnet);
}

}  // namespace

Result<LayerSpec> layer_from_json(const json& object, PoolOp op, const Shape& input, std::string_view path,
                                  Convention fallback) {
    return layer_from_json(object, op, input, path, default_layer(fallback, op), fallback, true);
}

Result<LayerSpec> layer_from_json(const json& object, PoolOp op, const Shape& input, std::string_view path,
                                  const LayerSpec& base, Convention fallback, bool require_sizes) {
    if (!object.is_object()) return Error{std::string(path), "expected an object, got " + brief_json(object)};
    const std::string at(path);
    std::vector<Error> errors;
    Convention convention = fallback;
    if (auto it = object.find("convention"); it != object.end()) {
        std::optional<Convention> c =
            it->is_string() ? parse_convention(it->get<std::string>()) : std::nullopt;
        if (!c)
            return Error{
                at + "/convention",
                "expected \"pytorch\", \"tensorflow\", \"onnx\" or \"mxnet\", got " + brief_json(*it)};
        convention = *c;
    }
    LayerSpec layer = base;
    layer.params.op = op;
    if (convention != base.convention) {
        const LayerSpec was = default_layer(base.convention, op), now = default_layer(convention, op);
        if (layer.params.count_include_pad == was.params.count_include_pad)
            layer.params.count_include_pad = now.params.count_include_pad;
        if (layer.pad_mode == was.pad_mode) layer.pad_mode = now.pad_mode;
        if (convention != Convention::kOnnx) layer.params.global_pool = false;
        if (convention != Convention::kTensorFlow) layer.params.include_batch_in_index = false;
        layer.convention = convention;
    }
    const std::string framework(framework_name(convention));
    json t = json::object();                                   // the object in PyTorch's keys
    std::vector<std::pair<std::string, std::string>> renamed;  // (PyTorch key, key as written)
    auto not_here = [&](const std::string& key) {
        errors.push_back({at + "/" + key, framework + " has no " + key + " argument"});
    };
    for (const auto& [key, value] : object.items()) {
        if (key == "convention") continue;
        bool handled = false;
        for (const Alias& a : kAliases) {
            if (key != a.key) continue;
            handled = true;
            if (!alias_in(a, convention))
                not_here(key);
            else if (object.contains(a.pytorch))
                errors.push_back({at + "/" + key, "give either " + key + " or " + a.pytorch + ", not both"});
            else {
                t[a.pytorch] = value;
                renamed.emplace_back(a.pytorch, key);
            }
        }
        if (handled) continue;
        if (key == "auto_pad" || key == "storage_order" || key == "global_pool") {
            if (convention != Convention::kOnnx) not_here(key);
        } else if (key == "include_batch_in_index") {
            if (convention != Convention::kTensorFlow) not_here(key);
        } else if (key == "pooling_convention") {
            if (convention != Convention::kMxnet) not_here(key);
        } else if (convention == Convention::kOnnx && (key == "ceil_mode" || key == "count_include_pad") &&
                   value.is_number_integer() && (value == 0 || value == 1)) {
            t[key] = value == 1;  // ONNX attributes are ints
        } else if (std::find(kParamKeys.begin(), kParamKeys.end(), key) != kParamKeys.end()) {
            t[key] = value;  // other keys (a lesson step's "input", "narration" ...) are the caller's
        }
    }

    // Padding given as a mode: TensorFlow's padding, ONNX's padding or auto_pad.
    auto read_mode = [&](const json& v, const std::string& key) {
        const std::string mode = lower(v.get<std::string>());
        if (convention == Convention::kTensorFlow && (mode == "same" || mode == "valid"))
            layer.pad_mode = mode == "same" ? PadMode::kSameUpper : PadMode::kValid;
        else if (convention == Convention::kOnnx &&
                 (mode == "same_upper" || mode == "same_lower" || mode == "valid" || mode == "notset"))
            layer.pad_mode = mode == "same_upper"   ? PadMode::kSameUpper
                             : mode == "same_lower" ? PadMode::kSameLower
                             : mode == "valid"      ? PadMode::kValid
                                                    : PadMode::kExplicit;
        else
            errors.push_back(
                {at + "/" + key, framework + " takes no padding mode " + brief_json(v) +
                                     (convention == Convention::kTensorFlow ? " (\"same\" or \"valid\")"
                                      : convention == Convention::kOnnx
                                          ? " (\"same_upper\", \"same_lower\", \"valid\" or \"notset\")"
                                          : " (only numbers)")});
    };
    if (auto it = t.find("padding"); it != t.end() && it->is_string()) {
        read_mode(*it, "padding");
        t.erase("padding");
    } else if (it != t.end() && convention == Convention::kTensorFlow) {
        // Numbers are tf.nn.max_pool2d's explicit padding.
        std::string problem;
        if (std::optional<json> sides = tf_nhwc_padding(*it, problem)) *it = *sides;
        if (!problem.empty()) errors.push_back({at + "/padding", problem});
        layer.pad_mode = PadMode::kExplicit;
    }
    // ONNX pads given as numbers mean auto_pad NOTSET (over a carried-over SAME layer too).
    if (convention == Convention::kOnnx && t.contains("padding") && !object.contains("auto_pad"))
        layer.pad_mode = PadMode::kExplicit;
    if (auto it = object.find("auto_pad"); it != object.end() && convention == Convention::kOnnx) {
        if (!it->is_string())
            errors.push_back({at + "/auto_pad", "expected a string, got " + brief_json(*it)});
        else if (object.contains("padding") && object["padding"].is_string())
            errors.push_back({at + "/auto_pad", "give either auto_pad or a padding mode, not both"});
        else
            read_mode(*it, "auto_pad");
    }
    if (auto it = object.find("storage_order"); it != object.end() && convention == Convention::kOnnx) {
        if (it->is_number_integer())
            layer.storage_order = it->get<int64_t>();
        else
            errors.push_back({at + "/storage_order", "expected 0 or 1, got " + brief_json(*it)});
    }
    auto read_flag = [&](const char* key, Convention only, bool& into) {
        auto it = object.find(key);
        if (it == object.end() || convention != only) return;
        if (it->is_boolean())
            into = it->get<bool>();
        else
            errors.push_back({at + "/" + key, "expected true or false, got " + brief_json(*it)});
    };
    read_flag("global_pool", Convention::kOnnx, layer.params.global_pool);
    read_flag("include_batch_in_index", Convention::kTensorFlow, layer.params.include_batch_in_index);
    if (convention == Convention::kOnnx && layer.params.global_pool && object.contains("global_pool"))
        for (const char* key : kWindowKeys)
            if (object.contains(key))
                errors.push_back({at + "/" + key, "Global" + layer_class(convention, op) + " has no " + key +
                                                      " attribute: it pools the whole input"});
    if (auto it = object.find("pooling_convention"); it != object.end() && convention == Convention::kMxnet) {
        if (*it == "valid" || *it == "full") {
            const bool full = *it == "full";
            if (object.contains("ceil_mode") && object["ceil_mode"] != full)
                errors.push_back({at + "/pooling_convention", "pooling_convention " + brief_json(*it) +
                                                                  " contradicts ceil_mode " +
                                                                  brief_json(object["ceil_mode"])});
            t["ceil_mode"] = full;
        } else {
            errors.push_back(
                {at + "/pooling_convention", "expected \"valid\" or \"full\", got " + brief_json(*it)});
        }
    }
    if (!errors.empty()) return errors;

    const bool global = convention == Convention::kOnnx && layer.params.global_pool;
    Result<PoolParams> params =
        params_from_json(t, op, input, path, layer.params, require_sizes && !global, convention);
    if (!params) {
        std::vector<Error> named = params.errors();
        for (Error& e : named)
            for (const auto& [pytorch, written] : renamed) {
                const std::string from = at + "/" + pytorch;
                if (e.field.compare(0, from.size(), from) == 0)
                    e.field = at + "/" + written + e.field.substr(from.size());
            }
        return named;
    }
    layer.params = params.value();
    return layer;
}

void layer_to_json(const LayerSpec& layer, json& object) {
    const PoolParams& p = layer.params;
    object["op"] = std::string(op_name(p.op));
    params_to_json(p, object);
    // Written against the framework's defaults, which differ from PyTorch's for count_include_pad.
    const LayerSpec defaults = default_layer(layer.convention, p.op);
    object.erase("count_include_pad");
    if (p.op == PoolOp::kAvg && p.count_include_pad != defaults.params.count_include_pad)
        object["count_include_pad"] = p.count_include_pad;
    if (layer.convention == Convention::kTensorFlow && layer.pad_mode == PadMode::kExplicit) {
        // tf.nn.max_pool2d's explicit padding, as TensorFlow writes it
        object["padding"] =
            json::array({json::array({0, 0}), json::array({p.padding.top, p.padding.bottom}),
                         json::array({p.padding.left, p.padding.right}), json::array({0, 0})});
    } else if (layer.pad_mode != defaults.pad_mode) {
        object["padding"] = std::string(layer.pad_mode == PadMode::kExplicit
                                            ? "notset"
                                            : pad_mode_name(layer.convention, layer.pad_mode));
    }
    // ONNX and TensorFlow dilate average (and ONNX's LP) layers too; params_to_json writes max_pool2d's.
    const bool dilates = layer.convention == Convention::kOnnx || layer.convention == Convention::kTensorFlow;
    if (dilates && !is_adaptive(p.op) && p.dilation != Pair{1, 1})
        object["dilation"] =
            p.dilation.h == p.dilation.w ? json(p.dilation.h) : json::array({p.dilation.h, p.dilation.w});
    if (layer.storage_order != 0) object["storage_order"] = layer.storage_order;
    if (p.global_pool) {  // Global*Pool: the window's keys do not exist
        for (const char* key :
             {"kernel_size", "stride", "padding", "dilation", "ceil_mode", "count_include_pad"})
            object.erase(key);
        object["global_pool"] = true;
    }
    if (p.include_batch_in_index) object["include_batch_in_index"] = true;
    if (layer.convention != Convention::kPyTorch)
        object["convention"] = std::string(convention_name(layer.convention));
}

}  // namespace poolscope
