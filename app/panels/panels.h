// The panels of the main window, one per file in app/panels/, and the one list (panel_registry()) that
// says where each goes. A new panel: write panels/<name>_panel.cpp with a draw function, add it here.
#pragma once

#include <filesystem>
#include <span>

#include "model/app_state.h"
#include "model/playback.h"
#include "widgets/fonts.h"

namespace poolscope::app {

struct FilePicker;
struct ImageView;
struct LessonPlayer;
struct MeasuredHeights;
class UiProbe;

// What a panel draws from and edits: the model (state with its view, playback), the fonts, the main
// window's measured rows, the lesson file picker, and the test probe it tells widget rectangles to. The
// shell above fills it in; a panel never reaches the shell itself.
struct PanelContext {
    AppState& state;
    Playback& playback;
    const FontSet& fonts;
    MeasuredHeights& measured;                  // the main window's rows (panels/row_room.h)
    const std::filesystem::path& settings_dir;  // where quiz scores are kept; empty: nowhere
    UiProbe& probe;
    FilePicker& picker;               // File → Open / Save lesson as
    ImageView* image_view = nullptr;  // the Image view (panels/image_view.h); null without one
};

enum class PanelSlot {
    kSidebar,      // left column, stacked
    kTop,          // above the matrices, full width
    kCenter,       // takes the remaining space
    kBottomLeft,   // below the matrices
    kBottomRight,  //
};

struct PanelInfo {
    const char* id;         // stable ImGui ID, never translated
    const char* title_key;  // tr() key of the heading
    const char* help_key;   // tr() key of the "what am I looking at?" text
    PanelSlot slot;
    void (*draw)(PanelContext&);
};

void draw_params_panel(PanelContext& ctx);
void draw_input_data_panel(PanelContext& ctx);
void draw_timeline_panel(PanelContext& ctx);
void draw_matrices_panel(PanelContext& ctx);
void draw_center_panel(PanelContext& ctx);  // the pass switch, then the Forward, Backward or Unpool view
void draw_step_panel(PanelContext& ctx);
void draw_formula_panel(PanelContext& ctx);

std::span<const PanelInfo> panel_registry();

// The lesson player's window side (panels/lesson_*.cpp; its keys are in panels/actions_table.h): the step
// picture in the Image view, the File menu's lesson items, the lesson column, and the browser, file picker
// and unsaved-changes question (drawn after the main window).
void show_step_picture(PanelContext& ctx);
void draw_lesson_menu_items(PanelContext& ctx);
float lesson_column_width(const PanelContext& ctx);  // 0 when no lesson is open
void draw_lesson_column(PanelContext& ctx, float width);
void draw_lesson_authoring(PanelContext& ctx);  // the column's "Author this lesson" (lesson_authoring.cpp)
void draw_lesson_message(const LessonPlayer& player);  // the open/save/edit result line, wrapped
void draw_lesson_windows(PanelContext& ctx);
void draw_lesson_browser(PanelContext& ctx);
// The F1 overlay (panels/help_overlay.cpp): shortcuts and "how to read this screen".
void draw_help_overlay(PanelContext& ctx);
// View → Compare frameworks (panels/compare_view.cpp): the layer in all four frameworks, while compare_open.
void draw_compare_view(PanelContext& ctx);
// The first-start card (panels/start_card.cpp), over the window until dismissed.
void draw_start_card(PanelContext& ctx);

}  // namespace poolscope::app
