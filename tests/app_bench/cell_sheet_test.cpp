// A grid's cells as one picture (app/platform/sheet_pictures.h, app/widgets/cell_sheet.h): the picture holds
// the pixels draw_cell()'s quads cover, equal pictures share a texture ID and different ones do not, and the
// widget puts one textured quad under what was drawn meanwhile. That the window's pixels stay the same is the
// gui test gui.same_pixels.
#include <gtest/gtest.h>

#include <imgui.h>

#include <vector>

#include "platform/sheet_pictures.h"
#include "widgets/cell_sheet.h"

namespace poolscope::app {
namespace {

constexpr ImU32 kBorder = IM_COL32(10, 20, 30, 255), kFill = IM_COL32(200, 210, 220, 255);

std::vector<uint32_t> paint(const SheetPicture& p) {
    std::vector<uint32_t> pixels(size_t(p.width) * size_t(p.height), 0xDEADBEEFu);
    paint_picture(p, pixels.data());
    return pixels;
}

TEST(SheetPicture, PaintsTheBorderRingTheInsideAndLeavesTheRestTransparent) {
    SheetPicture p;
    p.width = 8, p.height = 6;
    p.cells.push_back({1, 1, 6, 5, 1, kBorder, kFill});  // [1, 6) × [1, 5)
    const std::vector<uint32_t> px = paint(p);
    auto at = [&](int x, int y) { return px[size_t(y) * 8 + size_t(x)]; };
    EXPECT_EQ(at(0, 0), 0u);
    EXPECT_EQ(at(6, 1), 0u);  // x1 is outside
    EXPECT_EQ(at(1, 1), kBorder);
    EXPECT_EQ(at(5, 4), kBorder);
    EXPECT_EQ(at(3, 1), kBorder);
    EXPECT_EQ(at(1, 3), kBorder);
    EXPECT_EQ(at(2, 2), kFill);
    EXPECT_EQ(at(4, 3), kFill);
    EXPECT_EQ(at(3, 5), 0u);
}

TEST(SheetPicture, NoFillLeavesTheInsideTransparentAndCellsAreCutToThePicture) {
    SheetPicture p;
    p.width = 4, p.height = 4;
    p.cells.push_back({-2, -2, 3, 3, 1, kBorder, 0});  // its top-left ring lies outside the picture
    const std::vector<uint32_t> px = paint(p);
    EXPECT_EQ(px[0], 0u);               // (0, 0): inside the cell, no fill
    EXPECT_EQ(px[2], kBorder);          // (2, 0): the right border strip
    EXPECT_EQ(px[2 * 4 + 0], kBorder);  // (0, 2): the bottom strip
    EXPECT_EQ(px[3 * 4 + 3], 0u);       // (3, 3): outside the cell
}

TEST(SheetPicture, EqualPicturesShareAnIdAndAnyChangeMakesANewOne) {
    SheetPicture a;
    a.width = 10, a.height = 10;
    a.cells.push_back({0, 0, 5, 5, 1, kBorder, kFill});
    SheetPicture b = a;
    EXPECT_EQ(picture_hash(a), picture_hash(b));
    b.cells[0].fill = IM_COL32(200, 210, 221, 255);
    EXPECT_NE(picture_hash(a), picture_hash(b));
    b = a, b.cells[0].x1 = 6;
    EXPECT_NE(picture_hash(a), picture_hash(b));
    b = a, b.width = 11;
    EXPECT_NE(picture_hash(a), picture_hash(b));

    CellSheets sheets;
    const ImTextureID first = sheets.add(a), again = sheets.add(a), other = sheets.add(b);
    EXPECT_EQ(first, again);
    EXPECT_NE(first, other);
    EXPECT_EQ(sheets.pictures().size(), 2u);  // the same picture is kept once
    EXPECT_TRUE(is_picture_texture(first));
    EXPECT_FALSE(is_picture_texture(reinterpret_cast<ImTextureID>(intptr_t(3))));  // a GL texture name
}

class CellSheetWidget : public ::testing::Test {
  protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800, 600);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("grid");
        draw_ = ImGui::GetWindowDrawList();
        layout_ = GridLayout{0, 0, 3, 4, 20.0f};
        begin_matrix_grid("##g", layout_);
    }
    void TearDown() override {
        ImGui::End();
        ImGui::EndFrame();
        ImGui::DestroyContext();
    }
    // The texture of each triangle in the window's draw list, in draw order (after `from` indices).
    std::vector<ImTextureID> textures(unsigned from) const {
        std::vector<ImTextureID> out;
        for (const ImDrawCmd& cmd : draw_->CmdBuffer)
            for (unsigned i = 0; i < cmd.ElemCount; i += 3)
                if (cmd.IdxOffset + i >= from) out.push_back(cmd.TextureId);
        return out;
    }

    ImDrawList* draw_ = nullptr;
    GridLayout layout_;
    const CellStyle style_{kFill, kBorder, IM_COL32(0, 0, 0, 255)};
};

TEST_F(CellSheetWidget, OnePictureQuadHoldsTheCellsUnderWhatWasDrawnMeanwhile) {
    CellSheets sheets;
    const unsigned before = unsigned(draw_->IdxBuffer.Size);
    {
        CellSheet sheet(draw_, layout_, &sheets);
        for (int64_t r = 0; r < 3; ++r)
            for (int64_t c = 0; c < 4; ++c)
                sheet.add(r, c, style_);
        draw_->AddRectFilled(ImVec2(10, 10), ImVec2(12, 12), IM_COL32(255, 0, 0, 255));  // "a mark"
        sheet.finish();
    }
    ASSERT_EQ(sheets.pictures().size(), 1u);
    const SheetPicture& p = sheets.pictures()[0];
    ASSERT_EQ(p.cells.size(), 12u);
    // Each cell where draw_cell() puts it, in the picture's pixels.
    const CellBox first = cell_box(layout_, 0, 0, style_), last = cell_box(layout_, 2, 3, style_);
    EXPECT_EQ(p.width, int(last.max.x - first.min.x));
    EXPECT_EQ(p.height, int(last.max.y - first.min.y));
    EXPECT_EQ(p.cells[0].x0, 0);
    EXPECT_EQ(p.cells[0].border, 1);
    EXPECT_EQ(p.cells[0].fill, kFill);
    const CellBox b = cell_box(layout_, 1, 2, style_);
    EXPECT_EQ(p.cells[6].x0, int(b.min.x - first.min.x));
    EXPECT_EQ(p.cells[6].y1, int(b.max.y - first.min.y));
    // Two triangles of the picture, then the mark's two: the picture is under it.
    const std::vector<ImTextureID> drawn = textures(before);
    ASSERT_EQ(drawn.size(), 4u);
    EXPECT_TRUE(is_picture_texture(drawn[0]));
    EXPECT_TRUE(is_picture_texture(drawn[1]));
    EXPECT_FALSE(is_picture_texture(drawn[2]));
}

TEST_F(CellSheetWidget, WithoutSheetsEachCellIsItsQuads) {
    const unsigned before = unsigned(draw_->IdxBuffer.Size);
    {
        CellSheet sheet(draw_, layout_, nullptr);
        sheet.add(0, 0, style_);
        sheet.add(0, 1, style_);
    }
    EXPECT_EQ(textures(before).size(), 2u * 5u * 2u);  // five quads a cell
}

}  // namespace
}  // namespace poolscope::app
