// The lesson player's actions (see lesson_ui.h): opening with the unsaved-changes question, the per-frame
// check for a changed file, lesson keys, the browser's scan and the state report. Drawing is in
// panels/lesson_panel.cpp and panels/lesson_browser.cpp.
#include "lesson_ui.h"

#include <GLFW/glfw3.h>

#include <cstdio>
#include <iostream>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app_options.h"
#include "app_state.h"
#include "fonts.h"
#include "i18n/i18n.h"
#include "i18n/lesson_strings.h"
#include "panels/image_view.h"
#include "panels/panels.h"
#include "resource_paths.h"

namespace poolscope::app {
namespace {

void say(LessonUi& ui, std::string text, bool is_error) {
    ui.message = std::move(text);
    ui.message_is_error = is_error;
}

// The atlas holds only the glyphs of text known to be shown; lesson text asks for its own.
void want_glyphs(AppState& state, const std::string& text) {
    if (request_glyphs(text)) state.fonts_need_rebuild = true;
}

// The recent list's problem in the UI language (the detail, from the file system, stays as it is).
std::string recent_problem(const LessonUi& ui, const char* key) {
    char text[1200];
    std::snprintf(text, sizeof text, tr(key), ui.recent_file.string().c_str());
    return text;
}

std::string errors_text(const std::vector<Error>& errors) {
    std::string text;
    for (const Error& e : errors)
        text += (text.empty() ? "" : "\n") + (e.field.empty() ? e.message : e.field + ": " + e.message);
    return text;
}

image::ChannelView channel_view_named(const std::string& name) {
    if (name == "red") return image::ChannelView::kRed;
    if (name == "green") return image::ChannelView::kGreen;
    if (name == "blue") return image::ChannelView::kBlue;
    if (name == "gray") return image::ChannelView::kGray;
    return image::ChannelView::kRgb;
}

// Opens the current step's picture in the Image view when it differs from the one opened last; a step
// without a picture leaves the view as the student left it.
void show_step_picture(LessonUi& ui, ImageView& view) {
    const LessonStep* step = is_open(ui.session) ? current_step(ui.session) : nullptr;
    const std::optional<StepPicture> wanted = step ? step->picture : std::nullopt;
    if (wanted == ui.shown_picture) return;
    ui.shown_picture = wanted;
    if (!wanted) return;
    const std::filesystem::path path = resolve_step_picture(ui.session, *wanted, view.sample_dir);
    if (path.empty()) {
        char text[600];
        std::snprintf(text, sizeof text, tr("lesson.picture_missing_fmt"), wanted->file.c_str());
        say(ui, text, true);
        return;
    }
    if (open_picture(view, path)) view.channels = channel_view_named(wanted->view);
}

}  // namespace

void start_lessons(LessonUi& ui, const std::filesystem::path& exe_dir) {
    ui.lessons_dir = lessons_dir(exe_dir);
    ui.recent_file = recent_files_path();
    ui.recent = load_recent_files(ui.recent_file);
    for (auto table : {lesson_english_table(), lesson_chinese_table()})
        for (const TranslationEntry& e : table)
            request_glyphs(e.text);
    if (!ui.recent.message.empty()) say(ui, recent_problem(ui, "lesson.recent_ignored_fmt"), true);
}

bool open_lesson_now(AppState& state, Playback& playback, const std::filesystem::path& path, size_t step) {
    LessonUi& ui = state.lessons;
    Result<bool> opened = open_lesson(ui.session, path, step);
    if (!opened) {
        say(ui, std::string(tr("lesson.open_failed")) + "\n" + errors_text(opened.errors()), true);
        return false;
    }
    say(ui, "", false);
    want_glyphs(state, lesson_to_string(*ui.session.lesson) + ui.session.path.string());
    apply_step(ui.session, state, playback);
    ui.applied_generation = ui.session.generation;
    ui.browser_open = false;
    note_recent_file(ui.recent, path);
    if (!ui.recent_file.empty() && !save_recent_files(ui.recent, ui.recent_file))
        say(ui, recent_problem(ui, "lesson.recent_unwritable_fmt"), true);
    return true;
}

bool open_startup_lesson(AppState& state, Playback& playback, const AppOptions& options) {
    LessonUi& ui = state.lessons;
    ui.browser_open = options.show_lessons;
    if (!options.lesson_path) return true;
    const size_t step = options.lesson_step ? static_cast<size_t>(*options.lesson_step - 1) : 0;
    if (!open_lesson_now(state, playback, *options.lesson_path, step)) {
        std::cerr << "poolscope: " << ui.message << "\n";
        return false;
    }
    if (options.lesson_step && static_cast<size_t>(*options.lesson_step) > step_total(ui.session)) {
        std::cerr << "poolscope: --lesson-step " << *options.lesson_step
                  << " is past the lesson's last step (" << step_total(ui.session) << ")\n";
        return false;
    }
    ui.browser_open = options.show_lessons;
    return true;
}

void route_dropped_files(PanelContext& ctx, std::vector<std::string>& paths) {
    std::vector<std::string> pictures;
    bool opened = false;
    for (const std::string& path : paths) {
        switch (route_dropped_path(path)) {
            case DropTarget::kPicture:
                pictures.push_back(path);
                break;
            case DropTarget::kLesson:
                if (!opened) request_open_lesson(ctx.state, ctx.playback, path);
                opened = true;
                break;
            case DropTarget::kUnknown: {
                char text[600];
                std::snprintf(text, sizeof text, tr("lesson.dropped_unknown_fmt"),
                              std::filesystem::path(path).filename().string().c_str());
                set_status(ctx.state, text, true);
                break;
            }
        }
    }
    paths = std::move(pictures);
}

void request_open_lesson(AppState& state, Playback& playback, const std::filesystem::path& path) {
    LessonUi& ui = state.lessons;
    if (ui.session.dirty) {
        ui.pending = PendingAction::kOpen;
        ui.pending_path = path;
        ui.ask_unsaved = true;
        return;
    }
    open_lesson_now(state, playback, path);
}

bool lesson_wants_polling(const LessonUi& ui) {
    return is_open(ui.session) && !ui.session.path.empty();
}

bool lesson_allows_quit(AppState& state) {
    LessonUi& ui = state.lessons;
    if (!ui.session.dirty || ui.quit_confirmed) return true;
    state.quit_requested = false;
    if (ui.pending != PendingAction::kQuit || !ui.unsaved_modal_shown) {
        ui.pending = PendingAction::kQuit;
        ui.ask_unsaved = true;
    }
    return false;
}

void lesson_frame(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonUi& ui = state.lessons;
    const double now = ImGui::GetTime();
    if (now >= ui.next_poll) {
        ui.next_poll = now + 0.5;
        switch (reload_if_changed(ui.session)) {
            case ReloadOutcome::kReloaded:
                say(ui, tr("lesson.reloaded"), false);
                want_glyphs(state, lesson_to_string(*ui.session.lesson));
                break;
            case ReloadOutcome::kConflict:
                say(ui, tr("lesson.changed_on_disk_unsaved"), true);
                break;
            default:
                break;
        }
    }
    if (ui.applied_generation != ui.session.generation) {
        apply_step(ui.session, state, ctx.playback);
        ui.applied_generation = ui.session.generation;
    }
    if (ctx.image_view) show_step_picture(ui, *ctx.image_view);

    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup)) return;
    if (is_open(ui.session)) {
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN)) next_step(ui.session);
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP)) previous_step(ui.session);
    }
    if (!io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_O, false))
        show_file_picker(ui.picker, PickerMode::kOpen,
                         ui.session.path.empty() ? ui.lessons_dir : ui.session.path.parent_path(), "open");
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false) && is_open(ui.session)) {
        if (io.KeyShift || ui.session.path.empty()) {
            show_file_picker(ui.picker, PickerMode::kSave, ui.session.path.parent_path(), "save_as",
                             ui.session.path.filename().string());
        } else {
            Result<bool> saved = save_session(ui.session);
            say(ui,
                saved ? tr("lesson.saved") : std::string(tr("lesson.save_failed")) + " " + saved.error_text(),
                !saved);
        }
    }
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

nlohmann::json lesson_report(const LessonUi& ui) {
    using nlohmann::json;
    const LessonSession& s = ui.session;
    json j;
    j["browser_open"] = ui.browser_open;
    j["unsaved_modal"] = ui.unsaved_modal_shown;
    j["message"] = ui.message;
    j["recent"] = ui.recent.paths;
    if (!is_open(s)) {
        j["file"] = nullptr;
        return j;
    }
    j["file"] = s.path.string();
    j["title"] = s.lesson->title.en;
    j["step"] = s.step;
    j["steps"] = step_total(s);
    j["kind"] = current_step(s)->kind == StepKind::kShape ? "shape" : "pool";
    const StepBadge badge = step_badge(s, s.step);
    j["badge"] = badge == StepBadge::kMatches ? "matches" : badge == StepBadge::kDiffers ? "differs" : "none";
    j["dirty"] = s.dirty;
    json errors = json::array();
    for (const Error& e : s.load_errors)
        errors.push_back({{"field", e.field}, {"message", e.message}});
    j["load_errors"] = errors;
    j["generation"] = s.generation;
    return j;
}

}  // namespace poolscope::app
