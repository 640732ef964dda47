// Quiz questions: building one from a plan, an input and a window (the answer is the core's own trace, never
// stored by hand), the walkthrough shown after the reveal, and "new numbers" for another try.
#include "poolscope/quiz.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "int_text.h"
#include "poolscope/generators.h"
#include "poolscope/output_shape.h"
#include "poolscope/pool_forward.h"
#include "quiz_hints.h"

namespace poolscope {
namespace {

constexpr std::array<std::string_view, 9> kKindNames = {"value",        "argmax",          "divisor",
                                                        "output_shape", "window_cells",    "choice",
                                                        "layer_shape",  "receptive_field", "parameter_count"};

using ::poolscope::detail::num;

std::string out_cell_text(const OutputCell& c) {
    return cell_text({c.oh, c.ow});
}

// The input values a window reads (or their x^p for lp), joined with " + ", at most 16 of them.
std::string terms_text(const CellTrace& t, bool powered) {
    std::string out;
    int shown = 0, total = 0;
    for (size_t i = 0; i < t.taps.size(); ++i) {
        if (t.taps[i].kind != TapKind::kInput) continue;
        if (++total > 16) continue;
        if (shown++) out += " + ";
        out += float_text(powered ? t.powered[i] : t.taps[i].value);
    }
    if (total > 16) out += " + ... (" + num(total) + " terms)";
    return out.empty() ? "0" : out;
}

std::string range_text(int64_t first, int64_t last, int64_t step) {
    std::string s = num(first) + ".." + num(last);
    return step > 1 ? s + " step " + num(step) : s;
}

}  // namespace

std::string_view question_kind_name(QuestionKind kind) {
    return kKindNames[static_cast<size_t>(kind)];
}

std::optional<QuestionKind> parse_question_kind(std::string_view name) {
    for (size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name) return static_cast<QuestionKind>(i);
    return std::nullopt;
}

std::optional<Error> question_fits(QuestionKind kind, const PoolPlan& plan, OutputCell cell) {
    const std::string op(op_name(plan.op()));
    if (kind == QuestionKind::kChoice)
        return Error{"kind", "a choice question is made by make_choice_question"};
    if (is_network_question(kind))
        return Error{"kind",
                     "a " + std::string(question_kind_name(kind)) + " question is about a network step"};
    if (kind == QuestionKind::kOutputShape) return std::nullopt;
    const Shape& o = plan.output;
    if (cell.n < 0 || cell.c < 0 || cell.oh < 0 || cell.ow < 0 || cell.n >= o.n || cell.c >= o.c ||
        cell.oh >= o.h || cell.ow >= o.w)
        return Error{"cell", "output cell " + out_cell_text(cell) + " (n " + num(cell.n) + ", c " +
                                 num(cell.c) + ") is outside the output " + num(o.n) + "x" + num(o.c) + "x" +
                                 num(o.h) + "x" + num(o.w)};
    if (kind == QuestionKind::kArgmax && !is_max(plan.op()))
        return Error{"kind", "an argmax question needs a max op, not " + op};
    if (kind == QuestionKind::kDivisor && plan.op() != PoolOp::kAvg && plan.op() != PoolOp::kAdaptiveAvg)
        return Error{"kind", "a divisor question needs avg_pool2d or adaptive_avg_pool2d, not " + op};
    return std::nullopt;
}

int64_t question_work(QuestionKind kind, const PoolPlan& plan, OutputCell cell) {
    constexpr int64_t kQuestion = 64;  // the question itself: prompt, plan copies
    if (kind == QuestionKind::kChoice || kind == QuestionKind::kOutputShape) return kQuestion;
    const Shape& in = plan.input;
    const Shape& o = plan.output;
    // The taps make_question's trace lists (as trace_cell lists them: every tap up to kMaxTraceTaps, beyond
    // that the input cells only).
    int64_t taps = 0;
    if (is_adaptive(plan.op())) {
        const int64_t oh = std::clamp<int64_t>(cell.oh, 0, std::max<int64_t>(o.h - 1, 0));
        const int64_t ow = std::clamp<int64_t>(cell.ow, 0, std::max<int64_t>(o.w - 1, 0));
        taps = saturating_mul(adaptive_end(oh, in.h, o.h) - adaptive_start(oh, in.h, o.h),
                              adaptive_end(ow, in.w, o.w) - adaptive_start(ow, in.w, o.w));
    } else {
        taps = saturating_mul(plan.params.kernel_size.h, plan.params.kernel_size.w);
        if (taps > kMaxTraceTaps) taps = std::min(taps, in.plane());
    }
    int64_t work = kQuestion + saturating_mul(taps, kTracedTapReads);
    if (in.plane() <= kMaxQuizScan) work += in.plane();  // the input plane kept for hints
    const int64_t kernel =
        is_adaptive(plan.op()) ? taps + 1 : plan.params.kernel_size.h * plan.params.kernel_size.w;
    if (o.plane() <= kMaxQuizScan && o.plane() <= kMaxQuizScan * 64 / std::max<int64_t>(1, kernel))
        work += in.plane() + saturating_mul(o.plane(), kernel);  // the output plane, for hints
    return work;
}

Result<Question> make_question(QuestionKind kind, const PoolPlan& plan, const Tensor& input,
                               OutputCell cell) {
    if (std::optional<Error> e = question_fits(kind, plan, cell)) return *e;
    Question q;
    q.kind = kind;
    q.op = plan.op();
    q.adaptive = is_adaptive(plan.op());
    q.cell = cell;
    q.params = plan.params;
    q.h = plan.h;
    q.w = plan.w;
    const std::string op(op_name(plan.op()));
    if (kind == QuestionKind::kOutputShape) {
        q.shape = {plan.output.h, plan.output.w};
        q.prompt = {"prompt_output_shape", {op, num(plan.input.h) + "x" + num(plan.input.w)}};
        return q;
    }
    if (!(input.shape() == plan.input)) return Error{"input", "the input does not have the plan's shape"};
    q.trace = trace_cell(plan, input, cell);
    const CellTrace& t = q.trace;
    if (kind == QuestionKind::kArgmax && t.argmax_tap < 0)
        return Error{"cell", "the window of " + out_cell_text(cell) + " holds no input cell"};
    for (const Tap& tap : t.taps)
        if (tap.kind == TapKind::kInput) q.cells.push_back({tap.ih, tap.iw});
    std::sort(q.cells.begin(), q.cells.end());
    q.value = t.result;
    q.divisor = t.divisor;
    if (t.argmax_tap >= 0) {
        const Tap& best = t.taps[static_cast<size_t>(t.argmax_tap)];
        q.argmax = {best.ih, best.iw};
    } else {
        q.argmax = {-1, -1};
    }
    const char* prompt = kind == QuestionKind::kValue     ? "prompt_value"
                         : kind == QuestionKind::kArgmax  ? "prompt_argmax"
                         : kind == QuestionKind::kDivisor ? "prompt_divisor"
                                                          : "prompt_window_cells";
    q.prompt = {prompt, {op, out_cell_text(cell)}};

    // What hints compare a wrong answer with: the window's channel planes, when small enough to search.
    const Shape& o = plan.output;
    q.input_h = plan.input.h;
    q.input_w = plan.input.w;
    q.output_w = o.w;
    if (plan.input.plane() <= kMaxQuizScan)
        q.input_plane.assign(input.plane(cell.n, cell.c), input.plane(cell.n, cell.c) + plan.input.plane());
    const int64_t taps =
        is_adaptive(plan.op()) ? t.rows * t.cols + 1 : plan.params.kernel_size.h * plan.params.kernel_size.w;
    if (o.plane() <= kMaxQuizScan && o.plane() <= kMaxQuizScan * 64 / std::max<int64_t>(1, taps)) {
        // Only this channel: a plan for one 1x1xHxW plane gives the same windows.
        Result<PoolPlan> one = make_plan({1, 1, plan.input.h, plan.input.w}, plan.params);
        Result<Tensor> plane =
            Tensor::from_values({1, 1, plan.input.h, plan.input.w},
                                std::vector<float>(input.plane(cell.n, cell.c),
                                                   input.plane(cell.n, cell.c) + plan.input.plane()));
        if (one && plane) q.output_plane = forward(*one, *plane).values.values();
    }
    return q;
}

Result<Question> make_choice_question(int64_t count, int64_t correct) {
    if (count < 2) return Error{"options", "a choice question needs at least 2 options, got " + num(count)};
    if (correct < 0 || correct >= count)
        return Error{"answer",
                     "the answer " + num(correct) + " is not one of the " + num(count) + " options"};
    Question q;
    q.kind = QuestionKind::kChoice;
    q.choice_count = count;
    q.correct_choice = correct;
    q.prompt = {"prompt_choice", {num(count)}};
    return q;
}

std::vector<QuizText> explain(const Question& q) {
    const CellTrace& t = q.trace;
    std::vector<QuizText> lines;
    switch (q.kind) {
        case QuestionKind::kValue:
        case QuestionKind::kArgmax:
            if (is_max(q.op)) {
                int64_t count = 0;
                for (const Tap& tap : t.taps)
                    count += tap.kind == TapKind::kInput;
                lines.push_back({std::isnan(q.value) ? "explain_max_nan" : "explain_max",
                                 {num(count), float_text(q.value), cell_text(q.argmax)}});
            } else if (q.op == PoolOp::kLp) {
                lines.push_back({"explain_lp",
                                 {float_text(static_cast<float>(t.norm_type)), terms_text(t, true),
                                  float_text(t.sum), num(t.divisor), float_text(t.lp_mean), num(t.lp_area),
                                  float_text(t.lp_scaled), float_text(t.result)}});
            } else {
                lines.push_back(
                    {"explain_avg",
                     {terms_text(t, false), float_text(t.sum), num(t.divisor), float_text(t.result)}});
            }
            break;
        case QuestionKind::kDivisor:
            switch (t.divisor_rule) {
                case DivisorRule::kWindowArea:
                    lines.push_back(
                        {"explain_divisor_window", {num(t.divisor_h), num(t.divisor_w), num(t.divisor)}});
                    break;
                case DivisorRule::kRealCells:
                    lines.push_back(
                        {"explain_divisor_real", {num(t.divisor_h), num(t.divisor_w), num(t.divisor)}});
                    break;
                case DivisorRule::kOverride:
                    lines.push_back({"explain_divisor_override", {num(t.divisor)}});
                    break;
                case DivisorRule::kAdaptiveArea:
                    lines.push_back(
                        {"explain_divisor_adaptive", {num(t.divisor_h), num(t.divisor_w), num(t.divisor)}});
                    break;
                case DivisorRule::kNone:
                    break;
            }
            break;
        case QuestionKind::kOutputShape:
            if (q.adaptive) {
                lines.push_back({"explain_shape_adaptive", {num(q.shape.h), num(q.shape.w)}});
                break;
            }
            for (int axis = 0; axis < 2; ++axis) {
                const AxisShape& a = axis == 0 ? q.h : q.w;
                lines.push_back(
                    {"explain_shape_axis",
                     {axis == 0 ? "H" : "W", num(a.input), num(a.pad_begin), num(a.pad_end), num(a.dilation),
                      num(a.kernel), num(a.effective_kernel), num(a.slide), num(a.stride),
                      a.ceil_mode ? "ceil" : "floor", num(a.quotient), num(a.raw_output)}});
                if (a.dropped_last_window)
                    lines.push_back({"explain_shape_dropped", {axis == 0 ? "H" : "W", num(a.output)}});
            }
            break;
        case QuestionKind::kWindowCells:
            lines.push_back({"explain_window",
                             {range_text(t.h_start, t.h_start + (t.rows - 1) * t.step_h, t.step_h),
                              range_text(t.w_start, t.w_start + (t.cols - 1) * t.step_w, t.step_w),
                              num(static_cast<int64_t>(q.cells.size()))}});
            break;
        case QuestionKind::kChoice:
            break;
        case QuestionKind::kLayerShape:
        case QuestionKind::kReceptiveField:
        case QuestionKind::kParameterCount:
            return explain_network(q);
    }
    return lines;
}

Result<Tensor> quiz_new_numbers(const Tensor& current, uint32_t seed) {
    bool negative = false;
    for (float v : current.values())
        negative = negative || v < 0.0f;
    return make_random_integers(current.shape(), negative ? -9 : 0, 9, seed, current.rank());
}

}  // namespace poolscope
