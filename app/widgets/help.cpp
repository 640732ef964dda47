// Panel chrome helpers (see help.h).
#include "widgets/help.h"

#include <imgui.h>

#include "app_state.h"
#include "widgets/palette.h"

namespace poolscope::app {

void help_marker(const char* text) {
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void panel_heading(const char* title, const char* help) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kHeading);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    help_marker(help);
    ImGui::Separator();
}

void remember_item(AppState& state, const char* name) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 window = ImGui::GetMainViewport()->Pos;
    state.anchors[name] = {min.x - window.x, min.y - window.y, max.x - min.x, max.y - min.y};
}

}  // namespace poolscope::app
