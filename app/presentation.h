// The window "shell" around the panels: persisted settings (settings.h), the UI language at start and from
// the Language menu, presentation mode (F5: fullscreen on the current monitor, large fonts and cells, the
// high-contrast theme), the monitor's content scale (HiDPI), and the F1 help overlay. One per process, like
// ImGui's context; main.cpp calls the hooks below in the order they are declared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include <nlohmann/json_fwd.hpp>

#include "settings.h"

struct GLFWwindow;

namespace poolscope::app {

struct AppOptions;
struct AppState;
struct FontSet;
struct PanelContext;

struct Shell {
    Settings settings;
    std::filesystem::path dir;     // settings directory; empty: nothing is saved
    bool save_enabled = true;      // off for --screenshot: a picture must not change the user's settings
    GLFWwindow* window = nullptr;  //
    AppState* state = nullptr;     // for GLFW callbacks (content scale changes)
    bool presentation = false;     // F5
    bool help_open = false;        // F1
    bool has_cjk = true;           // a Chinese font was found (fonts.h)
    float content_scale = 1.0f;    // the monitor's content scale (1 on a normal display, 2 on HiDPI)
    float normal_zoom = 1.0f;      // matrix zoom to return to when presentation mode ends
    float last_scale = 0.0f;       // state.ui_scale as last seen, to notice Ctrl+Shift +/−
    std::optional<WindowPlacement> windowed;  // where the window was before going fullscreen
};

Shell& shell();

// Before the window: loads the settings (a broken file → status message + defaults) and picks the language
// (--lang, else the saved choice, else the system locale, which is then saved) and the UI scale.
void start_shell(AppState& state, const AppOptions& options);
// After the window exists: content scale, the saved window placement, presentation mode from the options.
void attach_shell_window(GLFWwindow* window, AppState& state, const AppOptions& options);

// The scale fonts and style are built at: the user's UI scale times the monitor's content scale.
float font_scale(const AppState& state);
// The light theme, or the high-contrast one (presentation mode or the View menu), at `scale`.
void apply_theme(float scale);
// After the fonts loaded: without a Chinese font, say so once and show English.
void after_fonts(const FontSet& fonts, AppState& state);

// Once per frame, after ImGui::NewFrame: F1, F5, Escape; saves settings that changed (scale, language).
void shell_frame(PanelContext& ctx);
void set_ui_language(AppState& state, Language language);
void toggle_presentation(AppState& state);
void toggle_high_contrast(AppState& state);

// Menu items for the main window's menu bar (draw inside the View / Help menus; the Language menu whole).
void draw_view_menu_items(AppState& state);
void draw_language_menu(AppState& state);
void draw_help_menu_items();
// The F1 overlay (panels/help_overlay.cpp): shortcuts and "how to read this screen".
void draw_help_overlay(PanelContext& ctx);

// At exit: remembers the windowed placement and saves.
void finish_shell(AppState& state);
// Adds presentation, help_open, theme, content_scale, window and monitor size to a state report.
void add_shell_state(nlohmann::json& j);

}  // namespace poolscope::app
