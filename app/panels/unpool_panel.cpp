// Unpool view: max pooling with indices, then MaxUnpool2d putting each maximum back where it came from —
// for each channel the input, the pooled output with each cell's index, and the unpooled matrix whose
// other cells are the zeros unpooling fills in.
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/number_text.h"
#include "panels/pass_views.h"
#include "widgets/cell_sheet.h"
#include "widgets/flow_layout.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

std::string text_of(float v, const FontSet& fonts) {
    return cell_value_text(v, fonts.has_symbols);
}

// Which input cells of channel ch are the saved maximum of some output cell (row-major, the input's plane).
// The grids draw the view's own copies (gradient_view.h), never the document's, which an edit earlier in this
// frame may have changed.
std::vector<bool> saved_maxima(const GradientView& gv, int64_t ch) {
    const Shape& in = gv.input.shape();
    const int64_t plane = gv.pooled.values.shape().h * gv.pooled.values.shape().w;
    std::vector<bool> saved(static_cast<size_t>(in.h * in.w));
    for (int64_t i = 0; i < plane; ++i) {
        const int64_t flat = gv.pooled.indices[static_cast<size_t>(ch * plane + i)];
        if (flat >= 0 && flat < in.h * in.w) saved[static_cast<size_t>(flat)] = true;
    }
    return saved;
}

void values_grid(PanelContext& ctx, const char* id, const std::string& label, const Tensor& t, int64_t ch,
                 float cell, bool mark_maxima, bool with_indices) {
    const GradientView& gv = ctx.state.gradient;
    const Shape& s = t.shape();
    GridLayout g{0, 0, s.h, s.w, cell};
    labelled_grid(id, label, g);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::vector<bool> saved = mark_maxima ? saved_maxima(gv, ch) : std::vector<bool>();
    const int64_t in_w = gv.input.shape().w, in_h = gv.input.shape().h;
    const CellRange shown = visible_cells(g);
    // The "#index" labels can run past their cell, and the next cell then covered their end: those grids keep
    // drawing cell by cell, so they look as they did.
    CellSheet sheet(draw, g, with_indices ? nullptr : ctx.sheets);
    for (int64_t r = shown.row_begin; r < shown.row_end; ++r)
        for (int64_t c = shown.col_begin; c < shown.col_end; ++c) {
            const bool max = mark_maxima && r < in_h && c < in_w && saved[static_cast<size_t>(r * in_w + c)];
            const float v = t.at(0, ch, r, c);
            const CellStyle style{max ? palette::kOutputCurrent : palette::kInputFill,
                                  max ? palette::kArgmax : palette::kInputBorder,
                                  (mark_maxima && !max) ? palette::kPaddingText : palette::kText,
                                  max ? 2.5f : 1.0f};
            const std::string value = text_of(v, ctx.fonts);
            if (!with_indices) {
                sheet.add(r, c, style, value.c_str(), ctx.fonts.numbers);
                continue;
            }
            // The "#index" over the value, and the value in the room left under it, so the two never touch.
            sheet.add(r, c, CellStyle{style.fill, style.border, 0, style.border_width});
            const int64_t plane = s.h * s.w;
            const std::string index =
                "#" + std::to_string(gv.pooled.indices[static_cast<size_t>(ch * plane + r * s.w + c)]);
            const ImVec2 a = g.cell_min(static_cast<float>(r), static_cast<float>(c));
            const float index_size = std::max(11.0f, cell * 0.28f);
            draw->AddText(ImGui::GetFont(), index_size, ImVec2(a.x + cell * 0.1f, a.y + 2), palette::kArgmax,
                          index.c_str());
            const CellBox box = cell_box(g, r, c, style);
            draw_fitted_text(draw, ctx.fonts.numbers, ImVec2(box.min.x, a.y + 2 + index_size), box.max,
                             style.text, value.c_str(), 0.75f);  // (its box is the cell's lower part)
        }
    sheet.finish();
}

}  // namespace

void draw_unpool_panel(PanelContext& ctx) {
    const AppState& state = ctx.state;
    const GradientView& gv = state.gradient;
    push_wrap_at_visible_edge();
    if (!gv.plan) {
        const std::string framework(framework_name(state.doc.convention));
        ImGui::TextColored(palette::kErrorText, tr("conv.rejected_fmt"), framework.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    if (!gv.unpool_applies) {
        ImGui::TextColored(palette::kMuted, "%s", tr("unpool.needs_max"));
        ImGui::PopTextWrapPos();
        return;
    }
    if (!gv.unpooled) {
        ImGui::TextColored(palette::kErrorText, "%s", tr("unpool.refused"));
        for (const Error& e : gv.unpool_errors)
            ImGui::TextWrapped("%s", e.message.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::TextColored(palette::kMuted, "%s", tr("unpool.explain"));
    ImGui::PopTextWrapPos();
    const Shape& in = gv.input.shape();
    const Shape& out = gv.pooled.values.shape();
    const Shape& un = gv.unpooled->shape();
    const auto label_w = [&](const char* key) {  // (the labels count where wider than their grids)
        return ImGui::CalcTextSize(
                   tr_fmt(key, static_cast<int>(in.c - 1), static_cast<int>(un.h), static_cast<int>(un.w))
                       .c_str())
            .x;
    };
    const LabelledGrid grids[] = {{in.w, label_w("grad.input_fmt")},
                                  {out.w, label_w("unpool.pooled_fmt")},
                                  {un.w, label_w("unpool.unpooled_fmt")}};
    // Per channel the input, the pooled output and the unpooled matrix in a line, or the unpooled under the
    // input, the channels side by side where the panel is wide: whichever gives bigger cells.
    const PassFit fit = pass_layout(in.c, grids, std::max({in.h, out.h, un.h}), state.view.zoom);
    const float cell = fit.cell;
    ctx.probe.cell_drawn(cell);
    for (int64_t ch = 0; ch < in.c; ++ch) {
        begin_pass_block(ch, fit);
        ImGui::PushID(static_cast<int>(ch));
        const int c = static_cast<int>(ch);
        values_grid(ctx, "##uinput", tr_fmt("grad.input_fmt", c), gv.input, ch, cell, true, false);
        ImGui::SameLine(0, cell);
        values_grid(ctx, "##upooled", tr_fmt("unpool.pooled_fmt", c), gv.pooled.values, ch, cell, false,
                    true);
        if (!fit.stacked) ImGui::SameLine(0, cell);
        values_grid(ctx, "##uunpooled",
                    tr_fmt("unpool.unpooled_fmt", c, static_cast<int>(un.h), static_cast<int>(un.w)),
                    *gv.unpooled, ch, cell, true, false);
        if (ch == 0) remember_item(ctx.probe, "grid.unpooled0");
        ImGui::PopID();
        ImGui::EndGroup();
    }
}

}  // namespace poolscope::app
