// layer_class() and layer_code(): a layer as one line of its framework's code, with only the arguments that
// differ from that framework's defaults (so the line teaches what is special about this layer).
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "int_text.h"
#include "poolscope/convention.h"
#include "poolscope/layer_translate.h"

namespace poolscope {
namespace {

using ::poolscope::detail::num;
// Python's way: 3 for (3, 3), else a tuple.
std::string py_pair(Pair p) {
    return p.h == p.w ? num(p.h) : "(" + num(p.h) + ", " + num(p.w) + ")";
}
// p as Python writes it: 2 stays 2, 0.5 is 0.5, infinity is float('inf').
std::string float_text(double v) {
    if (std::isinf(v)) return v > 0 ? "float('inf')" : "float('-inf')";
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", v);
    return text;
}
std::string list_pair(Pair p) {
    return "[" + num(p.h) + ", " + num(p.w) + "]";
}
std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : ", ") + part;
    return out;
}
std::string sides_text(const Padding& p) {
    return "top " + num(p.top) + ", left " + num(p.left) + ", bottom " + num(p.bottom) + ", right " +
           num(p.right);
}

std::string pytorch_code(const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    std::vector<std::string> args;
    std::string note;
    if (is_adaptive(p.op)) {
        args.push_back(py_pair(p.output_size));
        if (p.op == PoolOp::kAdaptiveMax && p.return_indices) args.push_back("return_indices=True");
        return layer_class(layer.convention, p.op) + "(" + join(args) + ")";
    }
    if (p.op == PoolOp::kLp) {  // nn.LPPool2d(norm_type, kernel_size, stride=None, ceil_mode=False)
        args = {float_text(p.norm_type), py_pair(p.kernel_size)};
        if (p.stride && *p.stride != p.kernel_size) args.push_back("stride=" + py_pair(*p.stride));
        if (p.ceil_mode) args.push_back("ceil_mode=True");
        return layer_class(layer.convention, p.op) + "(" + join(args) + ")";
    }
    args.push_back(py_pair(p.kernel_size));
    if (p.stride && *p.stride != p.kernel_size) args.push_back("stride=" + py_pair(*p.stride));
    if (p.padding != Padding{}) {
        args.push_back("padding=" + py_pair({p.padding.top, p.padding.left}));
        if (!p.padding.is_symmetric())
            note = "  # PyTorch pads both sides equally; this layer pads " + sides_text(p.padding);
    }
    if (p.op == PoolOp::kMax) {
        if (p.dilation != Pair{1, 1}) args.push_back("dilation=" + py_pair(p.dilation));
        if (p.return_indices) args.push_back("return_indices=True");
        if (p.ceil_mode) args.push_back("ceil_mode=True");
    } else {
        if (p.ceil_mode) args.push_back("ceil_mode=True");
        if (!p.count_include_pad) args.push_back("count_include_pad=False");
        if (p.divisor_override) args.push_back("divisor_override=" + num(*p.divisor_override));
    }
    return layer_class(layer.convention, p.op) + "(" + join(args) + ")" + note;
}

// tf.nn.pool (dilated), tf.nn.max_pool2d (explicit padding), tf.nn.max_pool_with_argmax: functions of X.
std::string tf_nn_code(const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    const std::string name = layer_class(layer);
    const Pair s = effective_stride(layer);
    const std::string padding = layer.pad_mode == PadMode::kSameUpper ? "\"SAME\"" : "\"VALID\"";
    std::vector<std::string> args{"X"};
    if (name == "tf.nn.pool") {
        args.push_back("window_shape=" + list_pair(p.kernel_size));
        args.push_back(std::string("pooling_type=") + (p.op == PoolOp::kMax ? "\"MAX\"" : "\"AVG\""));
        if (s != Pair{1, 1}) args.push_back("strides=" + list_pair(s));
        args.push_back("padding=" + padding);
        args.push_back("dilations=" + list_pair(p.dilation));
        return name + "(" + join(args) + ")";
    }
    args.push_back("ksize=" + list_pair(p.kernel_size));
    args.push_back("strides=" + list_pair(s));
    if (layer.pad_mode == PadMode::kExplicit)
        args.push_back("padding=[[0, 0], [" + num(p.padding.top) + ", " + num(p.padding.bottom) + "], [" +
                       num(p.padding.left) + ", " + num(p.padding.right) + "], [0, 0]]");
    else
        args.push_back("padding=" + padding);
    if (p.include_batch_in_index) args.push_back("include_batch_in_index=True");
    return name + "(" + join(args) + ")";
}

std::string keras_code(const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    if (layer_class(layer).compare(0, 6, "tf.nn.") == 0) return tf_nn_code(layer);
    std::vector<std::string> args{"pool_size=" + py_pair(p.kernel_size)};
    if (p.stride && *p.stride != p.kernel_size) args.push_back("strides=" + py_pair(*p.stride));
    if (layer.pad_mode == PadMode::kSameUpper) args.push_back("padding=\"same\"");
    return layer_class(layer.convention, p.op) + "(" + join(args) + ")";
}

