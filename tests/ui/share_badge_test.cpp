// The Backward view's share label (widgets/share_badge.h, issue 27): at least the UI's text size wherever
// the cell has room for it and a value, readable against its pill (WCAG AA), never over the value.
#include <gtest/gtest.h>

#include "widgets/palette.h"
#include "widgets/share_badge.h"

namespace poolscope::app {
namespace {

bool overlap(ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
    return a0.x < b1.x && b0.x < a1.x && a0.y < b1.y && b0.y < a1.y;
}

TEST(ShareBadge, ReadableAndBesideTheValueAtEveryCellAndFontSize) {
    const float label_per_px = 2.6f;  // "+0.25" is about 2.6 font sizes wide
    for (float font = 13.0f; font <= 40.0f; font += 1.0f)
        for (float cell = 24.0f; cell <= 160.0f; cell += 2.0f) {
            const ImVec2 at(100.0f, 50.0f);
            const ShareBadgeLayout l = share_badge_layout(at, cell, font, label_per_px);
            SCOPED_TRACE(testing::Message() << "cell " << cell << " font " << font);
            EXPECT_FALSE(overlap(l.pill_min, l.pill_max, l.value_min, l.value_max));
            EXPECT_GE(l.value_max.y - l.value_min.y, cell * 0.4f);  // the value keeps room
            EXPECT_LE(l.pill_max.x, at.x + cell);                   // inside its cell
            EXPECT_LE(l.value_max.y, at.y + cell);
            // Where the cell holds the label at the UI's size next to a value (a 4-digit label fits), it is
            // at least that size.
            if (cell * 0.45f >= font && cell * 0.88f >= font * label_per_px) {
                EXPECT_GE(l.text_size, font);
            }
        }
}

TEST(ShareBadge, LabelContrastMeetsWcagAA) {
    EXPECT_GE(contrast_ratio(kShareText, kShareBackground), 4.5f);
    EXPECT_NEAR(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0f, 0.01f);
    // The old label: the argmax red straight on the current window's orange fell short.
    EXPECT_LT(contrast_ratio(palette::kArgmax, palette::kOutputCurrent), 4.5f);
}

}  // namespace
}  // namespace poolscope::app
