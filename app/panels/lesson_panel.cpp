// The lesson player: a column at the right of the main window with the lesson's title, the step's
// narration (paragraphs, *emphasis*, `code`), the framework snippet, previous/next, the badge saying whether
// the step's expected result matches the core, "reset step", a shape step's output-size walkthrough, and the
// authoring buttons. Also the File menu items and the unsaved-changes question.
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "app_state.h"
#include "i18n/i18n.h"
#include "lesson_ui.h"
#include "panels/panels.h"
#include "widgets/help.h"
#include "widgets/palette.h"

namespace poolscope::app {
namespace {

poolscope::Language core_language(app::Language language) {
    return language == app::Language::kChinese ? poolscope::Language::kChinese
                                               : poolscope::Language::kEnglish;
}

const ImVec4 kGood(0.13f, 0.50f, 0.22f, 1.0f);
const ImVec4 kCodeText(0.55f, 0.16f, 0.10f, 1.0f);
const ImU32 kCodeFill = IM_COL32(234, 236, 241, 255);

// Bytes of the UTF-8 sequence starting with `lead`.
size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Splits a span into pieces a line may break after: a word with its trailing spaces, or one non-ASCII
// character (Chinese has no spaces; any character boundary is a break opportunity).
std::vector<std::string> break_pieces(const std::string& text) {
    std::vector<std::string> pieces;
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const size_t n = std::min(utf8_length(c), text.size() - i);
            pieces.push_back(text.substr(i, n));
            i += n;
            continue;
        }
        if (text[i] == '\n') {  // a single line break inside a paragraph
            pieces.emplace_back("\n");
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n' &&
               static_cast<unsigned char>(text[j]) < 0x80)
            ++j;
        while (j < text.size() && text[j] == ' ')
            ++j;
        pieces.push_back(text.substr(i, j - i));
        i = j;
    }
    return pieces;
}

// Draws paragraphs of styled spans, wrapping at the column's width.
void draw_narration(const std::string& text) {
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + ImGui::GetContentRegionAvail().x;
    const float line_h = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const Paragraph& paragraph : parse_narration(text)) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const float top = pos.y;
        for (const TextSpan& span : paragraph)
            for (const std::string& piece : break_pieces(span.text)) {
                if (piece == "\n") {
                    pos = ImVec2(left, pos.y + line_h + 2.0f);
                    continue;
                }
                const ImVec2 size = ImGui::CalcTextSize(piece.c_str());
                if (pos.x + size.x > right && pos.x > left) pos = ImVec2(left, pos.y + line_h + 2.0f);
                if (span.code) {
                    // Trailing spaces stay outside the code background.
                    std::string trimmed = piece;
                    while (!trimmed.empty() && trimmed.back() == ' ')
                        trimmed.pop_back();
                    const ImVec2 t = ImGui::CalcTextSize(trimmed.c_str());
                    draw->AddRectFilled(ImVec2(pos.x - 1, pos.y - 1),
                                        ImVec2(pos.x + t.x + 1, pos.y + line_h + 1), kCodeFill, 3.0f);
                    draw->AddText(pos, ImGui::GetColorU32(kCodeText), piece.c_str());
                } else if (span.emphasis) {
                    // One font: emphasis is bold-ish (drawn twice, a pixel apart) in the heading colour.
                    const ImU32 color = ImGui::GetColorU32(palette::kHeading);
                    draw->AddText(pos, color, piece.c_str());
                    draw->AddText(ImVec2(pos.x + 0.7f, pos.y), color, piece.c_str());
                } else {
                    draw->AddText(pos, palette::kText, piece.c_str());
                }
                pos.x += size.x;
            }
        ImGui::Dummy(ImVec2(right - left, pos.y + line_h - top));
        ImGui::Spacing();
    }
}

