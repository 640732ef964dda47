// ONNX's rules (convention.h), opset 19: MaxPool, AveragePool, LpPool with explicit pads or auto_pad,
// ceil_mode, dilations (every op), count_include_pad, storage_order; GlobalMaxPool / GlobalAveragePool /
// GlobalLpPool (one window over the whole input). Sources: the operator spec (Operators.md) and ONNX
// Runtime's "Pad should be smaller than kernel" check, which PoolScope follows. Where ONNX Runtime departs
// from the spec (SAME from the undilated kernel, VALID with ceil_mode), PoolScope follows the spec:
// scripts/gen_runtime_golden/README.md.
#include <cmath>
#include <cstdio>

#include "convention_plan.h"
#include "plan_limits.h"

namespace poolscope::detail {
namespace {

// LpPool's p is an integer attribute; PoolScope asks for an actual norm (p >= 1).
void check_p(std::vector<Error>& errors, double p) {
    if (!(p >= 1.0) || p != std::floor(p) || p > 1e9) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", p);
        errors.push_back(coded_error("norm_type", "onnx_lp_p", {text}));
    }
}

Result<PoolPlan> plan_global(const Shape& input, const LayerSpec& layer) {
    std::vector<Error> errors;
    const PoolParams& p = layer.params;
    check_plan_input(errors, input);
    if (p.op == PoolOp::kMax && p.return_indices) reject_param(errors, layer, "return_indices", "true");
    if (p.op == PoolOp::kLp) check_p(errors, p.norm_type);
    if (!errors.empty()) return errors;
    // The attributes of MaxPool etc. do not exist on the global ops: whatever a frontend left in them is
    // not used.
    PoolParams r = p;
    r.kernel_size = {input.h, input.w};
    r.stride = Pair{1, 1};
    r.dilation = {1, 1};
    r.padding = {};
    r.ceil_mode = false;
    r.count_include_pad = false;
    r.divisor_override.reset();
    AxisShape h = explain_axis(input.h, input.h, 1, 0, 0, 1, false);
    AxisShape w = explain_axis(input.w, input.w, 1, 0, 0, 1, false);
    return finish(input, layer, r, h, w);
}

}  // namespace

Result<PoolPlan> plan_onnx(const Shape& input, const LayerSpec& layer) {
    const PoolParams& p = layer.params;
    if (is_adaptive(p.op)) return coded_error("op", "convention_no_op", {"ONNX", std::string(op_name(p.op))});
    if (p.global_pool) return plan_global(input, layer);
    std::vector<Error> errors;
    PoolParams r = common_checks(errors, input, layer);
    if (p.op != PoolOp::kMax && layer.storage_order != 0)
        reject_param(errors, layer, "storage_order", num(layer.storage_order));
    if (layer.storage_order != 0 && layer.storage_order != 1)
        errors.push_back(coded_error("storage_order", "onnx_storage_order", {num(layer.storage_order)}));
    if (p.op == PoolOp::kLp) check_p(errors, p.norm_type);
    const Padding& pad = p.padding;
    if (layer.pad_mode != PadMode::kExplicit && pad != Padding{})
        errors.push_back(coded_error("padding", "onnx_auto_pad_pads",
                                     {std::string(pad_mode_name(Convention::kOnnx, layer.pad_mode)),
                                      "[" + num(pad.top) + ", " + num(pad.left) + ", " + num(pad.bottom) +
                                          ", " + num(pad.right) + "]"}));
    if (!errors.empty()) return errors;
    const Pair k = p.kernel_size, s = *r.stride, d = p.dilation;
    if (p.op == PoolOp::kLp) {
        r.count_include_pad = false;  // LpPool sums |x|^p over the input cells: padding adds nothing
        r.divisor_override.reset();
    }
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

}  // namespace poolscope::detail
