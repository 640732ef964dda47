// TensorFlow's rules (convention.h): Keras MaxPool2D / AvgPool2D (padding "valid" | "same"), tf.nn.pool with
// dilations (strides must then be 1), tf.nn.max_pool2d with explicit padding [[0,0],[t,b],[l,r],[0,0]] (each
// pad smaller than the window, as TensorFlow's kernel requires), tf.nn.max_pool_with_argmax. Sources: the
// tf.nn.pool / max_pool2d / max_pool_with_argmax docs and TensorFlow's own error messages.
#include "convention_plan.h"

namespace poolscope::detail {
namespace {

bool dilated(Pair d) {
    return d != Pair{1, 1};
}

// tf.nn.max_pool2d's explicit padding: each side smaller than the window ("Right padding 2 needs to be
// smaller than the window size 2").
void check_explicit(std::vector<Error>& errors, const Padding& pad, Pair k) {
    auto smaller = [&](const char* side, int64_t value, int64_t window) {
        if (value >= window)
            errors.push_back(coded_error("padding", "tf_pad_window", {side, num(value), num(window)}));
    };
    smaller("top", pad.top, k.h);
    smaller("bottom", pad.bottom, k.h);
    smaller("left", pad.left, k.w);
    smaller("right", pad.right, k.w);
}

}  // namespace

Result<PoolPlan> plan_tensorflow(const Shape& input, const LayerSpec& layer) {
    std::vector<Error> errors;
    const PoolParams& p = layer.params;
    if (is_adaptive(p.op) || p.op == PoolOp::kLp)
        return coded_error("op", "convention_no_op", {"TensorFlow", std::string(op_name(p.op))});
    PoolParams r = common_checks(errors, input, layer);
    const Pair s = *r.stride, d = p.dilation;
    if (p.ceil_mode) reject_param(errors, layer, "ceil_mode", "true");
    if (p.op == PoolOp::kAvg && p.count_include_pad) reject_param(errors, layer, "count_include_pad", "true");
    if (p.include_batch_in_index && !p.return_indices)
        reject_param(errors, layer, "include_batch_in_index", "true");
    if (dilated(d) && d.h > 0 && d.w > 0 && (s.h > 1 || s.w > 1))
        errors.push_back(coded_error("stride", "tf_dilation_strides", {pair_text(s), pair_text(d)}));
    if (dilated(d) && p.return_indices)  // max_pool_with_argmax has no dilations
        reject_param(errors, layer, "dilations", pair_text(d));
    const bool explicit_padding = layer.pad_mode == PadMode::kExplicit;
    if (layer.pad_mode == PadMode::kSameLower)
        errors.push_back(
            coded_error("padding", "padding_mode", {"TensorFlow", "\"same\" / \"valid\"", "\"same_lower\""}));
    else if (explicit_padding && (p.op != PoolOp::kMax || dilated(d) || p.return_indices))
        // Only tf.nn.max_pool2d takes numbers; tf.nn.avg_pool2d, tf.nn.pool and max_pool_with_argmax do not.
        errors.push_back(
            coded_error("padding", "padding_mode", {layer_class(layer), "\"same\" / \"valid\"", "numbers"}));
    else if (!explicit_padding && p.padding != Padding{})
        errors.push_back(
            coded_error("padding", "padding_mode", {"TensorFlow", "\"same\" / \"valid\"", "numbers"}));
    else if (explicit_padding)
        check_explicit(errors, p.padding, p.kernel_size);
    if (!errors.empty()) return errors;
    const Pair k = p.kernel_size;
    AxisShape h, w;
    if (layer.pad_mode == PadMode::kSameUpper) {
        h = same_axis(input.h, k.h, s.h, d.h, PadMode::kSameUpper);
        w = same_axis(input.w, k.w, s.w, d.w, PadMode::kSameUpper);
    } else if (explicit_padding) {
        h = explain_axis(input.h, k.h, s.h, p.padding.top, p.padding.bottom, 1, false);
        w = explain_axis(input.w, k.w, s.w, p.padding.left, p.padding.right, 1, false);
    } else {
        auto fits = [&](const char* side, int64_t kernel, int64_t dilation, int64_t in) {
            const int64_t span = dilation * (kernel - 1) + 1;
            if (span > in)
                errors.push_back(coded_error("kernel_size", "tf_valid_window", {side, num(span), num(in)}));
        };
        fits("height", k.h, d.h, input.h);
        fits("width", k.w, d.w, input.w);
        if (!errors.empty()) return errors;
        h = explain_axis(input.h, k.h, s.h, 0, 0, d.h, false);
        w = explain_axis(input.w, k.w, s.w, 0, 0, d.w, false);
        h.pad_mode = w.pad_mode = PadMode::kValid;
    }
    r.padding = {h.pad_begin, w.pad_begin, h.pad_end, w.pad_end};
    r.count_include_pad = false;  // TensorFlow averages over the cells inside the input only
    return finish(input, layer, r, h, w);
}

}  // namespace poolscope::detail
