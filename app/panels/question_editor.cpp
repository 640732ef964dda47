// "Questions on this step" under "Author this lesson" (issue 29): each question of the current step with
// what it asks, the answer PoolScope recorded (never typed), its prompt in English and Chinese, up, down and
// delete; "Ask about…" opens the Ask menu for the current output cell, and a right-click on an output cell
// opens the same menu for that cell. Every change is an undoable lesson edit (model/lesson_authoring.h).
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "i18n/i18n.h"
#include "i18n/quiz_text.h"
#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "panels/question_authoring.h"
#include "widgets/flow_layout.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/text_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

Language language_of(int index) {
    return index == 0 ? Language::kEnglish : Language::kChinese;
}

void tooltip(const char* text) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// "(0, 1)", "(1, 0, 1)": a cell as the lesson writes it.
std::string cell_text(const std::vector<int64_t>& cell) {
    std::string out = "(";
    for (size_t i = 0; i < cell.size(); ++i)
        out += (i ? ", " : "") + std::to_string(cell[i]);
    return out + ")";
}

// What a question asks, as its heading: "Value of output cell (0, 1)".
std::string question_title(const QuestionSummary& q) {
    const std::string cell = q.cell.empty() ? std::string(tr("questions.focus_cell")) : cell_text(q.cell);
    const char* key = nullptr;
    switch (q.kind) {
        case QuestionKind::kValue:
            key = "questions.kind.value_fmt";
            break;
        case QuestionKind::kDivisor:
            key = "questions.kind.divisor_fmt";
            break;
        case QuestionKind::kArgmax:
            key = "questions.kind.argmax_fmt";
            break;
        case QuestionKind::kWindowCells:
            key = "questions.kind.window_cells_fmt";
            break;
        case QuestionKind::kOutputShape:
            return tr("questions.kind.output_shape");
        case QuestionKind::kChoice:
            return tr("questions.kind.choice");
        default:
            return tr("questions.kind.network");
    }
    char text[256];
    std::snprintf(text, sizeof text, tr(key), cell.c_str());
    return text;
}

const char* block_key(AskBlock block) {
    switch (block) {
        case AskBlock::kNone:
        case AskBlock::kNoStep:
            break;
        case AskBlock::kNoMatrix:
            return "questions.block.no_matrix";
        case AskBlock::kNeedsMaxOp:
            return "questions.block.needs_max";
        case AskBlock::kNeedsAvgOp:
            return "questions.block.needs_avg";
        case AskBlock::kOutsideOutput:
            return "questions.block.outside";
        case AskBlock::kLayerRejected:
            return "questions.block.rejected";
        case AskBlock::kAlreadyAsked:
            return "questions.block.asked";
    }
    return "questions.block.no_matrix";
}

const char* ask_key(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::kValue:
            return "questions.ask_value";
        case QuestionKind::kDivisor:
            return "questions.ask_divisor";
        case QuestionKind::kArgmax:
            return "questions.ask_argmax";
        case QuestionKind::kWindowCells:
            return "questions.ask_window_cells";
        case QuestionKind::kOutputShape:
            return "questions.ask_shape";
        default:
            break;
    }
    return "questions.ask_choice";
}

// The Ask menu's items: about `cell` (the value, divisor, winning cell; not on a step without a matrix),
// then the output shape and a multiple choice. An item that cannot be asked is greyed out and says why.
void draw_ask_menu(PanelContext& ctx, const std::optional<OutputCell>& cell) {
    AppState& state = ctx.state;
    LessonSession& session = state.lessons.session;
    const LessonStep* step = current_step(session);
    if (!step) return;
    const bool matrix = step->kind == StepKind::kPool && cell.has_value();
    // The recorded answer is the step's: asking while the window shows something else would mislead.
    const bool shows = window_shows_step(session, state.doc, state.gradient);
    char heading[128];
    if (matrix)
        std::snprintf(heading, sizeof heading, tr("questions.menu_cell_fmt"),
                      cell_text(written_cell(*step, *cell)).c_str());
    else
        std::snprintf(heading, sizeof heading, "%s", tr("questions.menu_step"));
    ImGui::TextDisabled("%s", heading);
    ImGui::Separator();
    for (QuestionKind kind : kAskableKinds) {
        if (question_about_a_cell(kind) && !matrix) continue;
        if (kind == QuestionKind::kOutputShape && matrix) ImGui::Separator();
        const AskBlock block = why_not_ask(session, kind, cell.value_or(OutputCell{}));
        const bool enabled = block == AskBlock::kNone && (shows || kind == QuestionKind::kChoice);
        const std::string anchor = "ask." + std::string(question_kind_name(kind));
        if (ImGui::MenuItem(tr(ask_key(kind)), nullptr, false, enabled)) {
            if (kind == QuestionKind::kChoice) {
                open_window(state.view, ChoiceQuestionDialog::kId);
            } else {
                QuestionDraft draft;
                draft.kind = kind;
                if (question_about_a_cell(kind)) draft.cell = written_cell(*step, *cell);
                ask_question(state, ctx.playback, draft);
            }
            break;  // the lesson (and `step` in it) was replaced: the menu closes
        }
        remember_item(ctx.probe, anchor.c_str());
        if (!enabled)
            tooltip(tr(block != AskBlock::kNone ? block_key(block) : "questions.block.window_differs"));
    }
}

