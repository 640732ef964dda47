// The window's side of authoring: runs a lesson edit (step list, text, expected, code, a new lesson), says
// how it went in the lesson column, keeps the window in step with the lesson, and routes Ctrl+Z / Ctrl+Y
// between the lesson's history and the matrix editor's (undo_route.h).
#pragma once

#include <string>

#include "model/lesson_session.h"
#include "model/lesson_step_text.h"

namespace poolscope::app {

struct AppState;
struct Document;
struct LessonSession;
struct Playback;

// The file name Save suggests for a lesson made in the window.
inline constexpr const char* kNewLessonFileName = "my-lesson.json";

enum class LessonEdit { kMoveUp, kMoveDown, kDuplicate, kDelete, kRecordExpected, kGenerateCode };

// Each returns true when the lesson changed. The window shows the (new) current step, unless the step
// still shows what it showed before: then the student's edits in the window are kept (the whole window may
// follow the lesson, so these take the AppState).
bool edit_lesson(AppState& state, Playback& playback, LessonEdit edit);
bool edit_lesson_text(AppState& state, Playback& playback, LessonTextField field, Language language,
                      const std::string& text, bool merge_with_last);
// "Save as a new step" / "Save over this step": the window's input and layer into the lesson (undoable).
bool save_window_as_step(AppState& state, StepPlacement placement);
// After an edit broke later steps (LessonSession::broken_by_edit): re-record their expected results and quiz
// answers from the core, as one more undoable edit; or take the edit back.
bool rerecord_broken_steps(AppState& state, Playback& playback);
bool undo_breaking_edit(AppState& state, Playback& playback);
// The current step's questions (model/lesson_questions.h), each one more undoable lesson edit, re-checked
// like the others. `merge_with_last`: a run of keystrokes in one prompt field is one undo entry.
bool ask_question(AppState& state, Playback& playback, const QuestionDraft& draft);
bool edit_question_prompt(AppState& state, Playback& playback, size_t index, Language language,
                          const std::string& text, bool merge_with_last);
enum class QuestionMove { kUp, kDown, kDelete };
bool move_or_delete_question(AppState& state, Playback& playback, size_t index, QuestionMove move);
// File → New lesson (after the unsaved-changes question): the window's input and layer as step 1.
bool start_new_lesson(AppState& state);

// Ctrl+Z / Ctrl+Y and Edit → Undo / Redo: the lesson's edit when it was the last one, else the matrix's.
bool can_undo_any(const LessonSession& session, const Document& doc);
bool can_redo_any(const LessonSession& session, const Document& doc);
bool undo_any(AppState& state, Playback& playback);
bool redo_any(AppState& state, Playback& playback);

}  // namespace poolscope::app
