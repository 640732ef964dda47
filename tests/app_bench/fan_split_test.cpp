// ImGui's convex fans cut into ears (app/platform/fan_split.h): the same pixels covered exactly once, by
// triangles that no longer all start at one corner. Pixels are counted with a small rasteriser that samples
// pixel centres with the top-left rule, as GL rasterisers do.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <vector>

#include "platform/fan_split.h"

namespace poolscope::app {
namespace {

// How many of `tris` cover each pixel centre of a w × h grid.
std::vector<int> coverage(const std::vector<std::array<ImDrawIdx, 3>>& tris, const ImDrawVert* v, int w,
                          int h) {
    std::vector<int> count(size_t(w) * size_t(h));
    for (const auto& t : tris) {
        ImVec2 p[3] = {v[t[0]].pos, v[t[1]].pos, v[t[2]].pos};
        double area = (p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[1].y - p[0].y) * (p[2].x - p[0].x);
        if (area == 0) continue;
        if (area < 0) std::swap(p[1], p[2]);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const double cx = x + 0.5, cy = y + 0.5;
                bool in = true;
                for (int e = 0; e < 3 && in; ++e) {
                    const ImVec2 a = p[e], b = p[(e + 1) % 3];
                    const double f = (b.x - a.x) * (cy - a.y) - (b.y - a.y) * (cx - a.x);
                    // Top-left rule (y down, counter-clockwise on screen): a centre on a top or left edge
                    // counts.
                    const bool top_left = (a.y == b.y && b.x < a.x) || b.y < a.y;
                    in = f > 0 || (f == 0 && top_left);
                }
                count[size_t(y) * size_t(w) + size_t(x)] += in;
            }
    }
    return count;
}

struct Fill {
    ImDrawList list{ImGui::GetDrawListSharedData()};
    explicit Fill(const std::function<void(ImDrawList&)>& paint) {
        list._ResetForNewFrame();
        list.Flags |= ImDrawListFlags_AntiAliasedFill;  // as the app draws: the fan plus a fringe
        list.PushClipRect(ImVec2(0, 0), ImVec2(200, 200));
        list.PushTextureID(reinterpret_cast<ImTextureID>(intptr_t(1)));
        paint(list);
    }
    size_t triangles() const { return size_t(list.IdxBuffer.Size) / 3; }
};

class FanSplit : public ::testing::Test {
  protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGui::GetDrawListSharedData()->SetCircleTessellationMaxError(0.30f);  // what NewFrame() sets
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // The fan at triangle 0 of `fill`, split: same pixels as the fan, each once, and no longer a fan.
    void expect_same_pixels(const Fill& fill) {
        const ImDrawIdx* idx = fill.list.IdxBuffer.Data;
        const size_t n = fan_length(idx, fill.triangles(), 0);
        ASSERT_GE(n, 3u);
        std::vector<std::array<ImDrawIdx, 3>> fan, split;
        for (size_t t = 0; t < n; ++t)
            fan.push_back({idx[t * 3], idx[t * 3 + 1], idx[t * 3 + 2]});
        ASSERT_TRUE(split_fan(idx, n, fill.list.VtxBuffer.Data, 0, split));
        ASSERT_EQ(split.size(), n);
        const std::vector<int> before = coverage(fan, fill.list.VtxBuffer.Data, 200, 200);
        const std::vector<int> after = coverage(split, fill.list.VtxBuffer.Data, 200, 200);
        EXPECT_EQ(before, after);
        EXPECT_LE(*std::max_element(after.begin(), after.end()), 1);
        EXPECT_GT(std::count(after.begin(), after.end(), 1), 100);
        // Not every triangle shares one vertex any more.
        const ImDrawIdx shared = split[0][0];
        EXPECT_FALSE(std::all_of(split.begin(), split.end(), [&](const auto& t) {
            return t[0] == shared || t[1] == shared || t[2] == shared;
        }));
    }
};

TEST_F(FanSplit, ARoundedPanelCoversTheSamePixels) {
    expect_same_pixels(
        Fill([](ImDrawList& l) { l.AddRectFilled(ImVec2(10, 20), ImVec2(190, 120), 0xFFFFFFFF, 6); }));
}

TEST_F(FanSplit, ACircleAndAnOffPixelRectangleCoverTheSamePixels) {
    expect_same_pixels(
        Fill([](ImDrawList& l) { l.AddCircleFilled(ImVec2(100.3f, 90.7f), 60, 0xFF00FF00, 40); }));
    expect_same_pixels(Fill(
        [](ImDrawList& l) { l.AddRectFilled(ImVec2(12.5f, 30.25f), ImVec2(77.75f, 41.5f), 0xFF0000FF, 4); }));
}

TEST_F(FanSplit, GlyphQuadsAndFringesAreNoFan) {
    Fill quads([](ImDrawList& l) {
        l.PrimReserve(12, 8);
        l.PrimRectUV(ImVec2(0, 0), ImVec2(8, 16), ImVec2(0.1f, 0.1f), ImVec2(0.2f, 0.2f), 0xFFFFFFFF);
        l.PrimRectUV(ImVec2(8, 0), ImVec2(16, 16), ImVec2(0.2f, 0.1f), ImVec2(0.3f, 0.2f), 0xFFFFFFFF);
    });
    for (size_t t = 0; t < quads.triangles(); ++t)
        EXPECT_LT(fan_length(quads.list.IdxBuffer.Data, quads.triangles(), t), 3u);
}

TEST_F(FanSplit, AFoldedPolygonIsLeftAsItIs) {
    // A "fan" over a polygon that turns both ways (ImGui's inset of a shape under a pixel wide can do this).
    ImDrawVert v[12] = {};
    const ImVec2 pts[6] = {{0, 0}, {10, 0}, {5, 5}, {10, 10}, {0, 10}, {2, 5}};
    for (int i = 0; i < 6; ++i)
        v[i * 2].pos = pts[i];
    const ImDrawIdx idx[] = {0, 2, 4, 0, 4, 6, 0, 6, 8, 0, 8, 10};
    std::vector<std::array<ImDrawIdx, 3>> out;
    EXPECT_EQ(fan_length(idx, 4, 0), 4u);
    EXPECT_FALSE(split_fan(idx, 4, v, 0, out));
    EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace poolscope::app