void refresh(QuestionTexts& t, const LessonSession& session) {
    const Language language = current_language();
    if (t.shown_generation != session.generation || t.shown_language != language) {
        const size_t before = t.shown.size();
        const bool same_step = t.shown_language == language && t.shown_step == session.step;
        t.shown = question_summaries(session, language);
        // One more question on the step (asked from the grid or the menu): bring it into view.
        if (same_step && session.dirty && t.shown.size() == before + 1) t.scroll_to = t.shown.size() - 1;
        t.shown_step = session.step;
        t.shown_generation = session.generation;
        t.shown_language = language;
    }
    if (t.typing || t.generation == session.generation) return;
    t.prompts.assign(t.shown.size(), {});
    for (size_t i = 0; i < t.shown.size(); ++i)
        for (int l = 0; l < 2; ++l)
            t.prompts[i][static_cast<size_t>(l)] = question_prompt(session, i, language_of(l));
    t.generation = session.generation;
}

// The recorded answer (and, when the core now computes another, both), and a choice's options.
void draw_answer(const QuestionSummary& q) {
    if (!q.error.empty()) {
        wrapped_textf(palette::kErrorText, tr("questions.cannot_ask_fmt"), q.error.c_str());
        return;
    }
    ImGui::TextColored(palette::kMuted, "%s", tr("questions.answer"));
    tooltip(tr("questions.answer_help"));
    if (!q.answer_matches)
        wrapped_textf(palette::kErrorText, tr("questions.answer_stale_fmt"), q.recorded.c_str());
    draw_wrapped_text(quiz_text(q.answer), q.answer_matches ? palette::kGoodText : palette::kErrorText);
    const Language language = current_language();
    for (size_t o = 0; o < q.options.size(); ++o) {
        char line[512];
        std::snprintf(line, sizeof line, "%d. %s", static_cast<int>(o + 1),
                      q.options[o].get(language).c_str());
        std::string text = line;
        if (static_cast<int64_t>(o) == q.right_option)
            text += std::string(" ") + tr("questions.right_option");
        draw_wrapped_text(text,
                          static_cast<int64_t>(o) == q.right_option ? palette::kGoodText : palette::kMuted);
    }
}

void prompt_field(PanelContext& ctx, QuestionTexts& t, size_t index, int lang) {
    std::string& text = t.prompts[index][static_cast<size_t>(lang)];
    const std::string id = "##question_prompt_" + std::to_string(index) + "_" + std::to_string(lang);
    ImGui::TextColored(palette::kMuted, "%s", tr(lang == 0 ? "questions.prompt_en" : "questions.prompt_zh"));
    ImGui::SetNextItemWidth(-1.0f);
    // Empty: the student reads the core's prompt in this language (a choice has none: it needs one).
    const QuestionSummary& q = t.shown[index];
    const std::string hint =
        q.kind == QuestionKind::kChoice ? "" : quiz_text_in(language_of(lang), q.core_prompt);
    const bool edited = ImGui::InputTextWithHint(id.c_str(), hint.c_str(), &text);
    const std::string anchor = "question.prompt." + std::to_string(index) + "." + (lang == 0 ? "en" : "zh");
    remember_item(ctx.probe, anchor.c_str());
    if (!hint.empty() && text.empty()) tooltip(hint.c_str());
    if (ImGui::IsItemActivated()) t.merge = false;
    if (ImGui::IsItemActive()) t.typing = true;
    if (edited) {
        ctx.state.view.text_shown.push_back(text);  // the font atlas learns new characters
        if (edit_question_prompt(ctx.state, ctx.playback, index, language_of(lang), text, t.merge))
            t.merge = true;
    }
}

