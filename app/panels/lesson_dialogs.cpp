// The lesson player's dialogs (see lesson_windows.h): Open / Save as through the file dialog, the
// unsaved-changes question and the external-change question (model/lesson_conflict.h); and the step's picture
// in the Image view. What they do is in model/lesson_player.h.
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/lesson_authoring.h"
#include "model/lesson_conflict.h"
#include "model/lesson_player.h"
#include "panels/image_view.h"
#include "panels/lesson_windows.h"
#include "panels/panels.h"
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

// A question the lesson player asks over the window: a modal, centred where it appears, with buttons the
// tests can find by their keys. The questions differ in what they ask (ask()).
class LessonQuestion : public Window {
  public:
    LessonQuestion(const char* id, const char* title_key) : Window({id, Placement::kDialog, title_key}) {}

    void draw(PanelContext& ctx) final {
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                                ImVec2(0.5f, 0.5f));
        if (!begin_dialog(ctx, info().id, tr(info().title_key), ImGuiWindowFlags_AlwaysAutoResize)) return;
        ask(ctx, ctx.state, ctx.state.lessons);
        ImGui::EndPopup();
    }

  protected:
    virtual void ask(PanelContext& ctx, AppState& state, LessonPlayer& ui) = 0;

    // An answer's button; true when pressed.
    static bool answer_button(PanelContext& ctx, const char* key) {
        const bool pressed = ImGui::Button(tr(key));
        remember_item(ctx.probe, key);
        return pressed;
    }
    // The question's Cancel button, or Escape.
    static bool cancel_button(PanelContext& ctx, const char* key) {
        const bool pressed =
            ImGui::Button(tr(key)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
        remember_item(ctx.probe, key);
        return pressed;
    }
};

// Save the lesson's changes first? Asked before quitting, opening another lesson, closing or starting anew.
class UnsavedQuestion final : public LessonQuestion {
  public:
    UnsavedQuestion() : LessonQuestion(window_id::kUnsavedQuestion, "lesson.unsaved_title") {}

  private:
    void ask(PanelContext& ctx, AppState& state, LessonPlayer& ui) override {
        const std::string name = ui.session.path.empty() ? std::string(tr("author.untitled"))
                                                         : ui.session.path.filename().string();
        ImGui::Text(tr("lesson.unsaved_fmt"), name.c_str());
        ImGui::TextColored(
            palette::kMuted, "%s",
            tr(ui.pending == PendingAction::kQuit ? "lesson.unsaved_quit" : "lesson.unsaved_open"));
        ImGui::Spacing();
        enum { kWait, kSave, kDiscard, kCancel } answer = kWait;
        if (answer_button(ctx, "lesson.unsaved_save")) answer = kSave;
        ImGui::SameLine();
        if (answer_button(ctx, "lesson.unsaved_discard")) answer = kDiscard;
        ImGui::SameLine();
        if (cancel_button(ctx, "lesson.unsaved_cancel")) answer = kCancel;
        if (answer == kSave && ui.session.path.empty()) {
            // A lesson never saved: ask where first; what waited (quit, open, new) goes on once it is saved.
            close_dialog(ctx, info().id);
            ask_where_to_save(ctx, {}, kNewLessonFileName, "save_lesson_then_continue",
                              [](PanelContext& c, const std::filesystem::path& path) {
                                  if (save_lesson(c.state.lessons, c.state.view, path))
                                      continue_pending(c.state, c.playback);
                              });
        } else if (answer != kWait) {
            close_dialog(ctx, info().id);
            answer_unsaved_question(state, ctx.playback,
                                    answer == kSave      ? UnsavedAnswer::kSave
                                    : answer == kDiscard ? UnsavedAnswer::kDiscard
                                                         : UnsavedAnswer::kCancel);
        }
    }
};

