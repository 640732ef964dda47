// The open lesson behind the lesson player, without any drawing: load, step navigation, the badge from the
// core's checker, reload when the file changes on disk (keeping the step, keeping the last good version when
// the new one is broken), authoring (the editor's input and params as a new step or over a step) and saving.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/lesson_history.h"
#include "poolscope/lesson.h"
#include "poolscope/result.h"

namespace poolscope::app {

struct AppState;
struct Document;
struct GradientView;
struct Playback;

enum class StepBadge {
    kNoExpectation,  // the step states no expected result
    kMatches,        // the expected result agrees with what the core computes
    kDiffers,        // it does not: the failure says how
    kNotShown,       // it matches the core, but the window shows something else (the student edited it)
};

enum class ReloadOutcome {
    kUnchanged,  // the file is as loaded (or no lesson is open)
    kReloaded,   // it changed and the new version loaded; the step is kept (clamped)
    kFailed,     // it changed but does not load: `load_errors` says why, the last good lesson stays
    kConflict,   // it changed while the lesson has unsaved edits in the app: nothing reloaded
};

// Size and modification time: what "the file changed" means (both, because mtime can be coarse).
struct FileStamp {
    std::filesystem::file_time_type mtime{};
    uintmax_t size = 0;
    bool operator==(const FileStamp&) const = default;
};
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

struct LessonSession {
    std::optional<Lesson> lesson;           // the last version that loaded
    std::filesystem::path path;             // where it was read from (and is saved to); empty = unsaved
    size_t step = 0;                        // the current step, 0-based
    bool dirty = false;                     // edited in the app since it was loaded or saved
    std::vector<CheckFailure> failures;     // check_lesson() of `lesson`
    std::vector<Error> load_errors;         // the last reload that failed (cleared by a good one)
    std::optional<FileStamp> stamp;         // the file as last loaded or saved
    std::optional<FileStamp> failed_stamp;  // the broken version already reported (not retried)
    uint64_t generation = 0;                // bumped whenever `lesson` or `step` changes
    LessonHistory history;                  // step-list edits to undo (lesson_step_edits.h)
    // The steps the last edit broke: they passed check_lesson() before it and fail now, most often because
    // they inherit what was edited (issue 29); the lesson column offers to re-record them or undo.
    std::vector<size_t> broken_by_edit;
};

bool is_open(const LessonSession& session);
// Where a step's picture is: next to the lesson file first, then in `samples_dir` (the app's sample
// pictures). Empty when neither has it.
std::filesystem::path resolve_step_picture(const LessonSession& session, const StepPicture& picture,
                                           const std::filesystem::path& samples_dir);
size_t step_total(const LessonSession& session);
const LessonStep* current_step(const LessonSession& session);

// Loads `path` (replacing what is open) and goes to `step` (clamped). On failure nothing changes.
Result<bool> open_lesson(LessonSession& session, const std::filesystem::path& path, size_t step = 0);
void close_lesson(LessonSession& session);
// Goes to step `index` (clamped); returns true when the step changed.
bool go_to_step(LessonSession& session, size_t index);
bool next_step(LessonSession& session);
bool previous_step(LessonSession& session);

StepBadge step_badge(const LessonSession& session, size_t index);
// The checker's messages for one step (empty when it matches or states nothing).
std::vector<std::string> step_failures(const LessonSession& session, size_t index);

// Stats the file; reloads when it changed (see ReloadOutcome).
ReloadOutcome reload_if_changed(LessonSession& session);

// Authoring. The edit goes over the current step or after it as a new step (which becomes current); the
// session is dirty until saved.
Result<bool> put_current(LessonSession& session, const StepEdit& edit, StepPlacement placement);
// Writes the lesson atomically to `path` (empty = where it came from) and makes that the session's file.
Result<bool> save_session(LessonSession& session, const std::filesystem::path& path = {});

// Bridges to the window's state. apply_step() puts the current step's input, params and convention into the
// document (an undoable edit), its gradient into the Backward view, and asks the next recompute for its focus
// (start cell, autoplay): the whole window follows the step, so it takes the AppState. A shape step brings
// its layer and sizes (values 0, 1, 2, ... unless it inherits an input of those sizes); one larger than the
// editor holds leaves `state` alone.
void apply_step(const LessonSession& session, AppState& state, Playback& playback);
// What the matrix editor shows for a step (see apply_step); nullopt when its sizes do not fit the editor.
std::optional<Tensor> step_input_for_window(const LessonStep& step);
// The editor's input, params and convention, as a step would hold them.
StepEdit edit_from_document(const Document& doc);
// True when the student has changed the input, params or convention away from the current step's (a shape
// step: its sizes and params; a network step: its network).
bool differs_from_step(const LessonSession& session, const Document& doc);
// True when the window shows exactly the current step: its layer (convention included) and input.
bool window_shows_step(const LessonSession& session, const Document& doc, const GradientView& gradient);
// The badge as the window may state it: "matches" only when the window shows the step (else kNotShown).
StepBadge window_badge(const LessonSession& session, const Document& doc, const GradientView& gradient);

// Where a dropped file goes: lessons to the player, pictures to the Image view.
enum class DropTarget { kLesson, kPicture, kUnknown };
DropTarget route_dropped_path(const std::filesystem::path& path);

}  // namespace poolscope::app
