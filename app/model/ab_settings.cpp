// The A/B view's model (see ab_settings.h). What B changes is one field of A's layer; the comparison, the
// differing cells and every reason are the core's (compare_ab), so the view only draws them.
#include "model/ab_settings.h"

#include <algorithm>
#include <array>

#include "poolscope/layer_translate.h"

namespace poolscope::app {
namespace {

constexpr std::array<AbField, 7> kFields = {AbField::kCeilMode, AbField::kCountIncludePad, AbField::kPadding,
                                            AbField::kStride,   AbField::kKernel,          AbField::kDilation,
                                            AbField::kMode};

bool windowed(PoolOp op) {
    return !is_adaptive(op);
}

// B's op for the mode field: the other of max and average (adaptive ops stay adaptive).
PoolOp other_mode(PoolOp op) {
    switch (op) {
        case PoolOp::kMax:
            return PoolOp::kAvg;
        case PoolOp::kAdaptiveMax:
            return PoolOp::kAdaptiveAvg;
        case PoolOp::kAdaptiveAvg:
            return PoolOp::kAdaptiveMax;
        case PoolOp::kAvg:
        case PoolOp::kLp:
            break;
    }
    return PoolOp::kMax;
}

}  // namespace

std::span<const AbField> ab_fields() {
    return kFields;
}

const char* ab_field_name(AbField field) {
    switch (field) {
        case AbField::kCeilMode:
            return "ceil_mode";
        case AbField::kCountIncludePad:
            return "count_include_pad";
        case AbField::kPadding:
            return "padding";
        case AbField::kStride:
            return "stride";
        case AbField::kKernel:
            return "kernel_size";
        case AbField::kDilation:
            return "dilation";
        case AbField::kMode:
            break;
    }
    return "mode";
}

bool ab_field_applies(const LayerSpec& a, AbField field) {
    const PoolOp op = a.params.op;
    if (a.params.global_pool && field != AbField::kMode) return false;
    switch (field) {
        case AbField::kCeilMode:
            return windowed(op) && framework_can(a.convention, op, LayerFeature::kCeilMode);
        case AbField::kCountIncludePad:
            return op == PoolOp::kAvg && a.pad_mode == PadMode::kExplicit &&
                   framework_can(a.convention, op, LayerFeature::kCountIncludePad);
        case AbField::kPadding:
            return windowed(op) && op != PoolOp::kLp && a.pad_mode == PadMode::kExplicit;
        case AbField::kStride:
        case AbField::kKernel:
            return windowed(op);
        case AbField::kDilation:
            return windowed(op) && framework_can(a.convention, op, LayerFeature::kDilation);
        case AbField::kMode:
            return true;
    }
    return false;
}

AbChoice suggest_choice(const LayerSpec& a, AbField field) {
    const PoolParams& p = a.params;
    AbChoice c;
    c.field = field;
    switch (field) {
        case AbField::kCeilMode:
            c.flag = !p.ceil_mode;
            break;
        case AbField::kCountIncludePad:
            c.flag = !p.count_include_pad;
            break;
        case AbField::kPadding: {
            const bool pads = p.padding != Padding{};
            // PyTorch allows at most half the (effective) kernel: 1 needs a kernel of 2 or more.
            c.pair = pads ? Pair{0, 0}
                          : Pair{std::min<int64_t>(1, p.kernel_size.h / 2),
                                 std::min<int64_t>(1, p.kernel_size.w / 2)};
            break;
        }
        case AbField::kStride: {
            const Pair s = effective_stride(a);
            c.pair =
                s == Pair{1, 1} ? (p.kernel_size == Pair{1, 1} ? Pair{2, 2} : p.kernel_size) : Pair{1, 1};
            break;
        }
        case AbField::kKernel:
            c.pair = {p.kernel_size.h + 1, p.kernel_size.w + 1};
            break;
        case AbField::kDilation:
            c.pair = p.dilation == Pair{1, 1} ? Pair{2, 2} : Pair{1, 1};
            break;
        case AbField::kMode:
            c.op = other_mode(p.op);
            break;
    }
    return c;
}

LayerSpec apply_choice(const LayerSpec& a, const AbChoice& c) {
    LayerSpec b = a;
    PoolParams& p = b.params;
    switch (c.field) {
        case AbField::kCeilMode:
            p.ceil_mode = c.flag;
            break;
        case AbField::kCountIncludePad:
            p.count_include_pad = c.flag;
            break;
        case AbField::kPadding:
            p.padding = Padding::symmetric(c.pair);
            break;
        case AbField::kStride:
            p.stride = c.pair;
            break;
        case AbField::kKernel:
            p.kernel_size = c.pair;
            break;
        case AbField::kDilation:
            p.dilation = c.pair;
            break;
        case AbField::kMode:
            p.op = c.op;
            if (c.op == PoolOp::kLp && p.norm_type == 0.0) p.norm_type = 2.0;
            break;
    }
    return b;
}

std::optional<AbChoice> choice_between(const LayerSpec& a, const LayerSpec& b) {
    const PoolParams& p = b.params;
    for (AbField field : kFields) {
        AbChoice c;
        c.field = field;
        c.flag = field == AbField::kCeilMode ? p.ceil_mode : p.count_include_pad;
        c.op = p.op;
        c.pair = field == AbField::kPadding  ? Pair{p.padding.top, p.padding.left}
                 : field == AbField::kStride ? effective_stride(b)
                 : field == AbField::kKernel ? p.kernel_size
                                             : p.dilation;
        if (same_layer(apply_choice(a, c), b)) return c;
    }
    return std::nullopt;
}

AbShown compute_ab(const Document& doc, const AbSettings& settings) {
    AbShown shown;
    shown.a = settings.lesson ? settings.lesson->a : layer_of(doc);
    shown.b = settings.lesson ? settings.lesson->b : apply_choice(shown.a, settings.choice);
    Result<AbComparison> comparison = compare_ab(doc.input, shown.a, shown.b);
    if (comparison)
        shown.comparison = std::move(comparison).value();
    else
        shown.errors = comparison.errors();
    return shown;
}

void leave_lesson_compare(AbSettings& settings, const Document& doc) {
    const LayerSpec a = layer_of(doc);
    std::optional<AbChoice> kept =
        settings.lesson ? choice_between(settings.lesson->a, settings.lesson->b) : std::nullopt;
    if (kept && ab_field_applies(a, kept->field))  // the lesson's change; the other way when A already has it
        settings.choice = same_layer(apply_choice(a, *kept), a) ? suggest_choice(a, kept->field) : *kept;
    else
        settings.choice = suggest_choice(a, AbField::kCeilMode);
    settings.lesson.reset();
    settings.lesson_step.clear();
}

}  // namespace poolscope::app
