// Matrices panel: each channel's input with its padding ring and the sliding window over it, and under it
// the output filling in step by step. Click an input cell to edit it; hover an input cell to see which
// output windows read it; hover or click an output cell to jump to its window; while authoring a lesson,
// right-click an output cell to ask the students about it.
//   Sections: legend · extents (how much padding/overhang to draw) · input grid · output grid · panel.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "model/input_extent.h"
#include "model/number_text.h"
#include "panels/matrices_fit.h"
#include "panels/panels.h"
#include "panels/pass_views.h"
#include "panels/question_authoring.h"
#include "panels/row_room.h"
#include "widgets/cell_sheet.h"
#include "widgets/flow_layout.h"
#include "widgets/grid_fit.h"
#include "widgets/help.h"
#include "widgets/matrix_grid.h"
#include "widgets/palette.h"
#include "widgets/text_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

// A second tooltip line under the cell's: its exact float32 (the cell shows it rounded; model/number_text.h).
void exact_value_tooltip(float value, bool symbols) {
    ImGui::BeginTooltip();
    ImGui::TextDisabled(tr("matrices.exact_fmt"), exact_value_text(value, symbols).c_str());
    ImGui::EndTooltip();
}

// One legend entry; wraps to a new line when it would not fit, and leaves the cursor after itself.
void legend_swatch(ImU32 fill, ImU32 border, const char* label, bool frame_only = false, bool first = false) {
    const float size = ImGui::GetTextLineHeight();
    const float width = size + 4.0f + ImGui::CalcTextSize(label).x;
    if (!first) same_line_if_room(width, ImGui::GetFontSize());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (!frame_only) draw->AddRectFilled(p, ImVec2(p.x + size, p.y + size), fill, kTapRounding);
    draw->AddRect(p, ImVec2(p.x + size, p.y + size), border, kTapRounding, 0, frame_only ? 3.0f : 1.0f);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted(label);
}

void draw_legend(const Document& doc) {
    const bool max = is_max(doc.params.op);
    legend_swatch(palette::kInputFill, palette::kInputBorder, tr("legend.input"), false, true);
    if (!is_adaptive(doc.params.op)) {
        legend_swatch(palette::kPaddingFill, palette::kPaddingBorder,
                      max ? tr("legend.padding_max") : tr("legend.padding_avg"));
        legend_swatch(palette::kOverhangFill, palette::kOverhangBorder, tr("legend.overhang"));
    }
    legend_swatch(palette::kWindowTap, palette::kWindow, tr("legend.window"), false);
    if (max) legend_swatch(0, palette::kArgmax, tr("legend.argmax"), true);
    legend_swatch(palette::kReadersFill, palette::kReaders, tr("legend.readers"));
}

// Presentation's step text under the output, from `x`, as wide as the fit planned; the height it needed is
// kept for the next frame's fit. (The walkthrough, when the step points at it, is in the lesson column.)
void draw_text_under_output(PanelContext& ctx, float x, const char* note_first) {
    if (!note_first) ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * 0.5f));  // under the output grid
    ImGui::SetCursorPosX(x);
    // The width the fit left for it, however big the cells came out: its height then stays what the fit
    // counted on (a column as wide as the rest would shorten it, grow the cells, narrow it again...).
    const float width = std::max(ctx.measured.text_w, ImGui::GetFontSize() * 8.0f);
    const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFontSize() * 4.0f);
    ImGui::BeginChild("##text_under_output", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    ctx.probe.panel_shown("step");
    ctx.probe.push_text_scope("step");
    if (note_first) {  // where the output would be: an open shape question hides it
        push_wrap_at_visible_edge();
        ImGui::TextDisabled("%s", note_first);
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
    }
    draw_step_panel(ctx);
    ctx.probe.pop_text_scope();
    const float needed = ImGui::GetCursorPosY();
    ImGui::EndChild();
    remember_text_height(ctx.measured, width, ImGui::GetFontSize(), needed);
}

struct ChannelView {
    int64_t channel = 0;
    GridLayout input;
    GridLayout output;
};

