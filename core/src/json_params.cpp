#include "poolscope/json_params.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "poolscope/json_guard.h"
#include "poolscope/json_tensor.h"

namespace poolscope {
namespace {

using nlohmann::json;

std::string key_path(std::string_view path, std::string_view key) {
    return std::string(path) + "/" + std::string(key);
}

// An integer as Python would pass it to PyTorch: no floats, no strings; bools are refused for clarity.
bool read_int(const json& v, int64_t& out) {
    return json_int64(v, out);
}

// An int, or a list of 1 or 2 ints, as PyTorch's _pair(). `allow_null_items` serves output_size, which
// PyTorch takes as an int or exactly two entries (each an int or None): a 1-list is rejected there
// ("output_size must be 2"), unlike kernel_size, stride, padding and dilation.
Result<Pair> read_pair(const json& v, std::string_view field, Pair keep_size, bool allow_null_items = false) {
    const std::string f(field);
    Pair p;
    if (read_int(v, p.h)) return Pair{p.h, p.h};
    const bool size_ok = allow_null_items ? v.size() == 2 : (v.size() == 1 || v.size() == 2);
    if (v.is_array() && size_ok) {
        int64_t items[2] = {0, 0};
        for (size_t i = 0; i < v.size(); ++i) {
            if (allow_null_items && v[i].is_null()) {
                items[i] = i == 0 ? keep_size.h : keep_size.w;
                continue;
            }
            if (!read_int(v[i], items[i]))
                return Error{f + "/" + std::to_string(i), "expected an integer, got " + brief_json(v[i])};
        }
        if (v.size() == 1) items[1] = items[0];
        return Pair{items[0], items[1]};
    }
    if (allow_null_items)
        return Error{f,
                     "expected an integer or a list of 2 entries (integers or null), got " + brief_json(v)};
    return Error{f, "expected an integer or a list of 1 or 2 integers, got " + brief_json(v)};
}

// ceil_mode and count_include_pad: PyTorch's argument parser takes a real bool only (0/1 are refused).
Result<bool> read_bool(const json& v, std::string_view field) {
    if (v.is_boolean()) return v.get<bool>();
    return Error{std::string(field), "expected true or false, got " + brief_json(v)};
}

// return_indices is only tested for truth in Python (`if return_indices:` in boolean_dispatch), so every
// JSON value is accepted with Python's truthiness: null, false, 0, 0.0, "", [] and {} are false.
bool truthy(const json& v) {
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_null()) return false;
    if (v.is_number_float()) return v.get<double>() != 0.0;
    if (v.is_number()) return v.get<int64_t>() != 0;  // unsigned too: its bits are nonzero iff it is
    if (v.is_string()) return !v.get_ref<const std::string&>().empty();
    return !v.empty();  // array or object
}

// norm_type as Python passes it to Tensor.pow: any number (a bool is an int, True = 1); JSON has no
// infinity or NaN, so "inf", "-inf" and "nan" stand for them, as in input tensors.
Result<double> read_norm_type(const json& v, std::string_view field) {
    if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s == "inf") return std::numeric_limits<double>::infinity();
        if (s == "-inf") return -std::numeric_limits<double>::infinity();
        if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
    }
    return Error{std::string(field),
                 "expected a number (or \"inf\", \"-inf\", \"nan\"), got " + brief_json(v)};
}

}  // namespace

