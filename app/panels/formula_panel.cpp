// Formula panel: the output-size walkthrough of the window's layer (widgets/size_walkthrough.h), with the
// student's numbers substituted, floor vs ceil, the dropped window and where each window starts.
#include "panels/panels.h"
#include "widgets/size_walkthrough.h"

namespace poolscope::app {

void draw_formula_panel(PanelContext& ctx) {
    const AppState& state = ctx.state;
    draw_size_walkthrough(state.input.shape(), state.params, state.plan ? &*state.plan : nullptr, ctx.fonts,
                          &ctx.probe);
}

}  // namespace poolscope::app
