// check_answer(): right or wrong, and for a wrong answer the most specific hint the trace supports. Each
// diagnosis recomputes what a typical mistake would give (dividing by the whole kernel, floor instead of
// ceil, forgetting the root of lp pooling...) and names the mistake when the answer matches it; the general
// hint comes last. A hint teaches the rule the answer broke and quotes only what the student gave: never the
// right answer (that is the reveal's), nor a number another open question asks for (the divisor, another
// window's result, where the window lies). Hint codes and their English text: quiz_text.cpp.
#include <algorithm>
#include <cmath>
#include <set>

#include "int_text.h"
#include "poolscope/lp_pool.h"
#include "poolscope/quiz.h"
#include "quiz_hints.h"

namespace poolscope {
namespace {

using ::poolscope::detail::num;

// The typed text names `candidate`, exactly or rounded as the value rule allows (so "3" does not name 2.55:
// with too few decimals the number the student computed cannot be told).
bool says(const std::string& text, float candidate) {
    const NumberMatch m = match_number(text, candidate);
    return m == NumberMatch::kExact || m == NumberMatch::kRounded;
}

struct WindowFacts {
    int64_t real = 0;       // input cells in the window
    int64_t padding = 0;    // explicit padding taps
    int64_t overhang = 0;   // taps past the padded input (ceil_mode)
    float max = -INFINITY;  // largest input value (NaN ignored)
    float sum = 0.0f;       // float32 sum of the input values, in tap order
    bool nan = false;       // an input value is NaN
};

WindowFacts facts_of(const CellTrace& t) {
    WindowFacts f;
    for (const Tap& tap : t.taps) {
        if (tap.kind == TapKind::kPadding) ++f.padding;
        if (tap.kind == TapKind::kOverhang) ++f.overhang;
        if (tap.kind != TapKind::kInput) continue;
        ++f.real;
        f.sum += tap.value;
        if (std::isnan(tap.value))
            f.nan = true;
        else
            f.max = std::max(f.max, tap.value);
    }
    return f;
}

// Whether the answer names another output cell of the same channel (the student pooled the wrong window).
// Which cell is not said: its value may be what another, unanswered question asks.
bool names_other_output(const Question& q, const std::string& text) {
    for (size_t i = 0; i < q.output_plane.size(); ++i) {
        const CellRef at{static_cast<int64_t>(i) / q.output_w, static_cast<int64_t>(i) % q.output_w};
        if (at == CellRef{q.cell.oh, q.cell.ow}) continue;
        if (says(text, q.output_plane[i])) return true;
    }
    return false;
}

bool in_window(const CellTrace& t, CellRef c) {
    for (const Tap& tap : t.taps)
        if (tap.kind == TapKind::kInput && tap.ih == c.h && tap.iw == c.w) return true;
    return false;
}

// The value of an input cell of the window (callers check in_window first).
float window_value(const CellTrace& t, CellRef c) {
    for (const Tap& tap : t.taps)
        if (tap.kind == TapKind::kInput && tap.ih == c.h && tap.iw == c.w) return tap.value;
    return NAN;
}

bool inside_input(const Question& q, CellRef c) {
    return c.h >= 0 && c.w >= 0 && c.h < q.input_h && c.w < q.input_w;
}

// ---------------------------------------------------------------- value
QuizText max_value_hint(const Question& q, const std::string& text, const WindowFacts& f) {
    const CellTrace& t = q.trace;
    if (f.nan) return {"nan_wins", {}};
    if (f.padding > 0 && says(text, 0.0f) && q.value < 0.0f) return {"padding_is_neg_inf", {}};
    for (const Tap& tap : t.taps)
        if (tap.kind == TapKind::kInput && tap.value != q.value && says(text, tap.value))
            return {"not_largest", {float_text(tap.value), cell_text({tap.ih, tap.iw})}};
    if (f.real > 1 && says(text, f.sum / static_cast<float>(f.real))) return {"took_average", {}};
    if (names_other_output(q, text)) return {"other_window", {}};
    for (size_t i = 0; i < q.input_plane.size(); ++i) {
        const CellRef c{static_cast<int64_t>(i) / q.input_w, static_cast<int64_t>(i) % q.input_w};
        if (!in_window(t, c) && says(text, q.input_plane[i]))
            return {"outside_window", {float_text(q.input_plane[i]), cell_text(c)}};
    }
    return {"max_compare", {}};
}

// The divisor the student probably used instead, given what the layer divides by. The hint quotes the
// student's count and names the rule, never the right count (a divisor question may be open beside it).
QuizText divisor_mistake(const Question& q, int64_t used, const WindowFacts& f) {
    const CellTrace& t = q.trace;
    const int64_t kernel_area = t.rows * t.cols;
    if (used == t.divisor) return {};
    switch (t.divisor_rule) {
        case DivisorRule::kRealCells:
            if (used == kernel_area || used == f.real + f.padding) return {"counted_padding", {num(used)}};
            break;
        case DivisorRule::kWindowArea:
            if (used == f.real && f.padding > 0) return {"counted_only_real", {num(used)}};
            if (used == kernel_area && f.overhang > 0) return {"counted_overhang", {num(used)}};
            break;
        case DivisorRule::kOverride: {
            const int64_t natural = q.params.count_include_pad ? f.real + f.padding : f.real;
            if (used == natural || used == kernel_area) return {"ignored_override", {num(used)}};
            break;
        }
        case DivisorRule::kAdaptiveArea:
            break;
        case DivisorRule::kNone:
            break;
    }
    return {};
}

QuizText avg_value_hint(const Question& q, const std::string& text, const WindowFacts& f) {
    const CellTrace& t = q.trace;
    if (f.nan) return {"nan_spreads", {}};
    if (t.divisor != 1 && says(text, t.sum)) return {"forgot_divide", {float_text(t.sum)}};
    const int64_t kernel_area = t.rows * t.cols;
    for (int64_t used : {kernel_area, f.real, f.real + f.padding}) {
        if (used <= 0 || used == t.divisor) continue;
        if (says(text, t.sum / static_cast<float>(used))) {
            QuizText hint = divisor_mistake(q, used, f);
            if (!hint.code.empty()) return hint;
        }
    }
    if (t.divisor_rule == DivisorRule::kOverride) {
        const int64_t natural = q.params.count_include_pad ? f.real + f.padding : f.real;
        if (natural > 0 && says(text, t.sum / static_cast<float>(natural)))
            return {"ignored_override", {num(natural)}};
    }
    if (f.real > 1 && says(text, f.max) && f.max != q.value) return {"took_max", {}};
    if (names_other_output(q, text)) return {"other_window", {}};
    return {"avg_recount", {}};
}

QuizText lp_value_hint(const Question& q, const std::string& text, const WindowFacts& f) {
    const CellTrace& t = q.trace;
    const std::string p = float_text(static_cast<float>(t.norm_type));
    if (says(text, t.lp_scaled) && t.lp_scaled != q.value)
        return {"lp_forgot_root", {p, float_text(t.lp_scaled)}};
    const float no_scale = torch_pow(t.lp_mean, lp_root_exponent(t.norm_type), 0, 1);
    if (says(text, no_scale) && no_scale != q.value) return {"lp_forgot_scale", {num(t.lp_area)}};
    if (f.real > 0 && says(text, f.max) && f.max != q.value) return {"lp_not_max", {p}};
    if (t.lp_area != t.divisor) {
        const float plain = torch_pow(t.sum, lp_root_exponent(t.norm_type), 0, 1);
        if (says(text, plain)) return {"lp_clipped_scale", {num(t.divisor), num(t.lp_area)}};
    }
    if (names_other_output(q, text)) return {"other_window", {}};
    return {"lp_recompute", {p}};
}

Verdict check_value(const Question& q, const QuizAnswer& a) {
    Verdict v;
    v.reveal = {"answer_value", {float_text(q.value)}};
    switch (match_number(a.text, q.value)) {
        case NumberMatch::kExact:
            v.correct = true;
            return v;
        case NumberMatch::kRounded:
            v.correct = true;
            v.hint = {"rounded_ok", {float_text(q.value)}};
            return v;
        case NumberMatch::kUnreadable:
            v.hint = {"unreadable_number", {a.text}};
            return v;
        case NumberMatch::kNeedsMoreDecimals:
            v.hint = {"more_decimals", {num(required_decimals(q.value))}};
            return v;
        case NumberMatch::kWrong:
            break;
    }
    const WindowFacts f = facts_of(q.trace);
    v.hint = is_max(q.op)          ? max_value_hint(q, a.text, f)
             : q.op == PoolOp::kLp ? lp_value_hint(q, a.text, f)
                                   : avg_value_hint(q, a.text, f);
    return v;
}

// ---------------------------------------------------------------- argmax
Verdict check_argmax(const Question& q, const QuizAnswer& a) {
    Verdict v;
    v.reveal = {"answer_cell", {cell_text(q.argmax)}};
    if (!a.cell) {
        v.hint = {"pick_a_cell", {}};
        return v;
    }
    const CellRef c = *a.cell;
    if (c == q.argmax) {
        v.correct = true;
        return v;
    }
    const WindowFacts f = facts_of(q.trace);
    if (!inside_input(q, c)) {
        v.hint = {"padding_never_wins", {cell_text(c)}};
        return v;
    }
    if (!in_window(q.trace, c)) {
        v.hint = {"cell_outside_window", {cell_text(c)}};
        return v;
    }
    const float picked = window_value(q.trace, c);
    if (f.nan) {
        v.hint = std::isnan(picked) ? QuizText{"nan_last_wins", {cell_text(c)}} : QuizText{"nan_wins", {}};
        return v;
    }
    if (picked == q.value) {
        v.hint = {"tie_first", {cell_text(c)}};
        return v;
    }
    v.hint = {"not_largest", {float_text(picked), cell_text(c)}};
    return v;
}

// ---------------------------------------------------------------- divisor
Verdict check_divisor(const Question& q, const QuizAnswer& a) {
    Verdict v;
    v.reveal = {"answer_divisor", {num(q.divisor)}};
    const std::optional<double> typed = parse_typed_number(a.text);
    if (!typed || std::isnan(*typed) || std::isinf(*typed) || *typed != std::floor(*typed) ||
        std::fabs(*typed) > 1e15) {
        v.hint = {"divisor_integer", {a.text}};
        return v;
    }
    const int64_t used = static_cast<int64_t>(*typed);
    if (used == q.divisor) {
        v.correct = true;
        return v;
    }
    const WindowFacts f = facts_of(q.trace);
    v.hint = divisor_mistake(q, used, f);
    if (!v.hint.code.empty()) return v;
    switch (q.trace.divisor_rule) {
        case DivisorRule::kWindowArea:
            v.hint = {"divisor_rule_window", {}};
            break;
        case DivisorRule::kRealCells:
            v.hint = {"divisor_rule_real", {}};
            break;
        case DivisorRule::kOverride:
            v.hint = {"divisor_rule_override", {}};
            break;
        default:
            v.hint = {"divisor_rule_adaptive", {}};
            break;
    }
    return v;
}

}  // namespace

// ---------------------------------------------------------------- output shape
// Shared with network_quiz.cpp (quiz_hints.h): what a wrong output size says about the formula.
QuizText axis_mistake(const Question& q, const AxisShape& a, int64_t used, const char* axis) {
    auto with = [&](int64_t stride, int64_t pb, int64_t pe, int64_t dil, bool ceil) {
        return explain_axis(a.input, a.kernel, stride, pb, pe, dil, ceil).output;
    };
    if (a.ceil_mode && used == with(a.stride, a.pad_begin, a.pad_end, a.dilation, false))
        return {"used_floor", {axis}};
    if (!a.ceil_mode && used == with(a.stride, a.pad_begin, a.pad_end, a.dilation, true))
        return {"used_ceil", {axis}};
    if (a.dropped_last_window && used == a.raw_output) return {"last_window_dropped", {axis}};
    if (a.pad_begin + a.pad_end > 0 && used == with(a.stride, 0, 0, a.dilation, a.ceil_mode))
        return {"forgot_padding", {axis, num(a.pad_begin + a.pad_end)}};
    if (a.pad_begin > 0 && a.pad_begin == a.pad_end &&
        used == with(a.stride, a.pad_begin, 0, a.dilation, a.ceil_mode))
        return {"padding_both_sides", {axis, num(a.pad_begin)}};
    if (a.dilation > 1 && used == with(a.stride, a.pad_begin, a.pad_end, 1, a.ceil_mode))
        return {"forgot_dilation", {axis, num(a.dilation), num(a.effective_kernel)}};
    if (a.stride > 1 && used == with(1, a.pad_begin, a.pad_end, a.dilation, a.ceil_mode))
        return {q.params.stride ? "forgot_stride" : "stride_defaults_to_kernel", {axis, num(a.stride)}};
    if (used == a.output - 1 || used == a.quotient) return {"forgot_plus_one", {axis}};
    return {"shape_recompute", {axis}};
}

namespace {

Verdict check_shape(const Question& q, const QuizAnswer& a) {
    Verdict v;
    v.reveal = {"answer_shape", {num(q.shape.h), num(q.shape.w)}};
    if (a.shape == q.shape) {
        v.correct = true;
        return v;
    }
    if (a.shape.h == q.shape.w && a.shape.w == q.shape.h) {
        v.hint = {"swapped_axes", {}};  // worded as the rule (H first), not as "right numbers"
        return v;
    }
    if (q.adaptive) {
        v.hint = {"adaptive_shape", {}};
        return v;
    }
    v.hint =
        a.shape.h != q.shape.h ? axis_mistake(q, q.h, a.shape.h, "H") : axis_mistake(q, q.w, a.shape.w, "W");
    return v;
}

// ---------------------------------------------------------------- window cells
std::set<CellRef> window_at(const Question& q, int64_t h_start, int64_t w_start, int64_t step_h,
                            int64_t step_w, int64_t rows, int64_t cols) {
    std::set<CellRef> cells;
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c) {
            const CellRef cell{h_start + r * step_h, w_start + c * step_w};
            if (inside_input(q, cell)) cells.insert(cell);
        }
    return cells;
}

Verdict check_cells(const Question& q, const QuizAnswer& a) {
    Verdict v;
    v.reveal = {"answer_cells", {num(static_cast<int64_t>(q.cells.size()))}};
    std::set<CellRef> given;
    bool outside = false;
    for (const CellRef& c : a.cells) {
        if (inside_input(q, c))
            given.insert(c);
        else
            outside = true;
    }
    const std::set<CellRef> truth(q.cells.begin(), q.cells.end());
    if (given == truth) {
        v.correct = true;
        if (outside) v.hint = {"padding_not_cells", {}};
        return v;
    }
    const CellTrace& t = q.trace;
    if (!q.adaptive) {
        // Same window without the dilation gaps, at stride 1, or not shifted by the padding.
        if ((t.step_h > 1 || t.step_w > 1) &&
            given == window_at(q, t.h_start, t.w_start, 1, 1, (t.rows - 1) * t.step_h + 1,
                               (t.cols - 1) * t.step_w + 1))
            v.hint = {"dilation_gaps", {num(t.step_h), num(t.step_w)}};
        else if ((q.h.stride > 1 || q.w.stride > 1) &&
                 given == window_at(q, q.cell.oh - q.h.pad_begin, q.cell.ow - q.w.pad_begin, t.step_h,
                                    t.step_w, t.rows, t.cols))
            v.hint = {"window_forgot_stride", {num(q.h.stride), num(q.w.stride)}};
        else if ((q.h.pad_begin > 0 || q.w.pad_begin > 0) &&
                 given == window_at(q, q.cell.oh * q.h.stride, q.cell.ow * q.w.stride, t.step_h, t.step_w,
                                    t.rows, t.cols))
            v.hint = {"window_forgot_padding", {num(q.h.pad_begin), num(q.w.pad_begin)}};
        if (!v.hint.code.empty()) return v;
    }
    int64_t missing = 0, extra = 0;
    for (const CellRef& c : truth)
        missing += !given.count(c);
    for (const CellRef& c : given)
        extra += !truth.count(c);
    v.hint = missing && extra ? QuizText{"cells_missing_extra", {num(missing), num(extra)}}
             : missing        ? QuizText{"cells_missing", {num(missing)}}
                              : QuizText{"cells_extra", {num(extra)}};
    return v;
}

}  // namespace

Verdict check_answer(const Question& q, const QuizAnswer& a) {
    switch (q.kind) {
        case QuestionKind::kValue:
            return check_value(q, a);
        case QuestionKind::kArgmax:
            return check_argmax(q, a);
        case QuestionKind::kDivisor:
            return check_divisor(q, a);
        case QuestionKind::kOutputShape:
            return check_shape(q, a);
        case QuestionKind::kWindowCells:
            return check_cells(q, a);
        case QuestionKind::kLayerShape:
        case QuestionKind::kReceptiveField:
        case QuestionKind::kParameterCount:
            return check_network_answer(q, a);
        case QuestionKind::kChoice: {
            Verdict v;
            v.reveal = {"answer_choice", {num(q.correct_choice + 1)}};
            v.correct = a.choice == q.correct_choice;
            // {0}: the option picked, from 1; lesson_quiz_text() names it by its text and the lesson's `why`.
            if (a.choice < 0 || a.choice >= q.choice_count)
                v.hint = {"pick_an_option", {}};
            else if (!v.correct)
                v.hint = {"choice_wrong", {num(a.choice + 1)}};
            return v;
        }
    }
    return {};
}

}  // namespace poolscope