Result<PoolParams> params_from_json(const json& object, PoolOp op, const Shape& input, std::string_view path,
                                    PoolParams base, bool require_sizes, Convention convention) {
    const bool onnx = convention == Convention::kOnnx;
    const bool dilates_every_op = onnx || convention == Convention::kTensorFlow;
    if (!object.is_object()) return Error{std::string(path), "expected an object, got " + brief_json(object)};
    PoolParams p = base;
    p.op = op;
    std::vector<Error> errors;
    auto take = [&](auto&& result, auto& into) {
        if (result)
            into = result.value();
        else
            errors.insert(errors.end(), result.errors().begin(), result.errors().end());
    };
    auto find = [&](std::string_view key) -> const json* {
        auto it = object.find(std::string(key));
        return it == object.end() ? nullptr : &*it;
    };
    // A parameter the op does not have is refused whatever its value, even its default, as PyTorch raises
    // TypeError ("unexpected keyword argument") for it; silently ignoring it would teach the wrong thing.
    auto not_for_op = [&](std::string_view key) {
        errors.push_back(
            {key_path(path, key), std::string(op_name(op)) + " has no " + std::string(key) + " argument"});
    };

    const bool adaptive = is_adaptive(op);
    if (const json* v = find("kernel_size")) {
        if (adaptive)
            not_for_op("kernel_size");
        else if (op == PoolOp::kLp && v->is_array() && v->size() == 1)
            // F.lp_pool2d unpacks `kw, kh = _pair(kernel_size)`, which a 1-list cannot fill.
            errors.push_back(
                {key_path(path, "kernel_size"),
                 "lp_pool2d takes kernel_size as an integer or a list of 2 integers, got " + brief_json(*v)});
        else
            take(read_pair(*v, key_path(path, "kernel_size"), {}), p.kernel_size);
    } else if (!adaptive && require_sizes) {
        errors.push_back(
            {key_path(path, "kernel_size"), "kernel_size is required for " + std::string(op_name(op))});
    }
    if (const json* v = find("stride")) {
        if (adaptive)
            not_for_op("stride");
        else if (v->is_null() || (v->is_array() && v->empty()))
            p.stride.reset();  // PyTorch: None or [] = kernel
        else {
            Pair s;
            take(read_pair(*v, key_path(path, "stride"), {}), s);
            p.stride = s;
        }
    }
    if (const json* v = find("padding")) {
        if (adaptive || (op == PoolOp::kLp && !onnx))
            not_for_op("padding");
        else if (v->is_array() && v->size() == 4) {
            int64_t sides[4] = {0, 0, 0, 0};
            bool ok = true;
            for (size_t i = 0; i < 4; ++i)
                ok = ok && read_int((*v)[i], sides[i]);
            if (ok)
                p.padding = {sides[0], sides[1], sides[2], sides[3]};
            else
                errors.push_back({key_path(path, "padding"),
                                  "expected 4 integers (top, left, bottom, right), got " + brief_json(*v)});
        } else {
            Pair pad;
            Result<Pair> r = read_pair(*v, key_path(path, "padding"), {});
            take(r, pad);
            if (r) p.padding = Padding::symmetric(pad);
        }
    }
    if (const json* v = find("dilation")) {
        if (op != PoolOp::kMax && !(dilates_every_op && !adaptive))
            not_for_op("dilation");
        else
            take(read_pair(*v, key_path(path, "dilation"), {}), p.dilation);
    }
    if (const json* v = find("ceil_mode")) {
        if (adaptive)
            not_for_op("ceil_mode");
        else
            take(read_bool(*v, key_path(path, "ceil_mode")), p.ceil_mode);
    }
    if (const json* v = find("count_include_pad")) {
        if (op != PoolOp::kAvg)
            not_for_op("count_include_pad");
        else
            take(read_bool(*v, key_path(path, "count_include_pad")), p.count_include_pad);
    }
    if (const json* v = find("divisor_override")) {
        if (op != PoolOp::kAvg)
            not_for_op("divisor_override");
        else if (v->is_null())
            p.divisor_override.reset();
        else {
            int64_t d = 0;
            if (read_int(*v, d))
                p.divisor_override = d;
            else
                errors.push_back({key_path(path, "divisor_override"),
                                  "expected an integer or null, got " + brief_json(*v)});
        }
    }
    if (const json* v = find("return_indices")) {
        if (!is_max(op))
            not_for_op("return_indices");
        else
            p.return_indices = truthy(*v);
    }
    if (const json* v = find("output_size")) {
        if (!adaptive)
            not_for_op("output_size");
        else
            take(read_pair(*v, key_path(path, "output_size"), {input.h, input.w}, true), p.output_size);
    } else if (adaptive && require_sizes) {
        errors.push_back(
            {key_path(path, "output_size"), "output_size is required for " + std::string(op_name(op))});
    }
    if (const json* v = find("norm_type")) {
        if (op != PoolOp::kLp)
            not_for_op("norm_type");
        else
            take(read_norm_type(*v, key_path(path, "norm_type")), p.norm_type);
    } else if (op == PoolOp::kLp && require_sizes && !onnx) {  // ONNX's p defaults to 2
        errors.push_back({key_path(path, "norm_type"), "norm_type is required for lp_pool2d"});
    }
    if (!errors.empty()) return errors;
    return p;
}

void params_to_json(const PoolParams& p, json& o) {
    auto pair = [](Pair v) { return v.h == v.w ? json(v.h) : json::array({v.h, v.w}); };
    if (is_adaptive(p.op)) {
        o["output_size"] = pair(p.output_size);
    } else {
        o["kernel_size"] = pair(p.kernel_size);
        if (p.stride) o["stride"] = pair(*p.stride);
        if (p.padding != Padding{}) {
            if (p.padding.is_symmetric())
                o["padding"] = pair({p.padding.top, p.padding.left});
            else
                o["padding"] =
                    json::array({p.padding.top, p.padding.left, p.padding.bottom, p.padding.right});
        }
        // (ONNX and TensorFlow dilate avg and LP layers too: their writers add it, knowing the convention.)
        if (p.op == PoolOp::kMax && p.dilation != Pair{1, 1}) o["dilation"] = pair(p.dilation);
        if (p.ceil_mode) o["ceil_mode"] = true;
    }
    if (p.op == PoolOp::kAvg) {
        if (!p.count_include_pad) o["count_include_pad"] = false;
        if (p.divisor_override) o["divisor_override"] = *p.divisor_override;
    }
    if (is_max(p.op) && p.return_indices) o["return_indices"] = true;
    if (p.op == PoolOp::kLp) {
        if (std::isnan(p.norm_type))
            o["norm_type"] = "nan";
        else if (std::isinf(p.norm_type))
            o["norm_type"] = p.norm_type > 0 ? "inf" : "-inf";
        else
            o["norm_type"] = p.norm_type;
    }
}

}  // namespace poolscope