std::string onnx_code(const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    const bool indices = p.op == PoolOp::kMax && p.return_indices && !p.global_pool;
    std::vector<std::string> args{"\"" + layer_class(layer) + "\"", "inputs=[\"X\"]",
                                  indices ? "outputs=[\"Y\", \"Indices\"]" : "outputs=[\"Y\"]"};
    // p is an integer attribute; 2 is its default.
    const std::string p_arg = "p=" + num(static_cast<int64_t>(p.norm_type));
    if (p.global_pool) {
        if (p.op == PoolOp::kLp && p.norm_type != 2.0) args.push_back(p_arg);
        return "onnx.helper.make_node(" + join(args) + ")";
    }
    args.push_back("kernel_shape=" + list_pair(p.kernel_size));
    if (layer.pad_mode != PadMode::kExplicit) {
        std::string mode(pad_mode_name(Convention::kOnnx, layer.pad_mode));
        for (char& ch : mode)
            ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
        args.push_back("auto_pad=\"" + mode + "\"");
    }
    if (p.ceil_mode) args.push_back("ceil_mode=1");
    if (p.op == PoolOp::kAvg && p.count_include_pad) args.push_back("count_include_pad=1");
    if (p.dilation != Pair{1, 1}) args.push_back("dilations=" + list_pair(p.dilation));
    if (p.op == PoolOp::kLp && p.norm_type != 2.0) args.push_back(p_arg);
    if (layer.pad_mode == PadMode::kExplicit && p.padding != Padding{})
        args.push_back("pads=[" + num(p.padding.top) + ", " + num(p.padding.left) + ", " +
                       num(p.padding.bottom) + ", " + num(p.padding.right) + "]");
    if (p.op == PoolOp::kMax && layer.storage_order != 0)
        args.push_back("storage_order=" + num(layer.storage_order));
    const Pair s = effective_stride(layer);
    if (s != Pair{1, 1}) args.push_back("strides=" + list_pair(s));
    return "onnx.helper.make_node(" + join(args) + ")";
}

std::string gluon_code(const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    if (p.op == PoolOp::kAdaptiveAvg)
        return layer_class(layer.convention, p.op) + "(x, output_size=" + py_pair(p.output_size) + ")";
    std::vector<std::string> args{"pool_size=" + py_pair(p.kernel_size)};
    if (p.stride && *p.stride != p.kernel_size) args.push_back("strides=" + py_pair(*p.stride));
    if (p.padding != Padding{}) args.push_back("padding=" + py_pair({p.padding.top, p.padding.left}));
    if (p.ceil_mode) args.push_back("ceil_mode=True");  // Gluon's name for pooling_convention="full"
    if (p.op == PoolOp::kAvg && !p.count_include_pad) args.push_back("count_include_pad=False");
    return layer_class(layer.convention, p.op) + "(" + join(args) + ")";
}

}  // namespace

std::string layer_class(Convention convention, PoolOp op) {
    const bool max = is_max(op);
    switch (convention) {
        case Convention::kPyTorch: {
            // torch.nn's class of each op, in PoolOp's order.
            static constexpr const char* kTorchClasses[] = {"nn.MaxPool2d", "nn.AvgPool2d",
                                                            "nn.AdaptiveMaxPool2d", "nn.AdaptiveAvgPool2d",
                                                            "nn.LPPool2d"};
            const size_t index = static_cast<size_t>(op);
            if (index < std::size(kTorchClasses)) return kTorchClasses[index];
            break;
        }
        case Convention::kTensorFlow:
            return max ? "tf.keras.layers.MaxPool2D" : "tf.keras.layers.AvgPool2D";
        case Convention::kOnnx:
            return max ? "MaxPool" : op == PoolOp::kLp ? "LpPool" : "AveragePool";
        case Convention::kMxnet:
            if (op == PoolOp::kAdaptiveAvg) return "mx.nd.contrib.AdaptiveAvgPooling2D";
            return max ? "nn.MaxPool2D" : "nn.AvgPool2D";
    }
    return "?";
}

std::string layer_class(const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    if (layer.convention == Convention::kOnnx && p.global_pool && !is_adaptive(p.op))
        return "Global" + layer_class(layer.convention, p.op);
    if (layer.convention == Convention::kTensorFlow && (p.op == PoolOp::kMax || p.op == PoolOp::kAvg)) {
        if (p.dilation != Pair{1, 1}) return "tf.nn.pool";
        if (p.op == PoolOp::kMax && p.return_indices) return "tf.nn.max_pool_with_argmax";
        if (layer.pad_mode == PadMode::kExplicit)
            return p.op == PoolOp::kMax ? "tf.nn.max_pool2d" : "tf.nn.avg_pool2d";
    }
    return layer_class(layer.convention, p.op);
}

std::string layer_code(const LayerSpec& layer) {
    const PoolOp op = layer.params.op;
    if (!framework_can(layer.convention, op, LayerFeature::kOp))  // LP pooling in TensorFlow is no AvgPool
        return "# " + std::string(framework_name(layer.convention)) + " has no " + std::string(op_name(op));
    switch (layer.convention) {
        case Convention::kPyTorch:
            return pytorch_code(layer);
        case Convention::kTensorFlow:
            return keras_code(layer);
        case Convention::kOnnx:
            return onnx_code(layer);
        case Convention::kMxnet:
            return gluon_code(layer);
    }
    return "";
}

}  // namespace poolscope
