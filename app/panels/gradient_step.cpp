// The step panel in the Backward view: where the current output cell's gradient goes, one line per channel
// — all of it to the maximum (max pooling), an equal share to every counted cell (average pooling), the
// shares that fall on padding dropped — with the actual numbers.
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/gradient_step_text.h"
#include "panels/pass_views.h"
#include "widgets/flow_layout.h"
#include "widgets/palette.h"

namespace poolscope::app {

void draw_gradient_step(PanelContext& ctx) {
    const AppState& state = ctx.state;
    const GradientView& gv = state.gradient;
    if (backward_waits_for_quiz(ctx)) return;
    push_wrap_at_visible_edge();
    if (!gv.result || gv.step_traces.empty()) {
        ImGui::TextColored(palette::kErrorText, "%s", tr("grad.none"));
        ImGui::PopTextWrapPos();
        return;
    }
    const Language language = current_language();
    const bool max = is_max(state.doc.params.op);
    const OutputCell cell = gv.step_traces.front().window.cell;
    ImGui::TextUnformatted(
        grad_step_header(cell, ctx.playback.step, step_count(state.computed), language).c_str());
    ImGui::Spacing();
    const bool many = gv.step_traces.size() > 1;
    for (const OutputGradTrace& t : gv.step_traces)
        for (const GradStepLine& line : grad_step_lines(t, max, ctx.fonts.has_symbols, many, language)) {
            if (line.muted)
                ImGui::TextColored(palette::kMuted, "%s", line.text.c_str());
            else
                ImGui::TextWrapped("%s", line.text.c_str());
        }
    ImGui::Spacing();
    ImGui::TextColored(palette::kMuted, "%s", grad_rule_text(max, language));
    ImGui::PopTextWrapPos();
}

}  // namespace poolscope::app
