// The lesson player's actions (see lesson_player.h): opening with the unsaved-changes question, the
// per-frame check for a changed file, saving with its message, and the browser's scan. No drawing here:
// the lesson column, browser, keys and dialogs are in panels/lesson_*.cpp.
#include "model/lesson_player.h"

#include <cstdio>
#include <iostream>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/app_state.h"
#include "model/file_listing.h"
#include "model/lesson_authoring.h"
#include "model/lesson_conflict.h"
#include "model/paths.h"

namespace poolscope::app {
namespace {

// The recent list's problem in the UI language (the detail, from the file system, stays as it is).
std::string recent_problem(const LessonPlayer& player, const char* key) {
    char text[1200];
    std::snprintf(text, sizeof text, tr(key), player.recent_file.string().c_str());
    return text;
}

std::string errors_text(const std::vector<Error>& errors) {
    std::string text;
    for (const Error& e : errors)
        text += (text.empty() ? "" : "\n") + (e.field.empty() ? e.message : e.field + ": " + e.message);
    return text;
}

// A shape step too large for the matrix editor: its layer, planned once per step for the walkthrough the
// lesson column shows instead (smaller ones are in the window itself).
void plan_shape_step(LessonPlayer& player) {
    player.shape_step.reset();
    const LessonStep* step = is_open(player.session) ? current_step(player.session) : nullptr;
    if (!step || step->kind != StepKind::kShape || step_input_for_window(*step))
        return;  // the window shows it
    ShapeStepPlan shape;
    shape.input = step->input_shape;
    shape.input.n = 1;
    shape.params = step->params;
    if (Result<PoolPlan> plan = plan_step(*step))
        shape.plan = std::move(plan).value();
    else
        shape.errors = plan.errors();
    player.shape_step = std::move(shape);
}

// Brings the session's current step into the window (input, params, focus) once per change.
void show_current_step(AppState& state, Playback& playback) {
    if (state.lessons.applied_generation != state.lessons.session.generation)
        reset_lesson_step(state, playback);
}

}  // namespace

void set_lesson_message(LessonPlayer& player, std::string text, bool is_error) {
    player.message = std::move(text);
    player.message_is_error = is_error;
    player.message_since = -1;  // its time starts when the next frame sees it (status_line.h)
}

void reset_lesson_step(AppState& state, Playback& playback) {
    LessonPlayer& player = state.lessons;
    apply_step(player.session, state, playback);
    plan_shape_step(player);
    player.applied_generation = player.session.generation;
}

void start_lessons(LessonPlayer& player, const std::filesystem::path& exe_dir) {
    player.lessons_dir = lessons_dir(exe_dir);
    player.recent_file = recent_files_path();
    player.recent = load_recent_files(player.recent_file);
    if (!player.recent.message.empty())
        set_lesson_message(player, recent_problem(player, "lesson.recent_ignored_fmt"), true);
}

bool open_lesson_now(AppState& state, Playback& playback, const std::filesystem::path& path, size_t step) {
    LessonPlayer& player = state.lessons;
    Result<bool> opened = open_lesson(player.session, path, step);
    if (!opened) {
        player.failed_open = FailedOpen{path, opened.errors()};
        set_lesson_message(player, "", false);
        state.view.text_shown.push_back(errors_text(opened.errors()));
        return false;
    }
    player.failed_open.reset();
    set_lesson_message(player, "", false);
    state.view.text_shown.push_back(lesson_to_string(*player.session.lesson) + player.session.path.string());
    show_current_step(state, playback);
    close_window(state.view, window_id::kLessonBrowser);
    note_recent_file(player.recent, path);
    if (!player.recent_file.empty() && !save_recent_files(player.recent, player.recent_file))
        set_lesson_message(player, recent_problem(player, "lesson.recent_unwritable_fmt"), true);
    return true;
}

bool open_startup_lesson(AppState& state, Playback& playback, const AppOptions& options) {
    LessonPlayer& player = state.lessons;
    set_window_open(state.view, window_id::kLessonBrowser, options.show_lessons);
    if (!options.lesson_path) return true;
    const size_t step = options.lesson_step ? static_cast<size_t>(*options.lesson_step - 1) : 0;
    if (!open_lesson_now(state, playback, *options.lesson_path, step)) {
        std::cerr << "poolscope: " << tr("lesson.open_failed") << "\n"
                  << errors_text(player.failed_open->errors) << "\n";
        set_window_open(state.view, window_id::kLessonBrowser, options.show_lessons);
        return true;  // the window opens and shows the errors where the lesson would be
    }
    if (options.lesson_step && static_cast<size_t>(*options.lesson_step) > step_total(player.session) &&
        options.from_url) {  // the page's link: the first step, and a note (say_url_notes)
        go_to_step(player.session, 0);
        show_current_step(state, playback);
    } else if (options.lesson_step &&
               static_cast<size_t>(*options.lesson_step) > step_total(player.session)) {
        std::cerr << "poolscope: --lesson-step " << *options.lesson_step
                  << " is past the lesson's last step (" << step_total(player.session) << ")\n";
        return false;
    }
    set_window_open(state.view, window_id::kLessonBrowser, options.show_lessons);
    return true;
}

void route_dropped_files(AppState& state, Playback& playback, std::vector<std::string>& paths) {
    std::vector<std::string> pictures;
    bool opened = false;
    for (const std::string& path : paths) {
        switch (route_dropped_path(path)) {
            case DropTarget::kPicture:
                pictures.push_back(path);
                break;
            case DropTarget::kLesson:
                if (!opened) request_open_lesson(state, playback, path);
                opened = true;
                break;
            case DropTarget::kUnknown: {
                char text[600];
                std::snprintf(text, sizeof text, tr("lesson.dropped_unknown_fmt"),
                              std::filesystem::path(path).filename().string().c_str());
                set_status(state.interaction, text, true);
                break;
            }
        }
    }
    paths = std::move(pictures);
}

void request_open_lesson(AppState& state, Playback& playback, const std::filesystem::path& path) {
    LessonPlayer& player = state.lessons;
    if (player.session.dirty) {
        player.pending = PendingAction::kOpen;
        player.pending_path = path;
        open_window(state.view, window_id::kUnsavedQuestion);
        return;
    }
    open_lesson_now(state, playback, path);
}

void update_lesson(AppState& state, Playback& playback, double now) {
    LessonPlayer& player = state.lessons;
    if (now >= player.next_poll) {
        player.next_poll = now + 0.5;
        switch (reload_if_changed(player.session)) {
            case ReloadOutcome::kReloaded:
                set_lesson_message(player, tr("lesson.reloaded"), false);
                state.view.text_shown.push_back(lesson_to_string(*player.session.lesson));
                break;
            case ReloadOutcome::kFailed:
                set_lesson_message(player, "", false);  // the red load errors replace an older "reloaded"
                break;
            case ReloadOutcome::kConflict:
                set_lesson_message(player, tr("lesson.changed_on_disk_unsaved"), true);
                break;
            default:
                break;
        }
    }
    show_current_step(state, playback);
}

bool save_lesson(LessonPlayer& player, View& view, const std::filesystem::path& path) {
    if ((path.empty() || path == player.session.path) && changed_on_disk(player.session)) {
        open_window(view, window_id::kConflictQuestion);  // never overwrite another editor's change silently
        set_lesson_message(player, tr("lesson.conflict_ask"), true);
        return false;
    }
    Result<bool> saved = save_session(player.session, path);
    set_lesson_message(
        player, saved ? tr("lesson.saved") : std::string(tr("lesson.save_failed")) + " " + saved.error_text(),
        !saved);
    if (saved && !path.empty()) note_recent_file(player.recent, path);
    return saved.ok();
}

void answer_unsaved_question(AppState& state, Playback& playback, UnsavedAnswer answer) {
    LessonPlayer& player = state.lessons;
    // Never leave without the work on disk: a failed save keeps the lesson open and asks nothing more.
    if (answer == UnsavedAnswer::kSave && !save_lesson(player, state.view)) {
        if (window_open(state.view, window_id::kConflictQuestion))
            return;  // the external-change question decides; the quit or open waits
        answer = UnsavedAnswer::kCancel;
    }
    if (answer != UnsavedAnswer::kCancel) continue_pending(state, playback);
    player.pending = PendingAction::kNone;
}

void continue_pending(AppState& state, Playback& playback) {
    LessonPlayer& player = state.lessons;
    if (player.pending == PendingAction::kQuit) {
        player.quit_confirmed = true;
        state.interaction.quit_requested = true;
    } else if (player.pending == PendingAction::kOpen) {
        player.session.dirty = false;
        open_lesson_now(state, playback, player.pending_path);
    } else if (player.pending == PendingAction::kClose) {
        close_lesson(player.session);
    } else if (player.pending == PendingAction::kNewLesson) {
        start_new_lesson(state);
    }
    player.pending = PendingAction::kNone;
}

void dismiss_failed_open(LessonPlayer& player) {
    player.failed_open.reset();
}

bool lesson_wants_polling(const LessonPlayer& player) {
    return is_open(player.session) && !player.session.path.empty();
}

bool lesson_allows_quit(AppState& state) {
    LessonPlayer& player = state.lessons;
    if (!player.session.dirty || player.quit_confirmed) return true;
    state.interaction.quit_requested = false;
    player.pending = PendingAction::kQuit;
    open_window(state.view, window_id::kUnsavedQuestion);  // already up: it stays as it is
    return false;
}

std::vector<BrowserEntry> scan_lessons(const std::filesystem::path& dir) {
    std::vector<BrowserEntry> entries;
    Result<std::vector<DirEntry>> listed = list_directory(dir, ".json");
    if (!listed) return entries;
    for (const DirEntry& e : *listed) {
        if (e.is_dir || e.name == "schema.json") continue;  // the JSON Schema describes lessons, is none
        BrowserEntry entry;
        entry.path = dir / e.name;
        Result<Lesson> lesson = load_lesson_file(entry.path);
        if (!lesson) {
            entry.error = lesson.error_text();
        } else {
            entry.title_en = lesson->title.en;
            entry.title_zh = lesson->title.zh;
            entry.description_en = lesson->description.en;
            entry.description_zh = lesson->description.zh;
            entry.steps = lesson->steps.size();
            bool en = !lesson->title.en.empty(), zh = !lesson->title.zh.empty();
            for (const LessonStep& s : lesson->steps) {
                en = en || !s.narration.en.empty();
                zh = zh || !s.narration.zh.empty();
            }
            entry.languages = std::string(en ? "en" : "") + (en && zh ? ", " : "") + (zh ? "zh" : "");
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace poolscope::app
