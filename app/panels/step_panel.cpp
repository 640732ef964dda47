// Step panel: the current output cell's arithmetic written out with the actual numbers, one line per
// channel — max(0, 1, 3, 4) = 4 with the winner marked, or (0 + 1 + 3 + 4) / 4 = 2 with the divisor
// explained.
#include <array>
#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "i18n/i18n.h"
#include "i18n/screen_words.h"
#include "model/arithmetic_line.h"
#include "model/input_extent.h"
#include "model/line_breaks.h"
#include "panels/panels.h"
#include "panels/pass_views.h"
#include "panels/quiz_view.h"
#include "panels/row_room.h"
#include "widgets/matrix_grid.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/text_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

// The arithmetic's colours, from the palette the exports share (model/matrix_colors.h).
ImVec4 token_color(TokenRole role) {
    if (role == TokenRole::kChannel) return palette::kMuted;
    const MatrixColors& c = palette::kColors;
    const Rgba rgba = role == TokenRole::kPadding  ? c.step_padding
                      : role == TokenRole::kArgmax ? c.step_argmax
                      : role == TokenRole::kResult ? c.step_result
                                                   : c.step_text;
    return ImGui::ColorConvertU32ToFloat4(palette::im_color(rgba));
}

// A muted note under the arithmetic, kept to be drawn wrapped (or folded) once all are known.
void note(std::vector<std::string>& notes, const char* format, ...) {
    char text[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(text, sizeof text, format, args);
    va_end(args);
    notes.emplace_back(text);
}

// Presentation with a big grid (more than 8 rows with its ring, or 3+ channels): the notes under the
// arithmetic (the argmax's index, padding, the divisor's rule) fold behind one line a click opens, so the
// grids keep readable cells (issue 27); the arithmetic itself stays.
bool notes_fold_here(const PanelContext& ctx) {
    const AppState& state = ctx.state;
    if (!state.view.presentation || state.view.params_in_presentation) return false;
    const Extent e = input_extent(state.doc, state.computed);
    return e.last_row - e.first_row + 1 > 8 || state.doc.input.shape().c >= 3;
}

void draw_notes(PanelContext& ctx, const std::vector<std::string>& notes) {
    if (notes.empty()) return;
    MeasuredHeights& m = ctx.measured;
    const std::array<int64_t, 2> here = {static_cast<int64_t>(ctx.state.lessons.session.step),
                                         static_cast<int64_t>(notes.size())};
    if (m.step_notes_for != here) m.step_notes_for = here, m.step_notes_open = false;  // a new step: folded
    if (notes_fold_here(ctx) && !m.step_notes_open) {
        char label[64];
        std::snprintf(label, sizeof label, tr("step.notes_folded_fmt"), static_cast<int>(notes.size()));
        if (ImGui::SmallButton(label)) m.step_notes_open = true, m.layout_changed = true;
        remember_item(ctx.probe, "step.notes_toggle");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("step.notes_folded_help"));
        return;
    }
    for (const std::string& text : notes) {
        draw_wrapped_text(text, palette::kMuted);
        check_text_item(ctx.probe, "step", text);
    }
}

void draw_channel_line(const CellTrace& t, const Document& doc, const FontSet& fonts, bool show_channel,
                       UiProbe& probe) {
    const std::vector<ArithmeticToken> tokens =
        arithmetic_tokens(t, doc.params.op, fonts.has_symbols, show_channel);
    std::vector<std::string> texts;
    std::vector<float> widths;
    for (const ArithmeticToken& token : tokens)
        texts.push_back(token.text), widths.push_back(ImGui::CalcTextSize(token.text.c_str()).x);
    // Broken as a typesetter would (model/line_breaks.h): ", " and ")" never start a line.
    const std::vector<bool> starts =
        token_line_starts(texts, widths, ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x);
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine(0, 0);
            if (starts[i]) ImGui::NewLine();
        }
        ImGui::TextColored(token_color(tokens[i].role), "%s", texts[i].c_str());
        check_text_item(probe, "step", texts[i]);
    }
}

}  // namespace