// One input grid: cells, window overlay, hover/click handling.
void draw_input_grid(PanelContext& ctx, ChannelView& view, const std::vector<OutputCell>& readers_of_hover) {
    AppState& state = ctx.state;
    Playback& playback = ctx.playback;
    const FontSet& fonts = ctx.fonts;
    GridLayout& g = view.input;
    const int64_t ch = view.channel;
    char id[32];
    std::snprintf(id, sizeof id, "##input%d", static_cast<int>(ch));
    const GridHit hit = begin_matrix_grid(id, g);
    if (ch == 0) remember_item(ctx.probe, "grid.input0");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool max = is_max(state.doc.params.op);
    const char* pad_text = max ? minus_infinity_text(fonts) : "0";
    const CellRange shown = visible_cells(g);  // a picture-sized input: only what is on screen

    CellSheet sheet(draw, g, ctx.sheets);
    for (int64_t r = shown.row_begin; r < shown.row_end; ++r) {
        for (int64_t c = shown.col_begin; c < shown.col_end; ++c) {
            const TapKind kind = kind_of(state.doc, state.computed, r, c);
            const CellStyle style =
                kind == TapKind::kInput     ? CellStyle{palette::kInputFill, palette::kInputBorder, 0}
                : kind == TapKind::kPadding ? CellStyle{palette::kPaddingFill, palette::kPaddingBorder, 0}
                                            : CellStyle{palette::kOverhangFill, palette::kOverhangBorder, 0};
            // Only fills and borders here: values are written after the window overlay, so they stay crisp on
            // top.
            sheet.add(r, c, style, nullptr, fonts.numbers);
        }
    }
    sheet.finish();

    // Windows that read the hovered input cell (thin green frames).
    if (state.computed.plan && !is_adaptive(state.doc.params.op)) {
        for (const OutputCell& o : readers_of_hover) {
            const float r0 = static_cast<float>(state.computed.plan->h.window_start(o.oh));
            const float c0 = static_cast<float>(state.computed.plan->w.window_start(o.ow));
            const ImVec2 a = g.cell_min(r0, c0);
            const ImVec2 b = g.cell_min(r0 + state.computed.plan->h.effective_kernel,
                                        c0 + state.computed.plan->w.effective_kernel);
            draw->AddRect(a, b, palette::kReaders, 4.0f, 0, 2.0f);
        }
    }

    // The sliding window at its animated position: reached cells tinted, holes (dilation) left clear.
    if (!state.computed.traces.empty() && static_cast<size_t>(ch) < state.computed.traces.size()) {
        const CellTrace& t = state.computed.traces[static_cast<size_t>(ch)];
        const float dr = state.interaction.anim.window_row - static_cast<float>(t.h_start);
        const float dc = state.interaction.anim.window_col - static_cast<float>(t.w_start);
        const bool settled = std::fabs(dr) < 0.02f && std::fabs(dc) < 0.02f;
        const bool hide_answer = quiz_hides_current_value(
            state.quiz, state.computed);  // a question asks for this window's maximum
        for (size_t i = 0; i < t.taps.size(); ++i) {
            const Tap& tap = t.taps[i];
            if (!shown.contains(tap.ih, tap.iw)) continue;  // scrolled away (a global window has a million)
            const float r = static_cast<float>(tap.ih) + dr, c = static_cast<float>(tap.iw) + dc;
            const ImVec2 a = g.cell_min(r, c);
            const ImVec2 b(a.x + g.cell, a.y + g.cell);
            // On whole pixels, as the cells are (cell_box): drawn from baked corners (rounded_stencils.h).
            const auto px = [](float v) { return std::round(v); };
            if (tap.kind == TapKind::kOverhang)
                draw->AddRect(ImVec2(px(a.x + 3), px(a.y + 3)), ImVec2(px(b.x - 3), px(b.y - 3)),
                              palette::kWindow, kTapRounding, 0, 1.0f);
            else
                draw->AddRectFilled(ImVec2(px(a.x + 2), px(a.y + 2)), ImVec2(px(b.x - 2), px(b.y - 2)),
                                    palette::kWindowTap, kTapRounding);
            if (settled && static_cast<int64_t>(i) == t.argmax_tap && !hide_answer)
                draw->AddCircle(ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), g.cell * 0.42f,
                                palette::kArgmax, 24, std::max(2.0f, g.cell * 0.07f));
        }
        const float span_r = static_cast<float>((t.rows - 1) * t.step_h + 1);
        const float span_c = static_cast<float>((t.cols - 1) * t.step_w + 1);
        const ImVec2 a = g.cell_min(state.interaction.anim.window_row, state.interaction.anim.window_col);
        const ImVec2 b = g.cell_min(state.interaction.anim.window_row + span_r,
                                    state.interaction.anim.window_col + span_c);
        draw->AddRect(a, b, palette::kWindow, 5.0f, 0, std::max(2.5f, g.cell * 0.08f));
    }

    char grid_name[32];
    std::snprintf(grid_name, sizeof grid_name, "grid.input%d", static_cast<int>(ch));
    ctx.probe.push_text_scope(grid_name);
    for (int64_t r = shown.row_begin; r < shown.row_end; ++r) {
        for (int64_t c = shown.col_begin; c < shown.col_end; ++c) {
            ctx.probe.text_cell(r, c);
            const TapKind kind = kind_of(state.doc, state.computed, r, c);
            const float inset = std::max(1.0f, g.cell * 0.04f);
            const ImVec2 a = g.cell_min(static_cast<float>(r), static_cast<float>(c));
            const ImVec2 b(a.x + g.cell - inset, a.y + g.cell - inset);
            if (kind == TapKind::kInput)
                draw_fitted_text(draw, fonts.numbers, ImVec2(a.x + inset, a.y + inset), b, palette::kText,
                                 cell_value_text(state.doc.input.at(0, ch, r, c), fonts.has_symbols).c_str());
            else
                draw_fitted_text(draw, fonts.numbers, ImVec2(a.x + inset, a.y + inset), b,
                                 kind == TapKind::kPadding ? palette::kPaddingText : palette::kOverhangText,
                                 kind == TapKind::kPadding ? pad_text : "·");
        }
    }
    ctx.probe.pop_text_scope();

    // Selection and the cell editor.
    if (state.interaction.editor.selected && state.interaction.editor.selected->c == ch) {
        const InputCellRef& s = *state.interaction.editor.selected;
        const ImVec2 a = g.cell_min(static_cast<float>(s.h), static_cast<float>(s.w));
        const ImVec2 b(a.x + g.cell, a.y + g.cell);
        if (state.interaction.editor.editing) {
            draw->AddRectFilled(a, b, palette::kCellBackground, 4.0f);
            const std::string shown = state.interaction.editor.text + "|";
            draw_fitted_text(draw, fonts.numbers, a, b, palette::kSelected, shown.c_str());
        }
        draw->AddRect(a, b, palette::kSelected, 4.0f, 0, std::max(2.5f, g.cell * 0.09f));
    }

    if (hit.hovered) {
        const TapKind kind = kind_of(state.doc, state.computed, hit.row, hit.col);
        if (kind == TapKind::kInput) {
            state.interaction.hovered_input = InputCellRef{ch, hit.row, hit.col};
            ImGui::SetTooltip(tr("matrices.input_tip_fmt"), static_cast<int>(ch), static_cast<int>(hit.row),
                              static_cast<int>(hit.col), static_cast<int>(readers_of_hover.size()));
            exact_value_tooltip(state.doc.input.at(0, ch, hit.row, hit.col), fonts.has_symbols);
        } else {
            ImGui::SetTooltip("%s", kind == TapKind::kPadding ? (max ? tr("matrices.padding_tip_max")
                                                                     : tr("matrices.padding_tip_avg"))
                                                              : tr("matrices.overhang_tip"));
        }
        if (hit.clicked) {
            if (kind == TapKind::kInput) {
                state.interaction.editor.selected = InputCellRef{ch, hit.row, hit.col};
                state.interaction.editor.editing = false;
                state.interaction.editor.text.clear();
                playback.playing = false;
            } else {
                state.interaction.editor = {};
            }
        }
    }
}

