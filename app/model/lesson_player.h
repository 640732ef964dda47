// The lesson player's model, without any drawing: the open lesson (LessonSession), the shipped lessons (and
// the rows the browser lists: scan_lessons), recent files, the player's message line, and the "unsaved
// changes" question before quitting or opening another lesson. AppState owns one LessonPlayer
// (AppState::lessons); the lesson column, browser, keys and dialogs that draw it live in panels/lesson_*.cpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/lesson_session.h"
#include "model/recent_files.h"
#include "poolscope/pool_plan.h"

namespace poolscope::app {

struct AppOptions;
struct AppState;
struct Playback;
struct View;

// One row of the lesson browser.
struct BrowserEntry {
    std::filesystem::path path;
    std::string title_en, title_zh;              // empty when it did not load
    std::string description_en, description_zh;  // the lesson's "description" (light markup; may be empty)
    std::string languages;                       // "en, zh"
    size_t steps = 0;
    std::string error;  // why it does not load
};

enum class PendingAction { kNone, kQuit, kOpen, kClose, kNewLesson };

// A lesson that did not open (File → Open, a drop, the command line): shown in the lesson column with its
// errors (file:line:column or JSON path, as `poolscope check` prints them) until the next open or Close.
struct FailedOpen {
    std::filesystem::path path;
    std::vector<Error> errors;
};

// A shape step's layer as the core plans it (a shape step has sizes and parameters but no matrix).
struct ShapeStepPlan {
    Shape input;                   // the step's input shape (N = 1)
    PoolParams params;             //
    std::optional<PoolPlan> plan;  // nullopt when PyTorch rejects the layer
    std::vector<Error> errors;     // its reasons
};

struct LessonPlayer {
    LessonSession session;
    std::optional<StepPicture> shown_picture;  // the step picture last opened in the Image view
    uint64_t applied_generation = 0;           // the session generation the window's input/params show
    std::filesystem::path lessons_dir;         // the shipped lessons (model/paths.h)
    RecentFiles recent;                        //
    std::filesystem::path browser_selected;    // the lesson the browser highlights (its description shown)
    std::filesystem::path recent_file;         // where `recent` is kept; empty = not kept
    std::string message;                       // last open/save/reload result, shown in the lesson column
    bool message_is_error = false;             //
    double message_since = -1;                 // clock when first shown; -1 = new (status_line.h)
    PendingAction pending = PendingAction::kNone;  // waiting for the unsaved-changes answer
    std::filesystem::path pending_path;            // the lesson to open after it
    bool quit_confirmed = false;                   // the user chose Save or Discard before quitting
    double next_poll = 0;                          // time (s) of the next on-disk change check
    std::optional<ShapeStepPlan> shape_step;       // a shape step too large for the matrix editor
    std::optional<FailedOpen> failed_open;         // the last lesson that did not open
    bool author_open = false;                      // "Author this lesson" is expanded (--author)
    bool author_scroll = false;                    // scroll the column to it once (--author)
    bool author_words = false;                     // open its title and narration editors once (--author)
    std::optional<OutputCell> asked_cell;          // the output cell whose "Ask about" menu is open
};

// The lesson column's one-line message (expires: model/status_line.h).
void set_lesson_message(LessonPlayer& player, std::string text, bool is_error);
// Finds the shipped lessons and reads the recent files list (messages go to the player's message).
void start_lessons(LessonPlayer& player, const std::filesystem::path& exe_dir);
// The command line's lesson (FILE.json / --lesson, --lesson-step N 1-based, --lessons). A lesson that does
// not load is reported on stderr and in the window (failed_open); false only for a --lesson-step past the
// lesson's last step (a usage error).
bool open_startup_lesson(AppState& state, Playback& playback, const AppOptions& options);
// Files dropped on the window: lessons (.json) open in the player (the first one), other files that are not
// pictures get a status message; what is left in `paths` are the pictures, for the Image view.
void route_dropped_files(AppState& state, Playback& playback, std::vector<std::string>& paths);
// Opens a lesson at `step` (0-based) now, dropping unsaved changes; problems go to the player's message.
bool open_lesson_now(AppState& state, Playback& playback, const std::filesystem::path& path, size_t step = 0);
// Opens a lesson, asking first when the open one has unsaved changes.
void request_open_lesson(AppState& state, Playback& playback, const std::filesystem::path& path);
// Per frame, before the panels: at `now` (seconds) check the file on disk (twice a second), and bring a
// changed lesson or step into the window's input and params.
void update_lesson(AppState& state, Playback& playback, double now);
// Puts the current step's input and params back into the window (also after the student changed them).
void reset_lesson_step(AppState& state, Playback& playback);
// Saves the lesson (to `path`, else where it came from), with the result in the player's message. When its
// own file changed on disk since it was loaded, nothing is written: the external-change question opens in
// the view (window_id::kConflictQuestion; model/lesson_conflict.h).
bool save_lesson(LessonPlayer& player, View& view, const std::filesystem::path& path = {});
// The answer to the unsaved-changes question: Save (then go on only if it saved), Discard, or Cancel.
enum class UnsavedAnswer { kSave, kDiscard, kCancel };
void answer_unsaved_question(AppState& state, Playback& playback, UnsavedAnswer answer);
// Carries on with what waited for the answer (quit, open another lesson, close), then forgets it.
void continue_pending(AppState& state, Playback& playback);
// Forgets a failed open (the lesson column's Close).
void dismiss_failed_open(LessonPlayer& player);
// True while a lesson is open: the loop then wakes twice a second to notice file changes.
bool lesson_wants_polling(const LessonPlayer& player);
// Before the window closes: false (and the unsaved-changes question open in the view) while there are
// unsaved changes.
bool lesson_allows_quit(AppState& state);
// Reads the lessons in a folder for the browser.
std::vector<BrowserEntry> scan_lessons(const std::filesystem::path& dir);

}  // namespace poolscope::app
