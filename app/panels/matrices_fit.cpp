// The matrices panel's fit (see matrices_fit.h).
#include "panels/matrices_fit.h"

#include <string>

#include "i18n/i18n.h"

namespace poolscope::app {

MatricesFit fit_matrices(const MatricesLayout& l, const MeasuredHeights& measured) {
    // The labels are measured for the widest channel (the last has the most digits).
    const int last = static_cast<int>(l.channels - 1);
    const auto text_w = [](const char* key, int a, int64_t b, int64_t c) {
        return ImGui::CalcTextSize(tr_fmt(key, a, static_cast<int>(b), static_cast<int>(c)).c_str()).x;
    };
    const float label_h = ImGui::GetTextLineHeightWithSpacing();
    MatricesFit m;
    GridFitInput& room = m.room;
    room.width = l.avail.x;
    room.height = l.avail.y - label_h * 0.5f;
    // Presentation names each channel over its input and keeps channels closer: its cells need the width.
    room.gap = ImGui::GetFontSize() * (l.focus ? 1.0f : 2.0f);
    room.label_h = label_h;
    // Presentation's focus layout names each channel once, over its input ("c0: 4 × 4 → 2 × 2"), so the
    // output needs no label of its own beside it.
    room.output_label_w = l.focus ? 0.0f : text_w("matrices.output_label_fmt", last, l.out_rows, l.out_cols);
    room.output_label = !l.focus;
    room.out_left_cols = -l.first_col;
    if (l.focus && l.output_shown) {
        const std::string label =
            tr_fmt("matrices.focus_label_fmt", last, static_cast<int>(l.in_h), static_cast<int>(l.in_w),
                   static_cast<int>(l.out_rows), static_cast<int>(l.out_cols));
        room.input_label_w = ImGui::CalcTextSize(label.c_str()).x;
    } else {
        room.input_label_w =
            text_w(l.focus ? "matrices.focus_input_fmt" : "matrices.input_label_fmt", last, l.in_h, l.in_w);
    }
    room.channels = l.channels;
    room.in_rows = l.in_rows, room.in_cols = l.in_cols;
    // An open shape question fits the input alone (the output's extent, even the cells' size, would answer
    // it); its placeholder goes under the input, or beside it with the step text.
    room.out_rows = l.output_shown ? l.out_rows : 0, room.out_cols = l.output_shown ? l.out_cols : 0;
    room.out_top_rows = l.text_here ? 0 : -l.first_row;  // with text under it, the output keeps to the top
    if (l.text_here) {
        room.text_w = measured.text_w;
        room.text_h = text_room(measured, room.text_w, ImGui::GetFontSize());
    }
    m.fit = fit_grids(room);
    // Labels wider than their grids widen the channels. When the long ones ("Input, channel 0 (4 × 4)")
    // would cost more than a tenth of the cells, the grids take the short ones ("c0: 4 × 4"); presentation's
    // "c0: 4 × 4 → 2 × 2" then drops its output's shape, drawn right there.
    if (!l.focus || l.output_shown) {
        GridFitInput short_room = room;
        short_room.input_label_w = text_w("matrices.focus_input_fmt", last, l.in_h, l.in_w);
        if (!l.focus)
            short_room.output_label_w = text_w("matrices.output_short_fmt", last, l.out_rows, l.out_cols);
        const GridFit short_fit = fit_grids(short_room);
        if (short_fit.cell > m.fit.cell * 1.1f) m.fit = short_fit, m.room = short_room, m.short_labels = true;
    }
    return m;
}

}  // namespace poolscope::app
