// The renderer's drawing order (app/platform/draw_batches.h): triangles of one kind gather into as few
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
    // A quad on the atlas' white pixel (sampled nearest) or between a glyph's texels (filtered).
    void solid(float x, float y, float w, float h) { quad(x, y, w, h, kWhite, kWhite); }
    void glyph(float x, float y, float w, float h) {
        quad(x, y, w, h, ImVec2(0.5f, 0.5f), ImVec2(0.6f, 0.6f));
    }
    // A glyph drawn at its own size from texel (tx, ty) of the 1024 × 512 atlas.
    void texel_glyph(float x, float y, float w, float h, float tx, float ty) {
        quad(x, y, w, h, ImVec2(tx / 1024.0f, ty / 512.0f), ImVec2((tx + w) / 1024.0f, (ty + h) / 512.0f));
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
        builder.build(*list_, list_->CmdBuffer.back(), kAtlas, indices, runs);
        EXPECT_EQ(indices.size(), size_t(list_->IdxBuffer.Size));
        for (size_t i = 0; i < indices.size(); i += 6)
            order.push_back(int(indices[i] / 4));
        return runs;
    }

    static inline const ImVec2 kWhite{0.01f, 0.02f};
    static inline const AtlasInfo kAtlas{reinterpret_cast<ImTextureID>(intptr_t(1)), kWhite,
                                         ImVec2(1024, 512)};
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
    EXPECT_EQ(runs[0].kind, RunKind::kTexels);  // fills on the white texel: sampled nearest
    EXPECT_EQ(runs[1].kind, RunKind::kFiltered);
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
    builder.build(*list_, list_->CmdBuffer.back(), kAtlas, indices, runs);
    ASSERT_EQ(indices.size(), 12u);
    std::vector<int> quads;
    for (size_t i = 0; i < indices.size(); i += 6)
        quads.push_back(int(indices[i] / 4));
    EXPECT_EQ(quads, (std::vector<int>{0, 3}));
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].kind, RunKind::kTexels);
}

// Glyphs one texel per pixel on whole pixels are sampled nearest (the same pixels, fewer texel reads); off a
// whole pixel, scaled, or stretched along one axis they keep the filter.
TEST_F(Batches, GlyphsOnWholeTexelsGatherIntoTheirOwnRun) {
    texel_glyph(10, 10, 9, 14, 100, 40);     // 0: at its own size
    texel_glyph(30.5f, 10, 9, 14, 100, 40);  // 1: half a pixel over: filtered
    quad(50, 10, 9, 14, ImVec2(100 / 1024.0f, 40 / 512.0f), ImVec2(118 / 1024.0f, 68 / 512.0f));  // 2: halved
    quad(70, 10, 9, 14, ImVec2(100 / 1024.0f, 40 / 512.0f),
         ImVec2(110 / 1024.0f, 54 / 512.0f));  // 3: stretched
    texel_glyph(90, 10, 9, 14, 0, 0);          // 4: at its own size
    std::vector<int> order;
    const std::vector<DrawRun> runs = build(order);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].kind, RunKind::kTexels);
    EXPECT_EQ(runs[1].kind, RunKind::kFiltered);
    EXPECT_EQ(order, (std::vector<int>{0, 4, 1, 2, 3}));
}

// Fills and glyphs at their own size share runs; a filtered mark between them keeps its place.
TEST_F(Batches, FillsAndGlyphsShareRunsAndFilteredTrianglesKeepTheirPlace) {
    solid(10, 10, 100, 20);               // 0: a button
    texel_glyph(20, 12, 9, 14, 100, 40);  // 1: its label: the same run, after it
    glyph(22, 12, 30, 16);                // 2: a filtered mark over the label
    texel_glyph(25, 14, 9, 14, 0, 0);     // 3: a glyph over the mark: a run after the mark's
    solid(10, 40, 100, 20);               // 4: clear of all: joins 0
    std::vector<int> order;
    const std::vector<DrawRun> runs = build(order);
    EXPECT_EQ(order, (std::vector<int>{0, 1, 4, 2, 3}));
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0].kind, RunKind::kTexels);
    EXPECT_EQ(runs[1].kind, RunKind::kFiltered);
    EXPECT_EQ(runs[2].kind, RunKind::kTexels);
}

