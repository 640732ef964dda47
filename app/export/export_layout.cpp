// Export frame layout (see export_layout.h) and the forward picture. Sizes follow the window: cell text half
// the cell's height, shrunk to 88 % of its width; the window outline max(2.5, 8 % of a cell); the argmax ring
// 42 % of a cell.
#include "export/export_layout.h"

#include "export/export_draw.h"
#include "model/share_badge_box.h"

#include <algorithm>
#include <cmath>

namespace poolscope::app {
namespace {

// Every frame index of a scene (the legend of "every frame").
std::vector<size_t> all_frames(const ExportScene& scene) {
    std::vector<size_t> frames(scene.frames.size());
    for (size_t i = 0; i < frames.size(); ++i)
        frames[i] = i;
    return frames;
}

// The grids of a forward or backward frame side by side, per channel, and the lines under them.
void layout_grids(const ExportScene& scene, const ExportFonts& fonts, SceneLayout& l) {
    const float cell = scene.cell;
    const bool backward = scene.view == SceneView::kBackward;
    const float in_w = static_cast<float>(scene.cols) * cell, in_h = static_cast<float>(scene.rows) * cell;
    const float out_w = static_cast<float>(scene.out_cols) * cell,
                out_h = static_cast<float>(scene.out_rows) * cell;
    l.output_x = l.margin + in_w + cell;
    l.output_dy = backward ? 0.0f : std::max(0.0f, (in_h - out_h) * 0.5f);  // the Backward view tops-aligns
    l.grad_input_x = l.output_x + out_w + cell;
    float width = backward ? l.grad_input_x + in_w + l.margin : l.output_x + out_w + l.margin;
    for (const SceneStep& step : scene.steps)
        width = std::max(width, 2 * l.margin + fonts.text_width(step.caption, l.caption_size));
    for (int64_t ch = 0; ch < scene.channels; ++ch) {
        const auto c = static_cast<size_t>(ch);
        width =
            std::max(width, l.margin + fonts.text_width(scene.input_labels[c], l.label_size) + cell * 0.5f);
        width =
            std::max(width, l.output_x + fonts.text_width(scene.output_labels[c], l.label_size) + l.margin);
        if (backward)
            width =
                std::max(width, l.grad_input_x + fonts.text_width(scene.grad_input_labels[c], l.label_size) +
                                    l.margin);
    }
    // The share label goes in the cells when every window's label fits there at the labels' size, as the
    // Backward view decides at its text size; else one line under the grid says it.
    l.share_badges = backward;
    float note = 0;
    for (const SceneStep& step : scene.steps)
        for (const std::string& share : step.share) {
            if (share.empty()) continue;
            if (!share_badge_box_fits(cell, l.label_size, fonts.text_width(share, 1.0f)))
                l.share_badges = false;
            char text[160];
            std::snprintf(text, sizeof text, scene.share_note.c_str(), share.c_str());
            note = std::max(note, fonts.text_width(text, l.label_size));
        }
    if (backward && !l.share_badges) width = std::max(width, l.grad_input_x + note + l.margin);
    width = std::max(width, cell * 10.0f);  // room for a short arithmetic line on one row
    l.width = static_cast<int>(std::ceil(width));
    l.grid_top = l.margin + l.caption_size * 1.5f + l.label_size * 1.5f;
    const float note_row = backward && !l.share_badges ? l.label_size * 1.5f : 0.0f;
    l.channel_pitch = std::max(in_h, l.output_dy + out_h) + note_row + cell * 0.4f + l.label_size * 1.5f;
    l.lines_top = l.grid_top + static_cast<float>(scene.channels) * l.channel_pitch - l.label_size * 1.5f;
    int rows = 0;
    for (const SceneStep& step : scene.steps) {
        int step_rows = 0;
        for (const std::vector<ArithmeticToken>& line : step.lines)
            step_rows += wrap_tokens(line, fonts, l.line_size, width - 2 * l.margin, [](auto&&...) {});
        rows = std::max(rows, step_rows);
    }
    l.height = static_cast<int>(std::ceil(l.lines_top + static_cast<float>(rows) * l.line_size * 1.5f));
}

}  // namespace

SceneLayout layout_scene(const ExportScene& scene, const ExportFonts& fonts,
                         const std::vector<size_t>* frames) {
    SceneLayout l;
    const float cell = scene.cell;
    l.margin = std::round(cell * 0.5f);
    l.caption_size = std::max(12.0f, cell * 0.4f);
    l.label_size = std::max(10.0f, cell * 0.3f);
    l.line_size = std::max(12.0f, cell * 0.4f);
    l.legend_size = l.label_size;
    if (scene.view == SceneView::kWalkthrough)
        layout_walkthrough(scene, fonts, l);
    else
        layout_grids(scene, fonts, l);
    const float legend =
        place_legend(scene, fonts, frames ? *frames : all_frames(scene), static_cast<float>(l.height), l);
    l.height = static_cast<int>(std::ceil(static_cast<float>(l.height) + legend + l.margin));
    return l;
}

std::pair<float, float> input_cell_centre(const ExportScene& scene, const SceneLayout& l, int64_t channel,
                                          int64_t row, int64_t col) {
    const float top = l.grid_top + static_cast<float>(channel) * l.channel_pitch;
    return {l.margin + (static_cast<float>(col - scene.first_col) + 0.5f) * scene.cell,
            top + (static_cast<float>(row - scene.first_row) + 0.5f) * scene.cell};
}

std::pair<float, float> output_cell_centre(const ExportScene& scene, const SceneLayout& l, int64_t channel,
                                           int64_t row, int64_t col) {
    const float top = l.grid_top + static_cast<float>(channel) * l.channel_pitch + l.output_dy;
    return {l.output_x + (static_cast<float>(col) + 0.5f) * scene.cell,
            top + (static_cast<float>(row) + 0.5f) * scene.cell};
}

std::pair<float, float> grad_input_cell_centre(const ExportScene& scene, const SceneLayout& l,
                                               int64_t channel, int64_t row, int64_t col) {
    const float top = l.grid_top + static_cast<float>(channel) * l.channel_pitch;
    return {l.grad_input_x + (static_cast<float>(col) + 0.5f) * scene.cell,
            top + (static_cast<float>(row) + 0.5f) * scene.cell};
}

namespace {

// One channel of a forward frame: the input with its ring and the window, the output filled up to it.
void add_forward_channel(Picture& p, const ExportScene& scene, const SceneLayout& l, const ExportFonts& fonts,
                         size_t index, int64_t ch) {
    const MatrixColors& colors = scene.colors;
    const SceneFrame& frame = scene.frames[index];
    const SceneStep& step = scene.steps[static_cast<size_t>(frame.step)];
    const float cell = scene.cell;
    const auto c = static_cast<size_t>(ch);
    const float top = l.grid_top + static_cast<float>(ch) * l.channel_pitch;
    const float label_top = top - l.label_size * 1.4f;
    add_text(p, fonts, l.margin, label_top, l.label_size, colors.heading, scene.input_labels[c]);
    add_text(p, fonts, l.output_x, label_top, l.label_size, colors.heading, scene.output_labels[c]);
    const auto cell_x = [&](float col) {
        return l.margin + (col - static_cast<float>(scene.first_col)) * cell;
    };
    const auto cell_y = [&](float row) { return top + (row - static_cast<float>(scene.first_row)) * cell; };

    // Input cells: fills and borders first; values go on top of the window overlay.
    for (int64_t r = 0; r < scene.rows; ++r)
        for (int64_t k = 0; k < scene.cols; ++k) {
            const TapKind kind = scene.kinds[static_cast<size_t>(r * scene.cols + k)];
            const float x = l.margin + static_cast<float>(k) * cell, y = top + static_cast<float>(r) * cell;
            if (kind == TapKind::kInput)
                add_cell(p, x, y, cell, colors.input_fill, colors.input_border, 1);
            else if (kind == TapKind::kPadding)
                add_cell(p, x, y, cell, colors.padding_fill, colors.padding_border, 1);
            else
                add_cell(p, x, y, cell, colors.overhang_fill, colors.overhang_border, 1);
        }

    // The window, slid `travel` of the way from the previous position.
    const CellTrace& t = step.traces[c];
    float row0 = static_cast<float>(t.h_start), col0 = static_cast<float>(t.w_start);
    if (frame.travel < 1.0f && frame.step > 0) {
        const CellTrace& prev = scene.steps[static_cast<size_t>(frame.step - 1)].traces[c];
        row0 = static_cast<float>(prev.h_start) + (row0 - static_cast<float>(prev.h_start)) * frame.travel;
        col0 = static_cast<float>(prev.w_start) + (col0 - static_cast<float>(prev.w_start)) * frame.travel;
    }
    const float dr = row0 - static_cast<float>(t.h_start), dc = col0 - static_cast<float>(t.w_start);
    for (size_t i = 0; i < t.taps.size(); ++i) {
        const Tap& tap = t.taps[i];
        const float x = cell_x(static_cast<float>(tap.iw) + dc), y = cell_y(static_cast<float>(tap.ih) + dr);
        if (tap.kind == TapKind::kOverhang)
            p.items.push_back(
                RectItem{x + 3.5f, y + 3.5f, cell - 7, cell - 7, {0, 0, 0, 0}, colors.window, 1, 3});
        else
            p.items.push_back(
                RectItem{x + 2, y + 2, cell - 4, cell - 4, colors.window_tap, {0, 0, 0, 0}, 0, 3});
        if (frame.travel >= 1.0f && static_cast<int64_t>(i) == t.argmax_tap)
            p.items.push_back(CircleItem{x + cell * 0.5f, y + cell * 0.5f, cell * 0.42f, colors.argmax,
                                         std::max(2.0f, cell * 0.07f)});
    }
    const float span_r = static_cast<float>((t.rows - 1) * t.step_h + 1);
    const float span_c = static_cast<float>((t.cols - 1) * t.step_w + 1);
    const float outline = std::max(2.5f, cell * 0.08f);
    p.items.push_back(RectItem{cell_x(col0) + outline / 2,
                               cell_y(row0) + outline / 2,
                               span_c * cell - outline,
                               span_r * cell - outline,
                               {0, 0, 0, 0},
                               colors.window,
                               outline,
                               5});

    for (int64_t r = 0; r < scene.rows; ++r)
        for (int64_t k = 0; k < scene.cols; ++k) {
            const auto i = static_cast<size_t>(r * scene.cols + k);
            const TapKind kind = scene.kinds[i];
            const Rgba color = kind == TapKind::kInput     ? colors.text
                               : kind == TapKind::kPadding ? colors.padding_text
                                                           : colors.overhang_text;
            add_cell_text(p, fonts, l.margin + static_cast<float>(k) * cell,
                          top + static_cast<float>(r) * cell, cell, color, scene.input_text[c][i]);
        }

    // The output, filled up to this window (the current cell highlighted, later ones empty).
    const float ox = l.output_x, oy = top + l.output_dy;
    p.items.push_back(RectItem{ox - 2,
                               oy - 2,
                               static_cast<float>(scene.out_cols) * cell + 4,
                               static_cast<float>(scene.out_rows) * cell + 4,
                               {0, 0, 0, 0},
                               colors.input_border,
                               1.5f,
                               4});
    for (int64_t r = 0; r < scene.out_rows; ++r)
        for (int64_t k = 0; k < scene.out_cols; ++k) {
            const auto i = static_cast<size_t>(r * scene.out_cols + k);
            const int64_t s = scene.step_of_output[i];
            const float x = ox + static_cast<float>(k) * cell, y = oy + static_cast<float>(r) * cell;
            if (s == frame.step)
                add_cell(p, x, y, cell, colors.output_current, colors.window, 3);
            else if (s < frame.step)
                add_cell(p, x, y, cell, colors.output_done, colors.input_border, 1);
            else
                add_cell(p, x, y, cell, colors.output_pending, colors.input_border, 1);
            if (s <= frame.step) add_cell_text(p, fonts, x, y, cell, colors.text, scene.output_text[c][i]);
        }
}

}  // namespace

Picture frame_picture(const ExportScene& scene, const SceneLayout& l, const ExportFonts& fonts,
                      size_t index) {
    const MatrixColors& colors = scene.colors;
    const SceneFrame& frame = scene.frames[index];
    const SceneStep& step = scene.steps[static_cast<size_t>(frame.step)];
    Picture p;
    p.width = l.width, p.height = l.height, p.background = colors.page;
    add_text(p, fonts, l.margin, l.margin, l.caption_size, colors.heading, step.caption);
    if (scene.view == SceneView::kWalkthrough) {
        add_walkthrough_lines(p, scene, l, fonts);
        add_legend(p, scene, l, fonts);
        return p;
    }
    for (int64_t ch = 0; ch < scene.channels; ++ch) {
        if (scene.view == SceneView::kBackward)
            add_backward_channel(p, scene, l, fonts, index, ch);
        else
            add_forward_channel(p, scene, l, fonts, index, ch);
    }

    // The arithmetic (backward: the step's sentences), one line per channel, wrapped at the picture's width.
    float top = l.lines_top;
    for (const std::vector<ArithmeticToken>& line : step.lines) {
        const int rows = wrap_tokens(line, fonts, l.line_size, static_cast<float>(l.width) - 2 * l.margin,
                                     [&](const ArithmeticToken& token, int row, float x) {
                                         add_text(p, fonts, l.margin + x,
                                                  top + static_cast<float>(row) * l.line_size * 1.5f,
                                                  l.line_size, token_color(colors, token.role), token.text);
                                     });
        top += static_cast<float>(rows) * l.line_size * 1.5f;
    }
    add_legend(p, scene, l, fonts);
    return p;
}

}  // namespace poolscope::app
