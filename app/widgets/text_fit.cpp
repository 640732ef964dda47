// Clipped key texts, told to the probe (see text_fit.h). Uses ImGui's window internals: the visible clip
// rectangle and the scroll flags are not in the public API of 1.86.
#include "widgets/text_fit.h"

#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

constexpr float kSlack = 0.5f;  // pixel rounding of item rectangles

// Whether `rect` is shown whole by the current window, or could be scrolled into view.
bool shown_or_reachable(const ImRect& rect) {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImRect visible = window->InnerClipRect;
    // The menu bar lies above the inner rect: its own clip rect bounds what it shows.
    if (window->DC.NavLayerCurrent == ImGuiNavLayer_Menu)
        visible = window->ClipRect;
    else
        visible.ClipWithFull(window->ClipRect);
    const bool scrolls_y = !(window->Flags & ImGuiWindowFlags_NoScrollbar);
    const bool scrolls_x = (window->Flags & ImGuiWindowFlags_HorizontalScrollbar) != 0;
    const bool fits_x = rect.Min.x >= visible.Min.x - kSlack && rect.Max.x <= visible.Max.x + kSlack;
    const bool fits_y = rect.Min.y >= visible.Min.y - kSlack && rect.Max.y <= visible.Max.y + kSlack;
    // A scrolling window reaches what lies inside its content; the text's own width must still fit the
    // visible width, or part of it is never seen at once (wrapped text never needs that).
    const bool reach_x = scrolls_x && rect.GetWidth() <= visible.GetWidth() + kSlack;
    const bool reach_y = scrolls_y && rect.GetHeight() <= visible.GetHeight() + kSlack;
    return (fits_x || reach_x) && (fits_y || reach_y);
}

}  // namespace

void check_text_item(UiProbe& probe, const char* panel, std::string_view text) {
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!shown_or_reachable(rect)) probe.text_cut(panel, text);
}

void check_framed_text(UiProbe& probe, const char* panel, std::string_view text) {
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const std::string shown(text.substr(0, text.find("##")));  // the ID part is never drawn
    const float inside = rect.GetWidth() - 2.0f * ImGui::GetStyle().FramePadding.x;
    if (ImGui::CalcTextSize(shown.c_str()).x > inside + kSlack || !shown_or_reachable(rect))
        probe.text_cut(panel, shown);
}

}  // namespace poolscope::app
