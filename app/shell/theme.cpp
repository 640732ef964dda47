// The light and high-contrast themes (see theme.h).
#include "shell/theme.h"

#include <imgui.h>

#include <cmath>
#include <initializer_list>

namespace poolscope::app {

void apply_theme(bool high_contrast, float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f;
    style.ChildRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.FramePadding = ImVec2(6, 4);
    style.FrameBorderSize = 1.0f;  // light frames on a light background need an outline to be seen
    style.ItemSpacing = ImVec2(8, 6);
    style.WindowPadding = ImVec2(10, 10);
    ImVec4* c = style.Colors;
    if (high_contrast) {
        // For a projector: washed-out greys vanish, so near-black on white, thick outlines, one strong
        // accent.
        const ImVec4 ink(0.02f, 0.02f, 0.03f, 1.0f), white(1, 1, 1, 1), accent(0.0f, 0.27f, 0.80f, 1.0f);
        style.FrameBorderSize = 2.0f;
        style.ChildBorderSize = 2.0f;
        style.WindowBorderSize = 3.0f;
        style.PopupBorderSize = 2.0f;
        c[ImGuiCol_Text] = ink;
        c[ImGuiCol_TextDisabled] = ImVec4(0.22f, 0.22f, 0.25f, 1.0f);
        c[ImGuiCol_WindowBg] = white;
        c[ImGuiCol_ChildBg] = white;
        c[ImGuiCol_PopupBg] = white;
        c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.96f, 1.0f);
        c[ImGuiCol_Border] = ink;
        c[ImGuiCol_Separator] = ink;
        c[ImGuiCol_FrameBg] = white;
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.85f, 0.90f, 1.0f, 1.0f);
        c[ImGuiCol_FrameBgActive] = ImVec4(0.75f, 0.84f, 1.0f, 1.0f);
        c[ImGuiCol_Button] = ImVec4(0.86f, 0.90f, 0.98f, 1.0f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.72f, 0.82f, 1.0f, 1.0f);
        c[ImGuiCol_ButtonActive] = accent;
        c[ImGuiCol_Header] = ImVec4(0.80f, 0.86f, 1.0f, 1.0f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.70f, 0.80f, 1.0f, 1.0f);
        c[ImGuiCol_HeaderActive] = accent;
        c[ImGuiCol_CheckMark] = accent;
        // The step and speed sliders print their value across the grab: a light blue keeps the ink on it
        // readable (the accent under black text was 2.7:1) and the grab still stands out from the white
        // frame.
        c[ImGuiCol_SliderGrab] = ImVec4(0.36f, 0.56f, 1.0f, 1.0f);
        c[ImGuiCol_SliderGrabActive] = ImVec4(0.27f, 0.48f, 0.97f, 1.0f);
        c[ImGuiCol_ScrollbarGrab] = ImVec4(0.35f, 0.35f, 0.40f, 1.0f);
        c[ImGuiCol_TitleBgActive] = accent;
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.95f, 0.955f, 0.965f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.985f, 0.988f, 0.992f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1.0f);
    }
    style.ScaleAllSizes(scale);
    // Whole-pixel radii and outlines: such rectangles are drawn from baked corners (rounded_stencils.h).
    for (float* size : {&style.FrameRounding, &style.GrabRounding, &style.ChildRounding,
                        &style.ScrollbarRounding, &style.FrameBorderSize, &style.ChildBorderSize})
        *size = std::round(*size);
    ImGui::GetStyle() = style;
}

}  // namespace poolscope::app
