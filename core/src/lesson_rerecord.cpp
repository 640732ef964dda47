// After an edit: which later steps it broke (they inherit the edited layer or input), and re-recording their
// expected results and question answers from the core (lesson.h, issue 29).
#include <cmath>
#include <string>

#include "poolscope/float_chars.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

nlohmann::json cell_json(CellRef c) {
    return nlohmann::json::array({c.h, c.w});
}

std::vector<bool> failing_steps(const Lesson& lesson) {
    std::vector<bool> failing(lesson.steps.size(), false);
    for (const CheckFailure& f : check_lesson(lesson))
        if (f.step < failing.size()) failing[f.step] = true;
    return failing;
}

}  // namespace

nlohmann::json recorded_answer(const Question& q) {
    switch (q.kind) {
        case QuestionKind::kValue:
            if (std::isnan(q.value)) return "nan";
            if (std::isinf(q.value)) return q.value > 0 ? "inf" : "-inf";
            return nlohmann::json::parse(shortest_float_text(q.value));
        case QuestionKind::kArgmax:
            return cell_json(q.argmax);
        case QuestionKind::kDivisor:
            return q.divisor;
        case QuestionKind::kOutputShape:
            return nlohmann::json::array({q.shape.h, q.shape.w});
        case QuestionKind::kWindowCells: {
            nlohmann::json cells = nlohmann::json::array();
            for (const CellRef& c : q.cells)
                cells.push_back(cell_json(c));
            return cells;
        }
        case QuestionKind::kChoice:
            return q.correct_choice;  // the author's answer: a choice has no computed one
        case QuestionKind::kLayerShape:
            return q.network.output;
        case QuestionKind::kReceptiveField:
            if (q.network.span.h == q.network.span.w) return q.network.span.h;
            return nlohmann::json::array({q.network.span.h, q.network.span.w});
        case QuestionKind::kParameterCount:
            return q.network.parameters();
    }
    return nullptr;
}

std::vector<size_t> newly_failing_steps(const Lesson& before, const Lesson& after,
                                        std::optional<size_t> inserted) {
    const std::vector<bool> was = failing_steps(before), is = failing_steps(after);
    std::vector<size_t> out;
    for (size_t i = 0; i < is.size(); ++i) {
        if (!is[i]) continue;
        if (inserted && i == *inserted) continue;  // the new step describes itself
        const size_t old = inserted && i > *inserted ? i - 1 : i;
        if (old >= was.size() || !was[old]) out.push_back(i);
    }
    return out;
}

Result<Lesson> rerecord_steps(const Lesson& lesson, const std::vector<size_t>& indices) {
    nlohmann::ordered_json document = lesson.document;
    if (!document.is_object() || !document.contains("steps") || !document["steps"].is_array())
        return Error{"/steps", "the lesson has no list of steps to edit"};
    for (size_t i : indices) {
        if (i >= lesson.steps.size() || i >= document["steps"].size())
            return Error{"/steps/" + std::to_string(i),
                         "no such step (the lesson has " + std::to_string(lesson.steps.size()) + ")"};
        const LessonStep& step = lesson.steps[i];
        nlohmann::ordered_json& written = document["steps"][i];
        if (written.is_object() && written.contains("expected")) written["expected"] = expected_of_step(step);
        for (size_t q = 0; q < step.quiz.size(); ++q) {
            if (step.quiz[q].kind == QuestionKind::kChoice) continue;  // words: the teacher's to change
            Result<Question> asked = make_step_question(step, q);
            if (!asked) return asked.errors();
            document[nlohmann::ordered_json::json_pointer(step.quiz[q].path + "/answer")] =
                nlohmann::ordered_json::parse(recorded_answer(asked.value()).dump());
        }
    }
    Result<Lesson> changed = load_lesson_json(std::move(document), lesson.source);
    if (changed) changed.value().text = lesson.text;  // the file it will be spliced into
    return changed;
}

}  // namespace poolscope
