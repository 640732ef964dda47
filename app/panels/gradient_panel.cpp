// Backward view: for each channel, the input with the current window, grad_output (click a cell to change
// it) with the current output cell marked, and grad_input as it accumulates window by window — the cells
// this window feeds tinted with their share ("+0.25"). Hover a grad_input cell for every addition into it.
#include <cfloat>
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
#include "widgets/share_badge.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

// The grad_output cell being typed into (a popup), and the text so far.
struct GradEdit {
    OutputCell cell;
    float value = 0.0f;
};
GradEdit g_edit;

std::string text_of(float v, const FontSet& fonts) {
    return cell_value_text(v, fonts.has_symbols);
}

void fill_buttons(GradientView& gradient, const Document& doc, const Computed& computed, UiProbe& probe) {
    ImGui::TextUnformatted(tr("grad.fill"));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("grad.fill_ones"))) fill_grad_output(gradient, doc, computed, GradFill::kOnes);
    remember_item(probe, "ui.grad.ones");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("grad.fill_arange")))
        fill_grad_output(gradient, doc, computed, GradFill::kArange);
    remember_item(probe, "ui.grad.arange");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("grad.fill_random")))
        fill_grad_output(gradient, doc, computed, GradFill::kRandom);
    remember_item(probe, "ui.grad.random");
}

// One channel's grid (`g` sized by the caller) under its label (`label_key` formats the channel); `anchor`
// names channel 0's grid for the state report.
GridHit channel_grid(PanelContext& ctx, const char* id_prefix, const char* label_key, const char* anchor,
                     int64_t ch, GridLayout& g, const char* note = nullptr) {
    char id[32], label[96];
    std::snprintf(id, sizeof id, "##%s%d", id_prefix, static_cast<int>(ch));
    std::snprintf(label, sizeof label, tr(label_key), static_cast<int>(ch));
    const GridHit hit = labelled_grid(id, label, g, note, kShareText);
    if (ch == 0 && anchor) remember_item(ctx.probe, anchor);
    return hit;
}

// Every grid draws the view's own copies (gradient_view.h): an edit made earlier in this frame has already
// changed the document's input, but not yet the pass drawn here.
void input_grid(PanelContext& ctx, int64_t ch, float cell, const OutputGradTrace* trace) {
    const Tensor& input = ctx.state.gradient.input;
    const Shape& in = input.shape();
    GridLayout g{0, 0, in.h, in.w, cell};
    channel_grid(ctx, "ginput", "grad.input_fmt", nullptr, ch, g);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const CellRange shown = visible_cells(g);
    std::vector<bool> tapped_cells(static_cast<size_t>(in.h * in.w));  // once per grid, not once per cell
    if (trace)
        for (const Tap& t : trace->window.taps)
            if (t.kind == TapKind::kInput) tapped_cells[static_cast<size_t>(t.ih * in.w + t.iw)] = true;
    CellSheet sheet(draw, g, ctx.sheets);
    for (int64_t r = shown.row_begin; r < shown.row_end; ++r)
        for (int64_t c = shown.col_begin; c < shown.col_end; ++c) {
            const bool tapped = tapped_cells[static_cast<size_t>(r * in.w + c)];
            const CellStyle style{tapped ? palette::kOutputCurrent : palette::kInputFill,
                                  palette::kInputBorder, palette::kText};
            sheet.add(r, c, style, text_of(input.at(0, ch, r, c), ctx.fonts).c_str(), ctx.fonts.numbers);
        }
    sheet.finish();
    if (trace && trace->window.argmax_tap >= 0) {
        const Tap& win = trace->window.taps[static_cast<size_t>(trace->window.argmax_tap)];
        if (g.contains(win.ih, win.iw)) {
            const ImVec2 a = g.cell_min(static_cast<float>(win.ih), static_cast<float>(win.iw));
            draw->AddCircle(ImVec2(a.x + cell * 0.5f, a.y + cell * 0.5f), cell * 0.42f, palette::kArgmax, 24,
                            std::max(2.0f, cell * 0.07f));
        }
    }
}

