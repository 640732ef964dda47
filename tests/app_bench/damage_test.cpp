// The damage between two frames' draw data (app/platform/damage.h), on draw lists built by hand: what
// changed is redrawn, what did not is left alone, reordered triangles and pictures force a redraw, and
// merged rectangles always cover what they merge. The pixel-for-pixel check of the real window is the gui
// test gui.damage_check (POOLSCOPE_DAMAGE_CHECK=1).
#include <gtest/gtest.h>

#include <imgui.h>

#include <functional>
#include <vector>

#include "platform/damage.h"
#include "platform/sheet_pictures.h"

namespace poolscope::app {
namespace {

constexpr int kW = 640, kH = 480;

class Damage : public ::testing::Test {
  protected:
    void SetUp() override { ImGui::CreateContext(); }
    void TearDown() override { ImGui::DestroyContext(); }

    // One frame: a draw list filled by `paint`, as ImGui would hand it to the renderer.
    std::vector<PixelRect> frame(const std::function<void(ImDrawList&)>& paint) {
        ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame();
        list.PushClipRect(ImVec2(0, 0), ImVec2(kW, kH));
        list.PushTextureID(kFont);
        paint(list);
        ImDrawList* lists[] = {&list};
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImVec2(kW, kH);
        data.FramebufferScale = ImVec2(1, 1);
        triangles_ = 0;
        for (const ImDrawCmd& cmd : list.CmdBuffer)
            triangles_ += cmd.ElemCount / 3;
        return tracker_.update(data, kFont, kW, kH);
    }

    static bool covers(const std::vector<PixelRect>& rects, const PixelRect& r) {
        for (int y = r.y0; y < r.y1; ++y)
            for (int x = r.x0; x < r.x1; ++x) {
                bool in = false;
                for (const PixelRect& d : rects)
                    in = in || (x >= d.x0 && x < d.x1 && y >= d.y0 && y < d.y1);
                if (!in) return false;
            }
        return true;
    }
    static int64_t area(const std::vector<PixelRect>& rects) {
        int64_t a = 0;
        for (const PixelRect& r : rects)
            a += r.area();
        return a;
    }

    static inline const ImTextureID kFont = reinterpret_cast<ImTextureID>(intptr_t(1));
    DamageTracker tracker_;
    size_t triangles_ = 0;
};

void background(ImDrawList& l) {
    l.AddRectFilled(ImVec2(0, 0), ImVec2(kW, kH), IM_COL32(240, 240, 240, 255));
    l.AddRectFilled(ImVec2(20, 20), ImVec2(200, 400), IM_COL32(255, 255, 255, 255));  // a panel
}

TEST_F(Damage, FirstFrameIsWholeThenNothingUntilSomethingMoves) {
    const std::vector<PixelRect> first = frame(background);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].x0, 0);
    EXPECT_EQ(first[0].y0, 0);
    EXPECT_EQ(first[0].x1, kW);
    EXPECT_EQ(first[0].y1, kH);
    EXPECT_TRUE(frame(background).empty());
    EXPECT_EQ(tracker_.triangle_boxes().size(), triangles_);
}

TEST_F(Damage, AMovedCellDamagesWhereItWasAndWhereItIsOnly) {
    auto cell_at = [](float x) {
        return [x](ImDrawList& l) {
            background(l);
            l.AddRectFilled(ImVec2(x, 300), ImVec2(x + 30, 330), IM_COL32(255, 196, 110, 150));
        };
    };
    frame(cell_at(400));
    const std::vector<PixelRect> damage = frame(cell_at(500));
    ASSERT_FALSE(damage.empty());
    EXPECT_LE(damage.size(), DamageTracker::kMaxRects);
    EXPECT_TRUE(covers(damage, {400, 300, 430, 330}));  // the old place is repainted
    EXPECT_TRUE(covers(damage, {500, 300, 530, 330}));  // the new place is painted
    EXPECT_LT(area(damage), int64_t(kW) * kH / 4);      // the rest of the window is kept
    EXPECT_FALSE(covers(damage, {40, 40, 41, 41}));     // e.g. the panel
}

