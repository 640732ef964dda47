// Step-list edits on the open lesson (move the current step up or down, duplicate it, delete it), each
// undoable and redoable through the session's LessonHistory. GUI-free; the lesson panel calls these.
#pragma once

#include "model/lesson_session.h"
#include "poolscope/result.h"

namespace poolscope::app {

// Reloads an edited copy of the lesson's document through the core and, when it loads, makes it the lesson
// (step `step` current, unsaved), keeping the old one for undo. `merge_with_last` folds the edit into the
// previous undo entry (one entry for a whole typing session in a text field).
Result<bool> commit_lesson_edit(LessonSession& session, nlohmann::ordered_json document, size_t step,
                                bool merge_with_last = false);

// Moves the current step one place earlier (delta -1) or later (+1); it stays current. Fails, changing
// nothing, at either end or when the reordered lesson no longer loads (a step that inherits its input from
// the one before cannot go first).
Result<bool> move_current_step(LessonSession& session, int delta);
// Inserts a copy of the current step after it; the copy becomes current.
Result<bool> duplicate_current_step(LessonSession& session);
// Removes the current step (not the last one left); the next step, or the new last one, becomes current.
Result<bool> delete_current_step(LessonSession& session);

bool can_undo_lesson_edit(const LessonSession& session);
bool can_redo_lesson_edit(const LessonSession& session);
// Restores the lesson as it was before the last edit (or redoes it); false when there is nothing to do.
bool undo_lesson_edit(LessonSession& session);
bool redo_lesson_edit(LessonSession& session);

}  // namespace poolscope::app
