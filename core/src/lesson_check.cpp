// Running lesson steps through the core: the plan under the step's convention (plan_layer()), the forward
// and backward passes, and check_lesson(), which compares every step's expected results (output, grad_input,
// shape, error) with what the core computes.
// Also the narration markup parser the app draws from.
#include <algorithm>
#include <cmath>
#include <string>

#include "lesson_reading.h"
#include "poolscope/json_tensor.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

std::string dims_text(const Shape& s) {
    return std::to_string(s.n) + "x" + std::to_string(s.c) + "x" + std::to_string(s.h) + "x" +
           std::to_string(s.w);
}

// The output's dims in the rank the author wrote; leading dims must be 1 when fewer are written.
bool shape_matches(const Shape& actual, const std::vector<int64_t>& written) {
    const int64_t dims[4] = {actual.n, actual.c, actual.h, actual.w};
    const size_t lead = 4 - written.size();
    for (size_t i = 0; i < 4; ++i) {
        if (i < lead) {
            if (dims[i] != 1) return false;
        } else if (dims[i] != written[i - lead]) {
            return false;
        }
    }
    return true;
}

std::string written_text(const std::vector<int64_t>& dims) {
    std::string text = "[";
    for (size_t i = 0; i < dims.size(); ++i)
        text += (i ? ", " : "") + std::to_string(dims[i]);
    return text + "]";
}

std::vector<int64_t> as_written(const Shape& s, int rank) {
    const std::vector<int64_t> all = {s.n, s.c, s.h, s.w};
    return {all.end() - rank, all.end()};
}

std::string cut(std::string text) {
    return text.size() > 200 ? text.substr(0, 197) + "..." : text;  // tensor text is ASCII
}

// Textbooks print rounded values (D2L: 4 decimals), so a printed value matches when it is that close.
bool close(float expected, float actual) {
    if (std::isnan(expected) || std::isnan(actual)) return std::isnan(expected) && std::isnan(actual);
    if (std::isinf(expected) || std::isinf(actual)) return expected == actual;
    return std::fabs(expected - actual) <= 1e-4f * std::max(1.0f, std::fabs(expected));
}

// Where flat element j of a tensor shaped `s` is, as the author wrote it (`rank` dims).
std::string index_text(const Shape& s, int64_t j, int rank) {
    const std::vector<int64_t> index = {j / (s.c * s.h * s.w), j / (s.h * s.w) % s.c, j / s.w % s.h, j % s.w};
    return written_text({index.end() - rank, index.end()});
}

// expected.grad_input against the backward pass of the step's grad_output (the loader made sure it exists and
// is shaped like the output).
template <typename Fail>
void check_grad_input(const LessonStep& step, const PoolPlan& plan, Fail& fail) {
    const std::string at = step.path + "/expected/grad_input";
    const Tensor& expected = *step.expected.grad_input;
    const Pair k = step.params.kernel_size;
    if (!step.input || !step.grad_output) {
        fail(at, "grad_input needs a pool step with an input and a grad_output");
        return;
    }
    if (!is_adaptive(step.params.op) &&
        plan.output.numel() > kMaxLessonWork / std::max<int64_t>(1, k.h * k.w)) {
        fail(at, "this step needs more window reads than a lesson may spend (" +
                     std::to_string(kMaxLessonWork) + ")");
        return;
    }
    if (!backward_supported(plan)) {
        fail(at, unsupported_backward(plan).message);
        return;
    }
    const Tensor actual = backward(plan, *step.input, *step.grad_output).grad_input;
    const std::vector<int64_t> written = as_written(expected.shape(), expected.rank());
    if (!shape_matches(plan.input, written)) {
        fail(at, "expected a grad_input shaped " + written_text(written) + ", the input is " +
                     written_text(as_written(plan.input, expected.rank())) + ": " +
                     cut(tensor_to_json(actual)));
        return;
    }
    for (int64_t j = 0; j < actual.numel(); ++j) {
        if (close(expected.data()[j], actual.data()[j])) continue;
        fail(at, "expected " + cut(tensor_to_json(expected)) + ", the core gives " +
                     cut(tensor_to_json(actual)) + " (first difference at " +
                     index_text(plan.input, j, expected.rank()) + ": expected " +
                     float_to_json(expected.data()[j]) + ", got " + float_to_json(actual.data()[j]) + ")");
        return;
    }
}

