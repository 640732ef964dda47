// Ctrl+Z / Ctrl+Y with two histories: the matrix editor's EditHistory and the open lesson's LessonHistory.
// Undo goes to the lesson when the last edit was a lesson edit (no matrix edit since), else to the matrix.
#pragma once

#include "model/document.h"
#include "model/lesson_session.h"

namespace poolscope::app {

// Call after a successful lesson edit (lesson_step_edits.h): remembers the matrix state it was made over.
void note_lesson_edit(LessonSession& session, const Document& doc);
// True when the last edit was a lesson edit that can still be undone (model/lesson_authoring.h routes
// Ctrl+Z / Ctrl+Y with these).
bool lesson_owns_undo(const LessonSession& session, const Document& doc);
bool lesson_owns_redo(const LessonSession& session, const Document& doc);
}  // namespace poolscope::app