// Asked instead of saving when another program changed the file since it was loaded: never silently.
class ConflictQuestion final : public LessonQuestion {
  public:
    ConflictQuestion() : LessonQuestion(window_id::kConflictQuestion, "lesson.conflict_title") {}

  private:
    void ask(PanelContext& ctx, AppState& state, LessonPlayer& ui) override {
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
            if (answer_button(ctx, c.key)) answer = c.choice;
            ImGui::SameLine();
            ImGui::TextColored(palette::kMuted, "%s", tr((std::string(c.key) + "_help").c_str()));
        }
        if (cancel_button(ctx, "lesson.conflict_cancel")) answer = ConflictChoice::kCancel;
        if (answer == ConflictChoice::kSaveAs) {
            close_dialog(ctx, info().id);
            ask_where_to_save(ctx, ui.session.path.parent_path(),
                              ui.session.path.stem().string() + "-mine.json", "conflict_save_as",
                              [](PanelContext& c, const std::filesystem::path& path) {
                                  answer_save_conflict(c.state, c.playback, ConflictChoice::kSaveAs, path);
                              });
        } else if (answer) {
            // Keep both can fail (the same step changed on both sides): the question stays, with the reason.
            if (answer_save_conflict(state, ctx.playback, *answer) || *answer == ConflictChoice::kCancel)
                close_dialog(ctx, info().id);
        }
    }
};

}  // namespace

std::unique_ptr<Window> make_unsaved_question() {
    return std::make_unique<UnsavedQuestion>();
}

std::unique_ptr<Window> make_conflict_question() {
    return std::make_unique<ConflictQuestion>();
}

namespace {

// The file dialog on lesson files: .json, starting in `dir`.
FileRequest lesson_file_request(FilePurpose purpose, const std::filesystem::path& dir, std::string name) {
    FileRequest request;
    request.purpose = purpose;
    request.dir = dir;
    request.name = std::move(name);
    request.extensions = ".json";
    request.title_key = purpose == FilePurpose::kOpen ? "files.title_open_lesson" : "files.title_save_lesson";
    return request;
}

// Save as's answer: the lesson goes to `path` (and is edited there from now on).
void save_to(PanelContext& ctx, const std::filesystem::path& path) {
    save_lesson(ctx.state.lessons, ctx.state.view, path);
}

}  // namespace

void ask_where_to_save(PanelContext& ctx, const std::filesystem::path& dir, std::string name,
                       const char* asked_by, FileChosen then) {
    ask_for_file(ctx, lesson_file_request(FilePurpose::kSave, dir, std::move(name)), asked_by,
                 std::move(then));
}

void show_open_lesson(PanelContext& ctx) {
    const LessonPlayer& ui = ctx.state.lessons;
    const std::filesystem::path dir =
        ui.session.path.empty() ? ui.lessons_dir : ui.session.path.parent_path();
    ask_for_file(ctx, lesson_file_request(FilePurpose::kOpen, dir, {}), "open_lesson",
                 [](PanelContext& c, const std::filesystem::path& path) {
                     request_open_lesson(c.state, c.playback, path);
                 });
}

void show_save_lesson_as(PanelContext& ctx) {
    const LessonPlayer& ui = ctx.state.lessons;
    ask_where_to_save(ctx, ui.session.path.parent_path(),
                      ui.session.path.empty() ? kNewLessonFileName : ui.session.path.filename().string(),
                      "save_lesson_as", save_to);
}

void save_or_ask_where(PanelContext& ctx) {
    LessonPlayer& ui = ctx.state.lessons;
    if (ui.session.path.empty())  // a new lesson: ask where
        ask_where_to_save(ctx, {}, kNewLessonFileName, "save_lesson_as", save_to);
    else
        save_lesson(ui, ctx.state.view);
}

// Opens the current step's picture in the Image view when it differs from the one opened last; a step
// without a picture leaves the view as the student left it.
void show_step_picture(LessonPlayer& ui, ImageView& view) {
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

}  // namespace poolscope::app
