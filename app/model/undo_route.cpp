// Routing of undo and redo between the lesson's history and the matrix editor's: the lesson wins only while
// the matrix editor is exactly where it was at the last lesson edit.
#include "model/undo_route.h"

#include "model/lesson_step_edits.h"

namespace poolscope::app {
namespace {

bool matrix_unchanged_since_lesson_edit(const LessonSession& session, const Document& doc) {
    const LessonHistory& history = session.history;
    return history.matrix_at_edit && doc.history.present().same_as(*history.matrix_at_edit);
}

}  // namespace

void note_lesson_edit(LessonSession& session, const Document& doc) {
    session.history.matrix_at_edit = doc.history.present();
}

bool lesson_owns_undo(const LessonSession& session, const Document& doc) {
    return can_undo_lesson_edit(session) && matrix_unchanged_since_lesson_edit(session, doc);
}

bool lesson_owns_redo(const LessonSession& session, const Document& doc) {
    return can_redo_lesson_edit(session) && matrix_unchanged_since_lesson_edit(session, doc);
}

}  // namespace poolscope::app
