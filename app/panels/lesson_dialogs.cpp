// The lesson player's window side besides its column (its keys, PgUp/PgDn, Ctrl+O, Ctrl+S, are in the
// bindings table, panels/actions_table.h): the step's picture in the Image view, the File menu's lesson
// items, the file picker, the unsaved-changes question and the external-change question
// (model/lesson_conflict.h). What they do is in model/lesson_player.h.
#include <cstdio>
#include <optional>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/lesson_authoring.h"
#include "model/lesson_conflict.h"
#include "model/lesson_player.h"
#include "panels/actions_table.h"
#include "panels/image_view.h"
#include "panels/panels.h"
#include "widgets/file_picker.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

image::ChannelView channel_view_named(const std::string& name) {
    if (name == "red") return image::ChannelView::kRed;
    if (name == "green") return image::ChannelView::kGreen;
    if (name == "blue") return image::ChannelView::kBlue;
    if (name == "gray") return image::ChannelView::kGray;
    return image::ChannelView::kRgb;
}

void unsaved_question(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    if (ui.ask_unsaved) {
        ImGui::OpenPopup("###unsaved");
        ui.ask_unsaved = false;
    }
    ui.unsaved_question_shown = false;
    const std::string title = std::string(tr("lesson.unsaved_title")) + "###unsaved";
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ui.unsaved_question_shown = true;
    const std::string name =
        ui.session.path.empty() ? std::string(tr("author.untitled")) : ui.session.path.filename().string();
    ImGui::Text(tr("lesson.unsaved_fmt"), name.c_str());
    ImGui::TextColored(
        palette::kMuted, "%s",
        tr(ui.pending == PendingAction::kQuit ? "lesson.unsaved_quit" : "lesson.unsaved_open"));
    ImGui::Spacing();
    enum { kWait, kSave, kDiscard, kCancel } answer = kWait;
    if (ImGui::Button(tr("lesson.unsaved_save"))) answer = kSave;
    remember_item(ctx.probe, "lesson.unsaved_save");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.unsaved_discard"))) answer = kDiscard;
    remember_item(ctx.probe, "lesson.unsaved_discard");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.unsaved_cancel")) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        answer = kCancel;
    remember_item(ctx.probe, "lesson.unsaved_cancel");
    if (answer == kSave && ui.session.path.empty()) {
        // A lesson never saved: ask where first; what waited (quit, open, new) goes on once it is saved.
        show_file_picker(ctx.picker, PickerMode::kSave, {}, "save_as_then_continue", kNewLessonFileName);
        ImGui::CloseCurrentPopup();
    } else if (answer != kWait) {
        answer_unsaved_question(state, ctx.playback,
                                answer == kSave      ? UnsavedAnswer::kSave
                                : answer == kDiscard ? UnsavedAnswer::kDiscard
                                                     : UnsavedAnswer::kCancel);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// Asked instead of saving when another program changed the file since it was loaded: never silently.
void conflict_question(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    if (ui.ask_conflict) {
        ImGui::OpenPopup("###conflict");
        ui.ask_conflict = false;
    }
    ui.conflict_question_shown = false;
    const std::string title = std::string(tr("lesson.conflict_title")) + "###conflict";
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ui.conflict_question_shown = true;
    ImGui::Text(tr("lesson.conflict_fmt"), ui.session.path.filename().string().c_str());
    if (ui.message_is_error && ui.message != tr("lesson.conflict_ask"))
        ImGui::TextColored(palette::kErrorText, "%s", ui.message.c_str());  // why keep both did not work
    ImGui::Spacing();
    struct Choice {
        ConflictChoice choice;
        const char* key;
    };
    static constexpr Choice kChoices[] = {{ConflictChoice::kKeepBoth, "lesson.conflict_keep_both"},
                                          {ConflictChoice::kTakeFile, "lesson.conflict_take_file"},
                                          {ConflictChoice::kOverwrite, "lesson.conflict_overwrite"},
                                          {ConflictChoice::kSaveAs, "lesson.conflict_save_as"}};
    std::optional<ConflictChoice> answer;
    for (const Choice& c : kChoices) {
        if (ImGui::Button(tr(c.key))) answer = c.choice;
        remember_item(ctx.probe, c.key);
        ImGui::SameLine();
        ImGui::TextColored(palette::kMuted, "%s", tr((std::string(c.key) + "_help").c_str()));
    }
    if (ImGui::Button(tr("lesson.conflict_cancel")) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        answer = ConflictChoice::kCancel;
    remember_item(ctx.probe, "lesson.conflict_cancel");
    if (answer == ConflictChoice::kSaveAs) {
        show_file_picker(ctx.picker, PickerMode::kSave, ui.session.path.parent_path(), "conflict_save_as",
                         ui.session.path.stem().string() + "-mine.json");
        ImGui::CloseCurrentPopup();
    } else if (answer) {
        // Keep both can fail (the same step changed on both sides): the question stays, with the reason.
        if (answer_save_conflict(state, ctx.playback, *answer) || *answer == ConflictChoice::kCancel)
            ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

// Opens the current step's picture in the Image view when it differs from the one opened last; a step
// without a picture leaves the view as the student left it.
void show_step_picture(PanelContext& ctx) {
    if (!ctx.image_view) return;
    LessonPlayer& ui = ctx.state.lessons;
    ImageView& view = *ctx.image_view;
    const LessonStep* step = is_open(ui.session) ? current_step(ui.session) : nullptr;
    const std::optional<StepPicture> wanted = step ? step->picture : std::nullopt;
    if (wanted == ui.shown_picture) return;
    ui.shown_picture = wanted;
    if (!wanted) return;
    const std::filesystem::path path = resolve_step_picture(ui.session, *wanted, view.sample_dir);
    if (path.empty()) {
        char text[600];
        std::snprintf(text, sizeof text, tr("lesson.picture_missing_fmt"), wanted->file.c_str());
        set_lesson_message(ui, text, true);
        return;
    }
    if (open_picture(view, path)) view.channels = channel_view_named(wanted->view);
}

void draw_lesson_menu_items(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    if (ImGui::MenuItem(tr("author.menu_new"))) {
        if (ui.session.dirty) {
            ui.pending = PendingAction::kNewLesson;
            ui.ask_unsaved = true;
        } else {
            start_new_lesson(state);
        }
    }
    remember_item(ctx.probe, "author.menu_new");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("author.menu_new_help"));
    if (ImGui::MenuItem(tr("menu.open_lesson"), shortcut_hint(Command::kOpenLesson)))
        show_file_picker(ctx.picker, PickerMode::kOpen,
                         ui.session.path.empty() ? ui.lessons_dir : ui.session.path.parent_path(), "open");
    if (ImGui::MenuItem(tr("menu.browse_lessons"), nullptr, false, !ui.lessons_dir.empty())) {
        ui.browser_open = true;
        ui.browser_loaded = false;
    }
    if (ImGui::BeginMenu(tr("menu.recent_lessons"), !ui.recent.paths.empty())) {
        for (const std::string& path : ui.recent.paths)
            if (ImGui::MenuItem(path.c_str())) request_open_lesson(state, ctx.playback, path);
        ImGui::EndMenu();
    }
    const bool open = is_open(ui.session);
    if (ImGui::MenuItem(tr("menu.save_lesson"), shortcut_hint(Command::kSaveLesson), false, open)) {
        if (ui.session.path.empty())  // a new lesson: ask where, as Ctrl+S does
            show_file_picker(ctx.picker, PickerMode::kSave, {}, "save_as", kNewLessonFileName);
        else
            save_lesson(ui);
    }
    if (ImGui::MenuItem(tr("menu.save_lesson_as"), shortcut_hint(Command::kSaveLessonAs), false, open))
        show_file_picker(ctx.picker, PickerMode::kSave, ui.session.path.parent_path(), "save_as",
                         ui.session.path.filename().string());
    if (ImGui::MenuItem(tr("menu.close_lesson"), nullptr, false, open)) {
        if (ui.session.dirty) {
            ui.pending = PendingAction::kClose;
            ui.ask_unsaved = true;
        } else {
            close_lesson(ui.session);
        }
    }
}

void draw_lesson_windows(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    draw_lesson_browser(ctx);
    const char* title = tr(ctx.picker.mode == PickerMode::kSave ? "picker.title_save" : "picker.title_open");
    if (std::optional<std::filesystem::path> chosen = draw_file_picker(ctx.picker, title)) {
        if (ctx.picker.purpose == "save_as") {
            save_lesson(ui, *chosen);
        } else if (ctx.picker.purpose == "save_as_then_continue") {
            if (save_lesson(ui, *chosen)) continue_pending(state, ctx.playback);
        } else if (ctx.picker.purpose == "conflict_save_as") {
            answer_save_conflict(state, ctx.playback, ConflictChoice::kSaveAs, *chosen);
        } else {
            request_open_lesson(state, ctx.playback, *chosen);
        }
    }
    unsaved_question(ctx);
    conflict_question(ctx);
}

}  // namespace poolscope::app
