// Rounded rectangles drawn from baked corners (app/platform/rounded_stencils.h, rounded_rect_pass.h): far
// fewer triangles, the same coverage at every pixel to one 8-bit step, and anything that is not exactly
// ImGui's rectangle left alone. Coverage is counted with rasterise_coverage(), which samples pixel centres as
// GL does.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "platform/rounded_rect_pass.h"
#include "platform/rounded_stencils.h"

namespace poolscope::app {
namespace {

class RoundedRects : public ::testing::Test {
  protected:
    void SetUp() override {
        context_ = ImGui::CreateContext();
        ImGuiStyle& style = ImGui::GetStyle();
        style.FrameRounding = 4, style.FrameBorderSize = 1, style.ChildRounding = 6,
        style.ChildBorderSize = 1;
        style.GrabRounding = 4, style.ScrollbarRounding = 9;
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        atlas.AddFontDefault();
        atlas.TexID = reinterpret_cast<ImTextureID>(intptr_t(7));
        stencils_.reserve(atlas, style, {3.0f});  // and the taps' corners
        atlas.Build();
        stencils_.bake(atlas, style);
        init_shared_data(shared_, atlas, style);
    }
    void TearDown() override { ImGui::DestroyContext(context_); }

    // A list as a window's: anti-aliased fills and textured lines, drawing from the atlas.
    void draw(ImDrawList& list, const std::function<void(ImDrawList&)>& paint) {
        list._ResetForNewFrame();
        list.Flags = shared_.InitialFlags;
        list.PushClipRect(ImVec2(0, 0), ImVec2(400, 200));
        list.PushTextureID(ImGui::GetIO().Fonts->TexID);
        paint(list);
    }
    // `paint` into both lists, and the pass over `after`: how many shapes it replaced.
    size_t redraw(ImDrawList& before, ImDrawList& after, const std::function<void(ImDrawList&)>& paint) {
        draw(before, paint);
        draw(after, paint);
        return pass_.run(after, stencils_, ImGui::GetIO().Fonts->TexID);
    }
    // A frame or a panel as ImGui draws one: the rounded fill, then its 1-px outline.
    static std::function<void(ImDrawList&)> bordered(ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border,
                                                     float radius) {
        return [=](ImDrawList& l) {
            l.AddRectFilled(min, max, fill, radius);
            l.AddRect(min, max, border, radius, 0, 1.0f);
        };
    }
    std::vector<float> cover(const ImDrawList& list) {
        return rasterise_coverage(list, *ImGui::GetIO().Fonts, ImVec2(0, 0), 400, 200);
    }
    static ImFont* font() { return ImGui::GetIO().Fonts->Fonts[0]; }
    // The largest difference, in 8-bit steps, between two coverages.
    static int largest_step(const std::vector<float>& a, const std::vector<float>& b) {
        int worst = 0;
        for (size_t i = 0; i < a.size(); ++i)
            worst = std::max(worst, std::abs(coverage_level(a[i]) - coverage_level(b[i])));
        return worst;
    }

