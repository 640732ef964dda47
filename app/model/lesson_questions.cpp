// Question edits go through the core (lesson_quiz_edit.cpp), which records each answer and reloads the
// lesson, then through commit_lesson_edit like every other lesson edit: one undo entry, the checker re-run.
#include "model/lesson_questions.h"

#include <utility>

#include "model/lesson_step_edits.h"

namespace poolscope::app {
namespace {

// The core's edit of the current step's quiz, made the session's lesson (current step kept).
Result<bool> commit(LessonSession& session, const Result<Lesson>& changed, bool merge_with_last = false) {
    if (!changed) return changed.errors();
    return commit_lesson_edit(session, changed->document, session.step, merge_with_last);
}

// The cell a question is about, every dimension (empty: the step's focus cell).
OutputCell full_cell(const LessonStep& step, const std::vector<int64_t>& written) {
    const std::vector<int64_t>& c = written.empty() ? step.focus.start_cell : written;
    int64_t full[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < c.size() && i < 4; ++i)
        full[4 - c.size() + i] = c[i];
    return {full[0], full[1], full[2], full[3]};
}

}  // namespace

bool question_about_a_cell(QuestionKind kind) {
    return kind == QuestionKind::kValue || kind == QuestionKind::kDivisor || kind == QuestionKind::kArgmax ||
           kind == QuestionKind::kWindowCells;
}

std::vector<int64_t> written_cell(const LessonStep& step, OutputCell cell) {
    // A cell is read right-aligned (missing leading dimensions are 0), so the short form is always right.
    if (cell.n != 0 && step.input_rank >= 4) return {cell.n, cell.c, cell.oh, cell.ow};
    if (cell.c != 0 && step.input_rank >= 3) return {cell.c, cell.oh, cell.ow};
    return {cell.oh, cell.ow};
}

AskBlock why_not_ask(const LessonSession& session, QuestionKind kind, OutputCell cell) {
    const LessonStep* step = current_step(session);
    if (!step) return AskBlock::kNoStep;
    if (kind == QuestionKind::kChoice) return AskBlock::kNone;
    if (step->kind == StepKind::kNetwork || is_network_question(kind)) return AskBlock::kNoMatrix;
    if (step->kind == StepKind::kShape && kind != QuestionKind::kOutputShape) return AskBlock::kNoMatrix;
    Result<PoolPlan> plan = plan_step(*step);
    if (!plan) return AskBlock::kLayerRejected;
    const OutputCell asked = question_about_a_cell(kind) ? cell : OutputCell{};
    if (std::optional<Error> unfit = question_fits(kind, *plan, asked)) {
        if (unfit->field == "cell") return AskBlock::kOutsideOutput;
        return kind == QuestionKind::kArgmax ? AskBlock::kNeedsMaxOp : AskBlock::kNeedsAvgOp;
    }
    for (const StepQuestion& q : step->quiz)
        if (q.kind == kind && (!question_about_a_cell(kind) || full_cell(*step, q.cell) == asked))
            return AskBlock::kAlreadyAsked;
    return AskBlock::kNone;
}

Result<bool> add_question(LessonSession& session, const QuestionDraft& draft) {
    if (!current_step(session)) return Error{"lesson", "no lesson is open"};
    return commit(session, add_step_question(*session.lesson, session.step, draft));
}

std::string question_prompt(const LessonSession& session, size_t index, Language language) {
    const LessonStep* step = current_step(session);
    if (!step || index >= step->quiz.size()) return {};
    const LocalizedText& prompt = step->quiz[index].prompt;
    return language == Language::kChinese ? prompt.zh : prompt.en;
}

Result<bool> set_question_prompt_text(LessonSession& session, size_t index, Language language,
                                      const std::string& text, bool merge_with_last) {
    const LessonStep* step = current_step(session);
    if (!step) return Error{"lesson", "no lesson is open"};
    if (index >= step->quiz.size()) return Error{"quiz", "no such question"};
    LocalizedText prompt = step->quiz[index].prompt;
    (language == Language::kChinese ? prompt.zh : prompt.en) = text;
    return commit(session, set_question_prompt(*session.lesson, session.step, index, prompt),
                  merge_with_last);
}

Result<bool> move_question(LessonSession& session, size_t index, int delta) {
    const LessonStep* step = current_step(session);
    if (!step) return Error{"lesson", "no lesson is open"};
    const long to = static_cast<long>(index) + (delta < 0 ? -1 : 1);
    if (index >= step->quiz.size() || to < 0 || to >= static_cast<long>(step->quiz.size()))
        return Error{"quiz", "the question is already at that end"};
    return commit(session, move_step_question(*session.lesson, session.step, index, static_cast<size_t>(to)));
}

Result<bool> delete_question(LessonSession& session, size_t index) {
    if (!current_step(session)) return Error{"lesson", "no lesson is open"};
    return commit(session, remove_step_question(*session.lesson, session.step, index));
}

std::vector<QuestionSummary> question_summaries(const LessonSession& session, Language language) {
    std::vector<QuestionSummary> out;
    const LessonStep* step = current_step(session);
    if (!step) return out;
    for (size_t i = 0; i < step->quiz.size(); ++i) {
        const StepQuestion& q = step->quiz[i];
        QuestionSummary s;
        s.kind = q.kind;
        s.cell = q.cell;
        s.options = q.options;
        s.recorded = q.answer.dump();
        Result<Question> asked = make_step_question(*step, i);
        Result<QuizAnswer> stored = stored_answer(q);
        if (!asked || !stored) {
            s.error = !asked ? asked.error_text() : stored.error_text();
            out.push_back(std::move(s));
            continue;
        }
        s.core_prompt = asked->prompt;
        if (q.kind == QuestionKind::kChoice) s.right_option = stored->choice;
        const Verdict verdict = check_answer(*asked, *stored);
        s.answer_matches = verdict.correct;
        // The answer the file holds: what the reveal says when it is right; when it is not, the reveal is the
        // core's, and the editor says so beside it.
        s.answer = lesson_quiz_text(q, verdict.reveal, language);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace poolscope::app
