// "A multiple choice…" from the Ask menu (issue 29): the question and its options in English and Chinese
// (one tab each, the interface's language first), the right option marked, and for each wrong one why it is
// wrong (the student reads it after picking it). "Add question" asks it on the current step as one undoable
// lesson edit; nothing is added while the prompt or an option has no text.
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "panels/question_authoring.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

constexpr size_t kMinOptions = 2, kMaxOptions = 6;

std::string& in(LocalizedText& text, int lang) {
    return lang == 0 ? text.en : text.zh;
}

// One text field of the dialog, `anchor` for the tests; typed characters go to the font atlas.
void field(PanelContext& ctx, const std::string& id, const std::string& anchor, std::string& text) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText(id.c_str(), &text)) ctx.state.view.text_shown.push_back(text);
    remember_item(ctx.probe, anchor.c_str());
}

}  // namespace

ChoiceQuestionDialog::ChoiceQuestionDialog() : Window({kId, Placement::kDialog, "choice.title"}) {
    reset();
}

void ChoiceQuestionDialog::reset() {
    prompt_ = {};
    options_.assign(3, LocalizedText{});
    whys_.assign(3, LocalizedText{});
    right_ = 0;
    problem_.clear();
    tab_chosen_for_.reset();
}

void ChoiceQuestionDialog::draw(PanelContext& ctx) {
    const bool wanted = window_open(ctx.state.view, kId);
    if (wanted && !shown_) reset();  // each question starts empty
    shown_ = wanted;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(ImGui::GetFontSize() * 40.0f, display.x - 40.0f);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);  // as tall as it needs ...
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, display.y - 40.0f));  // ... fits
    if (!begin_dialog(ctx, kId, tr(info().title_key))) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(palette::kMuted, "%s", tr("choice.help"));
    ImGui::PopTextWrapPos();

    if (ImGui::BeginTabBar("##choice_languages")) {
        for (int lang = 0; lang < 2; ++lang) {
            const Language language = lang == 0 ? Language::kEnglish : Language::kChinese;
            const bool first = tab_chosen_for_ != current_language();
            const int flags = first && language == current_language() ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open =
                ImGui::BeginTabItem(tr(lang == 0 ? "language.english" : "language.chinese"), nullptr, flags);
            const std::string code = lang == 0 ? "en" : "zh";
            remember_item(ctx.probe, ("choice_dialog.tab." + code).c_str());
            if (!open) continue;
            ImGui::TextUnformatted(tr("choice.prompt"));
            field(ctx, "##prompt", "choice_dialog.prompt." + code, in(prompt_, lang));
            if (ImGui::BeginTable("##options", 3,
                                  ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerH)) {
                ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthFixed);
                ImGui::TableSetupColumn("##option");
                ImGui::TableSetupColumn("##why");
                ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
                ImGui::TableSetColumnIndex(0);
                ImGui::TableHeader(tr("choice.right"));
                ImGui::TableSetColumnIndex(1);
                ImGui::TableHeader(" ");
                ImGui::TableSetColumnIndex(2);
                ImGui::TableHeader(tr("choice.why_hint"));
                for (size_t i = 0; i < options_.size(); ++i) {
                    const std::string n = std::to_string(i);
                    ImGui::PushID(static_cast<int>(i));
                    ImGui::TableNextRow();
                    ImGui::TableSetColumnIndex(0);
                    ImGui::RadioButton("##right", &right_, static_cast<int>(i));
                    remember_item(ctx.probe, ("choice_dialog.right." + n).c_str());
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("choice.right_help"));
                    ImGui::TableSetColumnIndex(1);
                    char label[64];
                    std::snprintf(label, sizeof label, tr("choice.option_fmt"), static_cast<int>(i + 1));
                    ImGui::TextColored(palette::kMuted, "%s", label);
                    field(ctx, "##option", "choice_dialog.option." + n + "." + code, in(options_[i], lang));
                    ImGui::TableSetColumnIndex(2);
                    ImGui::Dummy(ImVec2(0.0f, ImGui::GetTextLineHeight()));
                    if (static_cast<int>(i) != right_)
                        field(ctx, "##why", "choice_dialog.why." + n + "." + code, in(whys_[i], lang));
                    else  // the right option needs no "why"
                        ImGui::TextDisabled("%s", tr("choice.is_right"));
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
        tab_chosen_for_ = current_language();
    }
    ImGui::BeginDisabled(options_.size() >= kMaxOptions);
    if (ImGui::SmallButton(tr("choice.add_option"))) options_.emplace_back(), whys_.emplace_back();
    ImGui::EndDisabled();
    remember_item(ctx.probe, "choice_dialog.add_option");
    ImGui::SameLine();
    ImGui::BeginDisabled(options_.size() <= kMinOptions);
    if (ImGui::SmallButton(tr("choice.remove_option"))) {
        options_.pop_back(), whys_.pop_back();
        right_ = std::min(right_, static_cast<int>(options_.size()) - 1);
    }
    ImGui::EndDisabled();
    remember_item(ctx.probe, "choice_dialog.remove_option");

    if (!problem_.empty()) draw_wrapped_text(problem_, palette::kErrorText);
    ImGui::Separator();
    const bool add = ImGui::Button(tr("choice.add"));
    remember_item(ctx.probe, "choice_dialog.add");
    ImGui::SameLine();
    const bool cancel =
        ImGui::Button(tr("choice.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    remember_item(ctx.probe, "choice_dialog.cancel");
    if (add) {
        const bool options_written =
            std::none_of(options_.begin(), options_.end(), [](const LocalizedText& t) { return t.empty(); });
        if (prompt_.empty()) {
            problem_ = tr("choice.need_prompt");
        } else if (!options_written) {
            problem_ = tr("choice.need_options");
        } else {
            QuestionDraft draft;
            draft.kind = QuestionKind::kChoice;
            draft.prompt = prompt_;
            draft.options = options_;
            draft.option_why = whys_;
            draft.option_why[static_cast<size_t>(right_)] = {};
            draft.correct_choice = right_;
            if (ask_question(ctx.state, ctx.playback, draft))
                close_dialog(ctx, kId);
            else
                problem_ = ctx.state.lessons.message;  // the core's reason, as the lesson column says it
        }
    } else if (cancel) {
        close_dialog(ctx, kId);
    }
    ImGui::EndPopup();
}

}  // namespace poolscope::app
