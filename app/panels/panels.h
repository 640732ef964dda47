// The panels of the main window and the lesson player's windows, one per file in app/panels/, each a
// registered window (panels/window.h; the one list is panels/windows.cpp). A new panel: write
// panels/<name>_panel.cpp with a draw function, declare it here, and register it with its slot.
#pragma once

#include <memory>

#include "panels/window.h"

namespace poolscope::app {

struct ImageView;
struct LessonPlayer;

// The main window's slot panels (panels keeping no state of their own: PanelWindow).
void draw_params_panel(PanelContext& ctx);
void draw_input_data_panel(PanelContext& ctx);
void draw_timeline_panel(PanelContext& ctx);
void draw_matrices_panel(PanelContext& ctx);
void draw_center_panel(PanelContext& ctx);  // the pass switch, then the Forward, Backward or Unpool view
void draw_step_panel(PanelContext& ctx);
void draw_formula_panel(PanelContext& ctx);
// The walkthrough alone, its side notes left out: presentation's text under a tall grid's output.
void draw_formula_without_notes(PanelContext& ctx);

// Opens the current step's picture in the Image view when it differs from the one opened last (the frame
// calls it before drawing; panels/lesson_dialogs.cpp).
void show_step_picture(LessonPlayer& player, ImageView& view);
void draw_lesson_message(const LessonPlayer& player);  // the open/save/edit result line, wrapped

// The windows nothing else needs to name, made for register_windows() (panels/windows.cpp).
std::unique_ptr<Window> make_export_dialog();      // export_dialog.cpp
std::unique_ptr<Window> make_unsaved_question();   // lesson_dialogs.cpp
std::unique_ptr<Window> make_conflict_question();  //
std::unique_ptr<Window> make_compare_view();       // compare_view.cpp
std::unique_ptr<Window> make_ab_view();            // ab_view.cpp
std::unique_ptr<Window> make_help_overlay();       // help_overlay.cpp
std::unique_ptr<Window> make_start_card();         // start_card.cpp

}  // namespace poolscope::app
