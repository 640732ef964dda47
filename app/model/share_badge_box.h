// Where the Backward view's share label ("+0.25") goes in a grad_input cell, GUI-free, in plain pixels: a
// band at the top of the cell on a pill of its own, at least the text size, and the box the cell's value is
// fitted in below it, so the two never overlap (issue 27). The window (widgets/share_badge.h) and the
// backward export (app/export) place it with the same numbers.
#pragma once

namespace poolscope::app {

struct ShareBadgeBox {
    float pill_x0 = 0, pill_y0 = 0, pill_x1 = 0, pill_y1 = 0;      // the pill behind the label
    float text_x = 0, text_y = 0;                                  // where the label's text starts (top left)
    float text_size = 0;                                           // its font size, pixels
    float value_x0 = 0, value_y0 = 0, value_x1 = 0, value_y1 = 0;  // the box the cell's value is fitted in
};

// The label and the value in a cell with its top left at (x, y), `cell` pixels wide, with the text size
// `font_px` and a label `label_w_per_px` wide per pixel of font size (the font's measure of the text at 1).
ShareBadgeBox share_badge_box(float x, float y, float cell, float font_px, float label_w_per_px);

// Whether the label fits in the cell at `font_px` with room for the value under it; when it does not, the
// view writes it once under the grid instead ("+0.25 to each outlined cell").
bool share_badge_box_fits(float cell, float font_px, float label_w_per_px);

}  // namespace poolscope::app
