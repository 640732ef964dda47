// The F1 overlay: every keyboard shortcut, and a short "how to read this screen" for a first-time student,
// in the current language. Drawn over the main window; F1, Escape or its close button hides it.
#include <imgui.h>

#include <cstdio>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "panels/actions_table.h"
#include "panels/panels.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

class HelpOverlay final : public Window {
  public:
    HelpOverlay()
        : Window({window_id::kHelp, Placement::kFloating, "help_overlay.title", nullptr, Menu::kHelp,
                  "menu.help_overlay", Command::kHelp}) {}
    void draw(PanelContext& ctx) override;
};

void HelpOverlay::draw(PanelContext& ctx) {
    View& view = ctx.state.view;
    if (!window_open(view, info().id)) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 size(viewport->WorkSize.x * 0.72f, viewport->WorkSize.y * 0.8f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    // "###help" keeps one ImGui window across languages (the visible title changes, the ID does not).
    char title[256];
    std::snprintf(title, sizeof title, "%s###help", tr("help_overlay.title"));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize;
    bool open = true;
    if (ImGui::Begin(title, &open, flags)) {
        ImGui::TextDisabled("%s", tr("help_overlay.close_hint"));
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("help_overlay.reading"));
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr("help_overlay.reading_text"));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("help_overlay.shortcuts"));
        ImGui::Separator();
        if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("##keys", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 13.0f);
            ImGui::TableSetupColumn("##action", ImGuiTableColumnFlags_WidthStretch);
            for (const HelpRow& row : help_rows()) {  // the bindings table: what the keys really do
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.keys.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", tr(row.help));
            }
            ImGui::EndTable();
        }
    }
    // Where the overlay is, for tests that look at its pixels.
    const ImVec2 pos = ImGui::GetWindowPos(), win = ImGui::GetWindowSize();
    remember_rect(ctx.probe, "help_overlay", pos.x, pos.y, win.x, win.y);
    ImGui::End();
    if (!open) close_window(view, info().id);
}

}  // namespace

std::unique_ptr<Window> make_help_overlay() {
    return std::make_unique<HelpOverlay>();
}

}  // namespace poolscope::app
