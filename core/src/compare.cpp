// layers_across() and plan_differences(): the data behind the compare view (compare.h). The reasons are
// derived from the plans' per-axis terms, so they name what actually changed, not what might.
#include "poolscope/compare.h"

#include <array>
#include <utility>

#include "int_text.h"
#include "poolscope/error_text.h"
#include "poolscope/layer_translate.h"

namespace poolscope {
namespace {

constexpr std::array<CompareTemplate, 8> kCompareTemplates = {{
    {"cannot_dilate", "{0}'s {1} cannot dilate: its window reads neighbouring cells"},
    {"padding_same", "{0} pads {2} before and {3} after along the {1}: SAME puts the extra cell at the {4}"},
    {"padding_valid", "{0} adds no padding along the {1} (\"valid\")"},
    {"padding_numbers", "{0} pads {2} before and {3} after along the {1}"},
    {"window_kept",
     "{0} keeps the last window along the {1}, starting at {2} past the input (\"full\"); PyTorch drops it"},
    {"output_size", "{0} gives {2} outputs along the {1} instead of {3}"},
    {"divisor_includes_padding", "{0}'s average counts the padding cells in the divisor (count_include_pad)"},
    {"divisor_excludes_padding", "{0}'s average divides by the input cells only, not the padding"},
}};

Difference make(std::string_view code, std::vector<std::string> args) {
    return make_difference(kCompareTemplates, code, std::move(args));
}

using ::poolscope::detail::num;

void axis_differences(std::vector<Difference>& out, const std::string& framework, const char* axis,
                      const AxisShape& ref, const AxisShape& a) {
    const bool padding_differs = a.pad_begin != ref.pad_begin || a.pad_end != ref.pad_end;
    if (a.pad_mode == PadMode::kSameUpper || a.pad_mode == PadMode::kSameLower) {
        if (padding_differs || ref.pad_mode != a.pad_mode)
            out.push_back(make("padding_same", {framework, axis, num(a.pad_begin), num(a.pad_end),
                                                a.pad_mode == PadMode::kSameUpper ? "end" : "start"}));
    } else if (a.pad_mode == PadMode::kValid) {
        if (padding_differs) out.push_back(make("padding_valid", {framework, axis}));
    } else if (padding_differs) {
        out.push_back(make("padding_numbers", {framework, axis, num(a.pad_begin), num(a.pad_end)}));
    }
    if (a.output == ref.output) return;
    if (!a.end_padding_rule && a.ceil_mode && a.output >= 1 && a.window_start(a.output - 1) >= a.input)
        out.push_back(make("window_kept", {framework, axis, num(a.window_start(a.output - 1))}));
    else
        out.push_back(make("output_size", {framework, axis, num(a.output), num(ref.output)}));
}

}  // namespace

namespace {

// One window over the whole input: ONNX's Global*Pool, PyTorch's (and MXNet's) adaptive pooling to 1 x 1.
bool whole_input(const LayerSpec& l) {
    return (l.convention == Convention::kOnnx && l.params.global_pool && !is_adaptive(l.params.op)) ||
           (is_adaptive(l.params.op) && l.params.output_size == Pair{1, 1});
}

// `base`, a global pool, in framework c: ONNX's Global*Pool, TensorFlow's window over the whole input (when
// the input is known), adaptive pooling to 1 x 1 elsewhere.
LayerSpec global_in(Convention c, const LayerSpec& base, const Shape* input) {
    const PoolOp op = base.params.op;
    const bool max = is_max(op), lp = op == PoolOp::kLp;
    const PoolOp windowed = max ? PoolOp::kMax : lp ? PoolOp::kLp : PoolOp::kAvg;
    LayerSpec l = default_layer(c, windowed);
    l.params.norm_type = base.params.norm_type;
    if (c == Convention::kOnnx) {
        l.params.global_pool = true;
    } else if (c == Convention::kTensorFlow) {
        if (input) l.params.kernel_size = {input->h, input->w};
    } else if (!lp) {
        l = default_layer(c, max ? PoolOp::kAdaptiveMax : PoolOp::kAdaptiveAvg);
        l.params.output_size = {1, 1};
    }
    return l;
}

}  // namespace

std::vector<LayerSpec> layers_across(const LayerSpec& base, const Shape* input) {
    std::vector<LayerSpec> layers;
    const PoolParams& p = base.params;
    const bool pads = p.padding != Padding{} || base.pad_mode == PadMode::kSameUpper ||
                      base.pad_mode == PadMode::kSameLower;
    for (Convention c : kConventions) {
        if (c == base.convention) {
            layers.push_back(base);
            continue;
        }
        if (whole_input(base)) {
            layers.push_back(global_in(c, base, input));
            continue;
        }
        LayerSpec l = default_layer(c, p.op);
        l.params.kernel_size = p.kernel_size;
        l.params.output_size = p.output_size;
        l.params.norm_type = p.norm_type;
        l.params.stride = effective_stride(base);
        l.params.return_indices = p.return_indices && framework_can(c, p.op, LayerFeature::kReturnIndices);
        // ONNX and TensorFlow (tf.nn.pool) dilate every windowed op; PyTorch and MXNet max pooling only.
        if (framework_can(c, p.op, LayerFeature::kDilation)) l.params.dilation = p.dilation;
        if (c == Convention::kTensorFlow) {
            l.pad_mode = pads ? PadMode::kSameUpper : PadMode::kValid;
            layers.push_back(l);
            continue;
        }
        l.params.ceil_mode = p.ceil_mode && framework_can(c, p.op, LayerFeature::kCeilMode);
        if (base.pad_mode == PadMode::kExplicit)
            l.params.padding =
                c == Convention::kMxnet ? Padding::symmetric({p.padding.top, p.padding.left}) : p.padding;
        else if (c == Convention::kOnnx)
            l.pad_mode = base.pad_mode;  // TensorFlow's "same" is ONNX's SAME_UPPER
        else
            l.params.padding = {};  // PyTorch and MXNet take numbers only; the view shows the plan's
        layers.push_back(l);
    }
    return layers;
}

std::vector<Difference> plan_differences(const PoolPlan& reference, const PoolPlan& plan) {
    std::vector<Difference> out;
    const std::string framework(framework_name(plan.convention()));
    if (!is_adaptive(plan.op()) && !is_adaptive(reference.op()) &&
        reference.params.effective_dilation() != Pair{1, 1} &&
        plan.params.effective_dilation() == Pair{1, 1} && !plan.params.global_pool)
        out.push_back(make("cannot_dilate", {framework, layer_class(plan.layer)}));
    if (!is_adaptive(plan.op())) {
        axis_differences(out, framework, "height", reference.h, plan.h);
        axis_differences(out, framework, "width", reference.w, plan.w);
    }
    const bool pads = plan.h.pad_begin + plan.h.pad_end + plan.w.pad_begin + plan.w.pad_end > 0;
    if (plan.op() == PoolOp::kAvg && reference.op() == PoolOp::kAvg && pads &&
        plan.params.count_include_pad != reference.params.count_include_pad && !plan.params.divisor_override)
        out.push_back(
            make(plan.params.count_include_pad ? "divisor_includes_padding" : "divisor_excludes_padding",
                 {framework}));
    return out;
}

Difference make_difference(std::span<const CompareTemplate> table, std::string_view code,
                           std::vector<std::string> args) {
    std::string_view english;
    for (const CompareTemplate& t : table)
        if (t.code == code) english = t.english;
    std::string text = fill_template(english, args);
    return {std::string(code), std::move(args), std::move(text)};
}

std::span<const CompareTemplate> compare_templates() {
    return kCompareTemplates;
}

}  // namespace poolscope
