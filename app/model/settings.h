// What PoolScope remembers between runs — language, theme, UI scales, window placement — in
// $XDG_CONFIG_HOME/poolscope/settings.json (~/.config/poolscope/ without XDG_CONFIG_HOME), never in the
// working directory. (Recent lessons live next to it in recent.json, see recent_files.h.) GUI-free: reading
// range-checks every value, a broken file becomes defaults plus one message (the file is kept as
// settings.json.bad), and writing is atomic (temp file + rename).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "i18n/i18n.h"

namespace poolscope::app {

enum class Theme { kLight, kHighContrast };

inline constexpr float kMinUiScale = 0.75f;
inline constexpr float kMaxUiScale = 3.0f;

struct WindowPlacement {
    int x = 0, y = 0;                // screen position of the window's top-left corner
    int width = 1280, height = 800;  //
    bool operator==(const WindowPlacement&) const = default;
};

struct Settings {
    std::optional<Language> language;       // unset until the user (or the first start) chose one
    Theme theme = Theme::kLight;            //
    float ui_scale = 1.0f;                  // normal mode font scale
    float presentation_scale = 1.5f;        // font scale in presentation mode
    float presentation_zoom = 1.0f;         // matrix zoom in presentation mode
    std::optional<WindowPlacement> window;  // last windowed placement; unset = the default size
    bool start_card = true;                 // the first-start card shows until dismissed; a file written
                                            // before the card existed reads as false (not a first start)
    std::string web_base;                   // the PoolScope page Copy link points at (--web-base); "" = none
    bool operator==(const Settings&) const = default;
};

// The settings directory: $XDG_CONFIG_HOME/poolscope, else $HOME/.config/poolscope; empty when neither is
// set (then nothing is read or written). Not created here.
std::filesystem::path settings_dir();
std::filesystem::path settings_file(const std::filesystem::path& dir);  // dir / "settings.json"

struct LoadedSettings {
    Settings settings;
    bool existed = false;  // a settings file was there (false on a first start)
    std::string message;   // non-empty when the file was unreadable or invalid and defaults were used
};

// Parses settings JSON text. Unknown keys are ignored; a value of the wrong type or out of range makes the
// whole text invalid (an error naming the key), since a half-trusted file is worse than defaults.
bool settings_from_json(const std::string& text, Settings& out, std::string& error);
std::string settings_to_json(const Settings& settings);

// Reads dir/settings.json. A missing file is a first start (defaults, no message); a broken one is renamed
// to settings.json.bad and reported in `message`.
LoadedSettings load_settings(const std::filesystem::path& dir);
// Writes dir/settings.json atomically, creating dir. False (with `error`) when it cannot.
bool save_settings(const std::filesystem::path& dir, const Settings& settings, std::string& error);

const char* theme_name(Theme theme);  // "light" / "high_contrast"

}  // namespace poolscope::app
