// The parameters of one pooling op, with PyTorch's names and defaults, and LayerSpec: the same layer as
// another framework describes it (TensorFlow/Keras, ONNX, MXNet). Sizes are (h, w) pairs; padding is stored
// per side, so TensorFlow's SAME padding (extra cell at the end) and ONNX's pads fit without a second
// representation.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace poolscope {

// kLp is lp_pool2d (nn.LPPool2d): PyTorch computes it as an avg_pool2d of x^p, scaled back to a sum and
// rooted (see lp_pool.h).
enum class PoolOp { kMax, kAvg, kAdaptiveMax, kAdaptiveAvg, kLp };

// "max_pool2d", "avg_pool2d", "adaptive_max_pool2d", "adaptive_avg_pool2d", "lp_pool2d".
std::string_view op_name(PoolOp op);
std::optional<PoolOp> parse_op(std::string_view name);
inline bool is_max(PoolOp op) {
    return op == PoolOp::kMax || op == PoolOp::kAdaptiveMax;
}
inline bool is_adaptive(PoolOp op) {
    return op == PoolOp::kAdaptiveMax || op == PoolOp::kAdaptiveAvg;
}

struct Pair {
    int64_t h = 0;
    int64_t w = 0;
    bool operator==(const Pair&) const = default;
};

struct Padding {
    int64_t top = 0;
    int64_t left = 0;
    int64_t bottom = 0;
    int64_t right = 0;

    static Padding symmetric(Pair p) { return {p.h, p.w, p.h, p.w}; }
    bool is_symmetric() const { return top == bottom && left == right; }
    bool operator==(const Padding&) const = default;
};

struct PoolParams {
    PoolOp op = PoolOp::kMax;                 // max_pool2d
    Pair kernel_size{2, 2};                   // ignored by adaptive ops
    std::optional<Pair> stride;               // nullopt = kernel_size (PyTorch's default)
    Padding padding;                          // 0 on every side
    Pair dilation{1, 1};                      // PyTorch: max_pool2d only (ONNX, TensorFlow: every op)
    bool ceil_mode = false;                   //
    bool count_include_pad = true;            // avg_pool2d only
    std::optional<int64_t> divisor_override;  // avg_pool2d only; must not be 0
    bool return_indices = false;              // max ops only
    Pair output_size{1, 1};                   // adaptive ops only
    double norm_type = 2.0;                   // lp_pool2d only: p (a Python float); must not be 0
    // Two switches other frameworks have (PyTorch refuses them): the window is the whole input (ONNX
    // GlobalMaxPool / GlobalAveragePool / GlobalLpPool), and argmax indices count the batch (TensorFlow
    // max_pool_with_argmax's include_batch_in_index).
    bool global_pool = false;             //
    bool include_batch_in_index = false;  //

    Pair effective_stride() const { return stride.value_or(kernel_size); }
    // Dilation as the op uses it: adaptive ops have none. (PyTorch's avg and LP pooling have none either:
    // make_plan() sets it to 1 for them; ONNX and TensorFlow dilate every windowed op.)
    Pair effective_dilation() const { return is_adaptive(op) ? Pair{1, 1} : dilation; }
    bool operator==(const PoolParams&) const = default;
};

// The framework whose rules validate a layer, size its output and word its code (see convention.h).
enum class Convention { kPyTorch, kTensorFlow, kOnnx, kMxnet };

// Where the padding comes from. PyTorch and MXNet take explicit numbers; TensorFlow takes "valid" or "same"
// (= kSameUpper: the odd cell goes at the end); ONNX takes explicit `pads` (auto_pad NOTSET) or auto_pad.
enum class PadMode { kExplicit, kValid, kSameUpper, kSameLower };

// A layer as its framework writes it. `params` holds the values in PyTorch's vocabulary (kernel_size =
// pool_size = kernel_shape, padding = pads, ceil_mode = MXNet's pooling_convention "full"); stride nullopt
// means the framework's default (the kernel size, or 1 for ONNX). Make one with default_layer() so
// count_include_pad starts at the framework's default. plan_layer() (convention.h) validates and resolves it.
struct LayerSpec {
    Convention convention = Convention::kPyTorch;
    PoolParams params;
    PadMode pad_mode = PadMode::kExplicit;
    int64_t storage_order = 0;  // ONNX MaxPool indices: 0 = row major (h*W + w), 1 = column major (w*H + h)
    bool operator==(const LayerSpec&) const = default;
};

}  // namespace poolscope
