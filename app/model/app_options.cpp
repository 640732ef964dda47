// Parsing of the window's command-line options (see app_options.h).
#include "model/app_options.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "i18n/i18n.h"
#include "model/clipboard_text.h"
#include "model/network_model.h"
#include "model/paths.h"
#include "model/state_link.h"
#include "poolscope/file_read.h"
#include "poolscope/json_guard.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_params.h"

namespace poolscope::app {
namespace {

// "5:2,3" -> net[5], cell (2, 3); "3.1:0,0" -> net[3][1].
std::optional<NetworkCellRef> parse_net_cell(std::string_view text) {
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    NetworkCellRef ref;
    const auto numbers = [](std::string_view part, char separator, auto& out) {
        while (true) {
            const size_t cut = part.find(separator);
            int64_t v = 0;
            const std::string_view piece = part.substr(0, cut);
            const auto [end, ec] = std::from_chars(piece.data(), piece.data() + piece.size(), v);
            if (piece.empty() || ec != std::errc() || end != piece.data() + piece.size() || v < 0 ||
                out.size() >= 8)
                return false;
            out.push_back(static_cast<typename std::decay_t<decltype(out)>::value_type>(v));
            if (cut == std::string_view::npos) return true;
            part.remove_prefix(cut + 1);
        }
    };
    if (!numbers(text.substr(0, colon), '.', ref.layer) || !numbers(text.substr(colon + 1), ',', ref.cell) ||
        ref.cell.size() != 2)
        return std::nullopt;
    return ref;
}

bool parse_int(std::string_view text, int64_t& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

bool parse_float(const std::string& text, float& out) {
    char* end = nullptr;
    out = std::strtof(text.c_str(), &end);
    return !text.empty() && end == text.c_str() + text.size() && std::isfinite(out);  // no nan, no inf
}

// An output file named on the command line (--state-out, --screenshot): its folder must exist and the name
// must not be a FIFO or device, so a typo fails at once instead of silently at exit (or blocking there).
std::optional<Error> check_output_path(const std::string& option, const std::string& path) {
    std::error_code ec;
    const std::filesystem::path p(path);
    const std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(dir, ec))
        return Error{option, "cannot write '" + quote_prefix(path) + "': the folder '" +
                                 quote_prefix(dir.string()) + "' does not exist"};
    if (std::filesystem::exists(p, ec))
        if (std::optional<std::string> why = not_a_regular_file(p))
            return Error{option, "cannot write '" + quote_prefix(path) + "': it " + *why};
    return std::nullopt;
}

}  // namespace

void print_app_usage(std::ostream& out) {
    out << "Window options (poolscope [options]):\n"
           "  --input TEXT|@FILE     starting input: tensor([[...]]), array([[...]]), JSON, CSV rows\n"
           "  --params JSON|@FILE    pooling params with PyTorch's names, plus \"op\":\n"
           "                         '{\"op\":\"max_pool2d\",\"kernel_size\":3,\"ceil_mode\":true}'\n"
           "                         another framework with \"convention\" and its own keys:\n"
           "                         '{\"convention\":\"tensorflow\",\"pool_size\":2,\"padding\":\"same\"}'\n"
           "  --step N               start at output cell N (row-major); with a lesson: the lesson's step N\n"
           "  --select C,H,W         start with input cell (C,H,W) selected for editing\n"
           "  --play                 start playing\n"
           "  --compare              open View > Compare frameworks (the layer in all four frameworks)\n"
           "  --ab                   open View > A/B settings (the layer beside itself with ceil_mode "
           "flipped;\n"
           "                         a lesson step with \"compare\" opens it with its own A and B)\n"
           "  --view V               forward, backward, unpool or compare (\"backward,compare\": both)\n"
           "  --reveal               every quiz question opens with its answer shown (answer slides)\n"
           "  --net-cell L:H,W       open View > Network view (D2L's LeNet, or a lesson's network step) "
           "with\n"
           "                         output cell (H,W) of layer L chosen: its receptive field lights up\n"
           "                         (L counts from 0 as D2L's net[L]; 3.1 is net[3][1])\n"
           "  --author               open the lesson column's authoring tools (titles, narration, steps)\n"
           "  --lang en|zh           interface language (default: last choice, else the locale)\n"
           "  --presentation         start in presentation mode (F5): fullscreen, large, high contrast\n"
           "  --scale F              UI font scale (0.75..3), --zoom F matrix zoom (0.5..4)\n"
           "  --screenshot FILE.png  render a few frames off screen, write a PNG, exit\n"
           "  --size WxH             window or screenshot size (default 1280x800)\n"
           "  --state-out FILE       write the app state as JSON on exit and whenever F12 is pressed\n"
           "  --picture FILE         open the Image view with a PNG, JPEG or BMP picture\n"
           "  FILE.json, --lesson FILE  open a lesson in the lesson player\n"
           "  --lesson-step N        start the lesson at its step N (1-based, as the player shows it);\n"
           "                         with --lesson, --step N means the same\n"
           "  --lessons              open the lesson browser\n"
           "  URL, --link URL        open a PoolScope link (Edit > Copy link): its #params= #input= #step=\n"
           "                         #view= #lang= #presentation #lesson= are read here, nothing is fetched\n"
           "  --web-base URL         the PoolScope web page Edit > Copy link points at (kept in settings)\n"
           "  --first-start          show the start card even with --lesson, --screenshot, --state-out\n"
           "  --from-url             (the browser page) values from its URL that cannot be used are noted "
           "in\n"
           "                         the window, and the defaults used, instead of stopping the app\n"
           "  --bench-frames N       benchmark: vsync off, step every frame, print frame times as JSON, "
           "exit\n"
           "                         (--input HxWxC, e.g. 16x16x3, picks the input size)\n";
}

namespace {

// The options that take no value, each switching one setting on.
struct Flag {
    std::string_view name;
    bool AppOptions::*setting;
};
constexpr Flag kFlags[] = {{"--help", &AppOptions::help},
                           {"-h", &AppOptions::help},
                           {"--play", &AppOptions::play},
                           {"--compare", &AppOptions::compare},
                           {"--ab", &AppOptions::ab},
                           {"--reveal", &AppOptions::reveal},
                           {"--author", &AppOptions::author},
                           {"--presentation", &AppOptions::presentation},
                           {"--from-url", &AppOptions::from_url},  // read before the loop too
                           {"--lessons", &AppOptions::show_lessons},
                           {"--first-start", &AppOptions::first_start}};

const Flag* flag_named(std::string_view arg) {
    for (const Flag& flag : kFlags)
        if (flag.name == arg) return &flag;
    return nullptr;
}

}  // namespace

Result<AppOptions> parse_app_options(int argc, char** argv) {
    AppOptions options;
    for (int i = 1; i < argc; ++i)  // first, so the values before it are read leniently too
        options.from_url = options.from_url || std::string_view(argv[i]) == "--from-url";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        std::string v;
        if (const Flag* flag = flag_named(arg)) {
            options.*flag->setting = true;
        } else if (arg == "--bench-frames") {
            int64_t n = 0;
            if (!value(v) || !parse_int(v, n) || n < 1 || n > 1'000'000)
                return Error{arg, "expects a number of frames in [1, 1000000]"};
            options.bench_frames = n;
        } else if (arg == "--lesson" || arg == "--lesson-step") {
            if (!value(v)) return Error{arg, "needs a value"};
            int64_t n = 0;
            if (arg == "--lesson")
                options.lesson_path = v;
            else if ((!parse_int(v, n) || n < 1) && options.from_url)
                options.refused_url_step = quote_prefix(v);  // the page's link: a note, and step 1
            else if (!parse_int(v, n) || n < 1)
                return Error{arg, "expects a lesson step number >= 1 (the first step is 1), got '" +
                                      quote_prefix(v) + "'"};
            else
                options.lesson_step = n;
        } else if (!arg.empty() && arg[0] != '-' && looks_like_link(arg) && !options.link) {
            options.link = arg;  // `poolscope 'https://.../index.html#params=...'`
        } else if (!arg.empty() && arg[0] != '-' && !options.lesson_path) {
            options.lesson_path = arg;  // `poolscope path/to/lesson.json`
        } else if (arg == "--link" || arg == "--link-lesson" || arg == "--link-lesson-failed" ||
                   arg == "--web-base" || arg == "--view") {
            if (!value(v)) return Error{arg, "needs a value"};
            if (arg == "--link") {
                options.link = v;
            } else if (arg == "--link-lesson") {
                options.link_lesson = v;
            } else if (arg == "--link-lesson-failed") {
                options.link_lesson_failed = v;
            } else if (arg == "--web-base") {
                options.web_base = v;
            } else if (bool compare = false; parse_view(v, options.pass, compare)) {
                options.compare = options.compare || compare;
            } else {
                return Error{arg,
                             "expects forward, backward, unpool or compare (or a pass and compare: "
                             "backward,compare), got '" +
                                 quote_prefix(v) + "'"};
            }
        } else if (arg == "--screenshot" || arg == "--state-out" || arg == "--input" || arg == "--params" ||
                   arg == "--size" || arg == "--step" || arg == "--select" || arg == "--lang" ||
                   arg == "--scale" || arg == "--zoom" || arg == "--picture" || arg == "--net-cell") {
            if (!value(v)) return Error{arg, "needs a value"};
            if (arg == "--screenshot" || arg == "--state-out")
                if (std::optional<Error> bad = check_output_path(arg, v)) return *bad;
            if (arg == "--screenshot") {
                options.screenshot_path = v;
            } else if (arg == "--picture") {
                options.picture_path = v;
            } else if (arg == "--state-out") {
                options.state_out = v;
            } else if (arg == "--input") {
                options.input_text = v;
            } else if (arg == "--params") {
                options.params_text = v;
            } else if (arg == "--size") {
                const size_t x = v.find('x');
                int64_t w = 0, h = 0;
                if (x == std::string::npos || !parse_int(std::string_view(v).substr(0, x), w) ||
                    !parse_int(std::string_view(v).substr(x + 1), h) || w < 320 || h < 240 || w > 8192 ||
                    h > 8192)
                    return Error{arg, "expects WIDTHxHEIGHT between 320x240 and 8192x8192, got '" +
                                          quote_prefix(v) + "'"};
                options.width = static_cast<int>(w);
                options.height = static_cast<int>(h);
                options.size_given = true;
            } else if (arg == "--step") {
                int64_t n = 0;
                if (!parse_int(v, n) || n < 0)
                    return Error{arg, "expects a step number >= 0, got '" + quote_prefix(v) + "'"};
                options.step = n;
            } else if (arg == "--net-cell") {
                if (std::optional<NetworkCellRef> cell = parse_net_cell(v))
                    options.net_cell = std::move(cell);
                else
                    return Error{arg,
                                 "expects LAYER:H,W (e.g. 5:2,3 or 3.1:0,0), got '" + quote_prefix(v) + "'"};
            } else if (arg == "--select") {
                InputCellRef cell;
                int64_t* parts[3] = {&cell.c, &cell.h, &cell.w};
                std::string_view rest = v;
                for (int k = 0; k < 3; ++k) {
                    const size_t comma = k < 2 ? rest.find(',') : rest.size();
                    if (comma == std::string_view::npos || !parse_int(rest.substr(0, comma), *parts[k]) ||
                        *parts[k] < 0)
                        return Error{arg,
                                     "expects C,H,W (three numbers >= 0), got '" + quote_prefix(v) + "'"};
                    rest = k < 2 ? rest.substr(comma + 1) : std::string_view{};
                }
                options.select = cell;
            } else if (arg == "--lang") {
                options.language = parse_language(v);
                if (!options.language) return Error{arg, "expects en or zh, got '" + quote_prefix(v) + "'"};
            } else {
                float f = 0;
                const bool scale = arg == "--scale";
                const float lo = scale ? 0.75f : 0.5f, hi = scale ? 3.0f : 4.0f;
                if (!parse_float(v, f) || f < lo || f > hi)
                    return Error{arg, "expects a number in [" + std::to_string(lo).substr(0, 4) + ", " +
                                          std::to_string(hi).substr(0, 4) + "], got '" + quote_prefix(v) +
                                          "'"};
                (scale ? options.ui_scale : options.zoom) = f;
                options.scale_given = options.scale_given || scale;
            }
        } else {
            return Error{quote_prefix(arg), "unknown option (try poolscope --help)"};
        }
    }
    // With a lesson, --step N names the lesson's step N (1-based), as `--screenshot --lesson FILE --step N`
    // reads; --lesson-step says the same explicitly.
    if (options.lesson_path && options.step && !options.lesson_step) {
        if (*options.step < 1)
            return Error{"--step", "with --lesson, expects a lesson step number >= 1 (the first step is 1)"};
        options.lesson_step = options.step;
        options.step.reset();
    }
    if (options.link) take_link(options, lessons_dir(executable_dir()));
    return options;
}

