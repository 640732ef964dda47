// Panel chrome helpers (see help.h).
#include "widgets/help.h"

#include <imgui.h>

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

}  // namespace poolscope::app
