// Routing of undo and redo between the lesson's history and the matrix editor's: the lesson wins only while
// the matrix editor is exactly where it was at the last lesson edit.
#include "model/undo_route.h"

#include "model/lesson_step_edits.h"

namespace poolscope::app {
namespace {

bool matrix_unchanged_since_lesson_edit(const AppState& state) {
    const LessonHistory& history = state.lessons.session.history;
    return history.matrix_at_edit && state.history.present().same_as(*history.matrix_at_edit);
}

}  // namespace

void note_lesson_edit(AppState& state) {
    state.lessons.session.history.matrix_at_edit = state.history.present();
}

bool lesson_owns_undo(const AppState& state) {
    return can_undo_lesson_edit(state.lessons.session) && matrix_unchanged_since_lesson_edit(state);
}

bool lesson_owns_redo(const AppState& state) {
    return can_redo_lesson_edit(state.lessons.session) && matrix_unchanged_since_lesson_edit(state);
}

}  // namespace poolscope::app