std::optional<InputDims> parse_input_dims(std::string_view text) {
    InputDims dims;
    int64_t* parts[3] = {&dims.h, &dims.w, &dims.c};
    for (int k = 0; k < 3; ++k) {
        const size_t x = k < 2 ? text.find('x') : text.size();
        if (x == std::string_view::npos) return std::nullopt;
        int64_t v = 0;
        if (!parse_int(text.substr(0, x), v) || v < 1 || v > 1'000'000) return std::nullopt;
        *parts[k] = v;
        text = k < 2 ? text.substr(x + 1) : std::string_view{};
    }
    return dims;
}

Result<Tensor> make_dims_input(const InputDims& dims) {
    if (dims.c > kMaxEditChannels || dims.h > kMaxEditSize || dims.w > kMaxEditSize)
        return Error{"--input", "the editor holds up to " + std::to_string(kMaxEditSize) + "x" +
                                    std::to_string(kMaxEditSize) + "x" + std::to_string(kMaxEditChannels) +
                                    " (HxWxC), got " + std::to_string(dims.h) + "x" + std::to_string(dims.w) +
                                    "x" + std::to_string(dims.c)};
    Tensor t(Shape{1, dims.c, dims.h, dims.w}, 0.0f, dims.c > 1 ? 3 : 2);
    for (int64_t c = 0; c < dims.c; ++c)
        for (int64_t h = 0; h < dims.h; ++h)
            for (int64_t w = 0; w < dims.w; ++w)
                t.at(0, c, h, w) = static_cast<float>((h * 7 + w * 3 + c * 5) % 10);  // digits 0..9
    return t;
}

