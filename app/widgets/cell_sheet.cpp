// One picture for a grid's cells (see cell_sheet.h).
#include "widgets/cell_sheet.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace poolscope::app {

CellSheet::CellSheet(ImDrawList* draw, const GridLayout& layout, CellSheets* sheets)
    : draw_(draw), layout_(layout), sheets_(sheets) {
    if (!sheets_) return;
    splitter_.Split(draw_, 2);
    splitter_.SetCurrentChannel(draw_, 1);
    open_ = true;
}

void CellSheet::add(int64_t row, int64_t col, const CellStyle& style, const char* text, ImFont* font) {
    if (!sheets_) return draw_cell(draw_, layout_, row, col, style, text, font);
    const CellBox box = cell_box(layout_, row, col, style);
    if (!ImGui::IsRectVisible(box.min, box.max)) return;  // as draw_cell(): scrolled away, not drawn
    SheetCell cell;
    cell.x0 = int(box.min.x), cell.y0 = int(box.min.y), cell.x1 = int(box.max.x), cell.y1 = int(box.max.y);
    cell.border = int(box.border);
    cell.border_color = cell.border > 0 ? style.border : 0;
    cell.fill = style.fill;
    cells_.push_back(cell);
    if (style.text)
        draw_fitted_text(draw_, font, box.min, box.max, style.text, text, kCellTextHeight, box.side);
}

void CellSheet::finish() {
    if (!open_) return;
    open_ = false;
    splitter_.SetCurrentChannel(draw_, 0);
    if (!cells_.empty()) {
        // The picture covers the drawn cells inside the clip rectangle, in whole pixels.
        const ImVec2 clip_min = draw_->GetClipRectMin(), clip_max = draw_->GetClipRectMax();
        int x0 = cells_[0].x0, y0 = cells_[0].y0, x1 = cells_[0].x1, y1 = cells_[0].y1;
        for (const SheetCell& c : cells_)
            x0 = std::min(x0, c.x0), y0 = std::min(y0, c.y0), x1 = std::max(x1, c.x1),
            y1 = std::max(y1, c.y1);
        x0 = std::max(x0, int(std::floor(clip_min.x))), y0 = std::max(y0, int(std::floor(clip_min.y)));
        x1 = std::min(x1, int(std::ceil(clip_max.x))), y1 = std::min(y1, int(std::ceil(clip_max.y)));
        if (x1 > x0 && y1 > y0) {
            SheetPicture picture;
            picture.width = x1 - x0, picture.height = y1 - y0;
            picture.cells = std::move(cells_);
            for (SheetCell& c : picture.cells)
                c.x0 -= x0, c.x1 -= x0, c.y0 -= y0, c.y1 -= y0;
            const ImTextureID id = sheets_->add(std::move(picture));
            draw_->AddImage(id, ImVec2(float(x0), float(y0)), ImVec2(float(x1), float(y1)));
        }
    }
    splitter_.Merge(draw_);
}

}  // namespace poolscope::app
