// plan_layer(): each framework's validation, padding rule and output-size rule (the summary is in
// convention.h), resolved into the PoolPlan the kernels run. Sources: Keras/tf.nn pooling docs (SAME/VALID);
// the ONNX operator spec for MaxPool/AveragePool (and ONNX Runtime's "pad smaller than kernel" check);
// MXNet's Pooling operator (pooling.cc: the kernel-vs-padded-input check and the valid/full formulas).
#include "poolscope/convention.h"

#include <string>
#include <vector>

#include "plan_limits.h"
#include "poolscope/error_text.h"

namespace poolscope {
namespace {

std::string num(int64_t v) {
    return std::to_string(v);
}
std::string pair_text(Pair p) {
    return "(" + num(p.h) + ", " + num(p.w) + ")";
}

// A parameter the framework does not have, set to something other than PyTorch's neutral value.
void reject_param(std::vector<Error>& errors, const LayerSpec& layer, const char* name, std::string value) {
    errors.push_back(coded_error(name, "convention_no_param",
                                 {layer_class(layer.convention, layer.params.op), name, std::move(value)}));
}

void check_sizes(std::vector<Error>& errors, const PoolParams& p, Pair stride) {
    auto range = [&](const char* field, Pair v) {
        if (v.h > kMaxSize || v.w > kMaxSize || v.h < -kMaxSize || v.w < -kMaxSize)
            errors.push_back(coded_error(field, "size_limit", {field, pair_text(v), num(kMaxSize)}));
    };
    range("kernel_size", p.kernel_size);
    range("stride", stride);
    range("dilation", p.dilation);
    range("padding", {p.padding.top, p.padding.left});
    range("padding", {p.padding.bottom, p.padding.right});
    if (!errors.empty()) return;
    const Pair k = p.kernel_size, d = p.dilation;
    if (k.h <= 0 || k.w <= 0) errors.push_back(coded_error("kernel_size", "kernel_positive", {pair_text(k)}));
    if (stride.h == 0 || stride.w == 0)
        errors.push_back(coded_error("stride", "stride_zero", {pair_text(stride)}));
    else if (stride.h < 0 || stride.w < 0)
        errors.push_back(coded_error("stride", "stride_positive", {pair_text(stride)}));
    if (d.h <= 0 || d.w <= 0) errors.push_back(coded_error("dilation", "dilation_positive", {pair_text(d)}));
    const Padding& pad = p.padding;
    if (pad.top < 0 || pad.left < 0 || pad.bottom < 0 || pad.right < 0)
        errors.push_back(coded_error("padding", "padding_negative_sides",
                                     {num(pad.top), num(pad.left), num(pad.bottom), num(pad.right)}));
}

// SAME padding for one axis: the output TensorFlow/ONNX aim for and the padding that reaches it.
AxisShape same_axis(int64_t in, int64_t k, int64_t s, int64_t d, PadMode mode) {
    const int64_t out = (in + s - 1) / s;
    const int64_t needed = (out - 1) * s + d * (k - 1) + 1 - in;
    const int64_t total = needed > 0 ? needed : 0;
    const int64_t small = total / 2, large = total - small;
    const bool extra_at_end = mode == PadMode::kSameUpper;
    AxisShape a =
        explain_axis(in, k, s, extra_at_end ? small : large, extra_at_end ? large : small, d, false);
    a.pad_mode = mode;
    a.same_output = out;
    a.pad_needed = needed;
    return a;
}

Error too_small(const Shape& in, const AxisShape& h, const AxisShape& w) {
    return coded_error("output", "output_too_small",
                       {num(in.c) + "x" + num(in.h) + "x" + num(in.w),
                        num(in.c) + "x" + num(h.output) + "x" + num(w.output)});
}

Result<PoolPlan> finish(const Shape& input, const LayerSpec& layer, PoolParams resolved, AxisShape h,
                        AxisShape w) {
    PoolPlan plan;
    plan.layer = layer;
    plan.params = std::move(resolved);
    plan.input = input;
    plan.h = h;
    plan.w = w;
    plan.output = {input.n, input.c, h.output, w.output};
    if (h.output < 1 || w.output < 1) return too_small(input, h, w);
    if (std::optional<Error> limit = check_plan_limits(plan)) return *limit;
    return plan;
}

// What every non-PyTorch convention refuses alike; returns the resolved params to build on.
PoolParams common_checks(std::vector<Error>& errors, const Shape& input, const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    check_plan_input(errors, input);
    if (p.op == PoolOp::kAvg && p.divisor_override)
        reject_param(errors, layer, "divisor_override", num(*p.divisor_override));
    if (layer.convention != Convention::kOnnx && layer.storage_order != 0)
        reject_param(errors, layer, "storage_order", num(layer.storage_order));
    PoolParams r = p;
    r.stride = effective_stride(layer);
    check_sizes(errors, p, *r.stride);
    return r;
}

Result<PoolPlan> plan_tensorflow(const Shape& input, const LayerSpec& layer) {
    std::vector<Error> errors;
    const PoolParams& p = layer.params;
    if (is_adaptive(p.op))
        return coded_error("op", "convention_no_op", {"TensorFlow", std::string(op_name(p.op))});
    PoolParams r = common_checks(errors, input, layer);
    if (p.dilation != Pair{1, 1} && p.op == PoolOp::kMax)
        reject_param(errors, layer, "dilation", pair_text(p.dilation));
    if (p.ceil_mode) reject_param(errors, layer, "ceil_mode", "true");
    if (p.op == PoolOp::kAvg && p.count_include_pad) reject_param(errors, layer, "count_include_pad", "true");
    if (p.return_indices) reject_param(errors, layer, "return_indices", "true");
    if (layer.pad_mode != PadMode::kValid && layer.pad_mode != PadMode::kSameUpper)
        errors.push_back(coded_error("padding", "padding_mode",
                                     {"TensorFlow", "\"same\" / \"valid\"",
                                      layer.pad_mode == PadMode::kSameLower ? "\"same_lower\"" : "numbers"}));
    else if (p.padding != Padding{})
        errors.push_back(
            coded_error("padding", "padding_mode", {"TensorFlow", "\"same\" / \"valid\"", "numbers"}));
    if (!errors.empty()) return errors;
    const Pair k = p.kernel_size, s = *r.stride;
    AxisShape h, w;
    if (layer.pad_mode == PadMode::kSameUpper) {
        h = same_axis(input.h, k.h, s.h, 1, PadMode::kSameUpper);
        w = same_axis(input.w, k.w, s.w, 1, PadMode::kSameUpper);
    } else {
        auto fits = [&](const char* side, int64_t kernel, int64_t in) {
            if (kernel > in)
                errors.push_back(coded_error("kernel_size", "tf_valid_window", {side, num(kernel), num(in)}));
        };
        fits("height", k.h, input.h);
        fits("width", k.w, input.w);
        if (!errors.empty()) return errors;
        h = explain_axis(input.h, k.h, s.h, 0, 0, 1, false);
        w = explain_axis(input.w, k.w, s.w, 0, 0, 1, false);
        h.pad_mode = w.pad_mode = PadMode::kValid;
    }
    r.padding = {h.pad_begin, w.pad_begin, h.pad_end, w.pad_end};
    r.count_include_pad = false;  // TensorFlow averages over the cells inside the input only
    return finish(input, layer, r, h, w);
}

Result<PoolPlan> plan_onnx(const Shape& input, const LayerSpec& layer) {
    std::vector<Error> errors;
    const PoolParams& p = layer.params;
    if (is_adaptive(p.op)) return coded_error("op", "convention_no_op", {"ONNX", std::string(op_name(p.op))});
    PoolParams r = common_checks(errors, input, layer);
    if (p.op == PoolOp::kAvg && p.dilation != Pair{1, 1})
        errors.push_back(coded_error("dilation", "poolscope_unsupported", {"AveragePool dilations"}));
    if (p.op == PoolOp::kAvg && layer.storage_order != 0)
        reject_param(errors, layer, "storage_order", num(layer.storage_order));
    if (layer.storage_order != 0 && layer.storage_order != 1)
        errors.push_back(coded_error("storage_order", "onnx_storage_order", {num(layer.storage_order)}));
    const Padding& pad = p.padding;
    if (layer.pad_mode != PadMode::kExplicit && pad != Padding{})
        errors.push_back(coded_error("padding", "onnx_auto_pad_pads",
                                     {std::string(pad_mode_name(Convention::kOnnx, layer.pad_mode)),
                                      "[" + num(pad.top) + ", " + num(pad.left) + ", " + num(pad.bottom) +
                                          ", " + num(pad.right) + "]"}));
    if (!errors.empty()) return errors;
    const Pair k = p.kernel_size, s = *r.stride, d = r.effective_dilation();
    if (layer.pad_mode == PadMode::kExplicit) {
        // ONNX Runtime: "Pad should be smaller than kernel"; a larger pad makes windows of padding only.
        auto smaller = [&](const char* side, int64_t value, int64_t kernel) {
            if (value >= kernel)
                errors.push_back(coded_error("padding", "onnx_pad_kernel", {side, num(value), num(kernel)}));
        };
        smaller("top", pad.top, k.h);
        smaller("left", pad.left, k.w);
        smaller("bottom", pad.bottom, k.h);
        smaller("right", pad.right, k.w);
        if (!errors.empty()) return errors;
        AxisShape h = explain_axis(input.h, k.h, s.h, pad.top, pad.bottom, d.h, p.ceil_mode);
        AxisShape w = explain_axis(input.w, k.w, s.w, pad.left, pad.right, d.w, p.ceil_mode);
        return finish(input, layer, r, h, w);
    }
    // auto_pad: the spec's formulas decide the output (ceil_mode does not change them).
    AxisShape h, w;
    if (layer.pad_mode == PadMode::kValid) {
        h = explain_axis(input.h, k.h, s.h, 0, 0, d.h, false);
        w = explain_axis(input.w, k.w, s.w, 0, 0, d.w, false);
        h.pad_mode = w.pad_mode = PadMode::kValid;
    } else {
        h = same_axis(input.h, k.h, s.h, d.h, layer.pad_mode);
        w = same_axis(input.w, k.w, s.w, d.w, layer.pad_mode);
    }
    r.padding = {h.pad_begin, w.pad_begin, h.pad_end, w.pad_end};
    r.ceil_mode = false;
    return finish(input, layer, r, h, w);
}

Result<PoolPlan> plan_mxnet(const Shape& input, const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    if (p.op == PoolOp::kAdaptiveMax)
        return coded_error("op", "convention_no_op", {"MXNet", std::string(op_name(p.op))});
    if (p.op == PoolOp::kAdaptiveAvg) {  // contrib.AdaptiveAvgPooling2D: PyTorch's windows
        Result<PoolPlan> plan = make_plan(input, p);
        if (plan) plan.value().layer = layer;
        return plan;
    }
    std::vector<Error> errors;
    PoolParams r = common_checks(errors, input, layer);
    if (p.dilation != Pair{1, 1} && p.op == PoolOp::kMax)
        reject_param(errors, layer, "dilation", pair_text(p.dilation));
    if (p.return_indices) reject_param(errors, layer, "return_indices", "true");
    const Padding& pad = p.padding;
    if (layer.pad_mode != PadMode::kExplicit)
        errors.push_back(
            coded_error("padding", "padding_mode",
                        {"MXNet", "numbers",
                         "\"" + std::string(pad_mode_name(Convention::kOnnx, layer.pad_mode)) + "\""}));
    else if (!pad.is_symmetric())
        errors.push_back(coded_error("padding", "mxnet_padding_symmetric",
                                     {num(pad.top), num(pad.bottom), num(pad.left), num(pad.right)}));
    if (!errors.empty()) return errors;
    const Pair k = p.kernel_size, s = *r.stride;
    // pooling.cc: CHECK(kernel <= in + 2*pad) "kernel size exceeds input".
    auto fits = [&](const char* side, int64_t kernel, int64_t in, int64_t padding) {
        if (kernel > in + 2 * padding)
            errors.push_back(coded_error("kernel_size", "mxnet_kernel_exceeds",
                                         {side, num(kernel), num(in), num(in + 2 * padding)}));
    };
    fits("height", k.h, input.h, pad.top);
    fits("width", k.w, input.w, pad.left);
    if (!errors.empty()) return errors;
    // "full" rounds up and keeps every window, even one starting in the end padding.
    AxisShape h = explain_axis(input.h, k.h, s.h, pad.top, pad.bottom, 1, p.ceil_mode, false);
    AxisShape w = explain_axis(input.w, k.w, s.w, pad.left, pad.right, 1, p.ceil_mode, false);
    return finish(input, layer, r, h, w);
}

// Each framework's id (--convention, lessons' "convention") and the name it goes by.
struct ConventionName {
    Convention convention;
    std::string_view id, framework;
};
constexpr ConventionName kConventionNames[] = {{Convention::kPyTorch, "pytorch", "PyTorch"},
                                               {Convention::kTensorFlow, "tensorflow", "TensorFlow"},
                                               {Convention::kOnnx, "onnx", "ONNX"},
                                               {Convention::kMxnet, "mxnet", "MXNet"}};

}  // namespace

std::string_view convention_name(Convention convention) {
    for (const ConventionName& c : kConventionNames)
        if (c.convention == convention) return c.id;
    return "?";
}

std::optional<Convention> parse_convention(std::string_view name) {
    for (Convention c : kConventions)
        if (convention_name(c) == name) return c;
    return std::nullopt;
}

std::string_view framework_name(Convention convention) {
    for (const ConventionName& c : kConventionNames)
        if (c.convention == convention) return c.framework;
    return "?";
}

std::string_view pad_mode_name(Convention convention, PadMode mode) {
    switch (mode) {
        case PadMode::kExplicit:
            return "";
        case PadMode::kValid:
            return "valid";
        case PadMode::kSameUpper:
            return convention == Convention::kTensorFlow ? "same" : "same_upper";
        case PadMode::kSameLower:
            return "same_lower";
    }
    return "";
}

LayerSpec default_layer(Convention convention, PoolOp op) {
    LayerSpec layer;
    layer.convention = convention;
    layer.params.op = op;
    layer.params.count_include_pad = convention == Convention::kPyTorch || convention == Convention::kMxnet;
    layer.pad_mode = convention == Convention::kTensorFlow ? PadMode::kValid : PadMode::kExplicit;
    return layer;
}

Pair effective_stride(const LayerSpec& layer) {
    if (layer.params.stride) return *layer.params.stride;
    return layer.convention == Convention::kOnnx ? Pair{1, 1} : layer.params.kernel_size;
}

std::string_view field_name(Convention convention, LayerField field, PoolOp op) {
    const bool max = op == PoolOp::kMax, avg = op == PoolOp::kAvg, adaptive = is_adaptive(op);
    switch (convention) {
        case Convention::kPyTorch:
            switch (field) {
                case LayerField::kKernel:
                    return adaptive ? "" : "kernel_size";
                case LayerField::kStride:
                    return adaptive ? "" : "stride";
                case LayerField::kPadding:
                    return adaptive ? "" : "padding";
                case LayerField::kDilation:
                    return max ? "dilation" : "";
                case LayerField::kCeilMode:
                    return adaptive ? "" : "ceil_mode";
                case LayerField::kCountIncludePad:
                    return avg ? "count_include_pad" : "";
                case LayerField::kDivisor:
                    return avg ? "divisor_override" : "";
                case LayerField::kReturnIndices:
                    return is_max(op) ? "return_indices" : "";
                case LayerField::kOutputSize:
                    return adaptive ? "output_size" : "";
                case LayerField::kStorageOrder:
                    return "";
            }
            break;
        case Convention::kTensorFlow:
            if (adaptive) return "";
            switch (field) {
                case LayerField::kKernel:
                    return "pool_size";
                case LayerField::kStride:
                    return "strides";
                case LayerField::kPadding:
                    return "padding";
                default:
                    return "";
            }
        case Convention::kOnnx:
            if (adaptive) return "";
            switch (field) {
                case LayerField::kKernel:
                    return "kernel_shape";
                case LayerField::kStride:
                    return "strides";
                case LayerField::kPadding:
                    return "pads";
                case LayerField::kDilation:
                    return max ? "dilations" : "";
                case LayerField::kCeilMode:
                    return "ceil_mode";
                case LayerField::kCountIncludePad:
                    return avg ? "count_include_pad" : "";
                case LayerField::kStorageOrder:
                    return max ? "storage_order" : "";
                default:
                    return "";
            }
        case Convention::kMxnet:
            if (op == PoolOp::kAdaptiveMax) return "";
            if (op == PoolOp::kAdaptiveAvg) return field == LayerField::kOutputSize ? "output_size" : "";
            switch (field) {
                case LayerField::kKernel:
                    return "pool_size";
                case LayerField::kStride:
                    return "strides";
                case LayerField::kPadding:
                    return "padding";
                case LayerField::kCeilMode:
                    return "ceil_mode";
                case LayerField::kCountIncludePad:
                    return avg ? "count_include_pad" : "";
                default:
                    return "";
            }
    }
    return "";
}

Result<PoolPlan> plan_layer(const Shape& input, const LayerSpec& layer) {
    // LP pooling is PyTorch's here; ONNX's LpPool and MXNet's pool_type "lp" differ (no sign, other roots).
    if (layer.params.op == PoolOp::kLp && layer.convention != Convention::kPyTorch)
        return coded_error("op", "poolscope_unsupported",
                           {std::string(framework_name(layer.convention)) + " LP pooling layers"});
    switch (layer.convention) {
        case Convention::kPyTorch: {
            if (layer.pad_mode != PadMode::kExplicit)
                return coded_error(
                    "padding", "padding_mode",
                    {"PyTorch", "numbers",
                     "\"" + std::string(pad_mode_name(Convention::kOnnx, layer.pad_mode)) + "\""});
            if (layer.storage_order != 0)
                return coded_error("storage_order", "convention_no_param",
                                   {layer_class(layer.convention, layer.params.op), "storage_order",
                                    num(layer.storage_order)});
            return make_plan(input, layer.params);
        }
        case Convention::kTensorFlow:
            return plan_tensorflow(input, layer);
        case Convention::kOnnx:
            return plan_onnx(input, layer);
        case Convention::kMxnet:
            return plan_mxnet(input, layer);
    }
    return make_plan(input, layer.params);
}

int64_t framework_index(const PoolPlan& plan, int64_t n, int64_t c, int64_t plane_index) {
    if (plan.convention() != Convention::kOnnx) return plane_index;
    const int64_t H = plan.input.h, W = plan.input.w;
    const int64_t within =
        plan.layer.storage_order == 1 ? (plane_index % W) * H + plane_index / W : plane_index;
    return (n * plan.input.c + c) * H * W + within;
}

}  // namespace poolscope
