// The shared checks of the non-PyTorch planners (convention_plan.h) and MXNet's planner. Source for MXNet:
// its Pooling operator (pooling.cc: the kernel-vs-padded-input check and the valid/full formulas).
#include "convention_plan.h"

#include "plan_limits.h"

namespace poolscope::detail {

std::string pair_text(Pair p) {
    return "(" + num(p.h) + ", " + num(p.w) + ")";
}

void reject_param(std::vector<Error>& errors, const LayerSpec& layer, const char* name, std::string value) {
    errors.push_back(coded_error(name, "convention_no_param", {layer_class(layer), name, std::move(value)}));
}

namespace {

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

Error too_small(const Shape& in, const AxisShape& h, const AxisShape& w) {
    return coded_error("output", "output_too_small",
                       {num(in.c) + "x" + num(in.h) + "x" + num(in.w),
                        num(in.c) + "x" + num(h.output) + "x" + num(w.output)});
}

}  // namespace

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

PoolParams common_checks(std::vector<Error>& errors, const Shape& input, const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    check_plan_input(errors, input);
    if (p.op == PoolOp::kAvg && p.divisor_override)
        reject_param(errors, layer, "divisor_override", num(*p.divisor_override));
    if (layer.convention != Convention::kOnnx && layer.storage_order != 0)
        reject_param(errors, layer, "storage_order", num(layer.storage_order));
    if (layer.convention != Convention::kOnnx && p.global_pool)
        reject_param(errors, layer, "global_pool", "true");
    if (layer.convention != Convention::kTensorFlow && p.include_batch_in_index)
        reject_param(errors, layer, "include_batch_in_index", "true");
    PoolParams r = p;
    r.stride = effective_stride(layer);
    check_sizes(errors, p, *r.stride);
    return r;
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
    r.dilation = {1, 1};  // MXNet's Pooling has none (a max layer's is refused above)
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

}  // namespace poolscope::detail
