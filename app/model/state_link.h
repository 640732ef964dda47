// Links to what the window shows: a PoolScope web page's address with the state after '#' (or '?'):
//   params  the layer as JSON, any convention (what --params takes)    input  the matrix (what --input takes)
//   step    the output cell (0-based), with a lesson its step (1-based) view forward|backward|unpool|compare
//   lang    en|zh        presentation  1        lesson  lessons/NAME.json (a shipped lesson)
// Edit → Copy link writes one (link_to_state); the desktop (`poolscope URL`) and the browser page (its own
// address) read one (take_link). A value that cannot be used is left out, the default stays, and the
// window says which and why (say_link_notes). GUI-free: the desktop and the browser share every line.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/app_options.h"
#include "model/app_state.h"
#include "model/playback.h"

namespace poolscope::app {

inline constexpr size_t kMaxLinkBytes = size_t{2} << 20;  // what Chromium takes in its address bar
inline constexpr size_t kMaxLinkInputBytes = 256 << 10;   // 8 channels of 32 x 32 need far less

// A link's values, decoded; the fragment's after the query's (so the fragment wins).
struct LinkValues {
    std::optional<std::string> params, input, step, view, lang, presentation, lesson;
    std::vector<std::string> unknown;  // keys PoolScope does not know, as written
};
LinkValues read_link(std::string_view url);

// `poolscope ARG`: an address (http:, https:, file:) or bare "#..." / "?..." values, not a lesson file.
bool looks_like_link(std::string_view arg);

// --view and a link's view: "forward", "backward", "unpool", "compare", or a pass and compare
// ("backward,compare"). False when `text` is none of these.
bool parse_view(std::string_view text, std::optional<PassView>& pass, bool& compare);

// Turns options.link into the options it stands for, each value checked the way its option is (a link never
// names a local file); values the command line gave already win. `shipped_lessons` is the app's lessons
// folder: a link's lesson must be one of them (or the page fetched it: --link-lesson). What is left out is
// noted in options.link_notes.
void take_link(AppOptions& options, const std::filesystem::path& shipped_lessons);

// The link Copy link writes: `base` without its query or fragment, then '#' and the values. A shipped
// lesson whose step the window shows links the lesson and step; anything else the layer, input and step.
std::string link_to_state(const AppState& state, const Playback& playback, bool presentation,
                          std::string_view base, const std::filesystem::path& shipped_lessons);

// After the startup lesson opened and the language is set: the view --view or the link asked for (a lesson
// step picks its own first), and the link's notes in the status line, in the window's language.
void finish_link(GradientView& gradient, Interaction& interaction, const AppOptions& options);

}  // namespace poolscope::app
