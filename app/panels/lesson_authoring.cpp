// "Author this lesson" at the foot of the lesson column: the current step moved, duplicated, deleted, saved
// from the window, its expected result and code line written by the core, its questions
// (question_editor.cpp), the lesson's and step's titles and the narration edited in English and Chinese with
// a live preview of the markup, and Save / Save as. What the buttons do is in model/lesson_authoring.h; every
// edit is undoable with Ctrl+Z.
#include <cstdio>
#include <optional>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "panels/lesson_windows.h"
#include "panels/panels.h"
#include "widgets/flow_layout.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/ui_probe.h"
#include "widgets/wrapped_input.h"

namespace poolscope::app {
namespace {

constexpr int kFieldCount = AuthoringTexts::kFields;
constexpr LessonTextField kFields[kFieldCount] = {LessonTextField::kLessonTitle, LessonTextField::kStepTitle,
                                                  LessonTextField::kNarration};

Language language_of(int index) {
    return index == 0 ? Language::kEnglish : Language::kChinese;
}

void refresh(AuthoringTexts& e, const LessonSession& session) {
    if (e.typing || e.generation == session.generation) return;
    for (int f = 0; f < kFieldCount; ++f)
        for (int l = 0; l < 2; ++l)
            e.text[f][l] = lesson_text(session, kFields[f], language_of(l));
    e.generation = session.generation;
}

// A button that goes on the same line as the previous one while it fits the column.
bool flow_button(const char* label, bool first, bool enabled = true) {
    if (!first) same_line_if_room(button_width(label));
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    return pressed;
}

void help_tooltip(const char* key) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        ImGui::TextUnformatted(tr(key));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void draw_step_list_edits(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonSession& session = state.lessons.session;
    const size_t total = step_total(session);
    ImGui::TextColored(palette::kMuted, tr("author.step_of_fmt"), static_cast<int>(session.step + 1),
                       static_cast<int>(total));
    auto edit = [&](LessonEdit what) { edit_lesson(state, ctx.playback, what); };
    if (flow_button(tr("author.move_up"), true, session.step > 0)) edit(LessonEdit::kMoveUp);
    remember_item(ctx.probe, "author.move_up");
    if (flow_button(tr("author.move_down"), false, session.step + 1 < total)) edit(LessonEdit::kMoveDown);
    remember_item(ctx.probe, "author.move_down");
    if (flow_button(tr("author.duplicate"), false)) edit(LessonEdit::kDuplicate);
    remember_item(ctx.probe, "author.duplicate");
    if (flow_button(tr("author.delete"), false, total > 1)) edit(LessonEdit::kDelete);
    remember_item(ctx.probe, "author.delete");

    auto put = [&](StepPlacement placement) { save_window_as_step(state, placement); };
    if (flow_button(tr("lesson.save_new_step"), true)) put(StepPlacement::kInsertAfter);
    remember_item(ctx.probe, "lesson.save_new_step");
    if (flow_button(tr("lesson.save_over_step"), false)) put(StepPlacement::kReplace);
    remember_item(ctx.probe, "lesson.save_over_step");
    if (flow_button(tr("author.record_expected"), true)) edit(LessonEdit::kRecordExpected);
    remember_item(ctx.probe, "author.record_expected");
    help_tooltip("author.record_expected_help");
    if (flow_button(tr("author.generate_code"), false)) edit(LessonEdit::kGenerateCode);
    remember_item(ctx.probe, "author.generate_code");
    help_tooltip("author.generate_code_help");
    broken_steps_banner(ctx);
}

// One text field; typing changes the lesson at once (the preview and the saved file follow).
void text_field(PanelContext& ctx, AuthoringTexts& e, int field, int lang) {
    std::string& text = e.text[field][lang];
    const std::string id = std::string("##author_text_") + std::to_string(field) + "_" + std::to_string(lang);
    const bool narration = kFields[field] == LessonTextField::kNarration;
    ImGui::SetNextItemWidth(-1.0f);
    bool edited = false;
    if (narration) {  // long lines wrap at the field's edge; the text gains no line breaks from it
        edited = input_text_wrapped(id.c_str(), text, e.narration_field[lang],
                                    ImVec2(-1.0f, ImGui::GetTextLineHeight() * 6.0f));
    } else {
        ImGui::InputText(id.c_str(), &text);
        edited = ImGui::IsItemEdited();
    }
    const std::string anchor = "author_text_" + std::to_string(field) + "_" + std::to_string(lang);
    remember_item(ctx.probe, anchor.c_str());
    if (ImGui::IsItemActivated()) e.merge = false;
    if (ImGui::IsItemActive()) e.typing = true;
    if (edited) {
        ctx.state.view.text_shown.push_back(text);  // the font atlas learns new characters
        if (edit_lesson_text(ctx.state, ctx.playback, kFields[field], language_of(lang), text, e.merge))
            e.merge = true;
    }
}

void draw_text_editors(PanelContext& ctx, AuthoringTexts& e) {
    refresh(e, ctx.state.lessons.session);
    const bool was_typing = e.typing;
    e.typing = false;
    if (ctx.state.lessons.author_words) ImGui::SetNextItemOpen(true);  // --author shows them too
    ctx.state.lessons.author_words = false;
    const bool open = ImGui::TreeNode(tr("author.words"));
    remember_item(ctx.probe, "author.words");
    if (!open) return;
    if (ImGui::BeginTabBar("##author_languages")) {
        for (int lang = 0; lang < 2; ++lang) {
            const char* name = tr(lang == 0 ? "language.english" : "language.chinese");
            // The interface's language first: a Chinese teacher starts on the 中文 tab.
            const bool first = e.tab_chosen_for != current_language();
            const bool mine = language_of(lang) == current_language();
            if (!ImGui::BeginTabItem(name, nullptr, first && mine ? ImGuiTabItemFlags_SetSelected : 0))
                continue;
            static const char* const kLabels[kFieldCount] = {"author.lesson_title", "author.step_title",
                                                             "author.narration"};
            for (int f = 0; f < kFieldCount; ++f) {
                ImGui::TextUnformatted(tr(kLabels[f]));
                text_field(ctx, e, f, lang);
            }
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(palette::kMuted, "%s", tr("author.markup_help"));
            ImGui::PopTextWrapPos();
            ImGui::Separator();
            ImGui::TextColored(palette::kMuted, "%s", tr("author.preview"));
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(palette::kHeading, "%s", e.text[1][lang].c_str());
            ImGui::PopTextWrapPos();
            draw_rich_text(e.text[2][lang]);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
        e.tab_chosen_for = current_language();
    }
    ImGui::TreePop();
    if (was_typing && !e.typing) e.generation = ~uint64_t{0};  // reread what the lesson now holds
}

}  // namespace

void draw_lesson_message(const LessonPlayer& ui) {
    if (ui.message.empty()) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ui.message_is_error ? palette::kErrorText : palette::kGoodText, "%s",
                       ui.message.c_str());
    ImGui::PopTextWrapPos();
}

void draw_lesson_authoring(PanelContext& ctx, AuthoringTexts& texts) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    ImGui::SetNextItemOpen(ui.author_open);
    ui.author_open = ImGui::CollapsingHeader(tr("lesson.author"));
    remember_item(ctx.probe, "lesson.author");
    if (ui.author_scroll) ImGui::SetScrollHereY(0.0f), ui.author_scroll = false;  // --author: in view
    if (!ui.author_open) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::kMuted, "%s", tr("lesson.author_help"));
    ImGui::PopTextWrapPos();
    draw_step_list_edits(ctx);
    draw_question_editor(ctx, texts.questions);
    draw_text_editors(ctx, texts);
    ImGui::Separator();
    if (ImGui::Button(tr("lesson.save"))) save_or_ask_where(ctx);
    remember_item(ctx.probe, "lesson.save");
    ImGui::SameLine();
    if (ImGui::Button(tr("lesson.save_as"))) show_save_lesson_as(ctx);
    remember_item(ctx.probe, "lesson.save_as");
    draw_lesson_message(ui);  // last: nothing below it moves when it expires
}

}  // namespace poolscope::app
