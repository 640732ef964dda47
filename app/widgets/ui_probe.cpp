// Widget rectangles for the probe (see ui_probe.h).
#include "widgets/ui_probe.h"

#include <imgui.h>

namespace poolscope::app {

void remember_rect(UiProbe& probe, const char* name, float x, float y, float w, float h) {
    const ImVec2 window = ImGui::GetMainViewport()->Pos;
    probe.rect_shown(name, {x - window.x, y - window.y, w, h});
}

void remember_item(UiProbe& probe, const char* name) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    remember_rect(probe, name, min.x, min.y, max.x - min.x, max.y - min.y);
}

}  // namespace poolscope::app
