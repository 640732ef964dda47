// Flowing items (see flow_layout.h).
#include "widgets/flow_layout.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace poolscope::app {

void same_line_if_room(float width, float spacing) {
    const float gap = spacing < 0.0f ? ImGui::GetStyle().ItemSpacing.x : spacing;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0, gap);
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

float checkbox_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
           ImGui::CalcTextSize(label, nullptr, true).x;
}

void push_wrap_at_visible_edge() {
    const bool scrolls_x = (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_HorizontalScrollbar) != 0;
    // (in content coordinates: the right edge of what the panel shows when it is not scrolled)
    ImGui::PushTextWrapPos(scrolls_x ? ImGui::GetWindowContentRegionMax().x + ImGui::GetScrollX() : 0.0f);
}

}  // namespace poolscope::app
