// The share label's place in a grad_input cell (see share_badge_box.h).
#include "model/share_badge_box.h"

#include <algorithm>

namespace poolscope::app {

ShareBadgeBox share_badge_box(float x, float y, float cell, float font_px, float label_w_per_px) {
    ShareBadgeBox b;
    const float inset = std::max(1.0f, cell * 0.06f);
    const float inner = cell - 2.0f * inset;
    // The text size where the cell has room for it and a value under it; a third of the cell above that (big
    // presentation cells); never more than 45% of it, or the value has no room left.
    float size = std::min(std::max(font_px, cell * 0.3f), cell * 0.45f);
    if (label_w_per_px > 0) size = std::min(size, inner / label_w_per_px);  // a long label shrinks to fit
    const float pad = std::max(1.0f, size * 0.12f);
    b.text_size = size;
    b.pill_x0 = x + inset, b.pill_y0 = y + inset;
    b.pill_x1 = std::min(x + cell - inset, b.pill_x0 + size * label_w_per_px + 2.0f * pad);
    b.pill_y1 = b.pill_y0 + size + 2.0f * pad;
    b.text_x = b.pill_x0 + pad, b.text_y = b.pill_y0 + pad;
    b.value_x0 = x + inset, b.value_y0 = b.pill_y1;
    b.value_x1 = x + cell - inset, b.value_y1 = y + cell - inset;
    return b;
}

bool share_badge_box_fits(float cell, float font_px, float label_w_per_px) {
    const float inner = cell - 2.0f * std::max(1.0f, cell * 0.06f);
    return cell * 0.45f >= font_px && inner >= font_px * label_w_per_px;
}

}  // namespace poolscope::app
