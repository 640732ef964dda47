// Options of the window (everything that is not a command-line command): --screenshot, --size, the
// starting state (--input, --params, --step, --select, --play, --view, a link), --state-out, --lang,
// --scale, --presentation, --web-base.
// GUI-free, so tests check the parsing without a display.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "model/app_state.h"
#include "model/playback.h"
#include "poolscope/result.h"

namespace poolscope::app {

// A value of a link that the window could not use: the key, the value as given (cut short), and why.
struct LinkNote {
    std::string key;
    std::string value;
    std::string why;
};

struct AppOptions {
    std::optional<std::string> screenshot_path;  // write one PNG after a few frames, then exit
    int width = 1280;                            // --size WxH
    int height = 800;                            //
    std::optional<std::string> input_text;       // --input: a matrix as text, or @file
    std::optional<std::string> params_text;      // --params: JSON with PyTorch's argument names + "op"
    std::optional<int64_t> step;                 // --step N
    std::optional<InputCellRef> select;          // --select C,H,W: start with this input cell selected
    bool play = false;                           // --play
    bool compare = false;                        // --compare: open View → Compare frameworks
    bool ab = false;                             // --ab: open View → A/B settings
    bool reveal = false;                         // --reveal: every quiz question shows its answer
    std::optional<NetworkCellRef> net_cell;      // --net-cell L:H,W: the Network view, with that cell chosen
    bool author = false;                         // --author: the lesson column's authoring tools open
    std::optional<std::string> state_out;        // --state-out FILE: JSON state on exit and on F12
    std::optional<std::string> picture_path;     // --picture FILE: open the Image view with it
    std::optional<Language> language;            // --lang en|zh
    float ui_scale = 1.0f;                       // --scale 0.75..3
    bool scale_given = false;                    // --scale was given (else the saved scale applies)
    bool size_given = false;                     // --size was given (else the saved window size applies)
    bool presentation = false;                   // --presentation: start in presentation mode (F5)
    float zoom = 1.0f;                           // --zoom 0.5..4
    bool help = false;                           // --help
    // Lessons: `poolscope FILE.json` or --lesson FILE; --lesson-step N is 1-based (the lesson's step N, as
    // the player shows "Step N of M"); --lessons opens the lesson browser.
    std::optional<std::string> lesson_path;  //
    std::optional<int64_t> lesson_step;      // 1-based
    bool show_lessons = false;               // --lessons
    bool first_start = false;                // --first-start: show the start card even with --lesson,
                                             // --screenshot or --state-out (which hide it), for tests
    // --bench-frames N: vsync off, the timeline moving every frame; after N timed frames print one JSON
    // line of frame times (frame_bench.h) and exit.
    std::optional<int64_t> bench_frames;
    // --from-url: the browser page passes its URL's values (?lesson= ?step= ?lang=); one it cannot use is not
    // an error that stops the app but a note in the window (say_url_notes), and the default is used. A link
    // (below) sets it too.
    bool from_url = false;
    std::optional<std::string> refused_url_step;  // a ?step= that is no step number, as given
    // --view forward|backward|unpool|compare: the centre panel's pass (a lesson step picks its own first) and
    // the compare window ("backward,compare" both).
    std::optional<PassView> pass;
    // A PoolScope link (`poolscope URL` or --link URL; model/state_link.h): take_link() turns its values into
    // the options above, each checked as that option is; one it cannot use is left out and noted.
    std::optional<std::string> link;         // the address as given
    std::optional<std::string> link_lesson;  // --link-lesson FILE: where the page put the link's lesson
    std::optional<std::string> link_lesson_failed;  // --link-lesson-failed WHY: the page could not fetch it
    std::optional<std::string> web_base;            // --web-base URL: the page address Copy link writes
    std::vector<LinkNote> link_notes;               // the link's values left out, and why
};

Result<AppOptions> parse_app_options(int argc, char** argv);
void print_app_usage(std::ostream& out);

// `--input HxWxC` (e.g. 16x16x3): a shape instead of a matrix. nullopt when the text is not of that form.
struct InputDims {
    int64_t h = 0, w = 0, c = 0;
};
std::optional<InputDims> parse_input_dims(std::string_view text);
// A deterministic input of that shape: digits that vary per cell and channel (so max pooling has real
// work and the matrix shows distinct numbers). An error when the shape exceeds what the editor holds.
Result<Tensor> make_dims_input(const InputDims& dims);

// --from-url: says in the status line which of the page's URL values could not be used (a step that is no
// number, or past the lesson's end), in the window's language. Call once the language is set.
void say_url_notes(const LessonSession& session, Interaction& interaction, const AppOptions& options);

// Builds the starting state from the options (the default lesson when none are given).
Result<AppState> initial_state(const AppOptions& options);

// Reads a matrix the way the clipboard paste does; C×H×W must fit the editor (N = 1).
Result<Tensor> parse_input_text(std::string_view text);

}  // namespace poolscope::app
