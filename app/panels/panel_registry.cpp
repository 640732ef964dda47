// Where each panel of the main window goes (see panels.h): the one list the main window's slots draw from.
#include "panels/panels.h"

namespace poolscope::app {

std::span<const PanelInfo> panel_registry() {
    static const PanelInfo kPanels[] = {
        {"params", "panel.params", "help.params", PanelSlot::kSidebar, draw_params_panel},
        {"input_data", "panel.input_data", "help.input_data", PanelSlot::kSidebar, draw_input_data_panel},
        {"timeline", "panel.timeline", "help.timeline", PanelSlot::kTop, draw_timeline_panel},
        {"matrices", "panel.matrices", "help.matrices", PanelSlot::kCenter, draw_center_panel},
        {"step", "panel.step", "help.step", PanelSlot::kBottomLeft, draw_step_panel},
        {"formula", "panel.formula", "help.formula", PanelSlot::kBottomRight, draw_formula_panel},
    };
    return kPanels;
}

}  // namespace poolscope::app
