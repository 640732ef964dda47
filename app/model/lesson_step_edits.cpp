// Step-list edits: each works on a copy of the lesson's JSON document and reloads it through the core (so
// the checker, inheritance between steps and the byte-preserving writer see exactly what will be saved),
// then snapshots the old lesson for undo.
#include "model/lesson_step_edits.h"

#include <algorithm>
#include <string>
#include <utility>

namespace poolscope::app {
namespace {

using Json = nlohmann::ordered_json;

LessonSnapshot snapshot(const LessonSession& session) {
    return LessonSnapshot{*session.lesson, session.step, session.dirty};
}

void restore(LessonSession& session, LessonSnapshot snap) {
    session.failures = check_lesson(snap.lesson);
    session.lesson = std::move(snap.lesson);
    session.step = snap.step;
    session.dirty = snap.dirty;
    ++session.generation;
}

// The lesson's step array, checked; nullptr when the document has none.
Json* steps_of(Json& document) {
    if (!document.is_object() || !document.contains("steps") || !document["steps"].is_array()) return nullptr;
    return &document["steps"];
}

}  // namespace

Result<bool> commit_lesson_edit(LessonSession& session, nlohmann::ordered_json document, size_t step,
                                bool merge_with_last) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    Result<Lesson> changed = load_lesson_json(std::move(document), session.lesson->source);
    if (!changed) return changed.errors();
    Lesson lesson = std::move(changed).value();
    lesson.text = session.lesson->text;  // the file the save splices into
    // Typing in one field is one edit: its first change holds the snapshot, the rest replace the lesson.
    if (!merge_with_last || session.history.undo.empty()) session.history.undo.push_back(snapshot(session));
    session.history.redo.clear();
    session.failures = check_lesson(lesson);
    session.lesson = std::move(lesson);
    session.step = step;
    session.dirty = true;
    ++session.generation;
    return true;
}

Result<bool> move_current_step(LessonSession& session, int delta) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    Json document = session.lesson->document;
    Json* steps = steps_of(document);
    if (!steps || session.step >= steps->size()) return Error{"/steps", "the lesson has no step to move"};
    const long target = static_cast<long>(session.step) + (delta < 0 ? -1 : 1);
    if (target < 0 || target >= static_cast<long>(steps->size()))
        return Error{"/steps/" + std::to_string(session.step), "the step is already at that end"};
    std::swap((*steps)[session.step], (*steps)[static_cast<size_t>(target)]);
    return commit_lesson_edit(session, std::move(document), static_cast<size_t>(target));
}

Result<bool> duplicate_current_step(LessonSession& session) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    Json document = session.lesson->document;
    Json* steps = steps_of(document);
    if (!steps || session.step >= steps->size())
        return Error{"/steps", "the lesson has no step to duplicate"};
    Json copy = (*steps)[session.step];
    steps->insert(steps->begin() + static_cast<std::ptrdiff_t>(session.step) + 1, std::move(copy));
    return commit_lesson_edit(session, std::move(document), session.step + 1);
}

Result<bool> delete_current_step(LessonSession& session) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    Json document = session.lesson->document;
    Json* steps = steps_of(document);
    if (!steps || session.step >= steps->size()) return Error{"/steps", "the lesson has no step to delete"};
    if (steps->size() == 1) return Error{"/steps/0", "a lesson keeps at least one step"};
    steps->erase(steps->begin() + static_cast<std::ptrdiff_t>(session.step));
    const size_t next = std::min(session.step, steps->size() - 1);
    return commit_lesson_edit(session, std::move(document), next);
}

bool can_undo_lesson_edit(const LessonSession& session) {
    return !session.history.undo.empty();
}
bool can_redo_lesson_edit(const LessonSession& session) {
    return !session.history.redo.empty();
}

bool undo_lesson_edit(LessonSession& session) {
    if (!session.lesson || session.history.undo.empty()) return false;
    LessonSnapshot previous = std::move(session.history.undo.back());
    session.history.undo.pop_back();
    session.broken_by_edit.clear();  // what the undone edit broke is whole again
    session.history.redo.push_back(snapshot(session));
    restore(session, std::move(previous));
    return true;
}

bool redo_lesson_edit(LessonSession& session) {
    if (!session.lesson || session.history.redo.empty()) return false;
    LessonSnapshot next = std::move(session.history.redo.back());
    session.history.redo.pop_back();
    session.broken_by_edit.clear();
    session.history.undo.push_back(snapshot(session));
    restore(session, std::move(next));
    return true;
}

}  // namespace poolscope::app
