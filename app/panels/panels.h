// The panels of the main window, one per file in app/panels/, and the one list (panel_registry()) that
// says where each goes. A new panel: write panels/<name>_panel.cpp with a draw function, add it here.
#pragma once

#include <span>

#include "app_state.h"
#include "fonts.h"
#include "playback.h"

namespace poolscope::app {

struct ImageView;

struct PanelContext {
    AppState& state;
    Playback& playback;
    const FontSet& fonts;
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
void draw_step_panel(PanelContext& ctx);
void draw_formula_panel(PanelContext& ctx);

std::span<const PanelInfo> panel_registry();

// The whole frame's UI: menu bar, then every registered panel in its slot. Call between NewFrame/Render.
void draw_main_window(PanelContext& ctx);

// Global keys (Space, arrows, Home/End, +/−, Ctrl+Z/Y, Ctrl+C/V, zoom). Returns true when F12 asked for a
// state report.
bool handle_shortcuts(PanelContext& ctx);

// Clipboard actions shared by the menu, the data panel and the shortcuts.
void copy_input(AppState& state);
void copy_output(AppState& state);
void paste_input(AppState& state, Playback& playback);

// Zoom steps for the matrices (Ctrl + wheel, Ctrl +/−) and the UI font scale.
void change_zoom(AppState& state, int direction);
void change_ui_scale(AppState& state, int direction);

}  // namespace poolscope::app
