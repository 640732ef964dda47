// The renderer's drawing order (app/platform/draw_batches.h): triangles of one program gather into as few
// runs as they can, but two triangles that may overlap never swap, so blending gives the same pixels.
#include <gtest/gtest.h>

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "platform/draw_batches.h"

namespace poolscope::app {
namespace {

class Batches : public ::testing::Test {
  protected:
    void SetUp() override {
        ImGui::CreateContext();
        list_ = new ImDrawList(ImGui::GetDrawListSharedData());
        list_->_ResetForNewFrame();
        list_->PushClipRect(ImVec2(0, 0), ImVec2(640, 480));
        list_->PushTextureID(reinterpret_cast<ImTextureID>(intptr_t(1)));
    }
    void TearDown() override {
        delete list_;
        ImGui::DestroyContext();
    }
    // A quad on the atlas' white pixel (drawn untextured) or on a glyph's texels.
    void solid(float x, float y, float w, float h) { quad(x, y, w, h, kWhite, kWhite); }
    void glyph(float x, float y, float w, float h) {
        quad(x, y, w, h, ImVec2(0.5f, 0.5f), ImVec2(0.6f, 0.6f));
    }
    void quad(float x, float y, float w, float h, ImVec2 uv0, ImVec2 uv1) {
        list_->PrimReserve(6, 4);
        list_->PrimRectUV(ImVec2(x, y), ImVec2(x + w, y + h), uv0, uv1, IM_COL32(200, 100, 50, 200));
        quads_.push_back(int(quads_.size()));
    }
    // The runs, and the order of the quads (by their first index) as they will be drawn.
    std::vector<DrawRun> build(std::vector<int>& order) {
        RunBuilder builder;
        builder.begin(640, 480, ImVec2(0, 0), ImVec2(1, 1));
        std::vector<ImDrawIdx> indices;
        std::vector<DrawRun> runs;
        builder.build(*list_, list_->CmdBuffer.back(), true, kWhite, indices, runs);
        EXPECT_EQ(indices.size(), size_t(list_->IdxBuffer.Size));
        for (size_t i = 0; i < indices.size(); i += 6)
            order.push_back(int(indices[i] / 4));
        return runs;
    }

    static inline const ImVec2 kWhite{0.01f, 0.02f};
    ImDrawList* list_ = nullptr;
    std::vector<int> quads_;
};

TEST_F(Batches, FramesAndLabelsThatDoNotOverlapGatherIntoTwoRuns) {
    for (int i = 0; i < 5; ++i) {
        solid(10, 10.0f + 40.0f * float(i), 100, 20);  // a frame
        glyph(120, 10.0f + 40.0f * float(i), 30, 20);  // a label beside it
    }
    std::vector<int> order;
    const std::vector<DrawRun> runs = build(order);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_TRUE(runs[0].solid);
    EXPECT_FALSE(runs[1].solid);
    EXPECT_EQ(runs[0].count, 5u * 6u);
    EXPECT_EQ(order, (std::vector<int>{0, 2, 4, 6, 8, 1, 3, 5, 7, 9}));
}

TEST_F(Batches, TrianglesThatMayOverlapKeepTheirOrder) {
    solid(10, 10, 100, 20);  // 0: a button
    glyph(20, 12, 30, 16);   // 1: its label, on it
    solid(10, 40, 100, 20);  // 2: the next button, clear of the label: joins 0
    solid(25, 14, 10, 10);   // 3: a mark over the label: must stay after it
    glyph(20, 42, 30, 16);   // 4: the second label, on 2
    std::vector<int> order;
    build(order);
    const auto at = [&](int q) { return std::find(order.begin(), order.end(), q) - order.begin(); };
    EXPECT_LT(at(0), at(1));
    EXPECT_LT(at(1), at(3));  // overlapping: never swapped
    EXPECT_LT(at(2), at(4));
    EXPECT_LT(at(2), at(1));  // moved before the first label: it overlaps nothing there
}

TEST_F(Batches, TrianglesWhollyOutsideTheClipRectangleAreNotSent) {
    list_->PushClipRect(ImVec2(100, 100), ImVec2(200, 200));
    solid(120, 120, 20, 20);  // inside
    solid(300, 120, 20, 20);  // right of it
    glyph(120, 10, 20, 20);   // above it
    solid(190, 190, 40, 40);  // across its corner: drawn
    RunBuilder builder;
    builder.begin(640, 480, ImVec2(0, 0), ImVec2(1, 1));
    std::vector<ImDrawIdx> indices;
    std::vector<DrawRun> runs;
    builder.build(*list_, list_->CmdBuffer.back(), true, kWhite, indices, runs);
    ASSERT_EQ(indices.size(), 12u);
    std::vector<int> quads;
    for (size_t i = 0; i < indices.size(); i += 6)
        quads.push_back(int(indices[i] / 4));
    EXPECT_EQ(quads, (std::vector<int>{0, 3}));
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_TRUE(runs[0].solid);
}

}  // namespace
}  // namespace poolscope::app