Result<Tensor> parse_input_text(std::string_view text) {
    Result<Tensor> parsed = parse_matrix_clipboard(text);
    if (!parsed) return parsed;
    const Shape& s = parsed->shape();
    if (s.n != 1)
        return Error{"input",
                     "the window shows one image, but this tensor has a batch of " + std::to_string(s.n)};
    if (s.c > kMaxEditChannels || s.h > kMaxEditSize || s.w > kMaxEditSize)
        return Error{"input", "the editor holds up to " + std::to_string(kMaxEditChannels) + " channels of " +
                                  std::to_string(kMaxEditSize) + "x" + std::to_string(kMaxEditSize) +
                                  ", this matrix is " + shape_text(s)};
    return parsed;
}

void say_url_notes(const LessonSession& session, Interaction& interaction, const AppOptions& options) {
    if (!options.from_url) return;
    char text[512] = {};
    if (options.refused_url_step)
        std::snprintf(text, sizeof text, tr("url.bad_step_fmt"), options.refused_url_step->c_str());
    else if (options.lesson_step && session.lesson &&
             static_cast<size_t>(*options.lesson_step) > step_total(session))
        std::snprintf(text, sizeof text, tr("url.step_past_end_fmt"),
                      static_cast<long long>(*options.lesson_step),
                      static_cast<long long>(step_total(session)));
    if (text[0]) set_status(interaction, text, true);
}

