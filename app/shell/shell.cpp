// The window shell: settings, language, presentation mode, HiDPI (see shell.h). The theme is in theme.cpp,
// the menu bar in menus.cpp; the GLFW calls behind fullscreen and placement are in platform/window.cpp.
#include "shell/shell.h"

#include <imgui.h>

#include <algorithm>
#include <iostream>
#include <utility>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/ui_locale.h"
#include "platform/window.h"
#include "shell/theme.h"
#include "widgets/fonts.h"

namespace poolscope::app {
namespace {

void save_now(Shell& s, Interaction* interaction) {
    if (!s.save_enabled || s.dir.empty()) return;
    std::string error;
    if (!save_settings(s.dir, s.settings, error) && interaction) {
        set_status(*interaction, std::string(tr("status.settings_not_saved")) + " " + error, true);
        s.save_enabled = false;  // say it once, not on every change
    }
}

// The first-start card closed since the last look (its "Got it" or "Browse lessons"): the settings remember
// that it went. True when they changed.
bool start_card_went(Shell& s, const View& view) {
    const bool up = window_open(view, window_id::kStartCard);
    if (!std::exchange(s.start_card_up, up) || up || !s.settings.start_card) return false;
    s.settings.start_card = false;
    return true;
}

}  // namespace

void start_shell(Shell& s, View& view, Interaction& interaction, const AppOptions& options) {
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
    set_language(options.language.value_or(*s.settings.language));
    if (!loaded.message.empty())
        set_status(interaction, std::string(tr("status.settings_broken")) + " " + loaded.message, true);
    if (!options.scale_given) view.ui_scale = s.settings.ui_scale;
    if (options.web_base) s.settings.web_base = *options.web_base;  // Copy link's page, remembered
    s.start_card_up = wants_start_card(s.settings, options);
    set_window_open(view, window_id::kStartCard, s.start_card_up);
    s.normal_zoom = view.zoom;
    s.last_scale = view.ui_scale;
}

void attach_shell_window(Shell& s, GLFWwindow* window, View& view, const AppOptions& options) {
    s.window = window;
    s.content_scale = std::clamp(content_scale_of(window), 1.0f, 4.0f);
    if (options.screenshot_path) {
        // The off-screen picture has the --size; only the look of presentation mode applies.
        if (options.presentation) {
            view.presentation = true;
            view.ui_scale = s.settings.presentation_scale;
            view.zoom = s.settings.presentation_zoom;
            s.last_scale = view.ui_scale;
        }
        return;
    }
    if (s.settings.window && !options.size_given) {
        place_window(window, *s.settings.window);
    }
    if (options.presentation) toggle_presentation(s, view);
}

float font_scale(const Shell& shell, const View& view) {
    return view.ui_scale * shell.content_scale;
}

bool high_contrast(const Shell& shell, const View& view) {
    return view.presentation || shell.settings.theme == Theme::kHighContrast;
}

void set_content_scale(Shell& shell, View& view, float scale) {
    shell.content_scale = std::clamp(scale, 1.0f, 4.0f);
    view.fonts_need_rebuild = true;
}

void load_fonts_and_theme(const Shell& shell, FontSet& fonts, const View& view, Interaction& interaction) {
    apply_theme(high_contrast(shell, view), font_scale(shell, view));  // its radii join the atlas
    load_fonts(fonts, font_scale(shell, view));
    note_unshowable_glyphs(fonts, interaction);  // a lesson in a script the fonts lack: say so
}

void after_fonts(Shell& s, const FontSet& fonts, Interaction& interaction) {
    s.has_cjk = fonts.has_cjk;
    if (fonts.has_cjk || current_language() != Language::kChinese) return;
    // Chinese asked for but not drawable: English, and one message (the saved choice stays Chinese, so
    // installing the font is enough to get it back).
    set_ui_language(s, interaction, Language::kEnglish);
    set_status(interaction, tr("status.no_cjk_font"), true);
}

void set_ui_language(Shell& s, Interaction& interaction, Language language) {
    set_language(language);
    if (s.has_cjk || language == Language::kEnglish) {
        if (s.settings.language != language) {
            s.settings.language = language;
            save_now(s, &interaction);
        }
    }
}

void toggle_presentation(Shell& s, View& view) {
    bool& presentation = view.presentation;
    presentation = !presentation;
    if (presentation) {
        s.normal_zoom = view.zoom;
        view.ui_scale = s.settings.presentation_scale;
        view.zoom = std::max(view.zoom, s.settings.presentation_zoom);
    } else {
        view.ui_scale = s.settings.ui_scale;
        view.zoom = s.normal_zoom;
    }
    s.last_scale = view.ui_scale;
    view.fonts_need_rebuild = true;  // new sizes and the theme, before the next frame
    if (!s.window || !s.save_enabled) return;
    if (presentation) s.windowed = placement_of(s.window);
    set_fullscreen(s.window, presentation, s.windowed.value_or(WindowPlacement{}));
}

void toggle_high_contrast(Shell& s, View& view, Interaction& interaction) {
    s.settings.theme = s.settings.theme == Theme::kHighContrast ? Theme::kLight : Theme::kHighContrast;
    view.fonts_need_rebuild = true;  // re-applies the style too
    save_now(s, &interaction);
}

void shell_frame(Shell& s, View& view, Interaction& interaction) {
    // Ctrl+Shift +/− changed the scale: it belongs to the mode it was changed in.
    if (view.ui_scale != s.last_scale) {
        (view.presentation ? s.settings.presentation_scale : s.settings.ui_scale) = view.ui_scale;
        s.last_scale = view.ui_scale;
        save_now(s, &interaction);
    }
    if (start_card_went(s, view)) save_now(s, &interaction);
}

bool wants_start_card(const Settings& settings, const AppOptions& options) {
    if (options.first_start) return true;
    const bool test_mode =
        options.lesson_path || options.screenshot_path || options.state_out || options.bench_frames;
    // A link that sets the layer or input (a shared state, a notebook's cell) shows it, not the card.
    const bool linked_state = options.link && (options.params_text || options.input_text);
    return settings.start_card && !test_mode && !linked_state;
}

void finish_shell(Shell& s, const View& view) {
    start_card_went(s, view);
    if (s.window) {
        // Fullscreen is not a placement to come back to: remember the window as it was before.
        if (view.presentation && s.windowed)
            s.settings.window = s.windowed;
        else if (!view.presentation)
            s.settings.window = placement_of(s.window);
    }
    save_now(s, nullptr);  // at exit: no status line left to say it in
}

}  // namespace poolscope::app