void draw_output_grid(PanelContext& ctx, ChannelView& view, const std::vector<OutputCell>& readers_of_hover) {
    AppState& state = ctx.state;
    Playback& playback = ctx.playback;
    GridLayout& g = view.output;
    const int64_t ch = view.channel;
    char id[32];
    std::snprintf(id, sizeof id, "##output%d", static_cast<int>(ch));
    const GridHit hit = begin_matrix_grid(id, g);
    if (ch == 0) remember_item(ctx.probe, "grid.output0");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Shape& out = state.computed.plan->output;
    const int64_t steps = step_count(state.computed);
    // The frame grows or shrinks to the new output size (anim.out_rows/cols follow the plan).
    const ImVec2 frame_max(g.origin.x + state.interaction.anim.out_cols * g.cell,
                           g.origin.y + state.interaction.anim.out_rows * g.cell);
    draw->AddRect(ImVec2(g.origin.x - 2, g.origin.y - 2), ImVec2(frame_max.x + 2, frame_max.y + 2),
                  palette::kInputBorder, 4.0f, 0, 1.5f);
    const CellRange shown = visible_cells(g);
    char grid_name[32];
    std::snprintf(grid_name, sizeof grid_name, "grid.output%d", static_cast<int>(ch));
    ctx.probe.push_text_scope(grid_name);
    CellSheet sheet(draw, g, ctx.sheets);
    for (int64_t r = shown.row_begin; r < std::min(shown.row_end, out.h); ++r) {
        for (int64_t c = shown.col_begin; c < std::min(shown.col_end, out.w); ++c) {
            if (static_cast<float>(r) + 0.5f > state.interaction.anim.out_rows ||
                static_cast<float>(c) + 0.5f > state.interaction.anim.out_cols)
                continue;  // still growing into place
            const int64_t s = step_of_cell(state.computed, r, c);
            const bool reader = std::find(readers_of_hover.begin(), readers_of_hover.end(),
                                          OutputCell{0, ch, r, c}) != readers_of_hover.end();
            CellStyle style{palette::kOutputDone, palette::kInputBorder, palette::kText};
            std::string text;
            if (s <= playback.step && !quiz_hides_cell(state.quiz, r, c))
                text = cell_value_text(state.computed.output.values.at(0, ch, r, c), ctx.fonts.has_symbols);
            if (s == playback.step) style = {palette::kOutputCurrent, palette::kWindow, palette::kText, 3.0f};
            if (s > playback.step) style = {palette::kOutputPending, palette::kInputBorder, palette::kText};
            if (reader)
                style.fill = palette::kReadersFill, style.border = palette::kReaders,
                style.border_width = 2.5f;
            ctx.probe.text_cell(r, c);
            sheet.add(r, c, style, text.c_str(), ctx.fonts.numbers);
        }
    }
    sheet.finish();
    ctx.probe.pop_text_scope();
    if (hit.hovered && hit.row < out.h && hit.col < out.w) {
        const int64_t s = step_of_cell(state.computed, hit.row, hit.col);
        const QuizHidden hidden = quiz_hidden(state.quiz);
        ImGui::SetTooltip(tr("matrices.output_tip_fmt"), static_cast<int>(ch), static_cast<int>(hit.row),
                          static_cast<int>(hit.col));
        // An open question's answer is in no tooltip (issue 26): the cell says it waits for the answer.
        if (hidden.hides_value(OutputCell{0, ch, hit.row, hit.col})) {
            const char* why = tr("quizui.hidden_until_answered");
            ctx.probe.cell_tooltip(why);
            ImGui::BeginTooltip();
            ImGui::TextDisabled("%s", why);
            ImGui::EndTooltip();
        } else {
            const float value = state.computed.output.values.at(0, ch, hit.row, hit.col);
            ctx.probe.cell_tooltip(exact_value_text(value, ctx.fonts.has_symbols));
            exact_value_tooltip(value, ctx.fonts.has_symbols);
        }
        // Hovering moves the timeline to the cell, which fills in every cell before it: not while a
        // question is open.
        if (s != playback.step && s < steps && !hidden.any()) {
            playback.playing = false;
            jump_to(playback, s, steps);
        }
    }
    // While authoring, a right-click asks the students about the cell (panels/question_authoring.h).
    ask_about_output_cell(ctx, hit.right_clicked && hit.row < out.h && hit.col < out.w,
                          OutputCell{0, ch, hit.row, hit.col});
}

}  // namespace

