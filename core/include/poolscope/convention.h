// Every framework's pooling in one place: each convention's validation (errors with codes), output-size rule
// and padding rule, resolved into an ordinary PoolPlan so forward(), trace_cell() and the fast path run it
// unchanged. The plan keeps the LayerSpec (plan.layer) and each axis's terms (plan.h / plan.w: pad_mode,
// same_output, pad_needed, end_padding_rule) for the walkthrough; layer_code() writes the layer as code.
//   PyTorch     make_plan()'s rules (nn.MaxPool2d / nn.AvgPool2d), unchanged.
//   TensorFlow  Keras / tf.nn: padding "valid" or "same". SAME: out = ceil(in/stride), padding
//               max((out-1)*stride + (kernel-1)*dilation + 1 - in, 0), the odd cell at the end. VALID:
//               out = ceil((in - (k-1)*d) / s). Average pooling never counts padding; max pooling ignores it.
//               tf.nn.pool takes dilations (strides must then be 1, default 1); tf.nn.max_pool2d takes
//               explicit padding (each pad smaller than the window); tf.nn.max_pool_with_argmax gives
//               indices ((b*H + y)*W + x)*C + c (b with include_batch_in_index). No ceil_mode, no LP pooling.
//   ONNX        MaxPool / AveragePool / LpPool: explicit pads [top, left, bottom, right] with ceil_mode
//               (windows that would start in the end padding are dropped), or auto_pad SAME_UPPER /
//               SAME_LOWER / VALID. strides default 1, dilations on every op (AveragePool since opset 19),
//               count_include_pad default 0, storage_order; LpPool: (sum of |x|^p)^(1/p), p an integer.
//               GlobalMaxPool / GlobalAveragePool / GlobalLpPool (params.global_pool): one window, the input.
//   MXNet       Pooling / Gluon: symmetric padding of any size, kernel <= in + 2*pad; pooling_convention
//               "valid": out = floor((in + 2p - k)/s) + 1, "full" (Gluon ceil_mode=True): ceil(...) + 1 with
//               no end-padding rule. count_include_pad default true. No dilation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "poolscope/pool_params.h"
#include "poolscope/pool_plan.h"
#include "poolscope/result.h"

namespace poolscope {

inline constexpr Convention kConventions[] = {Convention::kPyTorch, Convention::kTensorFlow,
                                              Convention::kOnnx, Convention::kMxnet};

// "pytorch", "tensorflow", "onnx", "mxnet" (the JSON and command-line spelling).
std::string_view convention_name(Convention convention);
std::optional<Convention> parse_convention(std::string_view name);
// "PyTorch", "TensorFlow", "ONNX", "MXNet": how a sentence names the framework.
std::string_view framework_name(Convention convention);

// "valid", "same", "same_upper", "same_lower" ("" for explicit padding), as the framework spells it (lower
// case; ONNX's attribute value is the upper-case form).
std::string_view pad_mode_name(Convention convention, PadMode mode);

// The layer with the framework's defaults: count_include_pad (PyTorch, MXNet: true; ONNX, TensorFlow:
// false), padding "valid" for TensorFlow, explicit 0 elsewhere, kernel 2x2, stride = the framework default.
LayerSpec default_layer(Convention convention, PoolOp op);

// The stride the framework uses when none is given: the kernel size, except ONNX's 1.
Pair effective_stride(const LayerSpec& layer);

// The parameters a frontend shows, and each framework's own name for them ("" when it has none).
enum class LayerField {
    kKernel,
    kStride,
    kPadding,
    kDilation,
    kCeilMode,
    kCountIncludePad,
    kDivisor,
    kReturnIndices,
    kOutputSize,
    kStorageOrder,
    kNormType,            // PyTorch norm_type, ONNX p
    kGlobalPool,          // ONNX: the Global*Pool op instead of the windowed one
    kIncludeBatchInIndex  // TensorFlow max_pool_with_argmax
};
std::string_view field_name(Convention convention, LayerField field, PoolOp op);

// Validates `layer` under its framework's rules and resolves it into a plan (PyTorch: exactly make_plan()).
// Errors carry codes (error_text.h) whose args quote the values.
Result<PoolPlan> plan_layer(const Shape& input, const LayerSpec& layer);

// The class or node the framework names the op by: "nn.MaxPool2d", "tf.keras.layers.MaxPool2D", "MaxPool",
// "nn.MaxPool2D" (MXNet Gluon).
std::string layer_class(Convention convention, PoolOp op);
// The same for one layer, where its parameters pick another function: "tf.nn.pool" (dilated),
// "tf.nn.max_pool2d" (explicit padding), "tf.nn.max_pool_with_argmax", "GlobalAveragePool", "LpPool".
std::string layer_class(const LayerSpec& layer);
// One line of code building the layer, with only non-default arguments, in the framework's own order:
//   nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True)
//   tf.keras.layers.MaxPool2D(pool_size=3, strides=1, padding="same")
//   onnx.helper.make_node("MaxPool", ["X"], ["Y"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1])
//   tf.nn.pool(X, window_shape=[2, 2], pooling_type="MAX", padding="SAME", dilations=[2, 2])
//   nn.MaxPool2D(pool_size=3, strides=1, padding=1, ceil_mode=True)            (MXNet Gluon)
// Something the framework cannot express (PyTorch with unequal padding) is said in a trailing comment.
std::string layer_code(const LayerSpec& layer);

// A max op's argmax as the framework reports it, from PoolScope's per-plane index h*W + w of plane (n, c):
// PyTorch and MXNet keep it; ONNX flattens over the whole N x C x H x W tensor, in column-major order
// within the plane when storage_order is 1; TensorFlow flattens N x H x W x C: (h*W + w)*C + c, plus
// n*H*W*C with include_batch_in_index.
int64_t framework_index(const PoolPlan& plan, int64_t n, int64_t c, int64_t plane_index);

}  // namespace poolscope
