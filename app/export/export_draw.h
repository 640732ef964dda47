// The shapes every export picture is built from, drawn the way the window draws them (matrix_grid.cpp's
// cell insets and fitted text): a cell, text centred in a cell or a box, a line of text, tokens wrapped at a
// width. Shared by the forward, backward, walkthrough and legend pictures (export_layout.h).
#pragma once

#include <string>
#include <vector>

#include "export/export_fonts.h"
#include "export/picture.h"
#include "model/arithmetic_line.h"
#include "model/matrix_colors.h"

namespace poolscope::app {

// A cell as the window draws it (matrix_grid.cpp draw_cell): inset, whole pixels, the border inside.
void add_cell(Picture& p, float x, float y, float cell, Rgba fill, Rgba border, float border_width);

// Text centred in a cell (draw_fitted_text): model/cell_text.h's share of the cell, shrunk to fit its width.
void add_cell_text(Picture& p, const ExportFonts& fonts, float x, float y, float cell, Rgba color,
                   const std::string& text);

// Text centred in a box, `fraction` of its height, shrunk to fit kCellTextWidth of its width.
void add_box_text(Picture& p, const ExportFonts& fonts, float x0, float y0, float x1, float y1, Rgba color,
                  const std::string& text, float fraction, TextKind kind);

// A line of text with its top at `top`; `anchor` says whether x is its start or its middle.
void add_text(Picture& p, const ExportFonts& fonts, float x, float top, float size, Rgba color,
              const std::string& text, TextKind kind = TextKind::kLine,
              TextAnchor anchor = TextAnchor::kStart);

Rgba token_color(const MatrixColors& c, TokenRole role);

// Wraps the tokens at `width`: calls visit(token, line, x offset) for the start of each; returns the lines.
template <typename Visit>
int wrap_tokens(const std::vector<ArithmeticToken>& tokens, const ExportFonts& fonts, float size, float width,
                Visit&& visit) {
    int line = 0;
    float x = 0;
    for (const ArithmeticToken& token : tokens) {
        const float w = fonts.text_width(token.text, size);
        if (x > 0 && x + w > width) {
            ++line, x = 0;
            if (token.text.find_first_not_of(' ') == std::string::npos)
                continue;  // no line starts with spaces
        }
        visit(token, line, x);
        x += w;
    }
    return line + 1;
}

}  // namespace poolscope::app
