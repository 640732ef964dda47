// The lesson browser: a window listing the lessons shipped in lessons/ (title in the UI language, languages,
// step count, file) and the recently opened ones. A click selects a lesson and shows its description below
// the list; a double-click, Enter or the Open button opens it in the lesson player.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_player.h"
#include "panels/lesson_windows.h"
#include "widgets/help.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

// The text in the interface language, else the other one.
const std::string& in_language(const std::string& en, const std::string& zh) {
    const bool chinese = current_language() == Language::kChinese;
    return chinese && !zh.empty() ? zh : (en.empty() ? zh : en);
}

// Under the list: the selected lesson's title and description, and a button that opens it.
void draw_selected(PanelContext& ctx, const BrowserEntry* e, float height) {
    ImGui::BeginChild("##lesson_description", ImVec2(0, height), false);
    if (!e) {
        ImGui::TextColored(palette::kMuted, "%s", tr("browser.pick_one"));
    } else {
        ImGui::TextColored(palette::kHeading, "%s", in_language(e->title_en, e->title_zh).c_str());
        const std::string& description = in_language(e->description_en, e->description_zh);
        if (description.empty()) {
            ImGui::TextColored(palette::kMuted, "%s", tr("browser.no_description"));
        } else {
            draw_rich_text(description);
            remember_item(ctx.probe, "lesson_browser.description");
        }
    }
    ImGui::EndChild();
}

}  // namespace

LessonBrowser::LessonBrowser() : Window({kId, Placement::kFloating}) {}

void LessonBrowser::draw(PanelContext& ctx) {
    AppState& state = ctx.state;
    LessonPlayer& ui = state.lessons;
    const bool was_shown = std::exchange(shown_, window_open(state.view, kId));
    if (!shown_) return;
    if (!was_shown) {  // read the folder each time the browser opens: lessons come and go
        rows_ = scan_lessons(ui.lessons_dir);
        std::string text = ui.lessons_dir.string();
        for (const BrowserEntry& e : rows_)
            text += e.title_en + e.title_zh + e.description_en + e.description_zh + e.path.string();
        for (const std::string& path : ui.recent.paths)
            text += path;
        state.view.text_shown.push_back(
            std::move(text));  // the font atlas takes its characters (widgets/fonts.h)
    }
    const float font = ImGui::GetFontSize();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(font * 46.0f, viewport->WorkSize.x - 40.0f),
                                    std::min(font * 26.0f, viewport->WorkSize.y - 40.0f)),
                             ImGuiCond_Appearing);
    const std::string title = std::string(tr("browser.title")) + "###lesson_browser";
    bool open = true;
    const bool drawn = ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse);
    if (!open) close_window(state.view, kId);
    if (!drawn) {
        ImGui::End();
        return;
    }
    remember_item(ctx.probe, "lesson_browser.window");
    ImGui::TextColored(palette::kMuted, "%s", ui.lessons_dir.string().c_str());
    ImGui::SameLine();
    help_marker(tr("help.browser"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float recent_h = ui.recent.paths.empty() ? 0.0f : font * 6.5f;
    const float selected_h =
        font * 6.0f + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    // The keys are the browser's while it has the focus: arrows move the selection, Enter opens it.
    const BrowserEntry* selected = nullptr;
    int selected_row = -1;
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].path == ui.browser_selected) selected = &rows_[i], selected_row = static_cast<int>(i);
    std::optional<std::filesystem::path> to_open;
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput &&
        !rows_.empty()) {
        const int last = static_cast<int>(rows_.size()) - 1;
        int row = selected_row;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) row = std::min(last, row + 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) row = std::max(0, row - 1);
        if (row != selected_row && row >= 0) ui.browser_selected = rows_[static_cast<size_t>(row)].path;
        if (selected && selected->error.empty() &&
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))
            to_open = selected->path;
    }
    if (ImGui::BeginTable("##lessons", 4, flags, ImVec2(0, -(recent_h + selected_h)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("browser.lesson"), ImGuiTableColumnFlags_WidthStretch, 6.0f);
        ImGui::TableSetupColumn(tr("browser.languages"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn(tr("browser.steps"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr("browser.file"), ImGuiTableColumnFlags_WidthStretch, 3.2f);
        ImGui::TableHeadersRow();
        int row = 0;
        for (const BrowserEntry& e : rows_) {
            ImGui::TableNextRow(0, font * 1.7f);
            ImGui::TableNextColumn();
            ImGui::PushID(row);
            const std::string& title_text = in_language(e.title_en, e.title_zh);
            if (!e.error.empty()) {
                ImGui::TextColored(palette::kErrorText, "%s", tr("browser.broken"));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.error.c_str());
            } else if (ImGui::Selectable(
                           title_text.c_str(), row == selected_row,
                           ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                ui.browser_selected = e.path;  // one click: its description below
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) to_open = e.path;
            }
            remember_item(ctx.probe, ("lesson_browser.row" + std::to_string(row)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.languages.c_str());
            ImGui::TableNextColumn();
            if (e.error.empty()) ImGui::Text("%d", static_cast<int>(e.steps));
            ImGui::TableNextColumn();
            ImGui::TextColored(palette::kMuted, "%s", e.path.filename().string().c_str());
            ImGui::PopID();
            ++row;
        }
        ImGui::EndTable();
    }
    if (rows_.empty()) ImGui::TextColored(palette::kMuted, "%s", tr("browser.none"));
    draw_selected(ctx, selected, font * 6.0f);
    ImGui::BeginDisabled(!selected || !selected->error.empty());
    if (ImGui::Button(tr("browser.open"))) to_open = selected->path;
    ImGui::EndDisabled();
    remember_item(ctx.probe, "lesson_browser.open");
    if (!ui.recent.paths.empty()) {
        ImGui::Separator();
        ImGui::TextColored(palette::kHeading, "%s", tr("browser.recent"));
        for (size_t i = 0; i < ui.recent.paths.size() && i < 4; ++i) {
            ImGui::PushID(static_cast<int>(i) + 10000);
            if (ImGui::Selectable(ui.recent.paths[i].c_str()))
                request_open_lesson(state, ctx.playback, ui.recent.paths[i]);
            ImGui::PopID();
        }
    }
    ImGui::End();
    if (to_open) request_open_lesson(state, ctx.playback, *to_open);
}

}  // namespace poolscope::app