void draw_matrices_panel(PanelContext& ctx) {
    AppState& state = ctx.state;
    const bool focus =
        ctx.state.view.presentation && !ctx.state.view.params_in_presentation;  // the grids get the room
    const Shape& in = state.doc.input.shape();
    const Extent e = input_extent(state.doc, state.computed);
    if (!focus) {
        // A grid of more than 8 cells a side (its ring included) needs the legend's lines for its cells
        // (issue 27): the legend folds to one button beside the view switch, its swatches in the tooltip,
        // and a click opens it for good.
        const bool big = e.last_row - e.first_row + 1 > 8 || e.last_col - e.first_col + 1 > 8;
        if (big && !ctx.measured.legend_open) {
            same_line_if_room(button_width(tr("legend.folded")), ImGui::GetFontSize());
            if (ImGui::SmallButton(tr("legend.folded")))
                ctx.measured.legend_open = ctx.measured.layout_changed = true;
            remember_item(ctx.probe, "matrices.legend_toggle");
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                draw_legend(state.doc);
                ImGui::EndTooltip();
            }
        } else {
            draw_legend(state.doc);
        }
    }

    if (!state.computed.errors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Border, palette::kErrorText);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.93f, 1));
        // As tall as its wrapped lines, so no reason is cut off.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float wrap = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2.0f;
        float h = style.WindowPadding.y * 2.0f + ImGui::GetTextLineHeightWithSpacing();
        for (const Error& e : state.computed.errors)
            h += ImGui::CalcTextSize((e.field + ": " + error_text(e)).c_str(), nullptr, false, wrap).y +
                 style.ItemSpacing.y;
        ImGui::BeginChild("##rejected", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
        const std::string framework(framework_name(state.doc.convention));  // whose refusal this is
        ImGui::TextColored(palette::kErrorText, tr("conv.rejected_fmt"), framework.c_str());
        for (const Error& e : state.computed.errors) {
            const std::string line = e.field + ": " + error_text(e);
            ImGui::TextWrapped("%s", line.c_str());
            check_text_item(ctx.probe, "error_box", line);
        }
        ImGui::EndChild();
        ImGui::PopStyleColor(2);
        remember_item(ctx.probe, "ui.error_box");
    } else if (!focus && in.c > 1) {  // the note matters once there are channels to tell apart
        push_wrap_at_visible_edge();
        ImGui::TextColored(palette::kMuted, tr("matrices.channels_fmt"), static_cast<int>(in.c),
                           static_cast<int>(state.computed.plan ? state.computed.plan->output.c : in.c));
        ImGui::PopTextWrapPos();
    }

    const int64_t in_rows = e.last_row - e.first_row + 1, in_cols = e.last_col - e.first_col + 1;
    const int64_t out_rows = state.computed.plan ? state.computed.plan->output.h : 0;
    const bool shape_hidden = quiz_hidden(state.quiz).output_shape;  // an open output_shape question
    const int64_t out_cols = state.computed.plan ? state.computed.plan->output.w : 0;
    // Presentation with a tall grid: the step text goes under the output (shell/main_window.cpp decides).
    const bool text_here = ctx.measured.text_in_matrices && in.c == 1 && state.computed.plan.has_value();
    // An open shape question: one note over the grids says where the outputs went (with the step text beside
    // the input, it heads that column instead), so no channel's output spot pushes the next channel away.
    if (shape_hidden && !text_here && state.computed.plan) {
        push_wrap_at_visible_edge();
        ImGui::TextDisabled("%s", tr("matrices.outputs_hidden"));
        ImGui::PopTextWrapPos();
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // The cells follow the room, the channel count and the labels (panels/matrices_fit.h); below a readable
    // minimum the panel scrolls instead.
    MatricesLayout layout;
    layout.avail = avail, layout.focus = focus;
    layout.channels = in.c, layout.in_h = in.h, layout.in_w = in.w;
    layout.in_rows = in_rows, layout.in_cols = in_cols, layout.first_row = e.first_row,
    layout.first_col = e.first_col;
    layout.out_rows = out_rows, layout.out_cols = out_cols;
    layout.output_shown = state.computed.plan && !shape_hidden;
    layout.text_here = text_here;
    const MatricesFit fitted = fit_matrices(layout, ctx.measured);
    const GridFitInput& room = fitted.room;
    const GridFit& fit = fitted.fit;
    ctx.measured.grids = room;  // what the rows must leave room for (panels/row_room.h)
    ctx.measured.grids_extra_w = ImGui::GetWindowWidth() - avail.x;
    ctx.measured.grids_extra_h = ImGui::GetWindowHeight() - room.height;
    (ctx.measured.beside ? ctx.measured.extra_h_beside : ctx.measured.extra_h_under) =
        ctx.measured.grids_extra_h;
    ctx.measured.last_fit = fit.cell;  // the main window keeps it once the layout settled
    const bool side_by_side = fit.side_by_side;
    const float cell =
        drawn_cell(fit.cell, 1.1f * ImGui::GetFontSize(), 5.0f * ImGui::GetFontSize()) * state.view.zoom;
    ctx.probe.cell_drawn(cell);

    // Hover is only known once the grids are laid out, so the readers drawn now come from last frame's.
    const std::optional<InputCellRef> hover = state.interaction.hovered_input;
    state.interaction.hovered_input.reset();

    for (int64_t ch = 0; ch < in.c; ++ch) {
        ChannelView view;
        view.channel = ch;
        view.input = {e.first_row, e.first_col, in_rows, in_cols, cell};
        if (ch > 0 && ch % fit.per_row != 0) ImGui::SameLine(0, room.gap);
        ImGui::BeginGroup();
        ImGui::PushID(static_cast<int>(ch));
        std::vector<OutputCell> channel_readers;
        if (state.computed.plan && hover && hover->c == ch && hover->h < in.h && hover->w < in.w)
            channel_readers = windows_reading(*state.computed.plan, 0, ch, hover->h, hover->w);
        ImGui::BeginGroup();
        // (the fit chose the label: matrices_fit.h; the output's shape comes last, for presentation's)
        ImGui::TextColored(palette::kHeading, tr(fitted.input_label_key), static_cast<int>(ch),
                           static_cast<int>(in.h), static_cast<int>(in.w), static_cast<int>(out_rows),
                           static_cast<int>(out_cols));
        draw_input_grid(ctx, view, channel_readers);
        ImGui::EndGroup();
        // A channel added in the sidebar this frame has no output until the next recompute().
        if (state.computed.plan && ch < state.computed.plan->output.c && (!shape_hidden || text_here)) {
            // The output lines up with the real input cells (not the padding ring) it summarises.
            float x = 0.0f;
            if (side_by_side) {
                ImGui::SameLine(0, cell);
                ImGui::BeginGroup();
                x = ImGui::GetCursorPosX();
            } else {
                ImGui::Dummy(ImVec2(0, room.label_h * 0.2f));
                x = ImGui::GetCursorPosX() + static_cast<float>(-e.first_col) * cell;
            }
            ImGui::SetCursorPosX(x);
            if (fitted.output_label_key)
                ImGui::TextColored(palette::kHeading, tr(fitted.output_label_key), static_cast<int>(ch),
                                   static_cast<int>(out_rows), static_cast<int>(out_cols));
            else if (side_by_side)  // level with the input's label; under its input it follows directly
                ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
            if (side_by_side && !text_here) ImGui::Dummy(ImVec2(0, static_cast<float>(-e.first_row) * cell));
            ImGui::SetCursorPosX(x);
            if (shape_hidden) {
                // (the step text's column below heads with the note: its height is measured with it)
            } else if (out_rows > 0 && out_cols > 0) {
                view.output = {0, 0, out_rows, out_cols, cell};
                draw_output_grid(ctx, view, channel_readers);
            } else {
                ImGui::TextDisabled("%s", tr("matrices.empty_output"));
            }
            if (text_here && side_by_side)
                draw_text_under_output(ctx, x, shape_hidden ? tr("quizui.hidden_until_answered") : nullptr);
            if (side_by_side) ImGui::EndGroup();
        }
        ImGui::PopID();
        ImGui::EndGroup();
    }

    // A click on empty space leaves the cell editor, so the arrow keys step the timeline again.
    if (ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() &&
        ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        state.interaction.editor = {};
}

}  // namespace poolscope::app
