// The Backward view's share label: how much of the current window's gradient a grad_input cell receives
// ("+0.25"). It sits in a band at the top of the cell on a pill of its own, at least the UI's text size, dark
// on white (contrast >= 4.5:1, WCAG AA, whatever the cell's fill), and the cell's value is fitted in what is
// left below it, so the two never overlap (issue 27). The geometry is model/share_badge_box.h's.
#pragma once

#include <imgui.h>

#include "widgets/palette.h"

namespace poolscope::app {

inline constexpr ImU32 kShareText = palette::im_color(palette::kColors.share_text);  // the gradient arriving
inline constexpr ImU32 kShareBackground = palette::im_color(palette::kColors.share_background);  // its pill

struct ShareBadgeLayout {
    ImVec2 pill_min, pill_max;    // the pill behind the label
    ImVec2 text_pos;              // where the label's text starts
    float text_size = 0.0f;       // its font size, pixels
    ImVec2 value_min, value_max;  // the box the cell's value is fitted in
};

// Where the label and the value go in a cell at `cell_min`, `cell` pixels wide, with the UI font `font_px`
// and a label `label_w_per_px` wide per pixel of font size (the font's measure of the text at size 1).
ShareBadgeLayout share_badge_layout(ImVec2 cell_min, float cell, float font_px, float label_w_per_px);

// Whether the label fits in the cell at the UI's text size with room for the value under it; when it does
// not, the view writes it once under the grid instead ("+0.25 to each outlined cell").
bool share_badge_fits(float cell, float font_px, float label_w_per_px);

// WCAG 2 contrast ratio of two opaque colours (1..21).
float contrast_ratio(ImU32 a, ImU32 b);

}  // namespace poolscope::app
