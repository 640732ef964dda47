// Export picture shapes (see export_draw.h).
#include "export/export_draw.h"

#include <algorithm>
#include <cmath>

#include "model/cell_text.h"

namespace poolscope::app {

void add_cell(Picture& p, float x, float y, float cell, Rgba fill, Rgba border, float border_width) {
    const float inset = std::max(1.0f, cell * 0.04f);
    const float ax = std::round(x + inset), ay = std::round(y + inset);
    const float bx = std::round(x + cell - inset), by = std::round(y + cell - inset);
    const float bw = std::max(1.0f, std::round(border_width));
    p.items.push_back(RectItem{ax + bw / 2, ay + bw / 2, bx - ax - bw, by - ay - bw, fill, border, bw, 0});
}

void add_box_text(Picture& p, const ExportFonts& fonts, float x0, float y0, float x1, float y1, Rgba color,
                  const std::string& text, float fraction, TextKind kind) {
    if (text.empty()) return;
    const float box_w = x1 - x0, box_h = y1 - y0;
    float size = box_h * fraction;
    const float w = fonts.text_width(text, size);
    if (w > box_w * kCellTextWidth) size *= box_w * kCellTextWidth / w;
    if (size < 6.0f) return;  // unreadable: leave the cell empty rather than draw noise
    const float top = y0 + (box_h - size) * 0.5f;
    p.items.push_back(
        TextItem{x0 + box_w * 0.5f, top + fonts.ascent(size), size, color, text, TextAnchor::kMiddle, kind});
}

void add_cell_text(Picture& p, const ExportFonts& fonts, float x, float y, float cell, Rgba color,
                   const std::string& text) {
    const float inset = std::max(1.0f, cell * 0.04f);
    add_box_text(p, fonts, x + inset, y + inset, x + cell - inset, y + cell - inset, color, text,
                 kCellTextHeight, TextKind::kCell);
}

void add_text(Picture& p, const ExportFonts& fonts, float x, float top, float size, Rgba color,
              const std::string& text, TextKind kind, TextAnchor anchor) {
    p.items.push_back(TextItem{x, top + fonts.ascent(size), size, color, text, anchor, kind});
}

Rgba token_color(const MatrixColors& c, TokenRole role) {
    switch (role) {
        case TokenRole::kPadding:
            return c.step_padding;
        case TokenRole::kArgmax:
            return c.step_argmax;
        case TokenRole::kResult:
            return c.step_result;
        case TokenRole::kChannel:
            return c.muted;
        case TokenRole::kText:
            break;
    }
    return c.step_text;
}

}  // namespace poolscope::app
