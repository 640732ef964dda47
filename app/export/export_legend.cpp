// The legend under an export (asked for with --legend or the Export dialog's checkbox): a swatch drawn the
// way the figure draws the mark, and the window's own words for it (legend.*), for the marks the written
// frames actually use and no others: padding cells, the ceil_mode overhang, the window, the argmax ring, the
// Backward view's share label. Entries flow left to right and wrap at the picture's width.
#include <algorithm>
#include <cmath>

#include "export/export_draw.h"
#include "export/export_layout.h"

namespace poolscope::app {
namespace {

bool has_kind(const ExportScene& scene, TapKind kind) {
    return std::find(scene.kinds.begin(), scene.kinds.end(), kind) != scene.kinds.end();
}

float swatch_size(const SceneLayout& l) {
    return std::round(l.legend_size * 1.3f);
}

void add_swatch(Picture& p, const ExportScene& scene, const SceneLayout& l, LegendMark mark, float x,
                float y) {
    const MatrixColors& c = scene.colors;
    const float s = swatch_size(l);
    switch (mark) {
        case LegendMark::kPadding:
            p.items.push_back(
                RectItem{x + 0.5f, y + 0.5f, s - 1, s - 1, c.padding_fill, c.padding_border, 1, 0});
            break;
        case LegendMark::kOverhang:
            p.items.push_back(
                RectItem{x + 0.5f, y + 0.5f, s - 1, s - 1, c.overhang_fill, c.overhang_border, 1, 0});
            break;
        case LegendMark::kWindow:
            if (scene.view == SceneView::kBackward) {  // the Backward view tints the window's cells
                p.items.push_back(
                    RectItem{x + 1.5f, y + 1.5f, s - 3, s - 3, c.output_current, c.window, 3, 0});
            } else {
                p.items.push_back(
                    RectItem{x + 0.5f, y + 0.5f, s - 1, s - 1, c.input_fill, c.input_border, 1, 0});
                p.items.push_back(
                    RectItem{x + 1.5f, y + 1.5f, s - 3, s - 3, c.window_tap, c.window, 2.5f, 3});
            }
            break;
        case LegendMark::kArgmax:
            p.items.push_back(
                CircleItem{x + s * 0.5f, y + s * 0.5f, s * 0.42f, c.argmax, std::max(2.0f, s * 0.1f)});
            break;
        case LegendMark::kShare:
            p.items.push_back(
                RectItem{x + 0.5f, y + 0.5f, s - 1, s - 1, c.share_background, c.share_text, 1, s * 0.25f});
            p.items.push_back(TextItem{x + s * 0.5f, y + s * 0.5f + l.legend_size * 0.35f, l.legend_size,
                                       c.share_text, "+", TextAnchor::kMiddle, TextKind::kShare});
            break;
    }
}

}  // namespace

std::array<bool, kLegendMarks> marks_in_frame(const ExportScene& scene, size_t index) {
    std::array<bool, kLegendMarks> used{};
    const auto use = [&](LegendMark mark) { used[static_cast<size_t>(mark)] = true; };
    if (scene.view == SceneView::kWalkthrough || index >= scene.frames.size()) return used;
    const SceneFrame& frame = scene.frames[index];
    const SceneStep& step = scene.steps[static_cast<size_t>(frame.step)];
    if (scene.view == SceneView::kForward) {
        if (has_kind(scene, TapKind::kPadding)) use(LegendMark::kPadding);
        if (has_kind(scene, TapKind::kOverhang)) use(LegendMark::kOverhang);
        use(LegendMark::kWindow);
        for (const CellTrace& t : step.traces)
            if (scene.max_op && frame.travel >= 1.0f && t.argmax_tap >= 0) use(LegendMark::kArgmax);
        return used;
    }
    for (size_t c = 0; c < step.traces.size(); ++c) {
        const CellTrace& t = step.traces[c];
        for (const Tap& tap : t.taps)
            if (tap.kind == TapKind::kInput) use(LegendMark::kWindow);
        if (scene.max_op && t.argmax_tap >= 0 &&
            t.taps[static_cast<size_t>(t.argmax_tap)].kind == TapKind::kInput)
            use(LegendMark::kArgmax);
        if (!step.share[c].empty()) use(LegendMark::kShare);
    }
    return used;
}

float place_legend(const ExportScene& scene, const ExportFonts& fonts, const std::vector<size_t>& frames,
                   float top, SceneLayout& l) {
    l.legend.clear();
    if (scene.legend_words[0].empty()) return 0;  // no legend asked for
    std::array<bool, kLegendMarks> used{};
    for (size_t index : frames) {
        const std::array<bool, kLegendMarks> marks = marks_in_frame(scene, index);
        for (size_t m = 0; m < kLegendMarks; ++m)
            used[m] = used[m] || marks[m];
    }
    const float s = swatch_size(l), row = l.legend_size * 2.0f;
    const float right = static_cast<float>(l.width) - l.margin;
    float x = l.margin, y = top + l.legend_size * 0.6f;
    for (size_t m = 0; m < kLegendMarks; ++m) {
        if (!used[m]) continue;
        const std::string& text = scene.legend_words[m];
        const float w = s + l.legend_size * 0.4f + fonts.text_width(text, l.legend_size);
        if (x > l.margin && x + w > right) x = l.margin, y += row;
        l.legend.push_back({static_cast<LegendMark>(m), text, x, y});
        x += w + l.legend_size * 1.4f;
    }
    return l.legend.empty() ? 0 : y + row - top;
}

void add_legend(Picture& p, const ExportScene& scene, const SceneLayout& l, const ExportFonts& fonts) {
    const float s = swatch_size(l);
    for (const LegendItem& item : l.legend) {
        add_swatch(p, scene, l, item.mark, item.x, item.y);
        add_text(p, fonts, item.x + s + l.legend_size * 0.4f, item.y + (s - l.legend_size) * 0.5f,
                 l.legend_size, scene.colors.step_text, item.text, TextKind::kLegend);
    }
}

}  // namespace poolscope::app
