// One channel of a backward frame, as the Backward view draws it (panels/gradient_panel.cpp): the input with
// the window's cells tinted and the argmax ringed, grad_output with the current output cell marked, and
// grad_input after this window with the cells it feeds outlined, each carrying the share label on its pill
// (model/share_badge_box.h) or, when the label does not fit in the cells, one line under the grid.
#include <algorithm>
#include <cstdio>

#include "export/export_draw.h"
#include "export/export_layout.h"
#include "model/share_badge_box.h"

namespace poolscope::app {
namespace {

bool is_zero_text(const std::string& text) {
    return text == "0" || text == "−0" || text == "-0";
}

void input_grid(Picture& p, const ExportScene& scene, const ExportFonts& fonts, const CellTrace& t, float x0,
                float top, size_t c) {
    const MatrixColors& colors = scene.colors;
    const float cell = scene.cell;
    std::vector<uint8_t> tapped(static_cast<size_t>(scene.rows * scene.cols), 0);
    for (const Tap& tap : t.taps)
        if (tap.kind == TapKind::kInput) tapped[static_cast<size_t>(tap.ih * scene.cols + tap.iw)] = 1;
    for (int64_t r = 0; r < scene.rows; ++r)
        for (int64_t k = 0; k < scene.cols; ++k) {
            const auto i = static_cast<size_t>(r * scene.cols + k);
            const float x = x0 + static_cast<float>(k) * cell, y = top + static_cast<float>(r) * cell;
            add_cell(p, x, y, cell, tapped[i] ? colors.output_current : colors.input_fill,
                     colors.input_border, 1);
            add_cell_text(p, fonts, x, y, cell, colors.text, scene.input_text[c][i]);
        }
    if (t.argmax_tap < 0) return;
    const Tap& win = t.taps[static_cast<size_t>(t.argmax_tap)];
    if (win.kind != TapKind::kInput) return;
    const CircleItem ring{x0 + (static_cast<float>(win.iw) + 0.5f) * cell,
                          top + (static_cast<float>(win.ih) + 0.5f) * cell, cell * 0.42f, colors.argmax,
                          std::max(2.0f, cell * 0.07f)};
    p.items.emplace_back(ring);
}

void grad_output_grid(Picture& p, const ExportScene& scene, const ExportFonts& fonts, int64_t step, float x0,
                      float top, size_t c) {
    const MatrixColors& colors = scene.colors;
    const float cell = scene.cell;
    for (int64_t r = 0; r < scene.out_rows; ++r)
        for (int64_t k = 0; k < scene.out_cols; ++k) {
            const int64_t s = r * scene.out_cols + k;  // the timeline's step of this cell (row-major)
            const float x = x0 + static_cast<float>(k) * cell, y = top + static_cast<float>(r) * cell;
            if (s == step)
                add_cell(p, x, y, cell, colors.output_current, colors.window, 3);
            else
                add_cell(p, x, y, cell, s < step ? colors.output_done : colors.output_pending,
                         colors.input_border, 1);
            add_cell_text(p, fonts, x, y, cell, colors.text, scene.output_text[c][static_cast<size_t>(s)]);
        }
}

void grad_input_grid(Picture& p, const ExportScene& scene, const SceneLayout& l, const ExportFonts& fonts,
                     const SceneStep& step, float x0, float top, size_t c) {
    const MatrixColors& colors = scene.colors;
    const float cell = scene.cell;
    const std::string& share = step.share[c];
    const float per_px = fonts.text_width(share, 1.0f);
    for (int64_t r = 0; r < scene.rows; ++r)
        for (int64_t k = 0; k < scene.cols; ++k) {
            const auto i = static_cast<size_t>(r * scene.cols + k);
            const bool fed = step.fed[c][i] != 0;
            const std::string& value = step.grad_input_text[c][i];
            const Rgba text = is_zero_text(value) ? colors.padding_text : colors.text;
            const float x = x0 + static_cast<float>(k) * cell, y = top + static_cast<float>(r) * cell;
            add_cell(p, x, y, cell, fed ? colors.output_current : colors.input_fill,
                     fed ? colors.window : colors.input_border, fed ? 3.0f : 1.0f);
            if (!fed || !l.share_badges) {
                add_cell_text(p, fonts, x, y, cell, text, value);
                continue;
            }
            // The share on its pill at the top, the value fitted below it.
            const ShareBadgeBox b = share_badge_box(x, y, cell, l.label_size, per_px);
            p.items.push_back(RectItem{b.pill_x0, b.pill_y0, b.pill_x1 - b.pill_x0, b.pill_y1 - b.pill_y0,
                                       colors.share_background, Rgba{0, 0, 0, 0}, 0, b.text_size * 0.3f});
            add_text(p, fonts, b.text_x, b.text_y, b.text_size, colors.share_text, share, TextKind::kShare);
            add_box_text(p, fonts, b.value_x0, b.value_y0, b.value_x1, b.value_y1, text, value, 0.5f,
                         TextKind::kCell);
        }
    if (l.share_badges || share.empty()) return;
    char note[160];
    std::snprintf(note, sizeof note, scene.share_note.c_str(), share.c_str());
    add_text(p, fonts, x0, top + static_cast<float>(scene.rows) * cell + l.label_size * 0.4f, l.label_size,
             colors.share_text, note, TextKind::kShare);
}

}  // namespace

void add_backward_channel(Picture& p, const ExportScene& scene, const SceneLayout& l,
                          const ExportFonts& fonts, size_t frame, int64_t channel) {
    const MatrixColors& colors = scene.colors;
    const int64_t s = scene.frames[frame].step;
    const SceneStep& step = scene.steps[static_cast<size_t>(s)];
    const auto c = static_cast<size_t>(channel);
    const float top = l.grid_top + static_cast<float>(channel) * l.channel_pitch;
    const float label_top = top - l.label_size * 1.4f;
    add_text(p, fonts, l.margin, label_top, l.label_size, colors.heading, scene.input_labels[c]);
    add_text(p, fonts, l.output_x, label_top, l.label_size, colors.heading, scene.output_labels[c]);
    add_text(p, fonts, l.grad_input_x, label_top, l.label_size, colors.heading, scene.grad_input_labels[c]);
    input_grid(p, scene, fonts, step.traces[c], l.margin, top, c);
    grad_output_grid(p, scene, fonts, s, l.output_x, top + l.output_dy, c);
    grad_input_grid(p, scene, l, fonts, step, l.grad_input_x, top, c);
}

}  // namespace poolscope::app
