// The share label's place in a grad_input cell (see share_badge.h).
#include "widgets/share_badge.h"

#include <algorithm>
#include <cmath>

#include "model/share_badge_box.h"

namespace poolscope::app {
namespace {

// sRGB channel to linear light (WCAG 2's relative luminance).
float linear(unsigned channel) {
    const float c = static_cast<float>(channel) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

float luminance(ImU32 color) {
    return 0.2126f * linear((color >> IM_COL32_R_SHIFT) & 0xFF) +
           0.7152f * linear((color >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722f * linear((color >> IM_COL32_B_SHIFT) & 0xFF);
}

}  // namespace

ShareBadgeLayout share_badge_layout(ImVec2 cell_min, float cell, float font_px, float label_w_per_px) {
    const ShareBadgeBox b = share_badge_box(cell_min.x, cell_min.y, cell, font_px, label_w_per_px);
    ShareBadgeLayout l;
    l.text_size = b.text_size;
    l.pill_min = ImVec2(b.pill_x0, b.pill_y0);
    l.pill_max = ImVec2(b.pill_x1, b.pill_y1);
    l.text_pos = ImVec2(b.text_x, b.text_y);
    l.value_min = ImVec2(b.value_x0, b.value_y0);
    l.value_max = ImVec2(b.value_x1, b.value_y1);
    return l;
}

bool share_badge_fits(float cell, float font_px, float label_w_per_px) {
    return share_badge_box_fits(cell, font_px, label_w_per_px);
}

float contrast_ratio(ImU32 a, ImU32 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

}  // namespace poolscope::app