TEST_F(Damage, TrianglesDrawnInAnotherOrderRedrawEverything) {
    auto two = [](bool red_first) {
        return [red_first](ImDrawList& l) {
            background(l);
            const ImU32 red = IM_COL32(255, 0, 0, 128), blue = IM_COL32(0, 0, 255, 128);
            l.AddRectFilled(ImVec2(300, 100), ImVec2(400, 200), red_first ? red : blue);
            l.AddRectFilled(ImVec2(350, 150), ImVec2(450, 250), red_first ? blue : red);
        };
    };
    auto swapped = [](ImDrawList& l) {  // the same two rectangles, the other one on top
        background(l);
        l.AddRectFilled(ImVec2(350, 150), ImVec2(450, 250), IM_COL32(0, 0, 255, 128));
        l.AddRectFilled(ImVec2(300, 100), ImVec2(400, 200), IM_COL32(255, 0, 0, 128));
    };
    frame(two(true));
    EXPECT_TRUE(frame(two(true)).empty());
    const std::vector<PixelRect> damage = frame(swapped);
    EXPECT_TRUE(covers(damage, {0, 0, kW, kH}));
}

TEST_F(Damage, PicturesAreRedrawnEveryFrameAndInvalidateRedrawsAll) {
    auto picture = [](ImDrawList& l) {
        background(l);
        l.AddImage(reinterpret_cast<ImTextureID>(intptr_t(7)), ImVec2(250, 50), ImVec2(350, 150));
    };
    frame(picture);
    const std::vector<PixelRect> damage = frame(picture);  // same vertices, but its pixels may have changed
    EXPECT_TRUE(covers(damage, {250, 50, 350, 150}));
    EXPECT_FALSE(covers(damage, {40, 40, 41, 41}));
    tracker_.invalidate();
    EXPECT_TRUE(covers(frame(picture), {0, 0, kW, kH}));
}

TEST_F(Damage, CellPicturesAreDamageOnlyWhenTheirContentChanges) {
    // A cell picture's texture ID is its content's hash (platform/sheet_pictures.h): the same ID is the same
    // pixels, another ID is new pixels under the same vertices.
    auto sheet = [](uint64_t content) {
        return [content](ImDrawList& l) {
            background(l);
            l.AddImage(picture_texture_id(content), ImVec2(250, 50), ImVec2(350, 150));
        };
    };
    frame(sheet(11));
    EXPECT_TRUE(frame(sheet(11)).empty());
    const std::vector<PixelRect> damage = frame(sheet(12));
    EXPECT_TRUE(covers(damage, {250, 50, 350, 150}));
    EXPECT_FALSE(covers(damage, {40, 40, 41, 41}));
}

TEST_F(Damage, ClippedTrianglesAreNoDamage) {
    auto hidden = [](float x) {
        return [x](ImDrawList& l) {
            background(l);
            l.PushClipRect(ImVec2(0, 0), ImVec2(100, 100));
            l.AddRectFilled(ImVec2(x, 300), ImVec2(x + 30, 330), IM_COL32(0, 0, 0, 255));  // scrolled away
            l.PopClipRect();
        };
    };
    frame(hidden(400));
    EXPECT_TRUE(frame(hidden(450)).empty());
}

TEST(MergeRects, KeepsAtMostTheLimitAndCoversEveryInput) {
    std::vector<PixelRect> rects;
    for (int i = 0; i < 10; ++i)
        rects.push_back({i * 60, i * 40, i * 60 + 20, i * 40 + 20});
    const std::vector<PixelRect> merged = merge_rects(rects, 3);
    EXPECT_LE(merged.size(), 3u);
    for (const PixelRect& r : rects) {
        bool inside = false;
        for (const PixelRect& m : merged)
            inside = inside || (r.x0 >= m.x0 && r.y0 >= m.y0 && r.x1 <= m.x1 && r.y1 <= m.y1);
        EXPECT_TRUE(inside) << r.x0 << "," << r.y0;
    }
}

TEST(MergeRects, TouchingRectanglesBecomeOne) {
    const std::vector<PixelRect> merged =
        merge_rects({{0, 0, 64, 64}, {64, 0, 128, 64}, {500, 500, 510, 510}}, 4);
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_EQ(merged[0].area() + merged[1].area(), 128 * 64 + 100);
    EXPECT_TRUE(merge_rects({{5, 5, 5, 9}}, 4).empty());  // empty rectangles vanish
}

}  // namespace
}  // namespace poolscope::app
