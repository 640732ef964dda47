// A grid's cells drawn as one picture (platform/sheet_pictures.h) in place of draw_cell()'s five quads each,
// with the same pixels. What the caller draws between the constructor and finish() (each cell's value, marks)
// lands above the picture, as it landed above the cells before. Without a CellSheets (no window: the
// headless tests may pass none) every cell is drawn with draw_cell() on the spot.
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

#include "platform/sheet_pictures.h"
#include "widgets/matrix_grid.h"

namespace poolscope::app {

class CellSheet {
  public:
    CellSheet(ImDrawList* draw, const GridLayout& layout, CellSheets* sheets);
    ~CellSheet() { finish(); }
    CellSheet(const CellSheet&) = delete;
    CellSheet& operator=(const CellSheet&) = delete;

    // One cell's fill and border; `text`, when the style has a text colour, is written on it at once, the
    // way draw_cell() writes it (set the probe's text_cell first).
    void add(int64_t row, int64_t col, const CellStyle& style, const char* text = nullptr,
             ImFont* font = nullptr);
    // Puts the picture under everything drawn since the constructor (once; the destructor calls it too).
    void finish();

  private:
    ImDrawList* draw_;
    const GridLayout& layout_;
    CellSheets* sheets_;
    ImDrawListSplitter splitter_;   // channel 0: the picture, channel 1: what is drawn meanwhile
    std::vector<SheetCell> cells_;  // window pixels
    bool open_ = false;
};

}  // namespace poolscope::app
