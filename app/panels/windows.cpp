// The one list of the app's windows (see window.h): each registered once, here, in drawing order. The main
// window draws the slot panels (in this order within a slot), the column and the tab; the frame draws the
// floating windows and dialogs after it; the menus list the entries in this order.
#include "panels/file_dialog_window.h"
#include "panels/image_view.h"
#include "panels/lesson_windows.h"
#include "panels/network_view.h"
#include "panels/panels.h"
#include "panels/question_authoring.h"

namespace poolscope::app {

void register_windows(WindowRegistry& r) {
    using P = Placement;
    // The main window's panels: id, slot, heading, "what am I looking at?".
    r.add<PanelWindow>(WindowInfo{"params", P::kSidebar, "panel.params", "help.params"}, draw_params_panel);
    r.add<PanelWindow>(WindowInfo{"input_data", P::kSidebar, "panel.input_data", "help.input_data"},
                       draw_input_data_panel);
    r.add<PanelWindow>(WindowInfo{"timeline", P::kTop, "panel.timeline", "help.timeline"},
                       draw_timeline_panel);
    r.add<PanelWindow>(WindowInfo{"matrices", P::kCenter, "panel.matrices", "help.matrices"},
                       draw_center_panel);
    r.add<PanelWindow>(WindowInfo{"step", P::kBottomLeft, "panel.step", "help.step"}, draw_step_panel);
    r.add<PanelWindow>(WindowInfo{"formula", P::kBottomRight, "panel.formula", "help.formula"},
                       draw_formula_panel);
    r.add<LessonColumn>();   // the lesson player; File: new, open, browse, recent, save, close
    r.add<ImageWindow>();    // a tab beside the matrices; File: open picture, samples, show
    r.add<NetworkWindow>();  // in place of the matrices on a network step; View → Network view
    // Floating windows and dialogs, drawn over the main window.
    r.add(make_export_dialog());  // File → Export…
    r.add<LessonBrowser>();
    r.add(make_unsaved_question());
    r.add(make_conflict_question());
    r.add<ChoiceQuestionDialog>();  // "A multiple choice…" from the Ask menu
    r.add<FileDialogWindow>();      // every open and save; after the dialogs that step aside for it
    r.add(make_compare_view());     // View → Compare frameworks
    r.add(make_ab_view());          // View → A/B settings; a lesson step's "compare" opens it
    r.add(make_help_overlay());     // Help → Help overlay, F1
    r.add(make_start_card());
}

}  // namespace poolscope::app