void draw_question(PanelContext& ctx, QuestionTexts& t, size_t index) {
    const QuestionSummary& q = t.shown[index];
    ImGui::PushID(static_cast<int>(index));
    ImGui::Separator();
    // What it asks, wrapped (a column in Chinese or at a large scale is narrow): "2. Value of output cell (1,
    // 1)".
    const std::string title = std::to_string(index + 1) + ". " + question_title(q);
    draw_wrapped_text(title, palette::kHeading);
    if (t.scroll_to == index) ImGui::SetScrollHereY(0.0f), t.scroll_to.reset();
    const std::string anchor = "question." + std::to_string(index);
    remember_item(ctx.probe, anchor.c_str());
    check_text_item(ctx.probe, "lesson", title);
    draw_answer(q);
    for (int lang = 0; lang < 2; ++lang)
        prompt_field(ctx, t, index, lang);
    const size_t count = t.shown.size();
    ImGui::BeginDisabled(index == 0);
    const bool up = ImGui::ArrowButton("##up", ImGuiDir_Up);
    ImGui::EndDisabled();
    remember_item(ctx.probe, (anchor + ".up").c_str());
    tooltip(tr("questions.move_up"));
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= count);
    const bool down = ImGui::ArrowButton("##down", ImGuiDir_Down);
    ImGui::EndDisabled();
    remember_item(ctx.probe, (anchor + ".down").c_str());
    tooltip(tr("questions.move_down"));
    ImGui::SameLine();
    const bool remove = ImGui::SmallButton(tr("questions.delete"));
    remember_item(ctx.probe, (anchor + ".delete").c_str());
    check_framed_text(ctx.probe, "lesson", tr("questions.delete"));
    tooltip(tr("questions.delete_help"));
    ImGui::PopID();
    // After drawing: an edit reloads the lesson, and the list is read again next frame.
    if (up) move_or_delete_question(ctx.state, ctx.playback, index, QuestionMove::kUp);
    if (down) move_or_delete_question(ctx.state, ctx.playback, index, QuestionMove::kDown);
    if (remove) move_or_delete_question(ctx.state, ctx.playback, index, QuestionMove::kDelete);
}

}  // namespace

void draw_question_editor(PanelContext& ctx, QuestionTexts& t) {
    AppState& state = ctx.state;
    LessonSession& session = state.lessons.session;
    const LessonStep* step = current_step(session);
    if (!step) return;
    refresh(t, session);
    const bool was_typing = t.typing;
    t.typing = false;
    ImGui::Spacing();
    ImGui::TextColored(palette::kHeading, tr("questions.heading_fmt"), static_cast<int>(t.shown.size()));
    // Beside the heading while it fits the column, else under it.
    same_line_if_room(button_width(tr("questions.ask")));
    if (ImGui::SmallButton(tr("questions.ask"))) ImGui::OpenPopup("##ask_menu");
    remember_item(ctx.probe, "questions.ask");
    check_framed_text(ctx.probe, "lesson", tr("questions.ask"));
    tooltip(tr("questions.ask_help"));
    if (ImGui::BeginPopup("##ask_menu")) {
        // The current output cell (channel 0): the one the timeline is on.
        std::optional<OutputCell> cell;
        if (state.computed.plan && step_count(state.computed) > 0)
            cell = cell_of_step(state.computed, ctx.playback.step);
        draw_ask_menu(ctx, cell);
        ImGui::EndPopup();
    }
    if (t.shown.empty()) {
        draw_wrapped_text(tr("questions.none"), palette::kMuted);
    } else {
        draw_wrapped_text(tr("questions.prompt_help"), palette::kMuted);
        for (size_t i = 0; i < t.shown.size() && i < t.prompts.size(); ++i)
            draw_question(ctx, t, i);
    }
    if (was_typing && !t.typing) t.generation = ~uint64_t{0};  // reread what the lesson now holds
}

void ask_about_output_cell(PanelContext& ctx, bool right_clicked, OutputCell cell) {
    LessonPlayer& ui = ctx.state.lessons;
    if (right_clicked && ui.author_open && current_step(ui.session)) {
        ui.asked_cell = cell;
        ImGui::OpenPopup("##ask_cell");
    }
    if (!ImGui::BeginPopup("##ask_cell")) return;
    if (ui.asked_cell) draw_ask_menu(ctx, ui.asked_cell);
    ImGui::EndPopup();
}

}  // namespace poolscope::app
