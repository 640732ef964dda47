// Saving a lesson whose file changed on disk since the app loaded it (another editor, issue 14): the save
// never overwrites silently; the player asks, and the answer is one of four choices, applied here without
// drawing (the question itself is drawn in panels/lesson_dialogs.cpp).
#pragma once

#include <filesystem>

#include "poolscope/result.h"

namespace poolscope::app {

struct AppState;
struct LessonSession;
struct Playback;

enum class ConflictChoice {
    kKeepBoth,   // merge the app's changed steps into the file's version (refused where both changed a step)
    kTakeFile,   // reload the file's version, dropping the app's changes
    kOverwrite,  // write the app's version over the file
    kSaveAs,     // write the app's version to another file; the changed file stays as it is
    kCancel,     // save nothing now
};

// True when the session's file exists and differs (size or time) from the version loaded or saved last.
bool changed_on_disk(const LessonSession& session);

// Applies a choice to the session (kSaveAs writes to `save_as`). Keep both fails, changing nothing, when the
// file's version does not load or both sides changed the same step (the error names it: "/steps/2").
Result<bool> resolve_conflict(LessonSession& session, ConflictChoice choice,
                              const std::filesystem::path& save_as = {});

// The player's side: applies the choice with its message, then carries on with what waited for the save (the
// quit or open that asked "save first?"). False when nothing was saved or reloaded (the question may stay).
bool answer_save_conflict(AppState& state, Playback& playback, ConflictChoice choice,
                          const std::filesystem::path& save_as = {});

}  // namespace poolscope::app
