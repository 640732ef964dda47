// The lesson player: a column at the right of the main window with the lesson's title, the step's narration
// (paragraphs, *emphasis*, `code`), the framework snippet (marked when a hand-written one no longer matches
// the step's layer), previous/next, the badge saying whether the step's expected result matches the core,
// "reset step", a shape step's output-size walkthrough, and the authoring buttons; and the File menu's
// lesson items (see lesson_windows.h).
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "panels/lesson_windows.h"
#include "panels/panels.h"
#include "panels/quiz_view.h"
#include "panels/row_room.h"
#include "poolscope/code_line.h"
#include "widgets/flow_layout.h"
#include "widgets/help.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/size_walkthrough.h"
#include "widgets/text_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

void badge(const LessonSession& session, const Document& doc, const GradientView& gradient, UiProbe& probe) {
    const StepBadge b = window_badge(session, doc, gradient);
    if (b == StepBadge::kMatches) {
        ImGui::TextColored(palette::kGoodText, "%s", tr("lesson.badge_matches"));
        check_text_item(probe, "badge", tr("lesson.badge_matches"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.badge_matches_help"));
    } else if (b == StepBadge::kDiffers) {
        ImGui::TextColored(palette::kErrorText, "%s", tr("lesson.badge_differs"));
        check_text_item(probe, "badge", tr("lesson.badge_differs"));
        ImGui::PushTextWrapPos(0.0f);
        for (const std::string& f : step_failures(session, session.step))
            ImGui::TextColored(palette::kErrorText, "%s", f.c_str());
        ImGui::PopTextWrapPos();
    } else if (b == StepBadge::kNotShown) {
        ImGui::TextColored(palette::kMuted, "%s", tr("lesson.badge_not_shown"));
        check_text_item(probe, "badge", tr("lesson.badge_not_shown"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.badge_not_shown_help"));
    } else {
        ImGui::TextColored(palette::kMuted, "%s", tr("lesson.badge_none"));
    }
}

// A shape step has sizes and parameters but no matrix: the walkthrough draws from the step's own layer.
void draw_shape_walkthrough(PanelContext& ctx) {
    const std::optional<ShapeStepPlan>& shape = ctx.state.lessons.shape_step;
    if (!shape) return;
    panel_heading(tr("panel.formula"), tr("help.formula"));
    ImGui::TextColored(palette::kMuted, "%s", tr("lesson.shape_step"));
    // Under the step's framework when it planned (the plan keeps it); a refused layer: PyTorch's arithmetic.
    LayerSpec layer = shape->plan ? shape->plan->layer : LayerSpec{};
    layer.params = shape->params;
    draw_layer_walkthrough(shape->input, layer, shape->plan ? &*shape->plan : nullptr, ctx.fonts, &ctx.probe,
                           "lesson");
    ImGui::PushTextWrapPos(0.0f);
    for (const Error& e : shape->errors)
        ImGui::TextColored(palette::kErrorText, "%s", e.message.c_str());
    ImGui::PopTextWrapPos();
}

// A lesson that did not open: which file, every error as `poolscope check` words it, and what to do.
void draw_failed_open(PanelContext& ctx) {
    LessonPlayer& ui = ctx.state.lessons;
    const FailedOpen failed = *ui.failed_open;  // a copy: Try again replaces it
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::kErrorText, "%s", tr("lesson.open_failed"));
    ImGui::TextColored(palette::kHeading, "%s", failed.path.filename().string().c_str());
    ImGui::TextColored(palette::kMuted, "%s", failed.path.parent_path().string().c_str());
    ImGui::Separator();
    for (const Error& e : failed.errors)
        ImGui::TextColored(palette::kErrorText, "%s",
                           (e.field.empty() ? e.message : e.field + ": " + e.message).c_str());
    ImGui::Spacing();
    ImGui::TextColored(palette::kMuted, "%s", tr("lesson.open_failed_help"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr("lesson.try_again"))) request_open_lesson(ctx.state, ctx.playback, failed.path);
    remember_item(ctx.probe, "lesson.try_again");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.dismiss"))) dismiss_failed_open(ui);
    remember_item(ctx.probe, "lesson.dismiss");
}

// Unknown keys and the like: the lesson works, but the author should know (as `poolscope check` says).
void draw_warnings(const LessonSession& session) {
    const std::vector<Error>& warnings = session.lesson->warnings;
    if (warnings.empty()) return;
    char heading[200];
    std::snprintf(heading, sizeof heading, tr("lesson.warnings_fmt"), static_cast<int>(warnings.size()));
    if (!ImGui::TreeNode("##warnings", "%s", heading)) return;
    ImGui::PushTextWrapPos(0.0f);
    for (const Error& w : warnings)
        ImGui::TextColored(palette::kMuted, "%s: %s", w.field.c_str(), w.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TreePop();
}

// The step's code line under "Code [Copy]", in a box as tall as the wrapped code: whole, never a scrolled
// slice, broken between tokens (after "2, "), never inside one (issue 27).
float code_box_lines_h(const std::string& code, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::vector<std::string> lines =
        code_lines(code, std::max(width - 2.0f * style.WindowPadding.x, 1.0f));
    return static_cast<float>(lines.size()) * ImGui::GetTextLineHeightWithSpacing() - style.ItemSpacing.y;
}

void draw_code_box(PanelContext& ctx, const std::string& code) {
    ImGui::TextColored(palette::kMuted, "%s", tr("lesson.code"));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("lesson.copy_code"))) ImGui::SetClipboardText(code.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette::kCodeBackground);
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::vector<std::string> lines =
        code_lines(code, std::max(ImGui::GetContentRegionAvail().x - 2.0f * style.WindowPadding.x, 1.0f));
    const float text_h =
        static_cast<float>(lines.size()) * ImGui::GetTextLineHeightWithSpacing() - style.ItemSpacing.y;
    ImGui::BeginChild("##code", ImVec2(0, text_h + style.WindowPadding.y * 2 + 2), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kCodeText);
    for (const std::string& line : lines)
        ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ctx.measured.lesson_code_bottom_now = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y +
                                          ImGui::GetScrollY();  // the box's end in the column's content
}

// A hand-written code line the step's layer left behind (issue 29): which arguments differ; while authoring,
// one click asks to write the line from the layer (true: the caller does it once it has drawn the step,
// since the edit replaces the lesson the step lives in).
bool draw_stale_code(PanelContext& ctx, const LessonStep& step) {
    const std::vector<CodeMismatch> stale = code_line_mismatches(step);
    if (stale.empty()) return false;
    std::string parts;
    for (const CodeMismatch& m : stale) {
        char one[256];
        std::snprintf(one, sizeof one, tr("lesson.code_mismatch_fmt"), m.argument.c_str(), m.in_code.c_str(),
                      m.in_layer.c_str());
        parts += (parts.empty() ? "" : tr("lesson.code_mismatch_sep")) + std::string(one);
    }
    char text[1024];
    std::snprintf(text, sizeof text, tr("lesson.code_stale_fmt"), parts.c_str());
    draw_wrapped_text(text, palette::kErrorText);
    remember_item(ctx.probe, "lesson.code_stale");
    check_text_item(ctx.probe, "lesson", text);
    if (!ctx.state.lessons.author_open) return false;
    const bool rewrite = ImGui::SmallButton(tr("lesson.code_rewrite"));
    remember_item(ctx.probe, "lesson.code_rewrite");
    check_framed_text(ctx.probe, "lesson", tr("lesson.code_rewrite"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.code_rewrite_help"));
    return rewrite;
}

}  // namespace

void broken_steps_banner(PanelContext& ctx) {
    const std::vector<size_t>& broken = ctx.state.lessons.session.broken_by_edit;
    if (broken.empty()) return;
    std::string steps;
    for (size_t i = 0; i < broken.size(); ++i) {
        char one[64];
        std::snprintf(one, sizeof one, tr("author.step_fmt"), static_cast<int>(broken[i] + 1));
        steps += (i ? ", " : "") + std::string(one);
    }
    char text[512];
    std::snprintf(text, sizeof text, tr("author.broken_fmt"), steps.c_str());
    ImGui::Spacing();
    draw_wrapped_text(text, palette::kErrorText);
    check_text_item(ctx.probe, "lesson", text);
    if (ImGui::SmallButton(tr("author.rerecord"))) rerecord_broken_steps(ctx.state, ctx.playback);
    remember_item(ctx.probe, "lesson.rerecord_broken");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("author.undo_edit"))) undo_breaking_edit(ctx.state, ctx.playback);
    remember_item(ctx.probe, "lesson.undo_breaking_edit");
}

LessonColumn::LessonColumn() : Window({kId, Placement::kColumn, nullptr, nullptr, Menu::kFile}) {}

float LessonColumn::width(const PanelContext& ctx) const {
    if (!is_open(ctx.state.lessons.session) && !ctx.state.lessons.failed_open) return 0.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    // A third of the room beside the parameters: the timeline, grids and walkthrough need the rest. In
    // presentation a little less: the grids' cells need it, and the column widens for a step whose code
    // would not show whole (shell/main_window.cpp).
    const bool focus = ctx.state.view.presentation && !ctx.state.view.params_in_presentation;
    return std::clamp(ImGui::GetFontSize() * 24.0f, 260.0f, avail * (focus ? 0.3f : 0.32f));
}

void LessonColumn::draw(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    LessonSession& session = ui.session;
    const LessonStep* step = current_step(session);
    if (ui.failed_open && (!step || ui.failed_open->path != session.path)) {
        draw_failed_open(ctx);
        return;
    }
    if (!step) return;
    const poolscope::Language language = current_language();

    // The lesson: title, file (• = unsaved changes), browse and close.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::kHeading, "%s", session.lesson->title.get(language).c_str());
    ImGui::PopTextWrapPos();
    // Presentation keeps the column to what the room reads (issue 27): the file's name, a matching badge and
    // the authoring tools are the teacher's, and their lines go to the narration and the code.
    const bool focus = state.view.presentation && !state.view.params_in_presentation;
    // Presentation, a step whose code the widest column still cuts: the code is pinned under the column
    // (whole), and the rest scrolls above it (shell/main_window.cpp decides).
    const std::string& code = step_code(*step, language);  // its comments in the UI's language
    const bool pin_code =
        focus && !code.empty() && ctx.measured.lesson_code_pinned && step->kind != StepKind::kNetwork;
    if (pin_code) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float footer = ImGui::GetFrameHeightWithSpacing() +
                             code_box_lines_h(code, ImGui::GetContentRegionAvail().x) +
                             style.WindowPadding.y * 2.0f + 2.0f + style.ItemSpacing.y;
        ImGui::BeginChild("##above_code", ImVec2(0, -footer), false);
    }
    if (!focus) {
        const std::string file =
            session.path.empty() ? std::string(tr("author.untitled")) : session.path.filename().string();
        ImGui::TextColored(palette::kMuted, "%s%s", file.c_str(),
                           session.dirty ? "  *" : "");  // ASCII: always in the font atlas
        if (session.dirty && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.dirty_help"));
        ImGui::SameLine();
        help_marker(tr("help.lesson"));
    }

    // A reload that failed: the error, and that the last good version is still shown.
    if (!session.load_errors.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(palette::kErrorText, "%s", tr("lesson.reload_failed"));
        for (const Error& e : session.load_errors)
            ImGui::TextColored(palette::kErrorText, "%s: %s", e.field.c_str(), e.message.c_str());
        ImGui::PopTextWrapPos();
    }
    draw_warnings(session);
    // While authoring, the message goes under the authoring buttons instead (lesson_authoring.cpp): one
    // that comes and goes up here would move every button below it under the teacher's pointer.
    if (!ui.author_open) draw_lesson_message(ui);
    ImGui::Separator();

    // Step navigation.
    const size_t total = step_total(session);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) previous_step(session);
    remember_item(ctx.probe, "lesson.prev");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.prev_help"));
    ImGui::SameLine();
    ImGui::Text(tr("lesson.step_of_fmt"), static_cast<int>(session.step + 1), static_cast<int>(total));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) next_step(session);
    remember_item(ctx.probe, "lesson.next");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.next_help"));
    // A narrow column (large fonts, Chinese) puts "Reset step" under the arrows rather than cutting it.
    same_line_if_room(button_width(tr("lesson.reset_step")));
    if (ImGui::Button(tr("lesson.reset_step"))) reset_lesson_step(state, ctx.playback);
    remember_item(ctx.probe, "lesson.reset_step");
    check_framed_text(ctx.probe, "lesson", tr("lesson.reset_step"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lesson.reset_help"));

    // The step: title, badge, narration, code.
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    const std::string& step_title = step->title.get(language);
    ImGui::TextColored(step_title.empty() ? palette::kMuted : palette::kHeading, "%s",
                       step_title.empty() ? tr("lesson.untitled_step") : step_title.c_str());
    ImGui::PopTextWrapPos();
    if (!focus || window_badge(session, state.doc, state.gradient) != StepBadge::kMatches)
        badge(session, state.doc, state.gradient, ctx.probe);
    if (!state.lessons.author_open) broken_steps_banner(ctx);  // (else under the buttons that made the edit)
    const char* why_not_shown = differs_from_step(session, state.doc) ? "lesson.playing_freely"
                                : !window_shows_step(session, state.doc, state.gradient)
                                    ? "lesson.other_framework"
                                    : nullptr;
    if (why_not_shown) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(palette::kMuted, "%s", tr(why_not_shown));
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    ImGui::BeginGroup();
    draw_rich_text(step->narration.get(language));
    ImGui::EndGroup();
    check_text_item(ctx.probe, "narration", step->narration.get(language));
    bool rewrite_code = false;  // "Write it from the layer", done last
    // A network step in presentation: the Network view's cards show each layer's code, so the column keeps
    // the whole net's code to its Copy button and a tooltip.
    const bool code_on_cards = focus && step->kind == StepKind::kNetwork;
    if (!code.empty() && code_on_cards) {
        ImGui::TextColored(palette::kMuted, "%s", tr("lesson.code"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", code.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("lesson.copy_code"))) ImGui::SetClipboardText(code.c_str());
    } else if (!code.empty() && !pin_code) {
        draw_code_box(ctx, code);
        if (!focus) rewrite_code = draw_stale_code(ctx, *step);  // the teacher's to fix, not the room's
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
    // Presentation folds the walkthrough's row away; a step that points at it keeps it here, under the
    // narration that says "Look at: Output size" (issue 27).
    if (state.view.presentation && !state.view.params_in_presentation && step->kind == StepKind::kPool &&
        step->focus.shows(Panel::kFormula)) {
        ImGui::Spacing();
        ImGui::TextColored(palette::kHeading, "%s", tr("panel.formula"));
        ctx.probe.panel_shown("formula");
        ctx.probe.push_text_scope("formula");
        draw_formula_without_notes(ctx);
        ctx.probe.pop_text_scope();
    }
    if (step->kind == StepKind::kShape) {
        ImGui::Spacing();
        ctx.probe.panel_shown("formula");  // a shape step's walkthrough is here, in every mode
        draw_shape_walkthrough(ctx);
    }
    draw_quiz_cards(ctx);  // the step's questions: predict, then reveal
    // The step's explanation, once its questions are answered or revealed.
    const bool reveal = step_reveal_shown(state.lessons.session, state.quiz);
    if (reveal) {
        ImGui::Spacing();
        ImGui::BeginGroup();
        draw_rich_text(step->reveal.get(language));
        ImGui::EndGroup();
        // It appears under the cards, often below the column's fold: the answer's explanation is what the
        // student clicked for, so the column scrolls to it once.
        const size_t at = state.lessons.session.step;
        if (!step->quiz.empty() && reveal_step_ != at) reveal_scrolls_ = 3;
        if (reveal_scrolls_ > 0) --reveal_scrolls_, ImGui::SetScrollHereY(1.0f);
        reveal_step_ = at;
        remember_item(ctx.probe, "lesson.reveal");
        check_text_item(ctx.probe, "reveal", step->reveal.get(language));
    }
    if (!reveal) reveal_step_ = SIZE_MAX;
    ImGui::Spacing();
    if (!focus || ui.author_open) draw_lesson_authoring(ctx, texts_);
    if (pin_code) {
        ImGui::EndChild();
        draw_code_box(ctx, code);
    }
    if (rewrite_code) edit_lesson(state, ctx.playback, LessonEdit::kGenerateCode);  // `step` is gone after it
}

void LessonColumn::draw_menu_items(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    if (ImGui::MenuItem(tr("author.menu_new"))) {
        if (ui.session.dirty) {
            ui.pending = PendingAction::kNewLesson;
            open_window(state.view, window_id::kUnsavedQuestion);
        } else {
            start_new_lesson(state);
        }
    }
    remember_item(ctx.probe, "author.menu_new");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("author.menu_new_help"));
    if (ImGui::MenuItem(tr("menu.open_lesson"), shortcut_hint(Command::kOpenLesson))) show_open_lesson(ctx);
    if (ImGui::MenuItem(tr("menu.browse_lessons"), nullptr, false, !ui.lessons_dir.empty()))
        open_window(state.view, window_id::kLessonBrowser);
    if (ImGui::BeginMenu(tr("menu.recent_lessons"), !ui.recent.paths.empty())) {
        for (const std::string& path : ui.recent.paths)
            if (ImGui::MenuItem(path.c_str())) request_open_lesson(state, ctx.playback, path);
        ImGui::EndMenu();
    }
    const bool open = is_open(ui.session);
    if (ImGui::MenuItem(tr("menu.save_lesson"), shortcut_hint(Command::kSaveLesson), false, open))
        save_or_ask_where(ctx);
    if (ImGui::MenuItem(tr("menu.save_lesson_as"), shortcut_hint(Command::kSaveLessonAs), false, open))
        show_save_lesson_as(ctx);
    if (ImGui::MenuItem(tr("menu.close_lesson"), nullptr, false, open)) {
        if (ui.session.dirty) {
            ui.pending = PendingAction::kClose;
            open_window(state.view, window_id::kUnsavedQuestion);
        } else {
            close_lesson(ui.session);
        }
    }
}

}  // namespace poolscope::app
