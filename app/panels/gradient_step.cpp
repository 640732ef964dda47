// The step panel in the Backward view: where the current output cell's gradient goes, one line per channel
// — all of it to the maximum (max pooling), an equal share to every counted cell (average pooling), the
// shares that fall on padding dropped — with the actual numbers.
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/number_text.h"
#include "panels/pass_views.h"
#include "widgets/palette.h"

namespace poolscope::app {
namespace {

std::string text_of(float v, const FontSet& fonts) {
    return arithmetic_value_text(v, fonts.has_symbols);
}

void channel_line(const OutputGradTrace& t, const PanelContext& ctx, bool show_channel) {
    const FontSet& fonts = ctx.fonts;
    const std::string grad = text_of(t.grad, fonts), delta = text_of(t.delta, fonts);
    if (show_channel) ImGui::TextColored(palette::kMuted, "c%d", static_cast<int>(t.window.cell.c));
    int inputs = 0, padding = 0;
    const GradTarget* stray = nullptr;
    for (const GradTarget& target : t.targets) {
        inputs += target.kind == GradTargetKind::kInput;
        padding += target.kind == GradTargetKind::kPadding;
        if (target.kind == GradTargetKind::kStray) stray = &target;
    }
    if (stray) {
        ImGui::TextWrapped(tr("grad.step_stray_fmt"), grad.c_str(), static_cast<long long>(stray->flat));
    } else if (is_max(ctx.state.doc.params.op)) {
        if (!t.targets.empty())
            ImGui::TextWrapped(tr("grad.step_max_fmt"), grad.c_str(), static_cast<int>(t.targets[0].ih),
                               static_cast<int>(t.targets[0].iw), delta.c_str());
    } else {
        ImGui::TextWrapped(tr("grad.step_avg_fmt"), grad.c_str(), static_cast<int>(t.window.divisor),
                           delta.c_str(), inputs);
        if (padding > 0) ImGui::TextColored(palette::kMuted, tr("grad.step_padding_fmt"), padding);
    }
}

}  // namespace

void draw_gradient_step(PanelContext& ctx) {
    const AppState& state = ctx.state;
    const GradientView& gv = state.gradient;
    if (backward_waits_for_quiz(ctx)) return;
    ImGui::PushTextWrapPos(0.0f);
    if (!gv.result || gv.step_traces.empty()) {
        ImGui::TextColored(palette::kErrorText, "%s", tr("grad.none"));
        ImGui::PopTextWrapPos();
        return;
    }
    const OutputCell cell = gv.step_traces.front().window.cell;
    ImGui::Text(tr("grad.step_header_fmt"), static_cast<int>(cell.oh), static_cast<int>(cell.ow),
                static_cast<int>(ctx.playback.step + 1), static_cast<int>(step_count(state.computed)));
    ImGui::Spacing();
    const bool many = gv.step_traces.size() > 1;
    for (const OutputGradTrace& t : gv.step_traces)
        channel_line(t, ctx, many);
    ImGui::Spacing();
    ImGui::TextColored(palette::kMuted, "%s",
                       is_max(state.doc.params.op) ? tr("grad.rule_max") : tr("grad.rule_avg"));
    ImGui::PopTextWrapPos();
}

}  // namespace poolscope::app
