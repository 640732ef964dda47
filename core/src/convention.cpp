// The conventions' names, defaults and field names, and plan_layer(), which hands a layer to its framework's
// planner: make_plan() for PyTorch, plan_tensorflow.cpp, plan_onnx.cpp, plan_mxnet (convention_plan.cpp).
#include "poolscope/convention.h"

#include <string>
#include <vector>

#include "convention_plan.h"
#include "poolscope/error_text.h"

namespace poolscope {

namespace {

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

using detail::num;

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
    // ONNX's strides and tf.nn.pool's (a dilated TensorFlow layer) default to 1.
    const bool tf_pool = layer.convention == Convention::kTensorFlow && layer.params.dilation != Pair{1, 1};
    return layer.convention == Convention::kOnnx || tf_pool ? Pair{1, 1} : layer.params.kernel_size;
}

std::string_view field_name(Convention convention, LayerField field, PoolOp op) {
    const bool max = op == PoolOp::kMax, avg = op == PoolOp::kAvg, lp = op == PoolOp::kLp,
               adaptive = is_adaptive(op);
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
                case LayerField::kNormType:
                    return lp ? "norm_type" : "";
                default:
                    return "";
            }
            break;
        case Convention::kTensorFlow:
            if (adaptive || lp) return "";
            switch (field) {
                case LayerField::kKernel:
                    return "pool_size";
                case LayerField::kStride:
                    return "strides";
                case LayerField::kPadding:
                    return "padding";
                case LayerField::kDilation:
                    return "dilations";  // tf.nn.pool
                case LayerField::kReturnIndices:
                    return max ? "max_pool_with_argmax" : "";
                case LayerField::kIncludeBatchInIndex:
                    return max ? "include_batch_in_index" : "";
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
                    return "dilations";
                case LayerField::kCeilMode:
                    return "ceil_mode";
                case LayerField::kCountIncludePad:
                    return avg ? "count_include_pad" : "";
                case LayerField::kReturnIndices:
                    return max ? "Indices" : "";
                case LayerField::kStorageOrder:
                    return max ? "storage_order" : "";
                case LayerField::kNormType:
                    return lp ? "p" : "";
                case LayerField::kGlobalPool:
                    return max ? "GlobalMaxPool" : avg ? "GlobalAveragePool" : "GlobalLpPool";
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
    // MXNet's pool_type "lp" (p_value) is not modelled; ONNX's LpPool is.
    if (layer.params.op == PoolOp::kLp && layer.convention == Convention::kMxnet)
        return coded_error("op", "poolscope_unsupported", {"MXNet LP pooling layers"});
    switch (layer.convention) {
        case Convention::kPyTorch: {
            for (auto [on, name] : {std::pair{layer.params.global_pool, "global_pool"},
                                    std::pair{layer.params.include_batch_in_index, "include_batch_in_index"}})
                if (on)
                    return coded_error(name, "convention_no_param",
                                       {layer_class(layer.convention, layer.params.op), name, "true"});
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
            return detail::plan_tensorflow(input, layer);
        case Convention::kOnnx:
            return detail::plan_onnx(input, layer);
        case Convention::kMxnet:
            return detail::plan_mxnet(input, layer);
    }
    return make_plan(input, layer.params);
}

int64_t framework_index(const PoolPlan& plan, int64_t n, int64_t c, int64_t plane_index) {
    const int64_t H = plan.input.h, W = plan.input.w, C = plan.input.c;
    if (plan.convention() == Convention::kTensorFlow) {  // NHWC: ((b*H + y)*W + x)*C + c
        const int64_t batch = plan.params.include_batch_in_index ? n * H * W : 0;
        return (batch + plane_index) * C + c;
    }
    if (plan.convention() != Convention::kOnnx) return plane_index;
    const int64_t within =
        plan.layer.storage_order == 1 ? (plane_index % W) * H + plane_index / W : plane_index;
    return (n * plan.input.c + c) * H * W + within;
}

}  // namespace poolscope
