// The window "shell" around the panels: persisted settings (model/settings.h), the UI language at start and
// from the Language menu, presentation mode (F5: fullscreen on the current monitor, large fonts and cells,
// the high-contrast theme), the monitor's content scale (HiDPI), and whether the F1 help is open. main.cpp
// owns one Shell and calls the hooks below in the order they are declared; panels reach it through
// PanelContext.
#pragma once

#include <array>
#include <filesystem>
#include <optional>

#include "model/app_state.h"
#include "model/settings.h"
#include "widgets/grid_fit.h"

struct GLFWwindow;

namespace poolscope::app {

struct AppOptions;
struct FontSet;
struct PanelContext;

// The height each row's content needed last frame; the main window sizes its rows from them.
struct MeasuredHeights {
    float top = 0.0f;      // timeline
    float step = 0.0f;     // step arithmetic
    float formula = 0.0f;  // output-size walkthrough
    float step_w = 0.0f;   // the widths those two were measured at
    float formula_w = 0.0f;
    float split = 0.42f;                        // the step panel's share of the bottom row's width
    float last_split = -1.0f, last_row = 0.0f;  // the share before, and the row's height there
    // The matrices' room as the matrices panel last fitted it (grids, and what its toolbar and labels took),
    // so the rows can leave the matrices the height readable cells need (panels/row_room.h).
    GridFitInput grids;
    float grids_extra_w = 0.0f, grids_extra_h = 0.0f;
    // The height above the grids (legend, labels) as last measured with the rows under and beside the
    // matrices: the legend wraps differently at the two widths (0: not measured yet).
    float extra_h_under = 0.0f, extra_h_beside = 0.0f;
    // The walkthrough's side notes fold when the bottom row would squeeze the matrices (a toggle reopens
    // them); `notes_extra` is the height they took when last shown (panels/main_window.cpp).
    bool notes_folded = false, notes_user = false;
    float notes_extra = 0.0f;
    bool compact = false;  // the timeline and matrices dropped their headings to give the cells room
    bool beside = false;   // the step and walkthrough are a column beside the matrices (panels/row_room.h)
    // The cells the matrices panel really fitted under and beside (0: not seen), for the room and grids in
    // `seen_for`: a placement that turned out smaller than predicted is not taken again.
    float seen_under = 0.0f, seen_beside = 0.0f;
    std::array<float, 6> seen_for{};
    float last_fit = 0.0f;  // the cell the matrices panel fitted this frame (0: not drawn)
};

struct Shell {
    Settings settings;
    std::filesystem::path dir;     // settings directory; empty: nothing is saved
    bool save_enabled = true;      // off for --screenshot: a picture must not change the user's settings
    GLFWwindow* window = nullptr;  // null in headless tests
    bool presentation = false;     // F5
    bool help_open = false;        // F1
    bool start_card = false;       // the first-start card is up (panels/start_card.cpp)
    bool has_cjk = true;           // a Chinese font was found (fonts.h)
    float content_scale = 1.0f;    // the monitor's content scale (1 on a normal display, 2 on HiDPI)
    float normal_zoom = 1.0f;      // matrix zoom to return to when presentation mode ends
    float last_scale = 0.0f;       // state.ui_scale as last seen, to notice Ctrl+Shift +/−
    std::optional<WindowPlacement> windowed;  // where the window was before going fullscreen
    bool params_in_presentation = false;      // presentation mode shows the parameters column (toggle)
    MeasuredHeights measured;                 // panel content heights last frame (panels/main_window.cpp)
    bool layout_changed = false;              // a measured height changed: draw one more frame
};

// Before the window: loads the settings (a broken file → status message + defaults) and picks the language
// (--lang, else the saved choice, else the system locale, which is then saved) and the UI scale.
void start_shell(Shell& shell, AppState& state, const AppOptions& options);
// After the window exists: content scale, the saved window placement, presentation mode from the options.
void attach_shell_window(Shell& shell, GLFWwindow* window, AppState& state, const AppOptions& options);

// The scale fonts and style are built at: the user's UI scale times the monitor's content scale.
float font_scale(const Shell& shell, const AppState& state);
// The monitor's content scale changed (platform/window.h reports it): fonts are rebuilt at the new scale.
void set_content_scale(Shell& shell, AppState& state, float scale);
// After the fonts loaded: without a Chinese font, say so once and show English.
void after_fonts(Shell& shell, const FontSet& fonts, AppState& state);

// Once per frame, after ImGui::NewFrame: saves settings that changed (scale, language). Its keys (F1, F5,
// Escape) are in the bindings table (shell/actions.h).
void shell_frame(PanelContext& ctx);
void set_ui_language(Shell& shell, AppState& state, Language language);
void toggle_presentation(Shell& shell, AppState& state);
void toggle_high_contrast(Shell& shell, AppState& state);

// Whether the first-start card shows: until dismissed (settings), never in the test modes (--lesson,
// --screenshot, --state-out) unless --first-start asks for it.
bool wants_start_card(const Settings& settings, const AppOptions& options);
// The card's "Got it": it goes, and the settings remember that it went.
void dismiss_start_card(Shell& shell, AppState& state);

// At exit: remembers the windowed placement and saves.
void finish_shell(Shell& shell, AppState& state);

}  // namespace poolscope::app