// Each quiz question's stored answer, run through check_answer() like a student's: it must be right (a
// rounded value counts, as in the quiz). The message says what the core computes and the quiz's hint.
void check_quiz(const LessonStep& step, size_t index, std::vector<CheckFailure>& failures) {
    for (size_t j = 0; j < step.quiz.size(); ++j) {
        const StepQuestion& sq = step.quiz[j];
        Result<Question> q = make_step_question(step, j);
        Result<QuizAnswer> a = stored_answer(sq);
        if (!q || !a) {
            const Error& e = !q ? q.errors()[0] : a.errors()[0];
            failures.push_back({index, Error{sq.path + (e.field.empty() ? "" : "/" + e.field), e.message}});
            continue;
        }
        const Verdict v = check_answer(*q, *a);
        if (v.correct) continue;
        failures.push_back({index, Error{sq.path + "/answer",
                                         "the stored answer " + sq.answer.dump() +
                                             " is not what the core computes: " + quiz_english(v.reveal) +
                                             " (" + quiz_english(v.hint) + ")"}});
    }
}

}  // namespace

LayerSpec step_layer(const LessonStep& step) {
    LayerSpec layer;
    layer.convention = step.convention;
    layer.params = step.params;
    layer.pad_mode = step.pad_mode;
    layer.storage_order = step.storage_order;
    return layer;
}

Result<PoolPlan> plan_step(const LessonStep& step) {
    return plan_layer(step.input_shape, step_layer(step));
}

Result<PoolOutput> compute_step(const LessonStep& step) {
    if (step.kind != StepKind::kPool || !step.input)
        return Error{"input", "a shape step has sizes only, no matrix to pool"};
    Result<PoolPlan> plan = plan_step(step);
    if (!plan) return plan.errors();
    return forward(plan.value(), *step.input);
}

Result<BackwardOutput> compute_step_backward(const LessonStep& step) {
    if (step.kind != StepKind::kPool || !step.input)
        return Error{"input", "a shape step has sizes only, no matrix to send a gradient back through"};
    if (!step.grad_output) return Error{"grad_output", "this step has no grad_output"};
    if (!backward_supported(step.params.op)) return unsupported_backward(step.params.op);
    Result<PoolPlan> plan = plan_step(step);
    if (!plan) return plan.errors();
    return backward(plan.value(), *step.input, *step.grad_output);
}

