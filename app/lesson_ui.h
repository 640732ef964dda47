// The lesson player's window-side state and entry points: the open lesson (LessonSession), the lesson
// browser, the file picker, recent files, and the "unsaved changes" question before quitting or opening
// another lesson. AppState owns one LessonUi (AppState::lessons); drawing lives in panels/lesson_panel.cpp
// and panels/lesson_browser.cpp.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "lesson_session.h"
#include "recent_files.h"
#include "widgets/file_picker.h"

namespace poolscope::app {

struct AppState;
struct PanelContext;
struct Playback;

// One row of the lesson browser.
struct BrowserEntry {
    std::filesystem::path path;
    std::string title_en, title_zh;  // empty when it did not load
    std::string languages;           // "en, zh"
    size_t steps = 0;
    std::string error;  // why it does not load
};

enum class PendingAction { kNone, kQuit, kOpen, kClose };

struct LessonUi {
    LessonSession session;
    std::optional<StepPicture> shown_picture;      // the step picture last opened in the Image view
    uint64_t applied_generation = 0;               // the session generation the window's input/params show
    std::filesystem::path lessons_dir;             // the shipped lessons (resource_paths.h)
    FilePicker picker;                             //
    RecentFiles recent;                            //
    std::filesystem::path recent_file;             // where `recent` is kept; empty = not kept
    bool browser_open = false;                     //
    bool browser_loaded = false;                   // `browser` reflects lessons_dir
    std::vector<BrowserEntry> browser;             //
    std::string message;                           // last open/save/reload result, shown in the lesson column
    bool message_is_error = false;                 //
    PendingAction pending = PendingAction::kNone;  // waiting for the unsaved-changes answer
    std::filesystem::path pending_path;            // the lesson to open after it
    bool ask_unsaved = false;                      // open the question next frame
    bool unsaved_modal_shown = false;              // the question is on screen (reported to tests)
    bool quit_confirmed = false;                   // the user chose Save or Discard before quitting
    double next_poll = 0;                          // ImGui time of the next on-disk change check
    std::shared_ptr<AppState> shape_view;          // a shape step's sizes and params, for the formula panel
    uint64_t shape_view_generation = 0;            //
};

// Finds the shipped lessons and reads the recent files list (messages go to ui.message).
void start_lessons(LessonUi& ui, const std::filesystem::path& exe_dir);
// The command line's lesson (FILE.json / --lesson, --lesson-step N 1-based, --lessons). False, with the
// reason on stderr, when the lesson does not load.
struct AppOptions;
bool open_startup_lesson(AppState& state, Playback& playback, const AppOptions& options);
// Files dropped on the window: lessons (.json) open in the player (the first one), other files that are not
// pictures get a message; what is left in `paths` are the pictures, for the Image view.
void route_dropped_files(PanelContext& ctx, std::vector<std::string>& paths);
// Opens a lesson at `step` (0-based) now, dropping unsaved changes; problems go to ui.message.
bool open_lesson_now(AppState& state, Playback& playback, const std::filesystem::path& path, size_t step = 0);
// Opens a lesson, asking first when the open one has unsaved changes.
void request_open_lesson(AppState& state, Playback& playback, const std::filesystem::path& path);
// Per frame, before the panels: check the file on disk (twice a second), bring a changed lesson or step
// into the window, and the lesson keys (PgUp/PgDn, Ctrl+S, Ctrl+Shift+S, Ctrl+O).
void lesson_frame(PanelContext& ctx);
// True while a lesson is open: the loop then wakes twice a second to notice file changes.
bool lesson_wants_polling(const LessonUi& ui);
// Before the window closes: false (and the question asked) while there are unsaved changes.
bool lesson_allows_quit(AppState& state);

// Menu items for File (open, recent, browse, save); call inside an open menu.
void draw_lesson_menu_items(PanelContext& ctx);
// Width of the lesson column at the right of the main window (0 when no lesson is open).
float lesson_column_width(const PanelContext& ctx);
void draw_lesson_column(PanelContext& ctx, float width);
// The lesson browser, the file picker and the unsaved-changes question. Call once per frame after the
// main window.
void draw_lesson_windows(PanelContext& ctx);
void draw_lesson_browser(PanelContext& ctx);
// Reads the lessons in ui.lessons_dir for the browser (GUI-free).
std::vector<BrowserEntry> scan_lessons(const std::filesystem::path& dir);

// The lesson part of the state report: file, step (0-based), steps, badge, dirty, errors, modal.
nlohmann::json lesson_report(const LessonUi& ui);

}  // namespace poolscope::app
