// The main window's frame: a full-viewport host window with the menu bar, and the slots the registered
// panels are placed in (sidebar | top / centre / bottom-left + bottom-right). The layout follows the
// window size; the bottom row and the sidebar scale with the UI font.
#include <algorithm>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/lesson_player.h"
#include "panels/image_view.h"
#include "panels/panels.h"
#include "shell/actions.h"
#include "shell/menus.h"
#include "shell/shell.h"
#include "widgets/help.h"

namespace poolscope::app {

std::span<const PanelInfo> panel_registry() {
    static const PanelInfo kPanels[] = {
        {"params", "panel.params", "help.params", PanelSlot::kSidebar, draw_params_panel},
        {"input_data", "panel.input_data", "help.input_data", PanelSlot::kSidebar, draw_input_data_panel},
        {"timeline", "panel.timeline", "help.timeline", PanelSlot::kTop, draw_timeline_panel},
        {"matrices", "panel.matrices", "help.matrices", PanelSlot::kCenter, draw_matrices_panel},
        {"step", "panel.step", "help.step", PanelSlot::kBottomLeft, draw_step_panel},
        {"formula", "panel.formula", "help.formula", PanelSlot::kBottomRight, draw_formula_panel},
    };
    return kPanels;
}

namespace {

void draw_slot(PanelContext& ctx, PanelSlot slot, const char* child_id, ImVec2 size, bool scroll = true) {
    // Zoomed matrices may be wider than the window: scroll sideways; Ctrl + wheel zooms instead of scrolling.
    ImGuiWindowFlags flags = !scroll                      ? ImGuiWindowFlags_NoScrollbar
                             : slot == PanelSlot::kCenter ? ImGuiWindowFlags_HorizontalScrollbar
                                                          : ImGuiWindowFlags_None;
    if (ImGui::GetIO().KeyCtrl) flags |= ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::BeginChild(child_id, size, true, flags);
    bool first = true;
    for (const PanelInfo& panel : panel_registry()) {
        if (panel.slot != slot) continue;
        if (!first) ImGui::Spacing(), ImGui::Spacing();
        first = false;
        ImGui::PushID(panel.id);
        panel_heading(tr(panel.title_key), tr(panel.help_key));
        panel.draw(ctx);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace

void draw_main_window(PanelContext& ctx) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
        ImGuiWindowFlags_NoBackground;  // the clear paints it (platform/renderer.cpp)
    ImGui::Begin("PoolScope###main", nullptr, flags);
    draw_menu_bar(ctx);  // shell/menus.cpp

    const float font = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float sidebar_w = std::clamp(font * 19.0f, 220.0f, avail.x * 0.4f);
    draw_slot(ctx, PanelSlot::kSidebar, "##sidebar", ImVec2(sidebar_w, 0));
    ImGui::SameLine();

    ImGui::BeginGroup();
    const float lesson_w = lesson_column_width(ctx);  // the lesson player's column, at the far right
    const float right_w = ImGui::GetContentRegionAvail().x - (lesson_w > 0 ? lesson_w + spacing : 0.0f);
    const float top_h = font * 4.6f;
    const float bottom_h = std::clamp(font * 10.0f, 110.0f, avail.y * 0.36f);
    draw_slot(ctx, PanelSlot::kTop, "##top", ImVec2(right_w, top_h), false);
    const float center_h =
        std::max(80.0f, ImGui::GetContentRegionAvail().y - bottom_h - ImGui::GetStyle().ItemSpacing.y);
    draw_slot(ctx, PanelSlot::kCenter, "##center", ImVec2(right_w, center_h));
    const float left_w = (right_w - spacing) * 0.5f;
    draw_slot(ctx, PanelSlot::kBottomLeft, "##bottom_left", ImVec2(left_w, 0));
    ImGui::SameLine();
    draw_slot(ctx, PanelSlot::kBottomRight, "##bottom_right", ImVec2(right_w - left_w - spacing, 0));
    ImGui::EndGroup();
    if (lesson_w > 0) ImGui::SameLine(), draw_lesson_column(ctx, lesson_w);
    ImGui::End();
}

}  // namespace poolscope::app