// Returns true when a cell was clicked: the caller opens the editor (outside the channel's ID scope).
bool grad_output_grid(PanelContext& ctx, int64_t ch, float cell) {
    AppState& state = ctx.state;
    const GradientView& gv = state.gradient;
    const Shape& out = gv.grad_output.shape();
    GridLayout g{0, 0, out.h, out.w, cell};
    const GridHit hit = channel_grid(ctx, "gradout", "grad.output_fmt", "grid.grad_output0", ch, g);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const CellRange shown = visible_cells(g);
    CellSheet sheet(draw, g, ctx.sheets);
    for (int64_t r = shown.row_begin; r < shown.row_end; ++r)
        for (int64_t c = shown.col_begin; c < shown.col_end; ++c) {
            const int64_t s = r * out.w + c;  // the timeline's step of this cell (row-major)
            CellStyle style{palette::kOutputDone, palette::kInputBorder, palette::kText};
            if (s == ctx.playback.step)
                style = {palette::kOutputCurrent, palette::kWindow, palette::kText, 3.0f};
            else if (s > ctx.playback.step)
                style.fill = palette::kOutputPending;
            sheet.add(r, c, style, text_of(gv.grad_output.at(0, ch, r, c), ctx.fonts).c_str(),
                      ctx.fonts.numbers);
        }
    sheet.finish();
    if (!hit.hovered) return false;
    ImGui::SetTooltip(tr("grad.output_tip_fmt"), static_cast<int>(ch), static_cast<int>(hit.row),
                      static_cast<int>(hit.col));
    if (!hit.clicked) return false;
    g_edit = {OutputCell{0, ch, hit.row, hit.col}, gv.grad_output.at(0, ch, hit.row, hit.col)};
    ctx.playback.playing = false;
    return true;
}

void contributions_tooltip(const GradientView& gv, int64_t ch, int64_t r, int64_t c, const FontSet& fonts) {
    const InputGradTrace t = trace_input_grad(*gv.plan, gv.input, gv.grad_output, 0, ch, r, c);
    ImGui::BeginTooltip();
    ImGui::Text(tr("grad.input_tip_fmt"), static_cast<int>(ch), static_cast<int>(r), static_cast<int>(c),
                text_of(t.value, fonts).c_str());
    if (t.contributions.empty()) ImGui::TextDisabled("%s", tr("grad.no_contribution"));
    for (const GradContribution& k : t.contributions)
        ImGui::Text(tr("grad.contribution_fmt"), static_cast<int>(k.from.oh), static_cast<int>(k.from.ow),
                    text_of(k.delta, fonts).c_str(), text_of(k.running, fonts).c_str());
    if (!t.passed_over.empty())
        ImGui::TextDisabled(tr("grad.passed_over_fmt"), static_cast<int>(t.passed_over.size()));
    ImGui::EndTooltip();
}

// This window's share in channel ch's grad_input: on a pill in each cell it reaches when the cells have room
// for it at the UI's text size next to the value, else once in a note under the grid.
struct Share {
    std::string text;     // "+0.25"; empty without a trace
    float per_px = 0.0f;  // its width at a 1-px font
    bool badges = false;  // on pills
    bool note = false;    // in a note under the grid
};

Share share_of(const OutputGradTrace* trace, float cell, const FontSet& fonts) {
    Share s;
    if (!trace) return s;
    s.text = "+" + text_of(trace->delta, fonts);
    s.per_px = ImGui::GetFont()->CalcTextSizeA(1.0f, FLT_MAX, 0.0f, s.text.c_str()).x;
    s.badges = share_badge_fits(cell, ImGui::GetFontSize(), s.per_px);
    s.note = !s.badges && !trace->targets.empty();
    return s;
}

void grad_input_grid(PanelContext& ctx, int64_t ch, float cell, const OutputGradTrace* trace) {
    const GradientView& gv = ctx.state.gradient;
    const Shape& in = gv.running.shape();
    GridLayout g{0, 0, in.h, in.w, cell};
    const Share share = share_of(trace, cell, ctx.fonts);
    const bool badges = share.badges;
    ImFont* font = ImGui::GetFont();
    char note[96] = "";
    if (share.note) std::snprintf(note, sizeof note, tr("grad.share_each_fmt"), share.text.c_str());
    const GridHit hit = channel_grid(ctx, "gradin", "grad.input_grad_fmt", "grid.grad_input0", ch, g, note);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const CellRange shown = visible_cells(g);
    std::vector<bool> fed_cells(static_cast<size_t>(in.h * in.w));  // once per grid, not once per cell
    if (trace)
        for (const GradTarget& t : trace->targets)
            if (t.kind == GradTargetKind::kInput) fed_cells[static_cast<size_t>(t.ih * in.w + t.iw)] = true;
    CellSheet sheet(draw, g, ctx.sheets);
    for (int64_t r = shown.row_begin; r < shown.row_end; ++r)
        for (int64_t c = shown.col_begin; c < shown.col_end; ++c) {
            const bool fed = fed_cells[static_cast<size_t>(r * in.w + c)];
            const float v = gv.running.at(0, ch, r, c);
            const CellStyle style{fed ? palette::kOutputCurrent : palette::kInputFill,
                                  fed ? palette::kWindow : palette::kInputBorder,
                                  v == 0.0f ? palette::kPaddingText : palette::kText, fed ? 3.0f : 1.0f};
            const std::string value = text_of(v, ctx.fonts);
            sheet.add(r, c, style, fed && badges ? "" : value.c_str(), ctx.fonts.numbers);
            if (fed && badges) {  // the share on its pill at the top, the value fitted below it
                const ShareBadgeLayout l =
                    share_badge_layout(g.cell_min(static_cast<float>(r), static_cast<float>(c)), cell,
                                       ImGui::GetFontSize(), share.per_px);
                draw->AddRectFilled(l.pill_min, l.pill_max, kShareBackground, l.text_size * 0.3f);
                draw->AddText(font, l.text_size, l.text_pos, kShareText, share.text.c_str());
                draw_fitted_text(draw, ctx.fonts.numbers, l.value_min, l.value_max, style.text, value.c_str(),
                                 0.5f);  // its own box under the share (export_backward.cpp)
            }
        }
    sheet.finish();
    if (hit.hovered) contributions_tooltip(gv, ch, hit.row, hit.col, ctx.fonts);
}

