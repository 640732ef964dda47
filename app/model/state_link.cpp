// Links to the window's state (see state_link.h): reading one into the window's options, writing one from
// the window, and the notes on what a link asked for that could not be used.
#include "model/state_link.h"

#include <charconv>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "i18n/i18n.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_tensor.h"
#include "poolscope/text_guard.h"
#include "poolscope/url_text.h"

namespace poolscope::app {
namespace {

constexpr const char* kShippedPrefix = "lessons/";  // a shipped lesson in a link: lessons/NAME.json

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
        if (c != prefix[i]) return false;
    }
    return true;
}

bool parse_count(std::string_view text, int64_t& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

const char* pass_name(PassView pass) {
    return pass == PassView::kBackward ? "backward" : pass == PassView::kUnpool ? "unpool" : "forward";
}

// lessons/NAME.json naming a file in the shipped lessons folder (no other folder, no "..").
std::optional<std::string> shipped_lesson(std::string_view value, const std::filesystem::path& shipped) {
    if (value.starts_with("./")) value.remove_prefix(2);
    if (!value.starts_with(kShippedPrefix) || shipped.empty()) return std::nullopt;
    const std::string_view name = value.substr(std::string_view(kShippedPrefix).size());
    if (name.empty() || name.find('/') != std::string_view::npos ||
        name.find('\\') != std::string_view::npos || name.starts_with(".") || !name.ends_with(".json"))
        return std::nullopt;
    std::error_code ec;
    const std::filesystem::path path = shipped / std::string(name);
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    return path.string();
}

// A value left out, quoted briefly (a link may hold megabytes), and why.
void add_note(AppOptions& options, const char* key, const std::string& value, std::string why) {
    options.link_notes.push_back({key, quote_prefix(value), std::move(why)});
}

// The first error of a failed start, without the option name the command line would show.
std::string reason(const std::vector<Error>& errors) {
    if (errors.empty()) return {};
    const Error& e = errors.front();
    if (e.field.empty() || e.field.starts_with("--")) return e.message;
    return e.field + ": " + e.message;
}

// The link's layer, input and output step, each tried as the option it stands for, on top of what the
// command line gave.
void take_window_values(const LinkValues& v, AppOptions& options) {
    auto note = [&](const char* key, const std::string& value, std::string why) {
        add_note(options, key, value, std::move(why));
    };
    auto names_a_file = [&](const char* key, const std::string& value) {
        if (!value.starts_with("@")) return false;
        note(key, value, "a link cannot name a file");
        return true;
    };
    AppOptions trial;  // the options the link's values have been checked against so far
    trial.input_text = options.input_text;
    trial.params_text = options.params_text;
    if (v.input && !options.input_text && !names_a_file("input", *v.input)) {
        trial.input_text = v.input;
        if (v.input->size() > kMaxLinkInputBytes) {
            note("input", *v.input, "longer than " + std::to_string(kMaxLinkInputBytes >> 10) + " KiB");
            trial.input_text.reset();
        } else if (Result<AppState> tried = initial_state(trial); !tried) {
            note("input", *v.input, reason(tried.errors()));
            trial.input_text.reset();
        }
    }
    if (v.params && !options.params_text && !names_a_file("params", *v.params)) {
        trial.params_text = v.params;
        if (Result<AppState> tried = initial_state(trial); !tried) {
            note("params", *v.params, reason(tried.errors()));
            trial.params_text.reset();
        }
    }
    options.input_text = trial.input_text;
    options.params_text = trial.params_text;
    if (!v.step || options.step) return;
    int64_t step = 0;
    if (!parse_count(*v.step, step) || step < 0) {
        note("step", *v.step, "expects an output cell number >= 0");
        return;
    }
    Result<AppState> state = initial_state(trial);
    if (!state) return;
    Playback playback;
    AppState& tried = state.value();
    recompute(tried.doc, tried.computed, tried.interaction, playback);
    const int64_t steps = step_count(tried.computed);
    if (step >= steps) {
        note("step", *v.step, "the output has " + std::to_string(steps) + " cells per channel");
        return;
    }
    options.step = step;
}

// The link's lesson: a shipped one (or the one the page fetched), at the link's step.
void take_lesson(const LinkValues& v, AppOptions& options, const std::filesystem::path& shipped) {
    auto note = [&](const char* key, const std::string& value, std::string why) {
        add_note(options, key, value, std::move(why));
    };
    if (options.lesson_path) return;  // the command line named one
    if (options.link_lesson) {
        options.lesson_path = options.link_lesson;
    } else if (options.link_lesson_failed) {
        note("lesson", *v.lesson, *options.link_lesson_failed);
        return;
    } else if (std::optional<std::string> path = shipped_lesson(*v.lesson, shipped)) {
        options.lesson_path = path;
    } else {
        note("lesson", *v.lesson, "not one of this site's lessons (lessons/NAME.json)");
        return;
    }
    if (!v.step || options.lesson_step || options.refused_url_step) return;
    // A step that is no step number is noted (say_url_notes), one past the lesson's end too once the lesson
    // is open (open_startup_lesson): either way the lesson starts at step 1.
    int64_t step = 0;
    if (!parse_count(*v.step, step) || step < 1)
        options.refused_url_step = quote_prefix(*v.step);
    else
        options.lesson_step = step;
}

}  // namespace

