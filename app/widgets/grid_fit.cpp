// Fitting the matrices to their panel (see grid_fit.h).
#include "widgets/grid_fit.h"

#include <algorithm>

namespace poolscope::app {
namespace {

// The largest cell for channel boxes of `w` × `h` pixels.
GridFit fit_box(const GridFitInput& in, float w, float h) {
    const float in_rows = static_cast<float>(in.in_rows), in_cols = static_cast<float>(in.in_cols);
    const float out_rows = static_cast<float>(in.out_rows), out_cols = static_cast<float>(in.out_cols);
    // Under: input label, input, a small gap, output label (if any), output.
    const float under =
        std::min(w / std::max(in_cols, out_cols),
                 (h - in.label_h * (in.output_label ? 2.5f : 1.5f)) / std::max(1.0f, in_rows + out_rows));
    // No output grid to draw (a shape question open) but a text column: it goes right of the input, as tall
    // as the input at most.
    if ((in.out_rows == 0 || in.out_cols == 0) && in.text_w > 0) {
        if (in.text_h > h - in.label_h * 1.2f) return {0.0f, true, 1};
        return {
            std::max(0.0f, std::min((w - in.text_w) / (in_cols + 1.0f), (h - in.label_h * 1.2f) / in_rows)),
            true, 1};
    }
    if (in.out_rows == 0 || in.out_cols == 0)  // the input alone: its label only
        return {std::min(w / in_cols, (h - in.label_h * 1.3f) / std::max(1.0f, in_rows)), false, 1};
    // Beside: input, a one-cell gap, then the output — or its label, or the text column under it, when that
    // is wider than the grid.
    const float right_w = std::max(in.output_label_w, in.text_w);
    float beside = w / (in_cols + out_cols + 1.0f);
    if (out_cols * beside < right_w) beside = (w - right_w) / (in_cols + 1.0f);
    beside = std::min(beside, (h - in.label_h * 1.2f) / std::max(in_rows, out_rows));
    if (in.text_w > 0)  // the output, then the text under it, within the input's height
        beside = std::min(beside, (h - in.label_h * 2.2f - in.text_h) /
                                      std::max(1.0f, out_rows + static_cast<float>(in.out_top_rows)));
    if (in.text_w > 0) return {std::max(beside, 0.0f), true, 1};
    return beside > under ? GridFit{beside, true, 1} : GridFit{under, false, 1};
}

}  // namespace

GridFit fit_grids(const GridFitInput& in) {
    GridFit best;
    const int64_t channels = std::max<int64_t>(1, in.channels);
    for (int64_t per_row = 1; per_row <= channels; ++per_row) {
        const int64_t rows = (channels + per_row - 1) / per_row;
        const float w = (in.width - in.gap * static_cast<float>(per_row)) / static_cast<float>(per_row);
        const float h = (in.height - in.label_h * static_cast<float>(rows - 1)) / static_cast<float>(rows);
        GridFit fit = fit_box(in, w, h);
        fit.per_row = per_row;
        if (fit.cell > best.cell) best = fit;
    }
    return best;
}

float drawn_cell(float fit, float min_cell, float max_cell) {
    if (fit >= min_cell * kTightFit && fit < min_cell) return fit;
    return std::clamp(fit, min_cell, max_cell);
}

}  // namespace poolscope::app
