// Fitting the matrices to their panel (see grid_fit.h).
#include "widgets/grid_fit.h"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace poolscope::app {
namespace {

// The largest cell for channel boxes of `w` × `h` pixels.
GridFit fit_box(const GridFitInput& in, float w, float h) {
    const float in_rows = static_cast<float>(in.in_rows), in_cols = static_cast<float>(in.in_cols);
    const float out_rows = static_cast<float>(in.out_rows);
    // Labels wider than their grids widen the channel (its input's, and the output's beside it).
    const LabelledGrid input{in.in_cols, in.input_label_w};
    // Under: input label, input, a small gap, output label (if any), output — the output as far right as
    // the padding ring, and its label over it.
    const LabelledGrid output_under[] = {{in.out_left_cols, 0.0f},
                                         {in.out_cols, in.output_label ? in.output_label_w : 0.0f}};
    const float under =
        std::min({row_cell_for_width({&input, 1}, w, 0.0f), row_cell_for_width(output_under, w, 0.0f),
                  (h - in.label_h * (in.output_label ? 2.5f : 1.5f)) / std::max(1.0f, in_rows + out_rows)});
    // No output grid to draw (a shape question open) but a text column: it goes right of the input, as tall
    // as the input at most.
    if ((in.out_rows == 0 || in.out_cols == 0) && in.text_w > 0) {
        if (in.text_h > h - in.label_h * 1.2f) return {0.0f, true, 1};
        return {
            std::max(0.0f, std::min((w - in.text_w) / (in_cols + 1.0f), (h - in.label_h * 1.2f) / in_rows)),
            true, 1};
    }
    if (in.out_rows == 0 || in.out_cols == 0)  // the input alone: its label only
        return {std::min(row_cell_for_width({&input, 1}, w, 0.0f),
                         (h - in.label_h * 1.3f) / std::max(1.0f, in_rows)),
                false, 1};
    // Beside: input, a one-cell gap, then the output — or its label, or the text column under it, when that
    // is wider than the grid.
    const LabelledGrid side_by_side[] = {input, {in.out_cols, std::max(in.output_label_w, in.text_w)}};
    float beside = std::min(row_cell_for_width(side_by_side, w, 1.0f),
                            (h - in.label_h * 1.2f) / std::max(in_rows, out_rows));
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

float row_cell_for_width(std::span<const LabelledGrid> grids, float width, float gaps) {
    // The row needs sum(max(cols * c, label)) + gaps * c: a grid is its label's width below the cell
    // label / cols and grows with the cell above it. Walk those breakpoints upwards; between two the need is
    // linear, and the first stretch that outgrows the width holds the answer.
    // (The layout calls this hundreds of times a frame while the rows settle, for two or three grids: no
    // allocation for those.)
    std::array<LabelledGrid, 8> small;
    std::vector<LabelledGrid> large;
    std::span<LabelledGrid> by_break;
    if (grids.size() <= small.size()) {
        std::copy(grids.begin(), grids.end(), small.begin());
        by_break = std::span<LabelledGrid>(small.data(), grids.size());
    } else {
        large.assign(grids.begin(), grids.end());
        by_break = large;
    }
    const auto break_of = [](const LabelledGrid& g) {
        return g.cols > 0 ? g.label_w / static_cast<float>(g.cols) : std::numeric_limits<float>::infinity();
    };
    std::sort(by_break.begin(), by_break.end(),
              [&](const LabelledGrid& a, const LabelledGrid& b) { return break_of(a) < break_of(b); });
    float fixed = 0.0f, scaled = gaps;  // below the first breakpoint every label is the wider part
    for (const LabelledGrid& g : by_break)
        fixed += g.label_w;
    if (fixed > width) return 0.0f;
    for (size_t k = 0;; ++k) {
        const float next =
            k < by_break.size() ? break_of(by_break[k]) : std::numeric_limits<float>::infinity();
        if (scaled > 0.0f && fixed + scaled * next > width) return std::max(0.0f, (width - fixed) / scaled);
        if (k == by_break.size() || next == std::numeric_limits<float>::infinity())
            return scaled > 0.0f ? std::max(0.0f, (width - fixed) / scaled)
                                 : std::numeric_limits<float>::infinity();  // nothing grows with the cell
        fixed -= by_break[k].label_w, scaled += static_cast<float>(by_break[k].cols);
    }
}

PassFit fit_pass_blocks(const PassFitInput& in, float stack_gain) {
    const int64_t channels = std::max<int64_t>(1, in.channels);
    const float rows = static_cast<float>(std::max<int64_t>(1, in.rows));
    const auto bounded = [&](float cell) {
        if (in.max_cell > 0) cell = std::min(cell, in.max_cell);
        return std::max(cell, in.min_cell);
    };
    // Every block is alike (the labels measured for the widest channel), so a row of k blocks is the block's
    // lines k times over: the row fits when each line, repeated, fits.
    const auto best_for = [&](bool stacked) {
        const std::span<const LabelledGrid> top(in.grids, stacked ? 2 : 3), under(in.grids + 2, 1);
        const LabelledGrid& noted = in.grids[2];  // (the third grid: last of the line, or the one under)
        const float lines = stacked ? 2.0f : 1.0f;
        // In a stack the note is under the second line only: half a line each, as the view always kept.
        const float notes = in.note_lines / lines;
        PassFit best;
        float best_height = 0.0f;  // the cell the best one's height allows: more scrolls less
        std::vector<LabelledGrid> line;
        for (int64_t per_row = 1; per_row <= channels; ++per_row) {
            const float k = static_cast<float>(per_row);
            const int64_t block_rows = (channels + per_row - 1) / per_row;
            const auto repeated = [&](std::span<const LabelledGrid> grids) {
                line.clear();
                for (int64_t b = 0; b < per_row; ++b) {
                    line.insert(line.end(), grids.begin(), grids.end());
                    if (b + 1 < per_row && &grids.back() == &noted)  // its note before the next block
                        line.back().label_w = std::max(line.back().label_w, in.note_w);
                }
                // A cell after each grid (as the views have always counted), a wider gap between blocks.
                const float gaps = static_cast<float>(line.size()) + (k - 1.0f) * (in.block_gap - 1.0f);
                return row_cell_for_width(line, in.width, gaps);
            };
            float by_width = repeated(top);
            if (stacked) by_width = std::min(by_width, repeated(under));
            const float line_h = in.height / (static_cast<float>(block_rows) * lines);
            const float by_height = (line_h - in.label_h * (1.4f + notes)) / rows;
            const float cell = bounded(std::max(0.0f, std::min(by_width, by_height)));
            if (per_row > 1 && cell > by_width) break;  // held up to the minimum: it would scroll sideways
            const PassFit fit{cell, stacked, per_row, cell <= by_height};
            if (per_row == 1 || cell > best.cell ||
                (cell == best.cell && !best.fits && by_height > best_height))
                best = fit, best_height = by_height;
        }
        return best;
    };
    const PassFit one_line = best_for(false), stacked = best_for(true);
    if (stacked.cell > one_line.cell * stack_gain) return stacked;
    if (stacked.cell >= one_line.cell && stacked.fits && !one_line.fits) return stacked;
    return one_line;
}

float drawn_cell(float fit, float min_cell, float max_cell) {
    if (fit >= min_cell * kTightFit && fit < min_cell) return fit;
    return std::clamp(fit, min_cell, max_cell);
}

}  // namespace poolscope::app
