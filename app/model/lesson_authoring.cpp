// Lesson edits seen from the window: messages, the window following the current step, undo routing.
#include "model/lesson_authoring.h"

#include <iterator>
#include <optional>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_player.h"
#include "model/lesson_questions.h"
#include "model/lesson_step_edits.h"
#include "model/undo_route.h"

namespace poolscope::app {
namespace {

bool same_tensor(const std::optional<Tensor>& a, const std::optional<Tensor>& b) {
    return a.has_value() == b.has_value() && (!a || a->identical(*b));
}

// True when the window would show the same thing for both steps: input, layer and gradient.
bool same_window_content(const LessonStep& a, const LessonStep& b) {
    return a.kind == b.kind && a.input_shape == b.input_shape && step_layer(a) == step_layer(b) &&
           same_tensor(step_input_for_window(a), step_input_for_window(b)) &&
           same_tensor(a.grad_output, b.grad_output);
}

std::optional<LessonStep> current_copy(const LessonSession& session) {
    const LessonStep* step = current_step(session);
    return step ? std::optional<LessonStep>(*step) : std::nullopt;
}

// After the lesson changed: keep the window when the current step shows what it showed (a retitled step, a
// recorded result, a moved or duplicated step: the student's edits there stay), else bring the step in (a
// deleted step's successor always comes in, even when it looks the same). Then remember the matrix state
// for undo routing, so the next Ctrl+Z goes to the lesson.
void follow_lesson(AppState& state, Playback& playback, const std::optional<LessonStep>& before,
                   bool same_step = true) {
    LessonPlayer& player = state.lessons;
    const LessonStep* now = current_step(player.session);
    if (same_step && before && now && same_window_content(*before, *now))
        player.applied_generation = player.session.generation;
    else
        reset_lesson_step(state, playback);
    note_lesson_edit(state.lessons.session, state.doc);
}

// What the lesson column says after each edit, in LessonEdit's order.
const char* done_key(LessonEdit edit) {
    static constexpr const char* kDone[] = {"author.moved",   "author.moved",    "author.duplicated",
                                            "author.deleted", "author.recorded", "author.code_written"};
    const size_t index = static_cast<size_t>(edit);
    return index < std::size(kDone) ? kDone[index] : "author.moved";
}

Result<bool> run(LessonSession& session, LessonEdit edit) {
    switch (edit) {
        case LessonEdit::kMoveUp:
            return move_current_step(session, -1);
        case LessonEdit::kMoveDown:
            return move_current_step(session, +1);
        case LessonEdit::kDuplicate:
            return duplicate_current_step(session);
        case LessonEdit::kDelete:
            return delete_current_step(session);
        case LessonEdit::kRecordExpected:
            return record_expected(session);
        case LessonEdit::kGenerateCode:
            return generate_step_code(session);
    }
    return false;
}

bool report(AppState& state, const Result<bool>& done, const char* ok_key) {
    if (done)
        set_lesson_message(state.lessons, tr(ok_key), false);
    else
        set_lesson_message(state.lessons, std::string(tr("author.failed")) + " " + done.error_text(), true);
    return done.ok();
}

// The steps of the lesson that fail check_lesson(), by index.
std::vector<bool> failing_steps(const std::vector<CheckFailure>& failures, size_t steps) {
    std::vector<bool> failing(steps);
    for (const CheckFailure& f : failures)
        if (f.step < steps) failing[f.step] = true;
    return failing;
}

// After an edit: the later steps it broke (issue 29). A step inserted at `inserted` is new; one removed at
// `removed` moved the rest up by one.
void recheck(LessonSession& session, const std::optional<Lesson>& before, std::optional<size_t> inserted,
             std::optional<size_t> removed = std::nullopt) {
    session.broken_by_edit.clear();
    if (!before || !session.lesson) return;
    if (!removed) {
        session.broken_by_edit = newly_failing_steps(*before, *session.lesson, inserted);
        return;
    }
    const std::vector<bool> was = failing_steps(check_lesson(*before), before->steps.size());
    const std::vector<bool> now = failing_steps(session.failures, session.lesson->steps.size());
    for (size_t i = 0; i < now.size(); ++i) {
        const size_t then = i < *removed ? i : i + 1;
        if (now[i] && then < was.size() && !was[then]) session.broken_by_edit.push_back(i);
    }
}

// One edit of the current step that changes no layer (its questions): reported (`ok_key` null: silently, as
// typing is), re-checked, and the window kept.
template <typename Change>
bool edit_current_step(AppState& state, Playback& playback, Change change, const char* ok_key) {
    LessonSession& session = state.lessons.session;
    const std::optional<LessonStep> before = current_copy(session);
    const std::optional<Lesson> lesson_before = session.lesson;
    Result<bool> done = change(session);
    if (!done || ok_key) report(state, done, ok_key ? ok_key : "");
    if (!done) return false;
    recheck(session, lesson_before, std::nullopt);
    follow_lesson(state, playback, before);
    return true;
}

}  // namespace

bool edit_lesson(AppState& state, Playback& playback, LessonEdit edit) {
    LessonSession& session = state.lessons.session;
    const std::optional<LessonStep> before = current_copy(session);
    const std::optional<Lesson> lesson_before = session.lesson;
    const size_t step_before = session.step;
    if (!report(state, run(session, edit), done_key(edit))) return false;
    recheck(session, lesson_before,
            edit == LessonEdit::kDuplicate ? std::optional<size_t>(session.step) : std::nullopt,
            edit == LessonEdit::kDelete ? std::optional<size_t>(step_before) : std::nullopt);
    follow_lesson(state, playback, before, edit != LessonEdit::kDelete);
    return true;
}

bool edit_lesson_text(AppState& state, Playback& playback, LessonTextField field, Language language,
                      const std::string& text, bool merge_with_last) {
    LessonSession& session = state.lessons.session;
    const std::optional<LessonStep> before = current_copy(session);
    const std::optional<Lesson> lesson_before = session.lesson;
    Result<bool> done = set_lesson_text(session, field, language, text, merge_with_last);
    if (!done) return report(state, done, "");
    recheck(session, lesson_before, std::nullopt);
    follow_lesson(state, playback, before);
    return true;
}

bool save_window_as_step(AppState& state, StepPlacement placement) {
    LessonSession& session = state.lessons.session;
    const std::optional<Lesson> lesson_before = session.lesson;
    Result<bool> done = put_current(session, edit_from_document(state.doc), placement);
    set_lesson_message(
        state.lessons,
        done ? tr("lesson.step_saved") : std::string(tr("lesson.step_failed")) + " " + done.error_text(),
        !done);
    if (!done) return false;
    recheck(session, lesson_before,
            placement == StepPlacement::kReplace ? std::nullopt : std::optional<size_t>(session.step));
    // The window shows the step it was saved from: keep it (and route Ctrl+Z to the lesson).
    state.lessons.applied_generation = session.generation;
    note_lesson_edit(session, state.doc);
    return true;
}

bool rerecord_broken_steps(AppState& state, Playback& playback) {
    LessonSession& session = state.lessons.session;
    if (!session.lesson || session.broken_by_edit.empty()) return false;
    const std::optional<LessonStep> before = current_copy(session);
    Result<Lesson> fixed = rerecord_steps(*session.lesson, session.broken_by_edit);
    Result<bool> done =
        fixed ? commit_lesson_edit(session, fixed->document, session.step) : Result<bool>(fixed.errors());
    if (!report(state, done, "author.rerecorded")) return false;
    session.broken_by_edit.clear();
    follow_lesson(state, playback, before);
    return true;
}

bool undo_breaking_edit(AppState& state, Playback& playback) {
    LessonSession& session = state.lessons.session;
    if (session.broken_by_edit.empty() || !can_undo_lesson_edit(session)) return false;
    const std::optional<LessonStep> before = current_copy(session);
    if (!undo_lesson_edit(session)) return false;
    session.broken_by_edit.clear();
    follow_lesson(state, playback, before);
    return true;
}

bool ask_question(AppState& state, Playback& playback, const QuestionDraft& draft) {
    return edit_current_step(
        state, playback, [&](LessonSession& s) { return add_question(s, draft); }, "author.question_added");
}

bool edit_question_prompt(AppState& state, Playback& playback, size_t index, Language language,
                          const std::string& text, bool merge_with_last) {
    return edit_current_step(
        state, playback,
        [&](LessonSession& s) { return set_question_prompt_text(s, index, language, text, merge_with_last); },
        nullptr);
}

bool move_or_delete_question(AppState& state, Playback& playback, size_t index, QuestionMove move) {
    return edit_current_step(
        state, playback,
        [&](LessonSession& s) {
            return move == QuestionMove::kDelete
                       ? delete_question(s, index)
                       : move_question(s, index, move == QuestionMove::kUp ? -1 : 1);
        },
        move == QuestionMove::kDelete ? "author.question_deleted" : "author.question_moved");
}

bool start_new_lesson(AppState& state) {
    LessonPlayer& player = state.lessons;
    if (!report(state, new_lesson(player.session, edit_from_document(state.doc)),
                "author.new_lesson_started"))
        return false;
    player.failed_open.reset();
    // The window already shows the step it was made from: keep it as it is (the student's selection too).
    player.applied_generation = player.session.generation;
    note_lesson_edit(state.lessons.session, state.doc);
    return true;
}

bool can_undo_any(const LessonSession& session, const Document& doc) {
    return lesson_owns_undo(session, doc) || doc.history.can_undo();
}

bool can_redo_any(const LessonSession& session, const Document& doc) {
    return lesson_owns_redo(session, doc) || doc.history.can_redo();
}

bool undo_any(AppState& state, Playback& playback) {
    if (!lesson_owns_undo(state.lessons.session, state.doc)) return undo(state.doc, state.interaction);
    const std::optional<LessonStep> before = current_copy(state.lessons.session);
    if (!undo_lesson_edit(state.lessons.session)) return false;
    follow_lesson(state, playback, before);
    set_lesson_message(state.lessons, tr("author.undone"), false);
    return true;
}

bool redo_any(AppState& state, Playback& playback) {
    if (!lesson_owns_redo(state.lessons.session, state.doc)) return redo(state.doc, state.interaction);
    const std::optional<LessonStep> before = current_copy(state.lessons.session);
    if (!redo_lesson_edit(state.lessons.session)) return false;
    follow_lesson(state, playback, before);
    set_lesson_message(state.lessons, tr("author.redone"), false);
    return true;
}

}  // namespace poolscope::app
