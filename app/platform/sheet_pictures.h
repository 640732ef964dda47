// A grid's cell rectangles as one picture: widgets/cell_sheet.h collects the fills and borders of a matrix's
// cells here while the frame is built, and the draw list gets a single textured quad in their place; at draw
// time platform/sheet_textures.h paints the picture into a texture (once per content). On a software
// rasteriser every cell's five quads cost their triangles' set-up and every 4×4 block their edges touch (a
// 16×16×3 input was about a quarter of a full frame); one quad costs its pixels. No GL here: the frame and
// its tests build the list without a display.
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

// One cell in the picture's pixels: [x0, x1) × [y0, y1) painted `border_color` `border` pixels deep and
// `fill` inside (a 0 colour paints nothing there), as widgets/matrix_grid.cpp draw_cell() draws it.
struct SheetCell {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int border = 0;
    ImU32 border_color = 0, fill = 0;
};

struct SheetPicture {
    uint64_t hash = 0;  // of the size and the cells: equal pictures have equal hashes
    int width = 0, height = 0;
    std::vector<SheetCell> cells;
};

// The hash SheetPicture::hash holds (computed by CellSheets::add).
uint64_t picture_hash(const SheetPicture& picture);

// Paints `picture` into `pixels` (width × height RGBA8, rows top to bottom, ImU32 byte order); pixels no
// cell covers are transparent (0), so the quad leaves what is under it.
void paint_picture(const SheetPicture& picture, uint32_t* pixels);

// The texture ID a picture goes by in ImGui's draw data: its hash with the top bit set, which no GL texture
// name has. Equal pictures have equal IDs, so the damage tracker can compare them across frames like the
// font atlas' glyphs.
ImTextureID picture_texture_id(uint64_t hash);
bool is_picture_texture(ImTextureID id);

// This frame's pictures. App owns one; the frame clears it before drawing.
class CellSheets {
  public:
    // Adds a picture (its hash is computed here) and returns its texture ID; an equal picture is kept once.
    ImTextureID add(SheetPicture picture);
    void clear() { pictures_.clear(); }
    const std::vector<SheetPicture>& pictures() const { return pictures_; }

  private:
    std::vector<SheetPicture> pictures_;
};

}  // namespace poolscope::app
