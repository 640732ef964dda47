// The panels filled by the clear (app/shell/card_backdrop.h, issue 34), checked on the window's own frame:
// the clear is the panels' colour, the panels draw no fill of their own, and the backdrop paints the window's
// colour on every pixel outside them and, inside them, only near their rounded corners. (That the pictures
// are the same as with each panel filling itself is checked on screen: gui.same_pixels.)
#include <gtest/gtest.h>

#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "headless_app.h"
#include "shell/card_backdrop.h"
#include "shell/theme.h"

namespace poolscope::app::testing {
namespace {

bool inside(const ImVec2& p, const ImVec2& a, const ImVec2& b, const ImVec2& c) {
    const auto side = [&](const ImVec2& u, const ImVec2& v) {
        return (v.x - u.x) * (p.y - u.y) - (v.y - u.y) * (p.x - u.x);
    };
    const float s0 = side(a, b), s1 = side(b, c), s2 = side(c, a);
    return (s0 >= 0 && s1 >= 0 && s2 >= 0) || (s0 <= 0 && s1 <= 0 && s2 <= 0);
}

// Pixels (by their centres) that triangles of `colour` in `list` cover within their clip rectangles.
std::vector<bool> covered(const ImDrawList& list, ImU32 colour, int w, int h) {
    std::vector<bool> out(size_t(w) * size_t(h), false);
    for (const ImDrawCmd& cmd : list.CmdBuffer)
        for (unsigned i = cmd.IdxOffset; i + 2 < cmd.IdxOffset + cmd.ElemCount; i += 3) {
            const ImDrawVert* v[3];
            for (unsigned k = 0; k < 3; ++k)
                v[k] = &list.VtxBuffer[int(list.IdxBuffer[int(i + k)] + cmd.VtxOffset)];
            if (v[0]->col != colour || v[1]->col != colour || v[2]->col != colour) continue;
            const float x0 = std::max(std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}), cmd.ClipRect.x);
            const float x1 = std::min(std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}), cmd.ClipRect.z);
            const float y0 = std::max(std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}), cmd.ClipRect.y);
            const float y1 = std::min(std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}), cmd.ClipRect.w);
            for (int y = std::max(0, int(std::floor(y0))); y < std::min(h, int(std::ceil(y1))); ++y)
                for (int x = std::max(0, int(std::floor(x0))); x < std::min(w, int(std::ceil(x1))); ++x) {
                    const ImVec2 p(float(x) + 0.5f, float(y) + 0.5f);
                    if (p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1) continue;
                    if (inside(p, v[0]->pos, v[1]->pos, v[2]->pos))
                        out[size_t(y) * size_t(w) + size_t(x)] = true;
                }
        }
    return out;
}

// In the app's own theme (opaque colours), as main() sets it.
class CardBackdropTest : public HeadlessApp {
  protected:
    void SetUp() override {
        HeadlessApp::SetUp();
        apply_theme(false, 1.0f);
    }
};

TEST_F(CardBackdropTest, PanelsAreFilledByTheClearAndTheWindowColourOnlyAroundThem) {
    frames(3);
    const ImU32 window = ImGui::GetColorU32(ImGuiCol_WindowBg), card = ImGui::GetColorU32(ImGuiCol_ChildBg);
    ASSERT_NE(window, card);
    const std::vector<CardBackdrop::Card>& cards = a.backdrop.cards();
    ASSERT_GE(cards.size(), 4u);  // sidebar, top, matrices, step, walkthrough
    const ImVec4 clear = a.backdrop.clear_colour();
    EXPECT_EQ(ImGui::ColorConvertFloat4ToU32(clear), card);

    // The panels draw no fill: no triangle of theirs has the panels' colour at its three corners.
    const ImDrawData& data = *ImGui::GetDrawData();
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        const std::string owner = list._OwnerName ? list._OwnerName : "";
        if (owner.rfind("PoolScope###main/", 0) != 0 || owner.find('/', 17) != std::string::npos) continue;
        for (int i = 0; i + 2 < list.IdxBuffer.Size; i += 3) {
            const bool fill = list.VtxBuffer[list.IdxBuffer[i]].col == card &&
                              list.VtxBuffer[list.IdxBuffer[i + 1]].col == card &&
                              list.VtxBuffer[list.IdxBuffer[i + 2]].col == card;
            EXPECT_FALSE(fill) << owner << " fills itself";
        }
    }

    // The window's colour: on every pixel outside the panels, and inside one only within its corners'
    // squares.
    const int w = 1280, h = 800;
    const std::vector<bool> painted = covered(*ImGui::GetBackgroundDrawList(), window, w, h);
    int outside = 0, inside_corners = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float px = float(x) + 0.5f, py = float(y) + 0.5f;
            const CardBackdrop::Card* in = nullptr;
            for (const CardBackdrop::Card& c : cards)
                if (px > c.min.x && px < c.max.x && py > c.min.y && py < c.max.y) in = &c;
            const bool got = painted[size_t(y) * size_t(w) + size_t(x)];
            if (!in) {
                ++outside;
                ASSERT_TRUE(got) << "window colour missing at " << x << "," << y;
                continue;
            }
            const float k = std::ceil(in->rounding) + 1.0f;
            const bool corner =
                (px < in->min.x + k || px > in->max.x - k) && (py < in->min.y + k || py > in->max.y - k);
            if (corner) ++inside_corners;
            ASSERT_TRUE(!got || corner) << "window colour inside a panel at " << x << "," << y;
        }
    EXPECT_GT(outside, 0);
    EXPECT_GT(inside_corners, 0);
}

TEST_F(CardBackdropTest, PanelsFillThemselvesWhenAskedTo) {
    setenv("POOLSCOPE_CARD_FILLS", "1", 1);
    frames(3);
    unsetenv("POOLSCOPE_CARD_FILLS");
    EXPECT_TRUE(a.backdrop.cards().empty());
    EXPECT_EQ(ImGui::ColorConvertFloat4ToU32(a.backdrop.clear_colour()),
              ImGui::GetColorU32(ImGuiCol_WindowBg));
    EXPECT_EQ(ImGui::GetBackgroundDrawList()->IdxBuffer.Size, 0);
}

}  // namespace
}  // namespace poolscope::app::testing