Result<AppState> initial_state(const AppOptions& options) {
    AppState state = make_default_state();
    if (options.input_text) {
        Result<std::string> text = text_or_file(*options.input_text, "--input");
        if (!text) return text.errors();
        const std::optional<InputDims> dims = parse_input_dims(*text);  // HxWxC, e.g. 16x16x3
        Result<Tensor> input = dims ? make_dims_input(*dims) : parse_input_text(*text);
        if (!input) return Error{"--input", input.error_text()};
        state.doc.input = std::move(input).value();
        state.doc.input.set_rank(state.doc.input.shape().c > 1 ? 3 : 2);
    }
    if (options.params_text) {
        Result<std::string> text = text_or_file(*options.params_text, "--params");
        if (!text) return text.errors();
        // nlohmann's copy and dump recurse: refuse deep nesting before a document is built.
        if (json_too_deep(*text))
            return Error{"--params", "nested more than " + std::to_string(kMaxJsonDepth) +
                                         " levels deep; pooling params never need that many"};
        nlohmann::json object = nlohmann::json::parse(*text, nullptr, false);
        if (object.is_discarded() || !object.is_object())
            return Error{"--params",
                         "expects a JSON object such as {\"op\":\"max_pool2d\",\"kernel_size\":3}"};
        PoolOp op = PoolOp::kMax;
        if (object.contains("op")) {
            const std::optional<PoolOp> parsed =
                object["op"].is_string() ? parse_op(object["op"].get<std::string>()) : std::nullopt;
            if (!parsed)
                return Error{"--params",
                             "\"op\" must be max_pool2d, avg_pool2d, adaptive_max_pool2d or "
                             "adaptive_avg_pool2d"};
            op = *parsed;
            object.erase("op");
        }
        if (object.contains("convention")) {  // another framework's layer, in its own keys (json_layer.h)
            Result<LayerSpec> layer = layer_from_json(object, op, state.doc.input.shape(), "--params");
            if (!layer) return layer.errors();
            state.doc.params = layer->params;
            state.doc.convention = layer->convention;
            state.doc.pad_mode = layer->pad_mode;
            state.doc.storage_order = layer->storage_order;
        } else {
            PoolParams base;
            base.op = op;
            Result<PoolParams> params =
                params_from_json(object, op, state.doc.input.shape(), "--params", base);
            if (!params) return params.errors();
            state.doc.params = std::move(params).value();
        }
        state.doc.params.op = op;
        state.doc.stride_follows_kernel = !state.doc.params.stride.has_value();
    }
    if (options.language) set_language(*options.language);  // the UI language is i18n's (view.h)
    set_window_open(state.view, window_id::kCompare, options.compare);
    if (options.ab) open_window(state.view, window_id::kAbSettings);  // a lesson step may have opened it
    state.quiz.reveal_all = options.reveal;
    if (options.net_cell) {  // (a lesson's network step sets its own focus cell when it is applied)
        open_window(state.view, window_id::kNetwork);
        state.interaction.network_cell = options.net_cell;
    }
    if (options.pass) state.gradient.pass = *options.pass;
    state.lessons.author_open = state.lessons.author_scroll = state.lessons.author_words = options.author;
    state.view.ui_scale = options.ui_scale;
    state.view.zoom = options.zoom;
    state.doc.history.reset(snapshot_of(state.doc));
    FocusRequest focus;
    focus.step = options.step;
    if (options.play) focus.play = FocusRequest::Play::kToggle;
    state.interaction.focus = focus;
    if (options.select) {
        const Shape& s = state.doc.input.shape();
        const InputCellRef& c = *options.select;
        if (c.c >= s.c || c.h >= s.h || c.w >= s.w)
            return Error{"--select", "cell (" + std::to_string(c.c) + "," + std::to_string(c.h) + "," +
                                         std::to_string(c.w) + ") is outside the input"};
        state.interaction.editor.selected = c;
    }
    return state;
}

}  // namespace poolscope::app
