// The Forward / Backward / Unpool switch over the centre panel, and the sizing the three views share.
#include <algorithm>
#include <iterator>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/quiz_session.h"
#include "panels/pass_views.h"
#include "widgets/flow_layout.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {

void draw_pass_switch(PanelContext& ctx) {
    PassView& pass = ctx.state.gradient.pass;
    const struct {
        PassView view;
        const char* key;
        const char* anchor;
    } kViews[] = {{PassView::kForward, "pass.forward", "ui.pass.forward"},
                  {PassView::kBackward, "pass.backward", "ui.pass.backward"},
                  {PassView::kUnpool, "pass.unpool", "ui.pass.unpool"}};
    bool first = true;
    for (const auto& v : kViews) {
        if (!first) same_line_if_room(checkbox_width(tr(v.key)));  // (a radio button is as wide)
        first = false;
        if (ImGui::RadioButton(tr(v.key), pass == v.view) && pass != v.view) {
            pass = v.view;
            update_gradients(ctx.state.gradient, ctx.state.doc, ctx.state.computed,
                             ctx.playback);  // the new view draws in this very frame
        }
        remember_item(ctx.probe, v.anchor);
    }
    // Quiz mode: predict each window's value before it shows (not in the Backward and Unpool views).
    if (ctx.state.gradient.pass == PassView::kForward) {
        same_line_if_room(checkbox_width(tr("quizui.mode")), ImGui::GetFontSize());
        ImGui::Checkbox(tr("quizui.mode"), &ctx.state.quiz.quiz_mode);
        remember_item(ctx.probe, "ui.quiz_mode");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("quizui.mode_help"));
    }
}

bool backward_waits_for_quiz(const PanelContext& ctx) {
    const QuizHidden hidden = quiz_hidden(ctx.state.quiz);
    if (hidden.windows.empty() && !hidden.output_shape) return false;
    push_wrap_at_visible_edge();
    ImGui::TextDisabled("%s", tr("quizui.backward_waits"));
    ImGui::PopTextWrapPos();
    return true;
}

void draw_center_panel(PanelContext& ctx) {
    // Presentation mode gives the matrices the room: the switch shows only once a view other than the plain
    // forward pass is in use (so the presenter can switch back); F5 off brings it back.
    const bool plain = ctx.state.gradient.pass == PassView::kForward && !ctx.state.quiz.quiz_mode;
    if (!ctx.state.view.presentation || !plain) draw_pass_switch(ctx);
    if (ctx.state.gradient.pass != PassView::kForward && backward_waits_for_quiz(ctx)) return;
    switch (ctx.state.gradient.pass) {
        case PassView::kForward:
            draw_matrices_panel(ctx);
            break;
        case PassView::kBackward:
            draw_gradient_panel(ctx);
            break;
        case PassView::kUnpool:
            draw_unpool_panel(ctx);
            break;
    }
}

PassFit pass_layout(int64_t channels, const LabelledGrid (&grids)[3], int64_t rows, float zoom,
                    float note_lines, float note_w) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    PassFitInput in;
    in.width = avail.x;
    in.height = avail.y;
    in.label_h = ImGui::GetTextLineHeightWithSpacing();
    in.note_lines = note_lines;
    in.note_w = note_w;
    in.channels = channels;
    std::copy(std::begin(grids), std::end(grids), in.grids);
    in.rows = rows;
    in.min_cell = 1.1f * ImGui::GetFontSize();
    in.max_cell = 5.0f * ImGui::GetFontSize();
    PassFit fit = fit_pass_blocks(in);
    fit.cell *= zoom;
    return fit;
}

void begin_pass_block(int64_t ch, const PassFit& fit) {
    if (ch % fit.per_row != 0) ImGui::SameLine(0, fit.cell * kPassBlockGap);
    ImGui::BeginGroup();
}

float note_min_width() {
    return ImGui::GetFontSize() * 14.0f;
}

GridHit labelled_grid(const char* id, const std::string& label, GridLayout& layout, const char* note,
                      ImU32 note_color) {
    ImGui::BeginGroup();
    ImGui::TextColored(palette::kHeading, "%s", label.c_str());
    const GridHit hit = begin_matrix_grid(id, layout);
    if (note && *note) {
        // At least note_min_width() when the grid is narrower, but never past the panel's right edge: a wider
        // note would put a scrollbar under the grids (the Backward view's last grid, in presentation).
        const float grid_w = layout.cell * static_cast<float>(layout.cols);
        const float width = std::max(grid_w, std::min(note_min_width(), ImGui::GetContentRegionAvail().x));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(note_color), "%s", note);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndGroup();
    return hit;
}

}  // namespace poolscope::app