void badge(const LessonSession& session) {
    const StepBadge b = step_badge(session, session.step);
    if (b == StepBadge::kMatches) {
        ImGui::TextColored(kGood, "%s", tr("lesson.badge_matches"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.badge_matches_help"));
    } else if (b == StepBadge::kDiffers) {
        ImGui::TextColored(palette::kErrorText, "%s", tr("lesson.badge_differs"));
        ImGui::PushTextWrapPos(0.0f);
        for (const std::string& f : step_failures(session, session.step))
            ImGui::TextColored(palette::kErrorText, "%s", f.c_str());
        ImGui::PopTextWrapPos();
    } else {
        ImGui::TextColored(palette::kMuted, "%s", tr("lesson.badge_none"));
    }
}

// A shape step has sizes and parameters but no matrix: the formula panel draws from a state holding them.
void draw_shape_walkthrough(PanelContext& ctx, const LessonStep& step) {
    LessonUi& ui = ctx.state.lessons;
    if (!ui.shape_view || ui.shape_view_generation != ui.session.generation) {
        ui.shape_view = std::make_shared<AppState>();
        AppState& view = *ui.shape_view;
        Shape s = step.input_shape;
        s.n = 1;
        view.input = Tensor(s, 0.0f, 3);
        view.params = step.params;
        view.stride_follows_kernel = false;
        if (Result<PoolPlan> plan = plan_step(step))
            view.plan = std::move(plan).value();
        else
            view.errors = plan.errors();
        view.dirty = false;
        ui.shape_view_generation = ui.session.generation;
    }
    Playback unused;
    PanelContext shape_ctx{*ui.shape_view, unused, ctx.fonts, nullptr};
    panel_heading(tr("panel.formula"), tr("help.formula"));
    ImGui::TextColored(palette::kMuted, "%s", tr("lesson.shape_step"));
    draw_formula_panel(shape_ctx);
    ImGui::PushTextWrapPos(0.0f);
    for (const Error& e : ui.shape_view->errors)
        ImGui::TextColored(palette::kErrorText, "%s", e.message.c_str());
    ImGui::PopTextWrapPos();
}

void draw_authoring(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonUi& ui = state.lessons;
    const bool open = ImGui::CollapsingHeader(tr("lesson.author"));
    remember_item(state, "lesson.author");
    if (!open) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::kMuted, "%s", tr("lesson.author_help"));
    ImGui::PopTextWrapPos();
    auto put = [&](StepPlacement placement) {
        Result<bool> done = put_current(ui.session, edit_from_state(state), placement);
        ui.message =
            done ? tr("lesson.step_saved") : std::string(tr("lesson.step_failed")) + " " + done.error_text();
        ui.message_is_error = !done;
    };
    if (ImGui::Button(tr("lesson.save_new_step"))) put(StepPlacement::kInsertAfter);
    remember_item(state, "lesson.save_new_step");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.save_over_step"))) put(StepPlacement::kReplace);
    remember_item(state, "lesson.save_over_step");
    if (ImGui::Button(tr("lesson.save"))) {
        Result<bool> saved = save_session(ui.session);
        ui.message =
            saved ? tr("lesson.saved") : std::string(tr("lesson.save_failed")) + " " + saved.error_text();
        ui.message_is_error = !saved;
    }
    remember_item(state, "lesson.save");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.save_as")))
        show_file_picker(ui.picker, PickerMode::kSave, ui.session.path.parent_path(), "save_as",
                         ui.session.path.filename().string());
}

void unsaved_question(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonUi& ui = state.lessons;
    if (ui.ask_unsaved) {
        ImGui::OpenPopup("###unsaved");
        ui.ask_unsaved = false;
    }
    ui.unsaved_modal_shown = false;
    const std::string title = std::string(tr("lesson.unsaved_title")) + "###unsaved";
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ui.unsaved_modal_shown = true;
    const std::string name = ui.session.path.filename().string();
    ImGui::Text(tr("lesson.unsaved_fmt"), name.c_str());
    ImGui::TextColored(
        palette::kMuted, "%s",
        tr(ui.pending == PendingAction::kQuit ? "lesson.unsaved_quit" : "lesson.unsaved_open"));
    ImGui::Spacing();
    enum { kWait, kSave, kDiscard, kCancel } answer = kWait;
    if (ImGui::Button(tr("lesson.unsaved_save"))) answer = kSave;
    remember_item(state, "lesson.unsaved_save");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.unsaved_discard"))) answer = kDiscard;
    remember_item(state, "lesson.unsaved_discard");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.unsaved_cancel")) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        answer = kCancel;
    remember_item(state, "lesson.unsaved_cancel");
    if (answer == kSave) {
        Result<bool> saved = save_session(ui.session);
        if (!saved) {
            ui.message = std::string(tr("lesson.save_failed")) + " " + saved.error_text();
            ui.message_is_error = true;
            answer = kCancel;  // never leave without the work on disk
        }
    }
    if (answer == kSave || answer == kDiscard) {
        if (ui.pending == PendingAction::kQuit) {
            ui.quit_confirmed = true;
            state.quit_requested = true;
        } else if (ui.pending == PendingAction::kOpen) {
            ui.session.dirty = false;
            open_lesson_now(state, ctx.playback, ui.pending_path);
        } else if (ui.pending == PendingAction::kClose) {
            close_lesson(ui.session);
        }
    }
    if (answer != kWait) {
        ui.pending = PendingAction::kNone;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_lesson_menu_items(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonUi& ui = state.lessons;
    if (ImGui::MenuItem(tr("menu.open_lesson"), "Ctrl+O"))
        show_file_picker(ui.picker, PickerMode::kOpen,
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
    if (ImGui::MenuItem(tr("menu.save_lesson"), "Ctrl+S", false, open)) {
        Result<bool> saved = save_session(ui.session);
        ui.message =
            saved ? tr("lesson.saved") : std::string(tr("lesson.save_failed")) + " " + saved.error_text();
        ui.message_is_error = !saved;
    }
    if (ImGui::MenuItem(tr("menu.save_lesson_as"), "Ctrl+Shift+S", false, open))
        show_file_picker(ui.picker, PickerMode::kSave, ui.session.path.parent_path(), "save_as",
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

float lesson_column_width(const PanelContext& ctx) {
    if (!is_open(ctx.state.lessons.session)) return 0.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    return std::clamp(ImGui::GetFontSize() * 24.0f, 260.0f, avail * 0.36f);
}

void draw_lesson_column(PanelContext& ctx, float width) {
    AppState& state = ctx.state;
    LessonUi& ui = state.lessons;
    LessonSession& session = ui.session;
    const LessonStep* step = current_step(session);
    if (!step) return;
    const poolscope::Language language = core_language(state.language);
    ImGui::BeginChild("##lesson", ImVec2(width, 0), true);

    // The lesson: title, file (• = unsaved changes), browse and close.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::kHeading, "%s", session.lesson->title.get(language).c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextColored(palette::kMuted, "%s%s", session.path.filename().string().c_str(),
                       session.dirty ? "  *" : "");  // ASCII: always in the font atlas
    if (session.dirty && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.dirty_help"));
    ImGui::SameLine();
    help_marker(tr("help.lesson"));

    // A reload that failed: the error, and that the last good version is still shown.
    if (!session.load_errors.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(palette::kErrorText, "%s", tr("lesson.reload_failed"));
        for (const Error& e : session.load_errors)
            ImGui::TextColored(palette::kErrorText, "%s: %s", e.field.c_str(), e.message.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!ui.message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ui.message_is_error ? palette::kErrorText : kGood, "%s", ui.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();

    // Step navigation.
    const size_t total = step_total(session);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) previous_step(session);
    remember_item(state, "lesson.prev");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.prev_help"));
    ImGui::SameLine();
    ImGui::Text(tr("lesson.step_of_fmt"), static_cast<int>(session.step + 1), static_cast<int>(total));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) next_step(session);
    remember_item(state, "lesson.next");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.next_help"));
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.reset_step"))) {
        apply_step(session, state, ctx.playback);
        ui.applied_generation = session.generation;
    }
    remember_item(state, "lesson.reset_step");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.reset_help"));

    // The step: title, badge, narration, code.
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    const std::string& step_title = step->title.get(language);
    ImGui::TextColored(step_title.empty() ? palette::kMuted : palette::kHeading, "%s",
                       step_title.empty() ? tr("lesson.untitled_step") : step_title.c_str());
    ImGui::PopTextWrapPos();
    badge(session);
    if (differs_from_step(session, state)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(palette::kMuted, "%s", tr("lesson.playing_freely"));
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    draw_narration(step->narration.get(language));
    if (!step->code.empty()) {
        ImGui::TextColored(palette::kMuted, "%s", tr("lesson.code"));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("lesson.copy_code"))) ImGui::SetClipboardText(step->code.c_str());
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.92f, 0.93f, 0.95f, 1.0f));
        const ImVec2 text = ImGui::CalcTextSize(step->code.c_str(), nullptr, false, width - 30.0f);
        ImGui::BeginChild("##code", ImVec2(0, text.y + ImGui::GetStyle().WindowPadding.y * 2 + 4), true);
        ImGui::PushStyleColor(ImGuiCol_Text, kCodeText);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(step->code.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }

    // Where to look: the focused cell and panels.
    std::string look;
    if (step->focus.shows(Panel::kFormula))
        look += std::string(look.empty() ? "" : ", ") + tr("panel.formula");
    if (step->focus.shows(Panel::kArithmetic))
        look += std::string(look.empty() ? "" : ", ") + tr("panel.step");
    if (step->focus.shows(Panel::kChannels))
        look += std::string(look.empty() ? "" : ", ") + tr("lesson.channels");
    if (!look.empty() && step->kind == StepKind::kPool) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(palette::kMuted, tr("lesson.look_at_fmt"), look.c_str());
        ImGui::PopTextWrapPos();
    }
    if (step->kind == StepKind::kShape) {
        ImGui::Spacing();
        draw_shape_walkthrough(ctx, *step);
    }
    ImGui::Spacing();
    draw_authoring(ctx);
    ImGui::EndChild();
}

void draw_lesson_windows(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonUi& ui = state.lessons;
    draw_lesson_browser(ctx);
    const char* title = tr(ui.picker.mode == PickerMode::kSave ? "picker.title_save" : "picker.title_open");
    if (std::optional<std::filesystem::path> chosen = draw_file_picker(ui.picker, title)) {
        if (ui.picker.purpose == "save_as") {
            Result<bool> saved = save_session(ui.session, *chosen);
            ui.message =
                saved ? tr("lesson.saved") : std::string(tr("lesson.save_failed")) + " " + saved.error_text();
            ui.message_is_error = !saved;
            if (saved) note_recent_file(ui.recent, *chosen);
        } else {
            request_open_lesson(state, ctx.playback, *chosen);
        }
    }
    unsaved_question(ctx);
}

}  // namespace poolscope::app