void grad_edit_popup(GradientView& gradient, const Document& doc, const Computed& computed, UiProbe& probe) {
    if (!ImGui::BeginPopup("##grad_edit")) return;
    ImGui::Text(tr("grad.edit_fmt"), static_cast<int>(g_edit.cell.c), static_cast<int>(g_edit.cell.oh),
                static_cast<int>(g_edit.cell.ow));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputFloat("##grad_value", &g_edit.value, 0.0f, 0.0f, "%g",
                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
        set_grad_value(gradient, doc, computed, g_edit.cell.c, g_edit.cell.oh, g_edit.cell.ow, g_edit.value);
        ImGui::CloseCurrentPopup();
    }
    remember_item(probe, "ui.grad_edit");
    ImGui::EndPopup();
}

}  // namespace

void draw_gradient_panel(PanelContext& ctx) {
    AppState& state = ctx.state;
    const GradientView& gv = state.gradient;
    if (!gv.errors.empty() || !gv.result || !gv.plan) {
        push_wrap_at_visible_edge();
        ImGui::TextColored(palette::kErrorText, "%s", tr("grad.none"));
        for (const Error& e : gv.errors)
            ImGui::TextWrapped("%s", e.message.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    fill_buttons(state.gradient, state.doc, state.computed, ctx.probe);
    const Shape& in = gv.input.shape();
    const Shape& out = gv.grad_output.shape();
    // Per channel three grids in a line, or input and grad_output over grad_input, the channels side by side
    // where the panel is wide: whichever gives bigger cells. (A line under each line of grids for the share,
    // when its cells are too small to carry it.)
    // (The labels count where wider than their grids: "grad_input c0 (so far)" over four cells.)
    const auto label_w = [&](const char* key) {
        return ImGui::CalcTextSize(tr_fmt(key, static_cast<int>(in.c - 1)).c_str()).x;
    };
    const LabelledGrid input{in.w, label_w("grad.input_fmt")}, grad_out{out.w, label_w("grad.output_fmt")},
        grad_in{in.w, label_w("grad.input_grad_fmt")};
    const LabelledGrid grids[] = {input, grad_out, grad_in};
    const auto trace_of = [&](int64_t ch) {
        return static_cast<size_t>(ch) < gv.step_traces.size() ? &gv.step_traces[static_cast<size_t>(ch)]
                                                               : nullptr;
    };
    PassFit fit = pass_layout(in.c, grids, std::max(in.h, out.h), state.view.zoom, 1.0f);
    // Where a share goes in a note, the note is as wide as labelled_grid() makes it: a block beside it must
    // leave it that room. (The cell can only shrink for it, so the note stays.)
    bool notes = false;
    for (int64_t ch = 0; ch < in.c; ++ch)
        notes |= share_of(trace_of(ch), fit.cell, ctx.fonts).note;
    if (notes && fit.per_row > 1)
        fit = pass_layout(in.c, grids, std::max(in.h, out.h), state.view.zoom, 1.0f, note_min_width());
    const float cell = fit.cell;
    ctx.probe.cell_drawn(cell);
    bool open_editor = false;
    for (int64_t ch = 0; ch < in.c; ++ch) {
        begin_pass_block(ch, fit);
        ImGui::PushID(static_cast<int>(ch));
        const OutputGradTrace* trace = trace_of(ch);
        input_grid(ctx, ch, cell, trace);
        ImGui::SameLine(0, cell);
        open_editor |= grad_output_grid(ctx, ch, cell);
        if (!fit.stacked) ImGui::SameLine(0, cell);
        grad_input_grid(ctx, ch, cell, trace);
        ImGui::PopID();
        ImGui::EndGroup();
    }
    if (open_editor) ImGui::OpenPopup("##grad_edit");
    grad_edit_popup(state.gradient, state.doc, state.computed, ctx.probe);
}

}  // namespace poolscope::app
