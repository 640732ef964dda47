// Validation follows PyTorch 1.13 (aten/src/ATen/native/Pool.h and the pooling meta functions): the set of
// rejected configurations is the same; the messages are ours, quote the values and say what to change.
#include "poolscope/pool_plan.h"

#include "int_text.h"
#include "plan_limits.h"
#include "poolscope/error_text.h"

#include <cstdio>
#include <limits>
#include <string>

namespace poolscope {
namespace {

std::string pair_text(Pair p) {
    return "(" + std::to_string(p.h) + ", " + std::to_string(p.w) + ")";
}
using ::poolscope::detail::num;

// Sizes past int32 first: PyTorch refuses them too, and they would overflow the formula.
void check_size_range(std::vector<Error>& errors, const char* field, Pair p) {
    if (p.h > kMaxSize || p.w > kMaxSize || p.h < -kMaxSize || p.w < -kMaxSize)
        errors.push_back(coded_error(field, "size_range", {field, pair_text(p), num(kMaxSize)}));
}

// An element count for a message: exact, or about so many when it does not fit in int64.
std::string count_text(const Shape& s) {
    if (s.numel() < std::numeric_limits<int64_t>::max()) return num(s.numel());
    const long double approx = static_cast<long double>(s.n) * static_cast<long double>(s.c) *
                               static_cast<long double>(s.h) * static_cast<long double>(s.w);
    char text[32];
    std::snprintf(text, sizeof text, "about %.3Lg", approx);
    return text;
}

}  // namespace

void check_plan_input(std::vector<Error>& errors, const Shape& in) {
    if (in.c < 1 || in.h < 1 || in.w < 1 || in.n < 0)
        errors.push_back(coded_error("input", "input_empty",
                                     {num(in.n) + "x" + num(in.c) + "x" + num(in.h) + "x" + num(in.w)}));
    else if (in.numel() > kMaxElements)
        errors.push_back(coded_error("input", "input_limit", {count_text(in), num(kMaxElements)}));
}

namespace {

void check_windowed(std::vector<Error>& errors, const PoolParams& p) {
    const Pair k = p.kernel_size, s = p.effective_stride(), d = p.effective_dilation();
    check_size_range(errors, "kernel_size", k);
    check_size_range(errors, "stride", s);
    check_size_range(errors, "dilation", d);
    check_size_range(errors, "padding", {p.padding.top, p.padding.left});
    check_size_range(errors, "padding", {p.padding.bottom, p.padding.right});
    if (!errors.empty()) return;

    if (k.h <= 0 || k.w <= 0) errors.push_back(coded_error("kernel_size", "kernel_positive", {pair_text(k)}));
    if (s.h == 0 || s.w == 0)
        errors.push_back(
            coded_error("stride", p.stride ? "stride_zero" : "stride_zero_default", {pair_text(s)}));
    else if (s.h < 0 || s.w < 0)
        errors.push_back(coded_error("stride", "stride_positive", {pair_text(s)}));
    if (d.h <= 0 || d.w <= 0) errors.push_back(coded_error("dilation", "dilation_positive", {pair_text(d)}));
    const Padding& pad = p.padding;
    if (pad.top < 0 || pad.left < 0 || pad.bottom < 0 || pad.right < 0)
        errors.push_back(pad.is_symmetric()
                             ? coded_error("padding", "padding_negative", {pair_text({pad.top, pad.left})})
                             : coded_error("padding", "padding_negative_sides",
                                           {num(pad.top), num(pad.left), num(pad.bottom), num(pad.right)}));
    else if (k.h > 0 && k.w > 0) {
        // PyTorch 1.13 compares against half the kernel, ignoring dilation.
        auto check_side = [&](const char* side, int64_t value, int64_t kernel) {
            if (value > kernel / 2)
                errors.push_back(coded_error("padding", "padding_half_kernel",
                                             {side, num(value), num(kernel), num(kernel / 2)}));
        };
        if (pad.is_symmetric()) {
            check_side("height", pad.top, k.h);
            check_side("width", pad.left, k.w);
        } else {
            check_side("top", pad.top, k.h);
            check_side("bottom", pad.bottom, k.h);
            check_side("left", pad.left, k.w);
            check_side("right", pad.right, k.w);
        }
    }
    if (p.op == PoolOp::kAvg && p.divisor_override && *p.divisor_override == 0)
        errors.push_back(coded_error("divisor_override", "divisor_zero"));
    // Python's lp_pool2d divides 1.0 / norm_type (ZeroDivisionError) after its avg_pool2d; we report it with
    // the other problems, the layer is rejected either way.
    if (p.op == PoolOp::kLp && p.norm_type == 0.0)
        errors.push_back(coded_error("norm_type", "norm_type_zero"));
}

}  // namespace

Result<PoolPlan> make_plan(const Shape& input, const PoolParams& params) {
    std::vector<Error> errors;
    check_plan_input(errors, input);
    PoolPlan plan;
    plan.params = params;
    plan.layer.params = params;
    plan.input = input;

    if (is_adaptive(params.op)) {
        const Pair o = params.output_size;
        check_size_range(errors, "output_size", o);
        if (o.h < 0 || o.w < 0)
            errors.push_back(coded_error("output_size", "adaptive_negative", {pair_text(o)}));
        if (!errors.empty()) return errors;
        plan.output = {input.n, input.c, o.h, o.w};
        plan.h.input = input.h;
        plan.h.output = o.h;
        plan.w.input = input.w;
        plan.w.output = o.w;
    } else {
        // lp_pool2d is avg_pool2d(x^p) with padding 0 and count_include_pad=True, nothing else: it has no
        // padding, dilation or divisor arguments, so whatever a caller left in those fields is not used.
        if (params.op == PoolOp::kLp) {
            plan.params.padding = {};
            plan.params.count_include_pad = true;
            plan.params.divisor_override.reset();
        }
        // Only max_pool2d dilates in PyTorch.
        if (params.op != PoolOp::kMax) plan.params.dilation = {1, 1};
        check_windowed(errors, plan.params);
        if (!errors.empty()) return errors;
        const PoolParams& pp = plan.params;
        const Pair k = pp.kernel_size, s = pp.effective_stride(), d = pp.effective_dilation();
        const Padding& pad = pp.padding;
        plan.h = explain_axis(input.h, k.h, s.h, pad.top, pad.bottom, d.h, pp.ceil_mode);
        plan.w = explain_axis(input.w, k.w, s.w, pad.left, pad.right, d.w, pp.ceil_mode);
        plan.output = {input.n, input.c, plan.h.output, plan.w.output};
        if (plan.h.output < 1 || plan.w.output < 1)
            return coded_error("output", "output_too_small",
                               {num(input.c) + "x" + num(input.h) + "x" + num(input.w),
                                num(input.c) + "x" + num(plan.h.output) + "x" + num(plan.w.output)});
    }
    if (std::optional<Error> limit = check_plan_limits(plan)) return *limit;
    return plan;
}

std::optional<Error> check_plan_limits(const PoolPlan& plan) {
    const PoolParams& params = plan.params;
    const Shape &input = plan.input, &out = plan.output;
    if (out.h > kMaxElements || out.w > kMaxElements || out.numel() > kMaxElements)
        return coded_error(
            "output", "output_limit",
            {num(out.n) + "x" + num(out.c) + "x" + num(out.h) + "x" + num(out.w), num(kMaxElements)});
    // Window reads per output cell: the kernel area, or the largest adaptive window.
    int64_t taps = is_adaptive(params.op) ? (out.h ? (input.h + out.h - 1) / out.h + 1 : 0) *
                                                (out.w ? (input.w + out.w - 1) / out.w + 1 : 0)
                                          : params.kernel_size.h * params.kernel_size.w;
    if (taps > 0 && out.numel() > kMaxWork / taps)
        return coded_error("kernel_size", "work_limit", {num(out.numel()), num(taps), num(kMaxWork)});
    return std::nullopt;
}

}  // namespace poolscope
