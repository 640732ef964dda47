// A lesson step's "quiz": reading the questions (kind, cell, prompt, options and why each is wrong,
// explanation, stored answer), building each one through the core (make_step_question), the stored answer as
// a QuizAnswer, which check_lesson() runs through check_answer() so a wrong textbook answer is reported like
// a wrong expectation, and the quiz texts that name a choice by its option's text (lesson_quiz_text).
#include <algorithm>
#include <cstdlib>

#include "lesson_reading.h"
#include "poolscope/network_quiz.h"

namespace poolscope {

namespace {

OutputCell cell_of(const LessonStep& step, const StepQuestion& q) {
    const std::vector<int64_t>& c = q.cell.empty() ? step.focus.start_cell : q.cell;
    int64_t full[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < c.size() && i < 4; ++i)
        full[4 - c.size() + i] = c[i];
    return {full[0], full[1], full[2], full[3]};
}

// A choice option: a text, or {"text": <text>, "why": <text>} with why the option is wrong.
void read_option(lesson_reading::Context& ctx, const nlohmann::json& v, const std::string& at,
                 StepQuestion& q) {
    using lesson_reading::child;
    std::optional<LocalizedText> text, why;
    if (v.is_object() && v.contains("text")) {
        ctx.check_keys(v, at, {"text", "why"});
        text = lesson_reading::read_text(ctx, v["text"], child(at, "text"));
        if (auto it = v.find("why"); it != v.end())
            why = lesson_reading::read_text(ctx, *it, child(at, "why"));
    } else {
        text = lesson_reading::read_text(ctx, v, at);
    }
    if (!text) return;
    q.options.push_back(*text);
    q.option_why.push_back(why.value_or(LocalizedText{}));
}

Result<CellRef> read_cell_pair(const nlohmann::json& v, const std::string& what) {
    int64_t h = 0, w = 0;
    if (v.is_array() && v.size() == 2 && lesson_reading::read_int(v[0], h) &&
        lesson_reading::read_int(v[1], w))
        return CellRef{h, w};
    return Error{"", "expected " + what + " [h, w], got " + lesson_reading::brief(v)};
}

}  // namespace

Result<QuizAnswer> stored_answer(const StepQuestion& q) {
    QuizAnswer a;
    const nlohmann::json& v = q.answer;
    switch (q.kind) {
        case QuestionKind::kValue:
            if (v.is_number())
                a.text = v.dump();
            else if (v.is_string() && parse_typed_number(v.get<std::string>()))
                a.text = v.get<std::string>();
            else
                return Error{"", "expected a number (or \"nan\", \"inf\", \"-inf\", \"a/b\"), got " +
                                     lesson_reading::brief(v)};
            return a;
        case QuestionKind::kDivisor: {
            int64_t d = 0;
            if (!lesson_reading::read_int(v, d))
                return Error{"", "expected an integer divisor, got " + lesson_reading::brief(v)};
            a.text = std::to_string(d);
            return a;
        }
        case QuestionKind::kArgmax: {
            Result<CellRef> c = read_cell_pair(v, "an input cell");
            if (!c) return c.errors();
            a.cell = *c;
            return a;
        }
        case QuestionKind::kOutputShape: {
            Result<CellRef> c = read_cell_pair(v, "an output shape");
            if (!c) return c.errors();
            a.shape = {c->h, c->w};
            return a;
        }
        case QuestionKind::kWindowCells:
            if (!v.is_array() || v.empty())
                return Error{"",
                             "expected a list of input cells [[h, w], ...], got " + lesson_reading::brief(v)};
            for (const nlohmann::json& item : v) {
                Result<CellRef> c = read_cell_pair(item, "an input cell");
                if (!c) return c.errors();
                a.cells.push_back(*c);
            }
            return a;
        case QuestionKind::kLayerShape: {
            bool ok = v.is_array() && !v.empty() && v.size() <= 4;
            for (size_t i = 0; ok && i < v.size(); ++i) {
                int64_t d = 0;
                ok = lesson_reading::read_int(v[i], d);
                a.text += (i ? ", " : "") + std::to_string(d);
            }
            if (!ok)
                return Error{"", "expected the size leaving the layer, e.g. [1, 6, 14, 14]; got " +
                                     lesson_reading::brief(v)};
            return a;
        }
        case QuestionKind::kReceptiveField: {
            int64_t n = 0;
            if (lesson_reading::read_int(v, n)) {
                a.text = std::to_string(n);
                return a;
            }
            Result<CellRef> c = read_cell_pair(v, "rows and columns");
            if (!c) return c.errors();
            a.text = std::to_string(c->h) + "x" + std::to_string(c->w);
            return a;
        }
        case QuestionKind::kParameterCount: {
            int64_t n = 0;
            if (!lesson_reading::read_int(v, n))
                return Error{"", "expected the number of parameters, got " + lesson_reading::brief(v)};
            a.text = std::to_string(n);
            return a;
        }
        case QuestionKind::kChoice:
            if (!lesson_reading::read_int(v, a.choice) || a.choice < 0 ||
                a.choice >= static_cast<int64_t>(q.options.size()))
                return Error{"", "expected the index (from 0) of one of the " +
                                     std::to_string(q.options.size()) + " options, got " +
                                     lesson_reading::brief(v)};
            return a;
    }
    return a;
}

QuizText lesson_quiz_text(const StepQuestion& question, const QuizText& text, Language language) {
    const bool hint = text.code == "choice_wrong", reveal = text.code == "answer_choice";
    if ((!hint && !reveal) || text.args.empty()) return text;
    // {0} is the option's number, from 1 (quiz_check.cpp).
    const size_t option = static_cast<size_t>(std::max(0, std::atoi(text.args[0].c_str()) - 1));
    if (option >= question.options.size()) return text;
    const std::string& option_text = question.options[option].get(language);
    if (reveal) return {"answer_choice_text", {option_text}};
    const LocalizedText* why = option < question.option_why.size() ? &question.option_why[option] : nullptr;
    if (why && !why->empty()) return {"choice_wrong_why", {option_text, why->get(language)}};
    return {"choice_wrong_text", {option_text}};
}

Result<Question> make_step_question(const LessonStep& step, size_t index, const Tensor* input) {
    if (index >= step.quiz.size())
        return Error{"quiz", "no question " + std::to_string(index) + " (the step asks " +
                                 std::to_string(step.quiz.size()) + ")"};
    const StepQuestion& q = step.quiz[index];
    if (q.kind == QuestionKind::kChoice) {
        Result<QuizAnswer> a = stored_answer(q);
        if (!a) return a.errors();
        return make_choice_question(static_cast<int64_t>(q.options.size()), a->choice);
    }
    if (step.kind == StepKind::kNetwork) {
        if (!step.network) return Error{"network", "this step has no network"};
        return make_network_question(q.kind, *step.network, network_shapes(*step.network),
                                     q.layer.empty() ? step.focus.layer : q.layer,
                                     q.cell.empty() ? step.focus.start_cell : q.cell);
    }
    if (is_network_question(q.kind))
        return Error{"kind",
                     "a " + std::string(question_kind_name(q.kind)) + " question is about a network step"};
    Result<PoolPlan> plan = plan_step(step);
    if (!plan) return plan.errors();
    if (q.kind == QuestionKind::kOutputShape) return make_question(q.kind, *plan, Tensor(), {});
    if (step.kind != StepKind::kPool || !step.input)
        return Error{"kind", "a " + std::string(question_kind_name(q.kind)) +
                                 " question needs a matrix; a shape step can ask output_shape or choice"};
    const Tensor& x = input ? *input : *step.input;
    return make_question(q.kind, *plan, x, cell_of(step, q));
}

namespace lesson_reading {

void read_quiz(Context& ctx, const json& v, const std::string& path, LessonStep& step) {
    if (!v.is_object() && !v.is_array()) {
        ctx.error(path, "expected a question object or a list of them, got " + brief(v));
        return;
    }
    const json list = v.is_array() ? v : json::array({v});
    if (list.size() > kMaxStepQuestions) {
        ctx.error(path, "more than " + std::to_string(kMaxStepQuestions) + " questions on one step");
        return;
    }
    for (size_t i = 0; i < list.size(); ++i) {
        const json& item = list[i];
        const std::string at = v.is_array() ? child(path, i) : path;
        if (!item.is_object()) {
            ctx.error(at, "expected a question object, got " + brief(item));
            continue;
        }
        ctx.check_keys(item, at, {"kind", "cell", "layer", "prompt", "options", "explanation", "answer"});
        StepQuestion q;
        q.path = at;
        auto kind = item.find("kind");
        std::optional<QuestionKind> parsed;
        if (kind != item.end() && kind->is_string()) parsed = parse_question_kind(kind->get<std::string>());
        if (!parsed) {
            ctx.error(child(at, "kind"),
                      "expected \"value\", \"argmax\", \"divisor\", \"output_shape\", \"window_cells\", "
                      "\"choice\", \"layer_shape\", \"receptive_field\" or \"parameter_count\", got " +
                          (kind == item.end() ? std::string("nothing") : brief(*kind)));
            continue;
        }
        q.kind = *parsed;
        if (auto it = item.find("layer"); it != item.end()) {
            const json list = it->is_array() ? *it : json::array({*it});
            bool ok = !list.empty() && list.size() <= 9;
            for (size_t j = 0; ok && j < list.size(); ++j) {
                int64_t n = 0;
                ok = read_int(list[j], n) && n >= 0 && n < static_cast<int64_t>(kMaxNetworkLayers);
                q.layer.push_back(static_cast<size_t>(n));
            }
            if (!ok)
                ctx.error(child(at, "layer"),
                          "expected a layer: 3 for net[3], [3, 1] for net[3][1]; got " + brief(*it));
        }
        if (auto it = item.find("cell"); it != item.end()) {
            // A network's maps may have fewer dimensions (a Flatten's [n, features]).
            bool ok = it->is_array() && !it->empty() && it->size() <= 4 &&
                      (it->size() >= 2 || is_network_question(q.kind));
            for (size_t j = 0; ok && j < it->size(); ++j) {
                int64_t c = 0;
                ok = read_int((*it)[j], c) && c >= 0;
                q.cell.push_back(c);
            }
            if (!ok)
                ctx.error(
                    child(at, "cell"),
                    "expected an output cell [h, w], [c, h, w] or [n, c, h, w] of non-negative integers, "
                    "got " +
                        brief(*it));
        }
        for (auto [key, into] : {std::pair{"prompt", &q.prompt}, std::pair{"explanation", &q.explanation}})
            if (auto it = item.find(key); it != item.end())
                if (auto t = read_text(ctx, *it, child(at, key))) *into = *t;
        if (auto it = item.find("options"); it != item.end()) {
            if (q.kind != QuestionKind::kChoice)
                ctx.error(child(at, "options"), "options are for \"choice\" questions");
            else if (!it->is_array())
                ctx.error(child(at, "options"), "expected a list of texts, got " + brief(*it));
            else
                for (size_t j = 0; j < it->size(); ++j)
                    read_option(ctx, (*it)[j], child(child(at, "options"), j), q);
        }
        if (q.kind == QuestionKind::kChoice) {
            if (q.options.size() < 2)
                ctx.error(child(at, "options"), "a choice question needs at least 2 options");
            if (q.prompt.empty()) ctx.error(child(at, "prompt"), "a choice question needs its prompt");
        }
        if (auto it = item.find("answer"); it != item.end()) {
            q.answer = *it;
            if (Result<QuizAnswer> a = stored_answer(q); !a)
                ctx.error(child(at, "answer"), a.errors()[0].message);
        } else {
            ctx.error(child(at, "answer"), "every question stores its answer (poolscope check verifies it)");
        }
        step.quiz.push_back(std::move(q));
    }
}

// Cheap on purpose (no trace, no copy of the input): a lesson may ask many questions on a large picture.
void check_quiz_fits(Context& ctx, const LessonStep& step) {
    if (step.kind == StepKind::kNetwork) return;  // read_network_step builds its questions
    Result<PoolPlan> plan = plan_step(step);
    if (!plan) return;      // reported with the step
    int64_t step_work = 0;  // what the step's questions cost to ask (quiz.h question_work)
    for (const StepQuestion& q : step.quiz) {
        if (q.kind == QuestionKind::kChoice) continue;  // its options and answer were checked when read
        std::optional<Error> e;
        if (is_network_question(q.kind))
            e = Error{"kind",
                      "a " + std::string(question_kind_name(q.kind)) + " question is about a network step"};
        else if (q.kind != QuestionKind::kOutputShape && (step.kind != StepKind::kPool || !step.input))
            e = Error{"kind", "a " + std::string(question_kind_name(q.kind)) +
                                  " question needs a matrix; a shape step can ask output_shape or choice"};
        else
            e = question_fits(q.kind, *plan, cell_of(step, q));
        if (e) {
            ctx.error(e->field.empty() ? q.path : child(q.path, e->field), e->message);
            continue;
        }
        // A step's questions share the window reads a step may spend (kMaxLessonWork, as its expected
        // output does): past it the lesson is refused here, before `check`, the window or the browser trace
        // a single window (said once per step).
        const bool within = step_work <= kMaxLessonWork;
        const int64_t work = question_work(q.kind, *plan, cell_of(step, q));
        step_work = std::min<int64_t>(step_work + work, kMaxLessonWork + 1);
        if (within && step_work > kMaxLessonWork)
            ctx.error(q.path, "the step's questions need more window reads than a lesson step may spend (" +
                                  std::to_string(kMaxLessonWork) + "); this one alone needs " +
                                  std::to_string(work) + ": ask about smaller windows, or fewer questions");
    }
}

}  // namespace lesson_reading
}  // namespace poolscope
