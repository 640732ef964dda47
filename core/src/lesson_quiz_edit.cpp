// Writing a step's questions from the app (issue 29): add one with its answer recorded from the core, change
// a prompt, move or delete one. Each returns the reloaded lesson, so `poolscope check` sees what was written.
#include <string>

#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json text_json(const LocalizedText& t) {
    ordered_json out = ordered_json::object();
    if (!t.en.empty()) out["en"] = t.en;
    if (!t.zh.empty()) out["zh"] = t.zh;
    return out;
}

// The step's questions as a list (a lone question object becomes a list of one), created when missing.
Result<ordered_json*> quiz_list(ordered_json& document, size_t step, size_t steps) {
    if (!document.is_object() || !document.contains("steps") || !document["steps"].is_array() ||
        step >= document["steps"].size() || step >= steps)
        return Error{"/steps/" + std::to_string(step),
                     "no such step (the lesson has " + std::to_string(steps) + ")"};
    ordered_json& written = document["steps"][step];
    if (!written.is_object()) return Error{"/steps/" + std::to_string(step), "the step is not an object"};
    ordered_json& quiz = written["quiz"];
    if (quiz.is_null()) quiz = ordered_json::array();
    if (quiz.is_object()) quiz = ordered_json::array({quiz});
    return &quiz;
}

Result<Lesson> reload(ordered_json document, const Lesson& lesson) {
    Result<Lesson> changed = load_lesson_json(std::move(document), lesson.source);
    if (changed) changed.value().text = lesson.text;  // the file it will be spliced into
    return changed;
}

Result<ordered_json*> question_at(ordered_json& document, const Lesson& lesson, size_t step, size_t index) {
    Result<ordered_json*> quiz = quiz_list(document, step, lesson.steps.size());
    if (!quiz) return quiz.errors();
    if (index >= (*quiz)->size())
        return Error{"/steps/" + std::to_string(step) + "/quiz", "no question " + std::to_string(index + 1) +
                                                                     " (the step asks " +
                                                                     std::to_string((*quiz)->size()) + ")"};
    return quiz;
}

}  // namespace

Result<Lesson> add_step_question(const Lesson& lesson, size_t step, const QuestionDraft& draft) {
    if (step >= lesson.steps.size())
        return Error{"/steps/" + std::to_string(step),
                     "no such step (the lesson has " + std::to_string(lesson.steps.size()) + ")"};
    if (lesson.steps[step].quiz.size() >= kMaxStepQuestions)
        return Error{"/steps/" + std::to_string(step) + "/quiz",
                     "a step asks at most " + std::to_string(kMaxStepQuestions) + " questions"};
    // Ask it on a copy of the resolved step: the core computes the answer the file will store.
    LessonStep asked = lesson.steps[step];
    StepQuestion q;
    q.kind = draft.kind;
    q.cell = draft.cell;
    q.layer = draft.layer;
    q.prompt = draft.prompt;
    q.options = draft.options;
    q.option_why = draft.option_why;
    if (draft.kind == QuestionKind::kChoice) {
        if (draft.options.size() < 2) return Error{"options", "a choice question needs at least 2 options"};
        if (draft.prompt.empty()) return Error{"prompt", "a choice question needs its prompt"};
        if (draft.correct_choice < 0 || draft.correct_choice >= static_cast<int64_t>(draft.options.size()))
            return Error{"answer",
                         "the right option must be one of the " + std::to_string(draft.options.size())};
        q.answer = draft.correct_choice;
    }
    asked.quiz.push_back(q);
    Result<Question> question = make_step_question(asked, asked.quiz.size() - 1);
    if (!question) return question.errors();

    ordered_json item = ordered_json::object();
    item["kind"] = std::string(question_kind_name(draft.kind));
    if (!draft.cell.empty()) item["cell"] = draft.cell;
    if (!draft.layer.empty()) item["layer"] = draft.layer;
    if (!draft.prompt.empty()) item["prompt"] = text_json(draft.prompt);
    if (draft.kind == QuestionKind::kChoice) {
        ordered_json options = ordered_json::array();
        for (size_t i = 0; i < draft.options.size(); ++i) {
            const bool why = i < draft.option_why.size() && !draft.option_why[i].empty();
            if (!why)
                options.push_back(text_json(draft.options[i]));
            else
                options.push_back(
                    {{"text", text_json(draft.options[i])}, {"why", text_json(draft.option_why[i])}});
        }
        item["options"] = std::move(options);
    }
    item["answer"] = ordered_json::parse(recorded_answer(question.value()).dump());

    ordered_json document = lesson.document;
    Result<ordered_json*> quiz = quiz_list(document, step, lesson.steps.size());
    if (!quiz) return quiz.errors();
    (*quiz)->push_back(std::move(item));
    return reload(std::move(document), lesson);
}

Result<Lesson> set_question_prompt(const Lesson& lesson, size_t step, size_t index,
                                   const LocalizedText& prompt) {
    ordered_json document = lesson.document;
    Result<ordered_json*> quiz = question_at(document, lesson, step, index);
    if (!quiz) return quiz.errors();
    ordered_json& item = (**quiz)[index];
    if (prompt.empty())
        item.erase("prompt");  // the core's own prompt for the kind
    else
        item["prompt"] = text_json(prompt);
    return reload(std::move(document), lesson);
}

Result<Lesson> move_step_question(const Lesson& lesson, size_t step, size_t from, size_t to) {
    ordered_json document = lesson.document;
    Result<ordered_json*> quiz = question_at(document, lesson, step, from);
    if (!quiz) return quiz.errors();
    ordered_json& list = **quiz;
    if (to >= list.size())
        return Error{
            "/steps/" + std::to_string(step) + "/quiz",
            "no place " + std::to_string(to + 1) + " (the step asks " + std::to_string(list.size()) + ")"};
    ordered_json moved = list[from];
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(to), std::move(moved));
    return reload(std::move(document), lesson);
}

Result<Lesson> remove_step_question(const Lesson& lesson, size_t step, size_t index) {
    ordered_json document = lesson.document;
    Result<ordered_json*> quiz = question_at(document, lesson, step, index);
    if (!quiz) return quiz.errors();
    (*quiz)->erase((*quiz)->begin() + static_cast<std::ptrdiff_t>(index));
    if ((*quiz)->empty()) document["steps"][step].erase("quiz");
    return reload(std::move(document), lesson);
}

}  // namespace poolscope
