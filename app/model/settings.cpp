// Reading and writing settings.json (see settings.h).
#include "model/settings.h"

#include "model/paths.h"

#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "poolscope/file_read.h"

namespace poolscope::app {
namespace {

using nlohmann::json;

struct Invalid {
    std::string message;
};

float scale_in_range(const json& j, const char* key, float lo, float hi) {
    const json& v = j.at(key);
    if (!v.is_number()) throw Invalid{std::string("\"") + key + "\" is not a number"};
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
        throw Invalid{std::string("\"") + key + "\" is outside [" + std::to_string(lo).substr(0, 4) + ", " +
                      std::to_string(hi).substr(0, 4) + "]"};
    return static_cast<float>(d);
}

int int_in_range(const json& j, const char* key, int lo, int hi) {
    const json& v = j.at(key);
    // An unsigned value past int64 would wrap to a negative number in get<int64_t>(): refuse it first.
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t{1} << 62) ||
        v.get<int64_t>() < lo || v.get<int64_t>() > hi)
        throw Invalid{std::string("\"window.") + key + "\" is not an integer in [" + std::to_string(lo) +
                      ", " + std::to_string(hi) + "]"};
    return static_cast<int>(v.get<int64_t>());
}

}  // namespace

std::filesystem::path settings_dir() {
    return config_dir();
}

std::filesystem::path settings_file(const std::filesystem::path& dir) {
    return dir / "settings.json";
}

const char* theme_name(Theme theme) {
    return theme == Theme::kHighContrast ? "high_contrast" : "light";
}

bool settings_from_json(const std::string& text, Settings& out, std::string& error) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        error = "not valid JSON";
        return false;
    }
    if (!j.is_object()) {
        error = "not a JSON object";
        return false;
    }
    Settings s;
    try {
        if (j.contains("language")) {
            const json& v = j["language"];
            const std::optional<Language> lang =
                v.is_string() ? parse_language(v.get<std::string>()) : std::nullopt;
            if (!lang) throw Invalid{"\"language\" must be \"en\" or \"zh\""};
            s.language = lang;
        }
        if (j.contains("theme")) {
            const json& v = j["theme"];
            if (v == "light")
                s.theme = Theme::kLight;
            else if (v == "high_contrast")
                s.theme = Theme::kHighContrast;
            else
                throw Invalid{"\"theme\" must be \"light\" or \"high_contrast\""};
        }
        if (j.contains("ui_scale")) s.ui_scale = scale_in_range(j, "ui_scale", kMinUiScale, kMaxUiScale);
        if (j.contains("presentation_scale"))
            s.presentation_scale = scale_in_range(j, "presentation_scale", kMinUiScale, kMaxUiScale);
        if (j.contains("presentation_zoom"))
            s.presentation_zoom = scale_in_range(j, "presentation_zoom", 0.5f, 4.0f);
        s.start_card = false;  // a file without the key: not a first start
        if (j.contains("start_card")) {
            if (!j["start_card"].is_boolean()) throw Invalid{"\"start_card\" must be true or false"};
            s.start_card = j["start_card"].get<bool>();
        }
        if (j.contains("web_base")) {
            const json& v = j["web_base"];
            if (!v.is_string() || v.get<std::string>().size() > 2048)
                throw Invalid{"\"web_base\" must be a web page's address (at most 2048 characters)"};
            s.web_base = v.get<std::string>();
        }
        if (j.contains("window") && !j["window"].is_null()) {
            const json& w = j["window"];
            if (!w.is_object()) throw Invalid{"\"window\" is not an object"};
            WindowPlacement p;
            p.x = int_in_range(w, "x", -16384, 16384);
            p.y = int_in_range(w, "y", -16384, 16384);
            p.width = int_in_range(w, "width", 320, 16384);
            p.height = int_in_range(w, "height", 240, 16384);
            s.window = p;
        }
    } catch (const Invalid& e) {
        error = e.message;
        return false;
    } catch (const json::exception& e) {  // a missing window field: at() throws out_of_range
        error = std::string("incomplete: ") + e.what();
        return false;
    }
    out = std::move(s);
    return true;
}

std::string settings_to_json(const Settings& s) {
    json j;
    if (s.language) j["language"] = language_code(*s.language);
    j["theme"] = theme_name(s.theme);
    j["ui_scale"] = s.ui_scale;
    j["presentation_scale"] = s.presentation_scale;
    j["presentation_zoom"] = s.presentation_zoom;
    j["start_card"] = s.start_card;
    if (!s.web_base.empty()) j["web_base"] = s.web_base;
    if (s.window)
        j["window"] = {
            {"x", s.window->x}, {"y", s.window->y}, {"width", s.window->width}, {"height", s.window->height}};
    return j.dump(2) + "\n";
}

LoadedSettings load_settings(const std::filesystem::path& dir) {
    LoadedSettings loaded;
    if (dir.empty()) return loaded;
    const std::filesystem::path file = settings_file(dir);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return loaded;
    loaded.existed = true;
    // Regular files only (a FIFO would block the start forever), and small: ours are a few hundred bytes.
    Result<std::string> text = read_regular_file(file, int64_t{1} << 20, "settings file");
    std::string error = text ? std::string() : text.errors()[0].message;
    if (text && settings_from_json(text.value(), loaded.settings, error)) return loaded;
    if (error.empty()) error = "cannot be read";
    // Keep the broken file for the curious, out of the way of the next save.
    const std::filesystem::path bad = file.string() + ".bad";
    std::filesystem::rename(file, bad, ec);
    loaded.settings = Settings{};
    loaded.message = "The settings file " + file.string() + " is broken (" + error + "); using defaults" +
                     (ec ? std::string() : " (the old file is kept as " + bad.filename().string() + ")");
    return loaded;
}

bool save_settings(const std::filesystem::path& dir, const Settings& settings, std::string& error) {
    return write_config_file(dir, settings_file(dir), settings_to_json(settings), error);
}

}  // namespace poolscope::app
