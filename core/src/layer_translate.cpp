// framework_can(), translate_layer() and translated_code() (see layer_translate.h).
#include "poolscope/layer_translate.h"

#include <array>
#include <optional>
#include <utility>

#include "int_text.h"
#include "poolscope/error_text.h"

namespace poolscope {
namespace {

constexpr std::array<CompareTemplate, 11> kTranslateTemplates = {{
    {"no_op", "{0} has no {1}"},
    {"no_dilation", "{0} has no dilation: dilation {1} is left out"},
    {"dilation_needs_stride_1", "{0} dilates only with stride 1, not {1}: dilation {2} is left out"},
    {"no_ceil_mode", "{0} has no ceil_mode: the line rounds the output size down"},
    {"no_padding_numbers", "{0} pads only \"valid\" or \"same\", not {1}"},
    {"no_unequal_padding", "{0} pads both sides of an axis equally, not {1}"},
    {"no_same_padding", "{0} has no \"same\" padding: give the input's size to get the numbers"},
    {"no_count_include_pad", "{0}'s average never counts the padding cells (count_include_pad=True)"},
    {"no_divisor_override", "{0} has no divisor_override: its windows are not all divided by {1}"},
    {"no_return_indices", "{0}'s layer gives no argmax indices (return_indices=True)"},
    {"rejected", "{0} rejects this layer: {1}"},
}};

Difference note(std::string_view code, std::vector<std::string> args) {
    return make_difference(kTranslateTemplates, code, std::move(args));
}

using ::poolscope::detail::num;

std::string pair_text(Pair p) {
    return p.h == p.w ? num(p.h) : "(" + num(p.h) + ", " + num(p.w) + ")";
}

std::string sides_list(const Padding& p) {
    return "[" + num(p.top) + ", " + num(p.left) + ", " + num(p.bottom) + ", " + num(p.right) + "]";
}

// The padding `base` actually uses: its numbers, or what its "same" / "valid" rule gives on `plan`'s input.
std::optional<Padding> padding_of(const LayerSpec& base, const std::optional<PoolPlan>& plan) {
    if (base.pad_mode == PadMode::kExplicit) return base.params.padding;
    if (base.pad_mode == PadMode::kValid) return Padding{};
    if (!plan) return std::nullopt;
    Padding p;
    p.top = plan->h.pad_begin, p.bottom = plan->h.pad_end;
    p.left = plan->w.pad_begin, p.right = plan->w.pad_end;
    return p;
}

// The padding part of the translation; `l` starts at the target's defaults.
void translate_padding(const LayerSpec& base, Convention target, const std::optional<PoolPlan>& base_plan,
                       const Shape* input, LayerSpec& l, std::vector<Difference>& notes) {
    const std::string framework(framework_name(target));
    const PoolOp op = base.params.op;
    const std::optional<Padding> pads = padding_of(base, base_plan);
    // A framework that works out "same" padding itself: the same rule, when the original used one.
    const bool same_rule = base.pad_mode == PadMode::kSameUpper || base.pad_mode == PadMode::kSameLower;
    if (framework_can(target, op, LayerFeature::kSamePadding) && same_rule &&
        (base.pad_mode == PadMode::kSameUpper || framework_can(target, op, LayerFeature::kUnequalPadding))) {
        l.pad_mode = target == Convention::kTensorFlow ? PadMode::kSameUpper : base.pad_mode;
        l.params.padding = {};
        return;
    }
    // TensorFlow: Keras' "valid" or "same" where it gives exactly these pads; numbers only through
    // tf.nn.max_pool2d, which takes no dilation or argmax and wants each pad smaller than the window.
    const bool tf = target == Convention::kTensorFlow;
    if (tf && pads && *pads == Padding{}) {
        l.pad_mode = PadMode::kValid;
        l.params.padding = {};
        return;
    }
    if (tf && pads && input) {
        l.pad_mode = PadMode::kSameUpper;
        l.params.padding = {};
        Result<PoolPlan> same = plan_layer(*input, l);
        if (same && same->h.pad_begin == pads->top && same->h.pad_end == pads->bottom &&
            same->w.pad_begin == pads->left && same->w.pad_end == pads->right)
            return;
    }
    const Pair k = base.params.kernel_size;
    const bool keeps_dilation = base.params.dilation != Pair{1, 1} && effective_stride(base) == Pair{1, 1};
    const bool tf_numbers = pads && !keeps_dilation && !base.params.return_indices && pads->top < k.h &&
                            pads->bottom < k.h && pads->left < k.w && pads->right < k.w;
    if (!framework_can(target, op, LayerFeature::kPaddingNumbers) || (tf && !tf_numbers)) {
        l.params.padding = {};
        l.pad_mode = PadMode::kSameUpper;  // the closest
        notes.push_back(note("no_padding_numbers", {framework, pads ? sides_list(*pads) : "this padding"}));
        return;
    }
    l.pad_mode = PadMode::kExplicit;
    if (!pads) {  // a "same" rule, no input to work it out on, and a framework that takes numbers only
        l.params.padding = {};
        notes.push_back(note("no_same_padding", {framework}));
        return;
    }
    if (pads->is_symmetric() || framework_can(target, op, LayerFeature::kUnequalPadding)) {
        l.params.padding = *pads;
        return;
    }
    l.params.padding = Padding::symmetric({pads->top, pads->left});
    notes.push_back(note("no_unequal_padding", {framework, sides_list(*pads)}));
}

}  // namespace

bool framework_can(Convention framework, PoolOp op, LayerFeature feature) {
    const bool max = op == PoolOp::kMax, avg = op == PoolOp::kAvg;
    switch (framework) {
        case Convention::kPyTorch:
            switch (feature) {
                case LayerFeature::kOp:
                    return true;
                case LayerFeature::kDilation:
                    return max;
                case LayerFeature::kCeilMode:
                    return !is_adaptive(op);
                case LayerFeature::kPaddingNumbers:  // nn.LPPool2d takes no padding
                    return max || avg;
                case LayerFeature::kCountIncludePad:
                case LayerFeature::kDivisorOverride:
                    return avg;
                case LayerFeature::kReturnIndices:
                    return is_max(op);
                case LayerFeature::kUnequalPadding:
                case LayerFeature::kSamePadding:
                    return false;
            }
            break;
        case Convention::kTensorFlow:  // Keras' MaxPool2D / AvgPool2D, tf.nn.pool, tf.nn.max_pool2d,
                                       // ..._with_argmax
            switch (feature) {
                case LayerFeature::kOp:
                case LayerFeature::kSamePadding:
                case LayerFeature::kDilation:  // tf.nn.pool's dilation_rate
                    return max || avg;
                case LayerFeature::kPaddingNumbers:  // tf.nn.max_pool2d's explicit padding
                case LayerFeature::kUnequalPadding:
                case LayerFeature::kReturnIndices:  // tf.nn.max_pool_with_argmax
                    return max;
                case LayerFeature::kCeilMode:
                case LayerFeature::kCountIncludePad:
                case LayerFeature::kDivisorOverride:
                    return false;
            }
            break;
        case Convention::kOnnx:  // MaxPool / AveragePool / LpPool (dilations on all three since opset 19)
            switch (feature) {
                case LayerFeature::kOp:
                case LayerFeature::kCeilMode:
                case LayerFeature::kPaddingNumbers:
                case LayerFeature::kUnequalPadding:
                case LayerFeature::kSamePadding:
                case LayerFeature::kDilation:
                    return max || avg || op == PoolOp::kLp;
                case LayerFeature::kReturnIndices:
                    return max;
                case LayerFeature::kCountIncludePad:
                    return avg;
                case LayerFeature::kDivisorOverride:
                    return false;
            }
            break;
        case Convention::kMxnet:  // Gluon nn.MaxPool2D / AvgPool2D, contrib.AdaptiveAvgPooling2D
            switch (feature) {
                case LayerFeature::kOp:
                    return max || avg || op == PoolOp::kAdaptiveAvg;
                case LayerFeature::kCeilMode:
                case LayerFeature::kPaddingNumbers:
                    return max || avg;
                case LayerFeature::kCountIncludePad:
                    return avg;
                case LayerFeature::kDilation:
                case LayerFeature::kUnequalPadding:
                case LayerFeature::kSamePadding:
                case LayerFeature::kDivisorOverride:
                case LayerFeature::kReturnIndices:
                    return false;
            }
            break;
    }
    return false;
}

LayerTranslation translate_layer(const LayerSpec& base, Convention target, const Shape* input) {
    LayerTranslation t;
    if (target == base.convention) {
        t.layer = base;  // the framework's own layer says exactly what it says
        return t;
    }
    const PoolParams& p = base.params;
    const PoolOp op = p.op;
    const std::string framework(framework_name(target));
    LayerSpec& l = t.layer;
    l = default_layer(target, op);
    l.params.kernel_size = p.kernel_size;
    l.params.output_size = p.output_size;
    l.params.norm_type = p.norm_type;
    if (!framework_can(target, op, LayerFeature::kOp)) {
        t.notes.push_back(note("no_op", {framework, std::string(op_name(op))}));
        return t;
    }
    std::optional<PoolPlan> base_plan;
    if (input)
        if (Result<PoolPlan> plan = plan_layer(*input, base); plan) base_plan = std::move(plan).value();
    if (!is_adaptive(op)) {
        l.params.stride = effective_stride(base);
        // Before the padding: "same" pads by the dilated window.
        if (op == PoolOp::kMax && p.dilation != Pair{1, 1}) {
            const Pair s = *l.params.stride;
            const std::string dilation = pair_text(p.dilation);
            if (!framework_can(target, op, LayerFeature::kDilation))
                t.notes.push_back(note("no_dilation", {framework, dilation}));
            else if (target == Convention::kTensorFlow && s != Pair{1, 1})  // tf.nn.pool's rule
                t.notes.push_back(note("dilation_needs_stride_1", {framework, pair_text(s), dilation}));
            else
                l.params.dilation = p.dilation;
        }
        translate_padding(base, target, base_plan, input, l, t.notes);
        if (p.ceil_mode && framework_can(target, op, LayerFeature::kCeilMode)) l.params.ceil_mode = true;
        if (p.ceil_mode && !framework_can(target, op, LayerFeature::kCeilMode))
            t.notes.push_back(note("no_ceil_mode", {framework}));
    }
    if (op == PoolOp::kAvg) {
        if (p.divisor_override) {
            if (framework_can(target, op, LayerFeature::kDivisorOverride))
                l.params.divisor_override = p.divisor_override;
            else
                t.notes.push_back(note("no_divisor_override", {framework, num(*p.divisor_override)}));
        }
        if (framework_can(target, op, LayerFeature::kCountIncludePad))
            l.params.count_include_pad = p.count_include_pad;
        else if (p.count_include_pad && !p.divisor_override &&
                 (base.pad_mode != PadMode::kExplicit || p.padding != Padding{}))
            t.notes.push_back(note("no_count_include_pad", {framework}));  // it counts padding; this cannot
    }
    if (p.return_indices && is_max(op)) {
        // tf.nn.max_pool_with_argmax has no dilation
        if (framework_can(target, op, LayerFeature::kReturnIndices) &&
            (target != Convention::kTensorFlow || l.params.dilation == Pair{1, 1}))
            l.params.return_indices = true;
        else
            t.notes.push_back(note("no_return_indices", {framework}));
    }
    if (target == Convention::kOnnx && base.convention == Convention::kOnnx)
        l.storage_order = base.storage_order;
    // On the input: whatever still differs, in the compare view's words.
    if (input && base_plan) {
        Result<PoolPlan> plan = plan_layer(*input, l);
        if (!plan) {
            t.notes.push_back(note("rejected", {framework, plan.errors().front().message}));
        } else {
            // The compare view also names a padding rule that differs only in name ("same" that pads what the
            // numbers pad): here only what changes the computation counts.
            const bool same_pads =
                plan->h.pad_begin == base_plan->h.pad_begin && plan->h.pad_end == base_plan->h.pad_end &&
                plan->w.pad_begin == base_plan->w.pad_begin && plan->w.pad_end == base_plan->w.pad_end;
            for (Difference& d : plan_differences(*base_plan, *plan))
                if (!same_pads || d.code.rfind("padding_", 0) != 0) t.notes.push_back(std::move(d));
        }
    }
    return t;
}

std::string translated_code(const LayerSpec& base, Convention target, const Shape* input) {
    const LayerTranslation t = translate_layer(base, target, input);
    if (!t.notes.empty() && t.notes.front().code == "no_op") return "# " + t.notes.front().english;
    std::string line = layer_code(t.layer);
    if (t.notes.empty()) return line;
    line += "  # not exactly this layer: ";
    for (size_t i = 0; i < t.notes.size(); ++i)
        line += (i ? "; " : "") + t.notes[i].english;
    return line;
}

std::span<const CompareTemplate> translation_templates() {
    return kTranslateTemplates;
}

}  // namespace poolscope
