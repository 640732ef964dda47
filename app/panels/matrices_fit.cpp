// The matrices panel's fit (see matrices_fit.h).
#include "panels/matrices_fit.h"

#include <string>

#include "i18n/i18n.h"

namespace poolscope::app {

MatricesFit fit_matrices(const MatricesLayout& l, const MeasuredHeights& measured) {
    // The labels are measured for the widest channel (the last has the most digits).
    const int last = static_cast<int>(l.channels - 1);
    const auto width_of = [&](const char* key, int64_t h, int64_t w) {  // (the output's shape last, for
        if (!key) return 0.0f;                                          // presentation's "→ 2 × 2")
        return ImGui::CalcTextSize(tr_fmt(key, last, static_cast<int>(h), static_cast<int>(w),
                                          static_cast<int>(l.out_rows), static_cast<int>(l.out_cols))
                                       .c_str())
            .x;
    };
    // Presentation names each channel once, over its input ("c0: 4 × 4 → 2 × 2"; as short as the grids it
    // names while a question hides the output), so the output has no label of its own.
    const char* const short_input = "matrices.focus_input_fmt";
    const char* const long_input = !l.focus         ? "matrices.input_label_fmt"
                                   : l.output_shown ? "matrices.focus_label_fmt"
                                                    : short_input;
    const float label_h = ImGui::GetTextLineHeightWithSpacing();
    MatricesFit m;
    GridFitInput& room = m.room;
    room.width = l.avail.x;
    room.height = l.avail.y - label_h * 0.5f;
    // Presentation names each channel over its input and keeps channels closer: its cells need the width.
    room.gap = ImGui::GetFontSize() * (l.focus ? 1.0f : 2.0f);
    room.label_h = label_h;
    m.input_label_key = long_input;
    m.output_label_key = l.focus ? nullptr : "matrices.output_label_fmt";
    room.input_label_w = width_of(m.input_label_key, l.in_h, l.in_w);
    room.output_label_w = width_of(m.output_label_key, l.out_rows, l.out_cols);
    room.output_label = m.output_label_key != nullptr;
    room.out_left_cols = -l.first_col;
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
    if (long_input != short_input) {
        const char* const short_output = l.focus ? nullptr : "matrices.output_short_fmt";
        GridFitInput short_room = room;
        short_room.input_label_w = width_of(short_input, l.in_h, l.in_w);
        short_room.output_label_w = width_of(short_output, l.out_rows, l.out_cols);
        const GridFit short_fit = fit_grids(short_room);
        if (short_fit.cell > m.fit.cell * 1.1f) {
            m.fit = short_fit, m.room = short_room;
            m.input_label_key = short_input, m.output_label_key = short_output;
        }
    }
    return m;
}

}  // namespace poolscope::app