LinkValues read_link(std::string_view url) {
    LinkValues values;
    const UrlParts parts = split_url(url);
    for (const std::string* form : {&parts.query, &parts.fragment})
        for (auto& [key, value] : url_values(*form)) {
            std::optional<std::string>* slot = key == "params"         ? &values.params
                                               : key == "input"        ? &values.input
                                               : key == "step"         ? &values.step
                                               : key == "view"         ? &values.view
                                               : key == "lang"         ? &values.lang
                                               : key == "presentation" ? &values.presentation
                                               : key == "lesson"       ? &values.lesson
                                                                       : nullptr;
            if (slot)
                *slot = std::move(value);
            else
                values.unknown.push_back(key);
        }
    return values;
}

bool looks_like_link(std::string_view arg) {
    return starts_with_ci(arg, "http://") || starts_with_ci(arg, "https://") ||
           starts_with_ci(arg, "file:") || arg.starts_with("#") || arg.starts_with("?");
}

bool parse_view(std::string_view text, std::optional<PassView>& pass, bool& compare) {
    std::optional<PassView> found_pass;
    bool found_compare = false;
    for (bool more = !text.empty(); more;) {
        const size_t comma = text.find(',');
        const std::string_view word = text.substr(0, comma);
        more = comma != std::string_view::npos;
        text = more ? text.substr(comma + 1) : std::string_view{};
        if (word == "compare" && !found_compare)
            found_compare = true;
        else if (word == "forward" && !found_pass)
            found_pass = PassView::kForward;
        else if (word == "backward" && !found_pass)
            found_pass = PassView::kBackward;
        else if (word == "unpool" && !found_pass)
            found_pass = PassView::kUnpool;
        else
            return false;
    }
    if (!found_pass && !found_compare) return false;
    if (found_pass) pass = found_pass;
    compare = found_compare;
    return true;
}

void take_link(AppOptions& options, const std::filesystem::path& shipped_lessons) {
    const std::string& url = *options.link;
    auto note = [&](const char* key, const std::string& value, std::string why) {
        add_note(options, key, value, std::move(why));
    };
    if (url.size() > kMaxLinkBytes) {
        note("", "", "the link is longer than " + std::to_string(kMaxLinkBytes >> 20) + " MiB");
        return;
    }
    options.from_url = true;  // values it cannot use are notes, never errors that stop the app
    const LinkValues v = read_link(url);
    for (const std::string& key : v.unknown)
        note("", key, "PoolScope links have no such value");
    if (v.lesson) take_lesson(v, options, shipped_lessons);
    if (options.lesson_path && v.lesson) {
        for (const auto& [key, value] : {std::pair{"params", v.params}, std::pair{"input", v.input}})
            if (value) note(key, *value, "the lesson sets the layer and the input");
    } else {
        take_window_values(v, options);
    }
    if (v.view && !options.pass) {
        bool compare = false;
        if (parse_view(*v.view, options.pass, compare))
            options.compare = options.compare || compare;
        else
            note("view", *v.view, "expects forward, backward, unpool or compare");
    }
    if (v.lang && !options.language) {
        options.language = parse_language(*v.lang);
        if (!options.language) note("lang", *v.lang, "expects en or zh");
    }
    if (v.presentation) {
        const std::string& p = *v.presentation;
        if (p.empty() || p == "1" || p == "true" || p == "yes" || p == "on")
            options.presentation = true;
        else if (p != "0" && p != "false" && p != "no" && p != "off")
            note("presentation", p, "expects 1 or 0");
    }
}

std::string link_to_state(const AppState& state, const Playback& playback, bool presentation,
                          std::string_view base, const std::filesystem::path& shipped_lessons) {
    std::vector<std::pair<std::string, std::string>> values;
    const LessonSession& session = state.lessons.session;
    std::error_code ec;
    const bool shipped = is_open(session) && !shipped_lessons.empty() &&
                         std::filesystem::equivalent(session.path.parent_path(), shipped_lessons, ec);
    if (shipped && window_shows_step(session, state.doc, state.gradient)) {
        values.emplace_back("lesson", kShippedPrefix + session.path.filename().string());
        values.emplace_back("step", std::to_string(session.step + 1));
    } else {
        nlohmann::json layer = nlohmann::json::object();
        layer_to_json(layer_of(state.doc), layer);
        values.emplace_back("params", layer.dump());
        values.emplace_back("input", tensor_to_json(state.doc.input));
        if (playback.step != 0) values.emplace_back("step", std::to_string(playback.step));
    }
    const PassView pass = state.gradient.pass;
    // A lesson step picks its own pass (a backward step, Backward): the link says the one on screen.
    const bool compare_open = window_open(state.view, window_id::kCompare);
    if (pass != PassView::kForward || compare_open || values.front().first == "lesson")
        values.emplace_back("view", pass == PassView::kForward && compare_open ? std::string("compare")
                                    : compare_open ? std::string(pass_name(pass)) + ",compare"
                                                   : std::string(pass_name(pass)));
    values.emplace_back("lang", language_code(current_language()));
    if (presentation) values.emplace_back("presentation", "1");
    return split_url(base).base + "#" + url_form(values);
}

void finish_link(GradientView& gradient, Interaction& interaction, const AppOptions& options) {
    if (options.pass) gradient.pass = *options.pass;
    if (options.link_notes.empty()) return;
    // After say_url_notes(): its note (a lesson step) stays in front.
    std::string text = interaction.status_is_error && options.from_url ? interaction.status : std::string();
    for (const LinkNote& n : options.link_notes) {
        char line[1200];
        if (n.key.empty())
            std::snprintf(line, sizeof line, tr("link.note_other_fmt"), n.value.c_str(), n.why.c_str());
        else
            std::snprintf(line, sizeof line, tr("link.note_fmt"), n.key.c_str(), n.value.c_str(),
                          n.why.c_str());
        text += (text.empty() ? "" : "  ") + std::string(line);
    }
    set_status(interaction, text, true);
}

}  // namespace poolscope::app
