// Both themes (shell/theme.h): the value a slider prints across its grab stays readable (WCAG AA, 4.5:1)
// and the grab stands out from the frame around it (3:1 in the projector theme, where it must carry to the
// back row). The step and speed sliders are read by a class from afar.
#include <gtest/gtest.h>

#include <imgui.h>

#include "shell/theme.h"
#include "widgets/share_badge.h"

namespace poolscope::app {
namespace {

// `over` drawn on `under` (ImGui's blending), as one opaque colour.
ImU32 on(const ImVec4& over, const ImVec4& under) {
    const float a = over.w;
    return ImGui::ColorConvertFloat4ToU32(ImVec4(over.x * a + under.x * (1 - a),
                                                 over.y * a + under.y * (1 - a),
                                                 over.z * a + under.z * (1 - a), 1.0f));
}

class ThemeContrast : public ::testing::TestWithParam<bool> {
  protected:
    void SetUp() override { ImGui::CreateContext(); }
    void TearDown() override { ImGui::DestroyContext(); }
};

TEST_P(ThemeContrast, TextAcrossASliderGrabIsReadable) {
    const bool projector = GetParam();
    apply_theme(projector, 1.0f);
    const ImVec4* c = ImGui::GetStyle().Colors;
    const ImU32 frame = on(c[ImGuiCol_FrameBg], c[ImGuiCol_ChildBg]);
    const ImU32 text = ImGui::ColorConvertFloat4ToU32(c[ImGuiCol_Text]);
    for (ImGuiCol grab : {ImGuiCol_SliderGrab, ImGuiCol_SliderGrabActive}) {
        const ImU32 fill = on(c[grab], ImGui::ColorConvertU32ToFloat4(frame));
        SCOPED_TRACE(testing::Message()
                     << (projector ? "projector" : "normal") << " theme, grab colour " << grab);
        EXPECT_GE(contrast_ratio(text, fill), 4.5f);
        if (projector) {
            EXPECT_GE(contrast_ratio(fill, frame), 3.0f);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(BothThemes, ThemeContrast, ::testing::Values(false, true));

}  // namespace
}  // namespace poolscope::app
