// The teacher's edits of what a lesson says and expects, in the app: the lesson's and a step's title and the
// step's narration and reveal (what it says once its questions are answered) in either language, the step's
// `expected` recorded from the core, its `code` line written from its layer, and a new lesson started from
// the window. Each is undoable (lesson_step_edits.h).
#pragma once

#include <string>

#include "model/lesson_session.h"
#include "poolscope/language.h"
#include "poolscope/result.h"

namespace poolscope::app {

enum class LessonTextField { kLessonTitle, kStepTitle, kNarration, kReveal };

// The field's text in `language` as written (no fallback to the other language).
std::string lesson_text(const LessonSession& session, LessonTextField field, Language language);
// Sets it (empty removes that language); `merge_with_last` makes a run of keystrokes one undo entry.
Result<bool> set_lesson_text(LessonSession& session, LessonTextField field, Language language,
                             const std::string& text, bool merge_with_last = false);

// Writes the core's result for the current step as its `expected` (expected_of_step in the core).
Result<bool> record_expected(LessonSession& session);
// Writes the current step's `code` line from its layer (layer_code in the core), replacing the old one.
Result<bool> generate_step_code(LessonSession& session);

// Replaces the session with a new, unsaved lesson (no file yet) whose one step is `first`, titled "New
// lesson" / "新课程", with the step's title, code line and expected result filled in.
Result<bool> new_lesson(LessonSession& session, const StepEdit& first);

}  // namespace poolscope::app