    ImGuiContext* context_ = nullptr;
    RoundedStencils stencils_;
    RoundedRectPass pass_;
    ImDrawListSharedData shared_;
};

TEST_F(RoundedRects, EveryShapeOfTheStyleBakes) {
    ASSERT_EQ(stencils_.all().size(), 7u);  // fills at 4, 6, 9 and 3 px; outlines at 4, 6 and 3 px
    for (const RoundedStencil& s : stencils_.all())
        EXPECT_TRUE(s.ready) << "radius " << s.radius << ", thickness " << s.thickness;
}

TEST_F(RoundedRects, AFrameIsThirtyTrianglesWithTheSameCoverage) {
    ImDrawList before(&shared_), after(&shared_);
    EXPECT_EQ(redraw(before, after,
                     bordered(ImVec2(20, 30), ImVec2(140, 54), IM_COL32(255, 255, 255, 255),
                              IM_COL32(200, 204, 214, 255), 4.0f)),
              2u);
    EXPECT_EQ(before.IdxBuffer.Size / 3, 78);
    EXPECT_EQ(after.IdxBuffer.Size / 3, 30);
    EXPECT_LE(largest_step(cover(before), cover(after)), 1);
}

TEST_F(RoundedRects, APanelWithItsOutline) {
    ImDrawList before(&shared_), after(&shared_);
    EXPECT_EQ(redraw(before, after,
                     bordered(ImVec2(10, 10), ImVec2(390, 190), IM_COL32(250, 251, 253, 255),
                              IM_COL32(199, 204, 214, 255), 6.0f)),
              2u);
    EXPECT_LT(after.IdxBuffer.Size, before.IdxBuffer.Size / 2);
    EXPECT_LE(largest_step(cover(before), cover(after)), 1);
}

TEST_F(RoundedRects, ATranslucentTapKeepsItsCoverage) {  // its quads need more vertices than ImGui wrote
    ImDrawList before(&shared_), after(&shared_);
    const auto tap = [](ImDrawList& l) {
        l.AddRectFilled(ImVec2(40, 40), ImVec2(54, 54), IM_COL32(255, 196, 110, 150), 3.0f);
    };
    EXPECT_EQ(redraw(before, after, tap), 1u);
    EXPECT_LE(largest_step(cover(before), cover(after)), 1);
}

TEST_F(RoundedRects, WhatIsNotExactlyImGuisRectangleStays) {
    ImDrawList list(&shared_);
    draw(list, [](ImDrawList& l) {
        l.AddRectFilled(ImVec2(20.5f, 30), ImVec2(140, 54), IM_COL32_WHITE, 4.0f);  // not on whole pixels
        l.AddRectFilled(ImVec2(20, 60), ImVec2(140, 84), IM_COL32_WHITE, 5.0f);     // no stencil for 5 px
        l.AddRectFilled(ImVec2(20, 90), ImVec2(140, 114), IM_COL32_WHITE, 4.0f,
                        ImDrawFlags_RoundCornersLeft);                            // two corners square
        l.AddRectFilled(ImVec2(20, 120), ImVec2(29, 150), IM_COL32_WHITE, 4.0f);  // ImGui would round less
        l.AddRect(ImVec2(20, 160), ImVec2(140, 184), IM_COL32_WHITE, 4.0f, 0, 2.0f);  // another width
        l.AddCircleFilled(ImVec2(200, 100), 8.0f, IM_COL32_WHITE);
        l.AddText(font(), 13.0f, ImVec2(220, 20), IM_COL32_WHITE, "Frame");
    });
    const std::vector<ImDrawIdx> indices(list.IdxBuffer.begin(), list.IdxBuffer.end());
    EXPECT_EQ(pass_.run(list, stencils_, ImGui::GetIO().Fonts->TexID), 0u);
    EXPECT_EQ(std::vector<ImDrawIdx>(list.IdxBuffer.begin(), list.IdxBuffer.end()), indices);
}

TEST_F(RoundedRects, CommandsAroundAReplacedRectangleKeepTheirTriangles) {
    ImDrawList before(&shared_), after(&shared_);
    const auto paint = [](ImDrawList& l) {
        l.AddText(font(), 13.0f, ImVec2(30, 10), IM_COL32(0, 0, 0, 255), "before");
        l.AddRectFilled(ImVec2(20, 30), ImVec2(140, 54), IM_COL32(230, 236, 250, 255), 4.0f);
        l.AddText(font(), 13.0f, ImVec2(30, 34), IM_COL32(0, 0, 0, 255), "inside");
        l.PushClipRect(ImVec2(0, 0), ImVec2(300, 200));  // a second command
        l.AddRect(ImVec2(150, 30), ImVec2(290, 70), IM_COL32(20, 20, 20, 200), 4.0f, 0, 1.0f);
        l.AddText(font(), 13.0f, ImVec2(160, 40), IM_COL32(0, 0, 0, 255), "after");
    };
    EXPECT_EQ(redraw(before, after, paint), 2u);
    ASSERT_EQ(after.CmdBuffer.Size, 2);
    unsigned next = 0;
    for (const ImDrawCmd& cmd : after.CmdBuffer) {
        EXPECT_EQ(cmd.IdxOffset, next);  // the commands stay packed, in order
        next += cmd.ElemCount;
    }
    EXPECT_EQ(int(next), after.IdxBuffer.Size);
    EXPECT_LE(largest_step(cover(before), cover(after)), 1);
}

}  // namespace
}  // namespace poolscope::app
