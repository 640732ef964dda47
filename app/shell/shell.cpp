// The window shell: settings, language, presentation mode, HiDPI (see shell.h). The theme is in theme.cpp,
// the menu bar in menus.cpp; the GLFW calls behind fullscreen and placement are in platform/window.cpp.
#include "shell/shell.h"

#include <imgui.h>

#include <algorithm>
#include <iostream>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/ui_locale.h"
#include "panels/panels.h"
#include "platform/window.h"
#include "shell/fonts.h"

namespace poolscope::app {
namespace {

void save_now(Shell& s, AppState* state) {
    if (!s.save_enabled || s.dir.empty()) return;
    std::string error;
    if (!save_settings(s.dir, s.settings, error) && state) {
        set_status(*state, std::string(tr("status.settings_not_saved")) + " " + error, true);
        s.save_enabled = false;  // say it once, not on every change
    }
}

}  // namespace

void start_shell(Shell& s, AppState& state, const AppOptions& options) {
    s.save_enabled = !options.screenshot_path.has_value();
    s.dir = settings_dir();
    LoadedSettings loaded = load_settings(s.dir);
    s.settings = std::move(loaded.settings);
    if (!s.settings.language) {
        // First start (or a reset file): follow the system locale, and remember the choice.
        s.settings.language = system_language();
        if (!loaded.existed || !loaded.message.empty()) save_now(s, nullptr);
    }
    if (!loaded.message.empty()) {
        std::cerr << "poolscope: " << loaded.message << "\n";
        save_now(s, nullptr);  // replace the broken file with the defaults now, not only at exit
    }
    state.language = options.language.value_or(*s.settings.language);
    set_language(state.language);
    if (!loaded.message.empty())
        set_status(state, std::string(tr("status.settings_broken")) + " " + loaded.message, true);
    if (!options.scale_given) state.ui_scale = s.settings.ui_scale;
    if (options.web_base) s.settings.web_base = *options.web_base;  // Copy link's page, remembered
    s.start_card = wants_start_card(s.settings, options);
    s.normal_zoom = state.zoom;
    s.last_scale = state.ui_scale;
}

void attach_shell_window(Shell& s, GLFWwindow* window, AppState& state, const AppOptions& options) {
    s.window = window;
    s.content_scale = std::clamp(content_scale_of(window), 1.0f, 4.0f);
    if (options.screenshot_path) {
        // The off-screen picture has the --size; only the look of presentation mode applies.
        if (options.presentation) {
            s.presentation = true;
            state.ui_scale = s.settings.presentation_scale;
            state.zoom = s.settings.presentation_zoom;
            s.last_scale = state.ui_scale;
        }
        return;
    }
    if (s.settings.window && !options.size_given) {
        place_window(window, *s.settings.window);
    }
    if (options.presentation) toggle_presentation(s, state);
}

float font_scale(const Shell& shell, const AppState& state) {
    return state.ui_scale * shell.content_scale;
}

void set_content_scale(Shell& shell, AppState& state, float scale) {
    shell.content_scale = std::clamp(scale, 1.0f, 4.0f);
    state.fonts_need_rebuild = true;
}

void after_fonts(Shell& s, const FontSet& fonts, AppState& state) {
    s.has_cjk = fonts.has_cjk;
    if (fonts.has_cjk || state.language != Language::kChinese) return;
    // Chinese asked for but not drawable: English, and one message (the saved choice stays Chinese, so
    // installing the font is enough to get it back).
    set_ui_language(s, state, Language::kEnglish);
    set_status(state, tr("status.no_cjk_font"), true);
}

void set_ui_language(Shell& s, AppState& state, Language language) {
    state.language = language;
    set_language(language);
    if (s.has_cjk || language == Language::kEnglish) {
        if (s.settings.language != language) {
            s.settings.language = language;
            save_now(s, &state);
        }
    }
}

void toggle_presentation(Shell& s, AppState& state) {
    s.presentation = !s.presentation;
    if (s.presentation) {
        s.normal_zoom = state.zoom;
        state.ui_scale = s.settings.presentation_scale;
        state.zoom = std::max(state.zoom, s.settings.presentation_zoom);
    } else {
        state.ui_scale = s.settings.ui_scale;
        state.zoom = s.normal_zoom;
    }
    s.last_scale = state.ui_scale;
    state.fonts_need_rebuild = true;  // new sizes and the theme, before the next frame
    if (!s.window || !s.save_enabled) return;
    if (s.presentation) s.windowed = placement_of(s.window);
    set_fullscreen(s.window, s.presentation, s.windowed.value_or(WindowPlacement{}));
}

void toggle_high_contrast(Shell& s, AppState& state) {
    s.settings.theme = s.settings.theme == Theme::kHighContrast ? Theme::kLight : Theme::kHighContrast;
    state.fonts_need_rebuild = true;  // re-applies the style too
    save_now(s, &state);
}

void shell_frame(PanelContext& ctx) {
    Shell& s = ctx.shell;
    AppState& state = ctx.state;
    // Ctrl+Shift +/− changed the scale: it belongs to the mode it was changed in.
    if (state.ui_scale != s.last_scale) {
        (s.presentation ? s.settings.presentation_scale : s.settings.ui_scale) = state.ui_scale;
        s.last_scale = state.ui_scale;
        save_now(s, &state);
    }
    if (state.language != current_language()) set_ui_language(s, state, state.language);
}

bool wants_start_card(const Settings& settings, const AppOptions& options) {
    if (options.first_start) return true;
    const bool test_mode =
        options.lesson_path || options.screenshot_path || options.state_out || options.bench_frames;
    // A link that sets the layer or input (a shared state, a notebook's cell) shows it, not the card.
    const bool linked_state = options.link && (options.params_text || options.input_text);
    return settings.start_card && !test_mode && !linked_state;
}

void dismiss_start_card(Shell& s, AppState& state) {
    s.start_card = false;
    if (!s.settings.start_card) return;
    s.settings.start_card = false;
    save_now(s, &state);
}

void finish_shell(Shell& s, AppState& state) {
    if (s.window) {
        // Fullscreen is not a placement to come back to: remember the window as it was before.
        if (s.presentation && s.windowed)
            s.settings.window = s.windowed;
        else if (!s.presentation)
            s.settings.window = placement_of(s.window);
    }
    save_now(s, &state);
}

}  // namespace poolscope::app
