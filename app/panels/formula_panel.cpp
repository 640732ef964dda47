// Formula panel: the output-size walkthrough of the window's layer under its framework's rules
// (widgets/layer_walkthrough.h), with the student's numbers substituted, floor vs ceil, the dropped window
// and where each window starts.
#include "panels/panels.h"
#include "widgets/layer_walkthrough.h"

namespace poolscope::app {

void draw_formula_panel(PanelContext& ctx) {
    const AppState& state = ctx.state;
    draw_layer_walkthrough(state.input.shape(), layer_of(state), state.plan ? &*state.plan : nullptr,
                           ctx.fonts, &ctx.probe);
}

}  // namespace poolscope::app