std::vector<CheckFailure> check_lesson(const Lesson& lesson) {
    std::vector<CheckFailure> failures;
    for (size_t i = 0; i < lesson.steps.size(); ++i) {
        check_quiz(lesson.steps[i], i, failures);
        lesson_reading::check_compare(lesson.steps[i], i, failures);  // lesson_compare.cpp
    }
    for (size_t i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep& step = lesson.steps[i];
        const StepExpected& want = step.expected;
        const std::string at = step.path + "/expected";
        auto fail = [&](std::string field, std::string message) {
            failures.push_back({i, Error{std::move(field), std::move(message)}});
        };
        if (step.kind == StepKind::kNetwork) {  // lesson_network.cpp
            if (step.network) lesson_reading::check_network_step(step, i, failures);
            continue;
        }
        Result<PoolPlan> plan = plan_step(step);
        if (want.error) {
            if (plan) {
                fail(at + "/error", "expected the core to reject this step, but it accepts it (output " +
                                        dims_text(plan->output) + ")");
                continue;
            }
            bool matched = false;
            for (const Error& e : plan.errors())
                matched = matched || ((want.error_field.empty() || e.field == want.error_field) &&
                                      e.message.find(want.error_contains) != std::string::npos);
            if (!matched)
                fail(at + "/error",
                     "expected an error" + (want.error_field.empty() ? "" : " on " + want.error_field) +
                         (want.error_contains.empty() ? "" : " containing \"" + want.error_contains + "\"") +
                         ", the core says: " + plan.error_text());
            continue;
        }
        if (!plan) {
            for (const Error& e : plan.errors())
                fail(step.path + "/" + e.field, e.message);
            continue;
        }
        const Shape& out = plan->output;
        if (want.shape && !shape_matches(out, *want.shape))
            fail(at + "/shape", "expected shape " + written_text(*want.shape) + ", the core gives " +
                                    written_text(as_written(out, static_cast<int>(want.shape->size()))));
        if (want.grad_input) check_grad_input(step, *plan, fail);
        if (!want.output) continue;
        const Tensor& expected = *want.output;
        if (step.kind != StepKind::kPool || !step.input) {
            fail(at + "/output", "a shape step has no matrix to compare");
            continue;
        }
        const Pair k = step.params.kernel_size;
        if (out.numel() > kMaxLessonElements ||
            (!is_adaptive(step.params.op) &&
             out.numel() > kMaxLessonWork / std::max<int64_t>(1, k.h * k.w))) {
            fail(at + "/output", "this step needs more window reads than a lesson may spend (" +
                                     std::to_string(kMaxLessonWork) + ")");
            continue;
        }
        const Tensor actual = forward(plan.value(), *step.input).values;
        const std::vector<int64_t> written = as_written(expected.shape(), expected.rank());
        if (!shape_matches(out, written)) {
            fail(at + "/output", "expected an output shaped " + written_text(written) + ", the core gives " +
                                     written_text(as_written(out, expected.rank())) + ": " +
                                     cut(tensor_to_json(actual)));
            continue;
        }
        for (int64_t j = 0; j < actual.numel(); ++j) {
            if (close(expected.data()[j], actual.data()[j])) continue;
            const Shape& s = out;
            const std::vector<int64_t> index = {j / (s.c * s.h * s.w), j / (s.h * s.w) % s.c, j / s.w % s.h,
                                                j % s.w};
            fail(at + "/output", "expected " + cut(tensor_to_json(expected)) + ", the core gives " +
                                     cut(tensor_to_json(actual)) + " (first difference at " +
                                     written_text({index.end() - expected.rank(), index.end()}) +
                                     ": expected " + float_to_json(expected.data()[j]) + ", got " +
                                     float_to_json(actual.data()[j]) + ")");
            break;
        }
    }
    // Quiz failures were gathered first; report everything step by step.
    std::stable_sort(failures.begin(), failures.end(),
                     [](const CheckFailure& a, const CheckFailure& b) { return a.step < b.step; });
    return failures;
}

std::vector<Paragraph> parse_narration(std::string_view text) {
    std::vector<Paragraph> paragraphs;
    Paragraph current;
    std::string run;
    bool emphasis = false;
    auto flush = [&](bool code = false) {
        if (!run.empty()) current.push_back({run, emphasis && !code, code});
        run.clear();
    };
    auto end_paragraph = [&] {
        flush();
        if (!current.empty()) paragraphs.push_back(std::move(current));
        current.clear();
        emphasis = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '\\' && i + 1 < text.size() &&
            (text[i + 1] == '*' || text[i + 1] == '`' || text[i + 1] == '\\')) {
            run += text[++i];
        } else if (ch == '`') {
            const size_t close_at = text.find('`', i + 1);
            if (close_at == std::string_view::npos) {
                run += ch;  // an unclosed backtick is just a character
                continue;
            }
            flush();
            run = std::string(text.substr(i + 1, close_at - i - 1));
            flush(true);
            i = close_at;
        } else if (ch == '*') {
            if (!emphasis && text.find('*', i + 1) == std::string_view::npos) {
                run += ch;
                continue;
            }
            flush();
            emphasis = !emphasis;
        } else if (ch == '\n') {
            size_t j = i + 1;
            while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                ++j;
            if (j < text.size() && text[j] == '\n') {  // a blank line ends the paragraph
                end_paragraph();
                i = j;
            } else if (!run.empty() || !current.empty()) {
                run += ' ';
            }
        } else if ((ch == ' ' || ch == '\t') && run.empty() && current.empty()) {
            continue;  // indentation at the start of a paragraph
        } else if (ch != '\r') {
            run += ch;
        }
    }
    end_paragraph();
    return paragraphs;
}

}  // namespace poolscope
