// Formula panel: the output-size walkthrough of the window's layer under its framework's rules
// (widgets/size_walkthrough.h), with the student's numbers substituted, floor vs ceil, the dropped window
// and where each window starts.
#include <imgui.h>

#include "i18n/i18n.h"
#include "model/quiz_session.h"
#include "panels/panels.h"
#include "panels/row_room.h"
#include "widgets/size_walkthrough.h"

namespace poolscope::app {

namespace {

// The walkthrough with or without its side notes; false when an open shape question hides it (its results
// are the answer, issue 26) and the panel says so instead.
bool draw_walkthrough(PanelContext& ctx, bool notes) {
    const AppState& state = ctx.state;
    if (quiz_hidden(state.quiz).output_shape) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr("formula.hidden_by_quiz"));
        ImGui::PopTextWrapPos();
        return false;
    }
    draw_layer_walkthrough(state.doc.input.shape(), layer_of(state.doc),
                           state.computed.plan ? &*state.computed.plan : nullptr, ctx.fonts, &ctx.probe,
                           "walkthrough", notes);
    return true;
}

}  // namespace

void draw_formula_panel(PanelContext& ctx) {
    MeasuredHeights& m = ctx.measured;
    if (!draw_walkthrough(ctx, !m.notes_folded)) return;
    // The side notes fold when the row would squeeze the matrices (shell/main_window.cpp); the student
    // can always bring them back, and fold them again.
    if (m.notes_folded || m.notes_user) {
        if (ImGui::SmallButton(tr(m.notes_folded ? "formula.show_notes" : "formula.hide_notes"))) {
            m.notes_folded = !m.notes_folded;
            m.notes_user = !m.notes_folded;
            m.layout_changed = true;
        }
    }
}

void draw_formula_without_notes(PanelContext& ctx) {
    draw_walkthrough(ctx, false);
}

}  // namespace poolscope::app
