// The window "shell" around the panels: persisted settings (model/settings.h), the UI language at start and
// from the Language menu, presentation mode (F5: fullscreen on the current monitor, large fonts and cells,
// the high-contrast theme), the monitor's content scale (HiDPI). main.cpp owns one Shell and calls the hooks
// below in the order they are declared. What the panels read of it (presentation mode, the open windows) is
// in the view (model/view.h); the panels never include the shell.
#pragma once

#include <filesystem>
#include <optional>

#include "i18n/i18n.h"
#include "model/interaction.h"
#include "model/settings.h"
#include "model/view.h"

struct GLFWwindow;

namespace poolscope::app {

struct AppOptions;
struct FontSet;

struct Shell {
    Settings settings;
    std::filesystem::path dir;     // settings directory; empty: nothing is saved
    bool save_enabled = true;      // off for --screenshot: a picture must not change the user's settings
    GLFWwindow* window = nullptr;  // null in headless tests
    bool start_card_up = false;    // the first-start card was up when last looked at (shell_frame)
    bool has_cjk = true;           // a Chinese font was found (widgets/fonts.h)
    float content_scale = 1.0f;    // the monitor's content scale (1 on a normal display, 2 on HiDPI)
    float normal_zoom = 1.0f;      // matrix zoom to return to when presentation mode ends
    float last_scale = 0.0f;       // state.view.ui_scale as last seen, to notice Ctrl+Shift +/−
    std::optional<WindowPlacement> windowed;  // where the window was before going fullscreen
};

// Before the window: loads the settings (a broken file → status message + defaults) and picks the language
// (--lang, else the saved choice, else the system locale, which is then saved) and the UI scale.
void start_shell(Shell& shell, View& view, Interaction& interaction, const AppOptions& options);
// After the window exists: content scale, the saved window placement, presentation mode from the options.
void attach_shell_window(Shell& shell, GLFWwindow* window, View& view, const AppOptions& options);

// The scale fonts and style are built at: the user's UI scale times the monitor's content scale.
float font_scale(const Shell& shell, const View& view);
// The high-contrast look: presentation mode, or View → High contrast (shell/theme.h).
bool high_contrast(const Shell& shell, const View& view);
// The monitor's content scale changed (platform/window.h reports it): fonts are rebuilt at the new scale.
void set_content_scale(Shell& shell, View& view, float scale);
// Loads the fonts at font_scale() and the theme to match (high contrast or not); a lesson in a script the
// fonts lack is said in the status line. At start and whenever the view asks for a rebuild.
void load_fonts_and_theme(const Shell& shell, FontSet& fonts, const View& view, Interaction& interaction);
// After the fonts loaded: without a Chinese font, say so once and show English.
void after_fonts(Shell& shell, const FontSet& fonts, Interaction& interaction);

// Once per frame, after ImGui::NewFrame: saves what the view changed (the scale, the start card closing).
// Its keys (F1, F5, Escape) are in the bindings table (panels/actions_table.h).
void shell_frame(Shell& shell, View& view, Interaction& interaction);
// The Language menu's choice: tr() shows it from now on (i18n holds the one current language), and the
// settings remember it (when the language can be drawn).
void set_ui_language(Shell& shell, Interaction& interaction, Language language);
void toggle_presentation(Shell& shell, View& view);
void toggle_high_contrast(Shell& shell, View& view, Interaction& interaction);

// Whether the first-start card shows: until dismissed (settings), never in the test modes (--lesson,
// --screenshot, --state-out) unless --first-start asks for it. Once the card closes (its "Got it", or
// "Browse lessons"), the next shell_frame() makes the settings remember that it went.
bool wants_start_card(const Settings& settings, const AppOptions& options);

// At exit: remembers the windowed placement and saves.
void finish_shell(Shell& shell, const View& view);

}  // namespace poolscope::app