// A run whose triangles each have one colour takes it flat; one anti-aliased fringe (its outer vertices
// transparent) makes its whole run interpolate, and the run stays one draw call.
TEST_F(Batches, ARunTakesItsColourFlatOnlyWhenEveryTriangleHasOneColour) {
    solid(10, 10, 100, 20);               // 0: a frame
    texel_glyph(20, 12, 9, 14, 100, 40);  // 1: its label
    glyph(200, 10, 30, 16);               // 2: a filtered mark elsewhere
    std::vector<int> order;
    std::vector<DrawRun> runs = build(order);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_TRUE(runs[0].flat);
    EXPECT_TRUE(runs[1].flat);

    solid(10, 100, 100, 20);  // 3: a fill whose last vertex fades out, clear of the others: joins 0
    list_->VtxBuffer.back().col = IM_COL32(200, 100, 50, 0);
    order.clear();
    runs = build(order);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].kind, RunKind::kTexels);
    EXPECT_FALSE(runs[0].flat);
    EXPECT_TRUE(runs[1].flat);
}

TEST(OneColour, ComparesTheThreeVertices) {
    ImDrawVert v[3];
    for (ImDrawVert& d : v)
        d.pos = ImVec2(0, 0), d.uv = ImVec2(0, 0), d.col = IM_COL32(1, 2, 3, 255);
    const ImDrawIdx tri[3] = {0, 1, 2};
    EXPECT_TRUE(one_colour(v, tri));
    v[2].col = IM_COL32(1, 2, 3, 254);
    EXPECT_FALSE(one_colour(v, tri));
}

// Another texture's triangles (a cell picture) are drawn as that texture is set up, white UVs or not.
TEST_F(Batches, AnotherTexturesTrianglesAreDrawnAsItIsSetUp) {
    list_->PushTextureID(reinterpret_cast<ImTextureID>(intptr_t(2)));
    solid(10, 10, 100, 20);
    texel_glyph(10, 40, 9, 14, 100, 40);
    std::vector<int> order;
    const std::vector<DrawRun> runs = build(order);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].kind, RunKind::kFiltered);
}

// The check itself, on the framebuffer's pixels: ImGui's coordinates offset and scaled (a HiDPI frame).
TEST(TexelCentres, MeasuredInFramebufferPixels) {
    const ImDrawIdx tri[3] = {0, 1, 2};
    const auto vertex = [](float x, float y, float u, float v) {
        ImDrawVert d;
        d.pos = ImVec2(x, y), d.uv = ImVec2(u / 256.0f, v / 256.0f), d.col = 0xFFFFFFFFu;
        return d;
    };
    const ImVec2 atlas(256, 256), none(0, 0), one(1, 1), two(2, 2);
    const ImDrawVert one_to_one[3] = {vertex(10, 10, 20, 30), vertex(18, 10, 28, 30), vertex(18, 20, 28, 40)};
    EXPECT_TRUE(samples_texel_centres(one_to_one, tri, none, one, atlas));
    EXPECT_TRUE(samples_texel_centres(one_to_one, tri, ImVec2(3, 4), one, atlas));
    EXPECT_FALSE(samples_texel_centres(one_to_one, tri, ImVec2(0.5f, 0), one, atlas));  // between texels
    EXPECT_FALSE(samples_texel_centres(one_to_one, tri, none, two, atlas));             // two pixels a texel
    const ImDrawVert half_scale[3] = {vertex(5, 5, 20, 30), vertex(9, 5, 28, 30), vertex(9, 10, 28, 40)};
    EXPECT_TRUE(samples_texel_centres(half_scale, tri, none, two, atlas));
    const ImDrawVert between_texels[3] = {vertex(10, 10, 20.5f, 30), vertex(18, 10, 28.5f, 30),
                                          vertex(18, 20, 28.5f, 40)};
    EXPECT_FALSE(samples_texel_centres(between_texels, tri, none, one, atlas));
    // Two texels a pixel, each pixel centre on a texel's centre: still one texel each.
    const ImDrawVert skipping[3] = {vertex(10, 10, 20.5f, 30.5f), vertex(18, 10, 36.5f, 30.5f),
                                    vertex(18, 20, 36.5f, 50.5f)};
    EXPECT_TRUE(samples_texel_centres(skipping, tri, none, one, atlas));
    // ImGui's anti-aliased line along a row: half-pixel ends, its texels running across it (u down the
    // rows, v on a texel row's centre).
    const ImDrawVert line[3] = {vertex(1280.5f, 23, 31, 1.5f), vertex(0.5f, 23, 31, 1.5f),
                                vertex(0.5f, 26, 34, 1.5f)};
    EXPECT_TRUE(samples_texel_centres(line, tri, none, one, atlas));
    // A slanted edge of a ring: filtered.
    const ImDrawVert ring[3] = {vertex(355.58f, 167.79f, 31, 1.5f), vertex(356.53f, 163, 31, 1.5f),
                                vertex(353.47f, 163, 34, 1.5f)};
    EXPECT_FALSE(samples_texel_centres(ring, tri, none, one, atlas));
}

}  // namespace
}  // namespace poolscope::app
