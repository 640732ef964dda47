// The first-start card: a newcomer is told where to begin (the lessons, with their descriptions in the
// browser; or edit a cell and press Space). Shown until dismissed, which the settings remember (shell.h);
// not in the test modes unless --first-start asks for it.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "i18n/i18n.h"
#include "panels/actions_table.h"
#include "panels/panels.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

class StartCard final : public Window {
  public:
    StartCard() : Window({window_id::kStartCard, Placement::kFloating}) {}
    void draw(PanelContext& ctx) override;
};

void StartCard::draw(PanelContext& ctx) {
    AppState& state = ctx.state;
    if (!window_open(state.view, info().id)) return;
    LessonPlayer& ui = state.lessons;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(ImGui::GetFontSize() * 30.0f, viewport->WorkSize.x * 0.9f);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    char title[256];
    std::snprintf(title, sizeof title, "%s###start_card", tr("start.title"));  // one window in every language
    bool open = true;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::Begin(title, &open, flags)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr("start.intro"));
        ImGui::Spacing();
        ImGui::TextColored(palette::kHeading, "%s", tr("start.lessons_heading"));
        ImGui::TextUnformatted(tr("start.lessons_text"));
        ImGui::BeginDisabled(ui.lessons_dir.empty());
        if (ImGui::Button(tr("start.browse"))) {
            open_window(state.view, window_id::kLessonBrowser);
            open = false;
        }
        ImGui::EndDisabled();
        remember_item(ctx.probe, "start_card.browse");
        ImGui::Spacing();
        ImGui::TextColored(palette::kHeading, "%s", tr("start.try_heading"));
        ImGui::Text(tr("start.try_fmt"), shortcut_hint(Command::kPlay));
        ImGui::Spacing();
        ImGui::TextColored(palette::kMuted, tr("start.help_fmt"), shortcut_hint(Command::kHelp));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(tr("start.dismiss"))) open = false;
        remember_item(ctx.probe, "start_card.dismiss");
    }
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    remember_rect(ctx.probe, "start_card", pos.x, pos.y, size.x, size.y);
    ImGui::End();
    if (!open) close_window(state.view, info().id);  // the shell's next frame saves that it went
}

}  // namespace

std::unique_ptr<Window> make_start_card() {
    return std::make_unique<StartCard>();
}

}  // namespace poolscope::app