void draw_step_panel(PanelContext& ctx) {
    AppState& state = ctx.state;
    if (state.gradient.pass == PassView::kBackward) return draw_gradient_step(ctx);
    // Quiz mode: the question about this window first; its arithmetic only once answered or revealed. A
    // lesson question about this window keeps the arithmetic back the same way.
    const QuizSession& quiz = state.quiz;
    const bool quiz_mode_card = quiz.quiz_mode && !quiz.cards.empty() && quiz.cards[0].id.empty();
    if (quiz_mode_card || (quiz.quiz_mode && quiz.cards.empty() && !quiz.errors.empty())) {
        draw_quiz_cards(ctx);
        if (quiz_hides_current_value(state.quiz, state.computed) || state.computed.traces.empty()) return;
        ImGui::Spacing();
    } else if (quiz_hides_current_value(state.quiz, state.computed)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(palette::kMuted, "%s", tr("quizui.answer_first"));
        ImGui::PopTextWrapPos();
        return;
    }
    const Playback& playback = ctx.playback;
    if (!state.computed.plan || state.computed.traces.empty()) {
        // One wrapped line: the first reason (all of them are in the matrices panel and beside the fields).
        const std::string reason = no_output_text(state.computed.errors);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(palette::kErrorText, "%s", reason.c_str());
        ImGui::PopTextWrapPos();
        check_text_item(ctx.probe, "step", reason);
        return;
    }
    const CellTrace& t0 = state.computed.traces.front();
    const int64_t last_row = t0.h_start + (t0.rows - 1) * t0.step_h;
    const int64_t last_col = t0.w_start + (t0.cols - 1) * t0.step_w;
    char header[256];
    // An open shape question hides the window count (it tells H_out × W_out).
    if (quiz_hidden(state.quiz).output_shape)
        std::snprintf(header, sizeof header, tr("step.header_count_hidden_fmt"),
                      static_cast<int>(playback.step + 1), static_cast<int>(t0.cell.oh),
                      static_cast<int>(t0.cell.ow), static_cast<int>(t0.h_start), static_cast<int>(last_row),
                      static_cast<int>(t0.w_start), static_cast<int>(last_col));
    else
        std::snprintf(header, sizeof header, tr("step.header_fmt"), static_cast<int>(playback.step + 1),
                      static_cast<int>(step_count(state.computed)), static_cast<int>(t0.cell.oh),
                      static_cast<int>(t0.cell.ow), static_cast<int>(t0.h_start), static_cast<int>(last_row),
                      static_cast<int>(t0.w_start), static_cast<int>(last_col));
    draw_wrapped_text(header, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    check_text_item(ctx.probe, "step", header);
    if (t0.step_h > 1 || t0.step_w > 1) {  // what the grid's spread-out window means: always shown
        std::vector<std::string> dilation;
        note(dilation, tr("step.dilation_fmt"), static_cast<int>(t0.step_h), static_cast<int>(t0.step_w));
        draw_wrapped_text(dilation[0], palette::kMuted);
        check_text_item(ctx.probe, "step", dilation[0]);
    }
    ImGui::Spacing();
    const bool many = state.computed.traces.size() > 1;
    for (const CellTrace& t : state.computed.traces)
        draw_channel_line(t, state.doc, ctx.fonts, many, ctx.probe);
    ImGui::Spacing();

    int64_t overhang = 0, padding = 0;
    for (const Tap& tap : t0.taps) {
        overhang += tap.kind == TapKind::kOverhang;
        padding += tap.kind == TapKind::kPadding;
    }
    std::vector<std::string> notes;
    if (is_max(state.doc.params.op)) {
        if (t0.argmax_tap >= 0) {
            const Tap& win = t0.taps[static_cast<size_t>(t0.argmax_tap)];
            const Convention c = state.doc.convention;  // whose index numbering to quote
            if (c == Convention::kOnnx)
                note(notes, tr("conv.argmax_onnx_fmt"), static_cast<int>(win.ih), static_cast<int>(win.iw),
                     static_cast<int>(framework_index(*state.computed.plan, 0, t0.cell.c, t0.argmax_index)),
                     state.doc.storage_order == 1 ? tr("conv.column_major") : "");
            else if (c == Convention::kTensorFlow && state.doc.params.return_indices)
                note(notes, tr("conv.argmax_tf_fmt"), static_cast<int>(win.ih), static_cast<int>(win.iw),
                     static_cast<int>(
                         framework_index(*state.computed.plan, t0.cell.n, t0.cell.c, t0.argmax_index)),
                     state.doc.params.include_batch_in_index ? "N x H x W x C" : "H x W x C");
            else if (c == Convention::kPyTorch)
                note(notes, tr("step.argmax_fmt"), static_cast<int>(win.ih), static_cast<int>(win.iw),
                     static_cast<int>(t0.argmax_index));
            else
                note(notes, tr("conv.argmax_cell_fmt"), static_cast<int>(win.ih), static_cast<int>(win.iw));
        }
        if (padding > 0) note(notes, tr("step.padding_max_fmt"), static_cast<int>(padding));
    } else if (state.doc.params.op != PoolOp::kLp) {  // LP's sum of powers has no divisor to explain
        const int d = static_cast<int>(t0.divisor);
        switch (t0.divisor_rule) {
            case DivisorRule::kWindowArea:
                note(notes, tr("step.divisor_area_fmt"), d, static_cast<int>(t0.divisor_h),
                     static_cast<int>(t0.divisor_w));
                break;
            case DivisorRule::kRealCells:
                note(notes, tr("step.divisor_cells_fmt"), d, static_cast<int>(t0.divisor_h),
                     static_cast<int>(t0.divisor_w));
                break;
            case DivisorRule::kOverride:
                note(notes, tr("step.divisor_override_fmt"), d);
                break;
            case DivisorRule::kAdaptiveArea:
                note(notes, tr("step.divisor_adaptive_fmt"), d, static_cast<int>(t0.divisor_h),
                     static_cast<int>(t0.divisor_w));
                break;
            case DivisorRule::kNone:
                break;
        }
        if (padding > 0) note(notes, tr("step.padding_avg_fmt"), static_cast<int>(padding));
    }
    if (overhang > 0) note(notes, tr("step.overhang_fmt"), static_cast<int>(overhang));
    draw_notes(ctx, notes);
}

}  // namespace poolscope::app
