// The share label's place in a grad_input cell (see share_badge.h).
#include "widgets/share_badge.h"

#include <algorithm>
#include <cmath>

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
    ShareBadgeLayout l;
    const float inset = std::max(1.0f, cell * 0.06f);
    const float inner = cell - 2.0f * inset;
    // The UI's text size where the cell has room for it and a value under it; a third of the cell above that
    // (big presentation cells); never more than 45% of it, or the value has no room left.
    float size = std::min(std::max(font_px, cell * 0.3f), cell * 0.45f);
    if (label_w_per_px > 0) size = std::min(size, inner / label_w_per_px);  // a long label shrinks to fit
    const float pad = std::max(1.0f, size * 0.12f);
    l.text_size = size;
    l.pill_min = ImVec2(cell_min.x + inset, cell_min.y + inset);
    l.pill_max =
        ImVec2(std::min(cell_min.x + cell - inset, l.pill_min.x + size * label_w_per_px + 2.0f * pad),
               l.pill_min.y + size + 2.0f * pad);
    l.text_pos = ImVec2(l.pill_min.x + pad, l.pill_min.y + pad);
    l.value_min = ImVec2(cell_min.x + inset, l.pill_max.y);
    l.value_max = ImVec2(cell_min.x + cell - inset, cell_min.y + cell - inset);
    return l;
}

bool share_badge_fits(float cell, float font_px, float label_w_per_px) {
    const float inner = cell - 2.0f * std::max(1.0f, cell * 0.06f);
    return cell * 0.45f >= font_px && inner >= font_px * label_w_per_px;
}

float contrast_ratio(ImU32 a, ImU32 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

}  // namespace poolscope::app
