// `poolscope export` (see export_command.h): arguments, the scene from a lesson step or --params/--input,
// then each requested output in turn. Usage errors exit 2, input and file errors 1 (cli.h's codes).
#include "export/export_command.h"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/export_code.h"
#include "export/export_job.h"
#include "model/lesson_session.h"
#include "platform/font_files.h"
#include "poolscope/file_read.h"
#include "poolscope/json_guard.h"
#include "poolscope/json_layer.h"
#include "poolscope/lesson.h"
#include "poolscope/matrix_text.h"
#include "poolscope/text_guard.h"

namespace poolscope::app {
namespace {

constexpr int kExitOk = 0, kExitInputError = 1, kExitUsage = 2;  // as app/cli/cli.h

struct ExportArgs {
    std::optional<std::string> lesson, params, input;
    std::optional<int64_t> step;  // 1-based
    bool all_steps = false;
    std::optional<std::string> gif, png, svg, code;
    std::optional<int64_t> frame;                        // 1-based window position
    std::optional<std::pair<int64_t, int64_t>> windows;  // --windows A..B, 1-based
    int64_t every = 1;                                   // --every N
    bool smooth = false;
    int delay_ms = 800, loop = 0;
    std::optional<SceneView> view;           // --view; unset: what the step shows (forward off a lesson)
    std::optional<std::string> grad_output;  // --grad-output MATRIX (text or @FILE)
    SceneRequest scene;
    bool help = false;
};

std::optional<int64_t> parse_int(std::string_view text) {
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

// Two of --gif / --png / --svg naming one file (also through a symlink or "./"): the second would overwrite
// the first.
std::optional<Error> same_file(const ExportArgs& a) {
    const std::pair<const char*, const std::optional<std::string>*> outputs[] = {
        {"--gif", &a.gif}, {"--png", &a.png}, {"--svg", &a.svg}};
    const auto key = [](const std::string& path) {
        std::error_code ec;
        const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
        return ec ? std::filesystem::absolute(path, ec).lexically_normal() : p;
    };
    for (size_t i = 0; i < 3; ++i)
        for (size_t j = i + 1; j < 3; ++j) {
            if (!*outputs[i].second || !*outputs[j].second) continue;
            if (key(**outputs[i].second) == key(**outputs[j].second))
                return Error{outputs[j].first, "names the same file as " + std::string(outputs[i].first) +
                                                   " ('" + quote_prefix(**outputs[j].second) +
                                                   "'): each output needs a file of its own"};
        }
    return std::nullopt;
}

Result<ExportArgs> parse_args(int argc, char** argv) {
    ExportArgs a;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> Result<std::string> {
            if (i + 1 >= argc) return Error{arg, "expects a value"};
            return std::string(argv[++i]);
        };
        const auto number = [&](int64_t low, int64_t high) -> Result<int64_t> {
            Result<std::string> v = value();
            if (!v) return v.errors();
            const std::optional<int64_t> n = parse_int(*v);
            if (!n || *n < low || *n > high)
                return Error{arg, "expects a whole number from " + std::to_string(low) + " to " +
                                      std::to_string(high) + ", got '" + quote_prefix(*v) + "'"};
            return *n;
        };
        if (arg == "--help" || arg == "-h") {
            a.help = true;
        } else if (arg == "--smooth") {
            a.smooth = true;
        } else if (arg == "--legend") {
            a.scene.legend = true;
        } else if (arg == "--all-steps") {
            a.all_steps = true;
        } else if (arg == "--windows") {
            Result<std::string> v = value();
            if (!v) return v.errors();
            const size_t dots = v->find("..");
            const std::optional<int64_t> from = parse_int(v->substr(0, dots));
            const std::optional<int64_t> to =
                dots == std::string::npos ? std::nullopt : parse_int(v->substr(dots + 2));
            if (!from || !to || *from < 1 || *to < *from)
                return Error{arg, "expects window positions A..B (1-based, A <= B), e.g. 1..20, got '" +
                                      quote_prefix(*v) + "'"};
            a.windows = std::pair{*from, *to};
        } else if (arg == "--step" || arg == "--frame" || arg == "--delay" || arg == "--loop" ||
                   arg == "--cell" || arg == "--every") {
            const int64_t high = arg == "--delay"  ? 60000
                                 : arg == "--loop" ? 65535
                                 : arg == "--cell" ? 400
                                                   : 1 << 30;
            const int64_t low = arg == "--loop" ? 0 : arg == "--delay" ? 20 : arg == "--cell" ? 8 : 1;
            Result<int64_t> n = number(low, high);
            if (!n) return n.errors();
            if (arg == "--step") a.step = *n;
            if (arg == "--frame") a.frame = *n;
            if (arg == "--delay") a.delay_ms = static_cast<int>(*n);
            if (arg == "--loop") a.loop = static_cast<int>(*n);
            if (arg == "--cell") a.scene.cell = static_cast<float>(*n);
            if (arg == "--every") a.every = *n;
        } else if (arg == "--lesson" || arg == "--params" || arg == "--input" || arg == "--gif" ||
                   arg == "--png" || arg == "--svg" || arg == "--code" || arg == "--theme" ||
                   arg == "--lang" || arg == "--view" || arg == "--grad-output") {
            Result<std::string> v = value();
            if (!v) return v.errors();
            if (arg == "--lesson") a.lesson = *v;
            if (arg == "--params") a.params = *v;
            if (arg == "--input") a.input = *v;
            if (arg == "--gif") a.gif = *v;
            if (arg == "--png") a.png = *v;
            if (arg == "--svg") a.svg = *v;
            if (arg == "--grad-output") a.grad_output = *v;
            if (arg == "--view") {
                if (*v != "forward" && *v != "backward" && *v != "shape")
                    return Error{arg, "expects forward, backward or shape, got '" + quote_prefix(*v) + "'"};
                a.view = *v == "forward"    ? SceneView::kForward
                         : *v == "backward" ? SceneView::kBackward
                                            : SceneView::kWalkthrough;
            }
            if (arg == "--code") {
                if (!parse_convention(*v))
                    return Error{
                        arg, "expects pytorch, tensorflow, onnx or mxnet, got '" + quote_prefix(*v) + "'"};
                a.code = *v;
            }
            if (arg == "--theme") {
                if (*v != "light" && *v != "dark")
                    return Error{arg, "expects light or dark, got '" + quote_prefix(*v) + "'"};
                a.scene.theme = *v == "dark" ? ExportTheme::kDark : ExportTheme::kLight;
            }
            if (arg == "--lang") {
                const std::optional<Language> language = parse_language(*v);
                if (!language) return Error{arg, "expects en or zh, got '" + quote_prefix(*v) + "'"};
                a.scene.language = *language;
            }
        } else {
            return Error{arg, "unknown option (see poolscope export --help)"};
        }
    }
    if (a.help) return a;
    if (a.lesson.has_value() == (a.params.has_value() || a.input.has_value()))
        return Error{
            "export",
            "give either --lesson FILE with --step N (or --all-steps), or --params JSON with --input MATRIX"};
    if (a.lesson && a.all_steps == a.step.has_value())
        return Error{"export", "with --lesson give one of --step N and --all-steps"};
    if (!a.lesson && (!a.params || !a.input)) return Error{"export", "--params and --input go together"};
    if (a.all_steps && (!a.gif || a.png || a.svg || a.code))
        return Error{"--all-steps", "writes one GIF per step: give --gif DIR/ and no other output"};
    if (!a.gif && !a.png && !a.svg && !a.code)
        return Error{"export", "nothing to write: give --gif, --png, --svg or --code"};
    if ((a.windows || a.every > 1) && !a.gif)
        return Error{a.windows ? "--windows" : "--every", "picks the window positions of a GIF: give --gif"};
    if (std::optional<Error> clash = same_file(a)) return *clash;
    if (a.grad_output && a.view && *a.view != SceneView::kBackward)
        return Error{"--grad-output", "is the gradient of the backward pass: use it with --view backward"};
    if (a.grad_output) a.view = SceneView::kBackward;
    a.scene.smooth = a.smooth;
    return a;
}

// --params JSON (an object: "op", "convention", the layer keys) and --input MATRIX (text, or @FILE).
Result<bool> layer_from_args(const ExportArgs& a, SceneRequest& scene) {
    // The window's reader for @FILE too: regular files only, size-limited, never blocking (file_read.h).
    Result<std::string> matrix = text_or_file(*a.input, "--input");
    if (!matrix) return matrix.errors();
    Result<Tensor> input = parse_matrix_text(*matrix);
    if (!input) return Error{"--input", input.error_text()};
    // nlohmann's copy and dump recurse: refuse deep nesting before a document is built.
    if (json_too_deep(*a.params))
        return Error{"--params", "nested more than " + std::to_string(kMaxJsonDepth) +
                                     " levels deep; pooling params never need that many"};
    const nlohmann::json doc = nlohmann::json::parse(*a.params, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return Error{"--params", "expects a JSON object, e.g. '{\"kernel_size\": 3}'"};
    // "op" as a string naming an op; anything else (true, 3, a list) is refused, never thrown.
    const auto op_it = doc.find("op");
    if (op_it != doc.end() && !op_it->is_string())
        return Error{"--params", "\"op\" must be a string such as \"max_pool2d\", got " + brief_json(*op_it)};
    const std::string op_text = op_it != doc.end() ? op_it->get<std::string>() : std::string("max_pool2d");
    const std::optional<PoolOp> op = parse_op(op_text);
    if (!op) return Error{"--params", "unknown op \"" + quote_prefix(op_text) + "\""};
    nlohmann::json layer_doc = doc;
    layer_doc.erase("op");
    Result<LayerSpec> layer = layer_from_json(layer_doc, *op, input->shape(), "");
    if (!layer) return Error{"--params", layer.error_text()};
    scene.input = std::move(input).value();
    scene.layer = *layer;
    scene.view = a.view.value_or(SceneView::kForward);
    return true;
}

// --grad-output MATRIX into the request (the backward pass's gradient at the output).
Result<bool> grad_output_from_args(const ExportArgs& a, SceneRequest& scene) {
    if (!a.grad_output) return true;
    Result<std::string> text = text_or_file(*a.grad_output, "--grad-output");
    if (!text) return text.errors();
    Result<Tensor> grad = parse_matrix_text(*text);
    if (!grad) return Error{"--grad-output", grad.error_text()};
    scene.grad_output = std::move(grad).value();
    return true;
}

int write_outputs(const ExportArgs& a, const SceneRequest& request, std::ostream& out, std::ostream& err) {
    if (a.code) {
        const Shape shape = request.sizes ? *request.sizes : request.input.shape();
        out << layer_code_for(request.layer, *parse_convention(*a.code), &shape) << "\n";
        if (!a.gif && !a.png && !a.svg) return kExitOk;
    }
    Result<ExportScene> scene = make_scene(request);  // refuses inputs larger than an export draws
    if (!scene) return err << "poolscope export: " << scene.error_text() << "\n", kExitInputError;
    const int64_t windows = static_cast<int64_t>(scene->steps.size());
    if (a.frame && *a.frame > windows)
        return err << "poolscope export: --frame " << *a.frame << " does not exist: "
                   << (scene->view == SceneView::kWalkthrough
                           ? std::string("the output-size walkthrough is one picture")
                           : "this layer has " + std::to_string(windows) + " window position(s)")
                   << "\n",
               kExitInputError;
    const size_t frame = frame_of_step(*scene, a.frame ? *a.frame - 1 : 0);
    const auto run = [&](ExportFormat format, const std::string& path) {
        ExportOptions options{format,    path,
                              frame,     GifOptions{a.delay_ms, std::max(20, a.delay_ms / 8), a.loop},
                              a.windows, a.every};
        Result<ExportSummary> done = run_export(*scene, options);
        if (!done) return err << "poolscope export: " << done.error_text() << "\n", false;
        out << "wrote " << path << " (" << done->frames << " frame" << (done->frames == 1 ? "" : "s") << ", "
            << done->width << " × " << done->height << ")\n";
        return true;
    };
    if (a.gif && !run(ExportFormat::kGif, *a.gif)) return kExitInputError;
    if (a.png && !run(ExportFormat::kPng, *a.png)) return kExitInputError;
    if (a.svg && !run(ExportFormat::kSvg, *a.svg)) return kExitInputError;
    return kExitOk;
}

// The request for a lesson step, showing what the step shows unless --view says otherwise: a shape step its
// walkthrough, a step with a gradient the Backward view (with its grad_output), any other the forward pass.
// An error for a network step, or a matrix larger than the window's editor.
Result<SceneRequest> step_request(const Lesson& lesson, int64_t number, const ExportArgs& a) {
    SceneRequest request = a.scene;
    const LessonStep& step = lesson.steps[static_cast<size_t>(number - 1)];
    const std::string where = "step " + std::to_string(number) + " (" + step.path + ")";
    if (step.kind == StepKind::kNetwork)
        return Error{where, "is a network step: it has no one matrix or layer to draw"};
    request.view = a.view                          ? *a.view
                   : step.kind == StepKind::kShape ? SceneView::kWalkthrough
                   : step.grad_output              ? SceneView::kBackward
                                                   : SceneView::kForward;
    request.layer = step_layer(step);
    if (request.view == SceneView::kWalkthrough) {
        request.sizes = step.kind == StepKind::kShape || !step.input ? step.input_shape : step.input->shape();
        request.title = step.title.get(request.language);
        return request;
    }
    std::optional<Tensor> input = step_input_for_window(step);
    if (!input)
        return Error{where,
                     "has no matrix the window can show (its sizes are larger than 32 × 32: "
                     "--view shape draws its walkthrough)"};
    request.input = std::move(*input);
    if (request.view == SceneView::kBackward && !request.grad_output && step.grad_output)
        request.grad_output = *step.grad_output;
    return request;
}

}  // namespace

void print_export_usage(std::ostream& out) {
    out << "usage: poolscope export (--lesson FILE --step N | --params JSON --input MATRIX) OUTPUTS "
           "[options]\n"
           "       poolscope export --lesson FILE --all-steps --gif DIR/ [options]\n"
           "outputs (any together):\n"
           "  --gif OUT        the window sliding over the input, one frame per position\n"
           "  --png OUT        one frame: the matrices, the window and the arithmetic line (a step with a\n"
           "                   gradient: the Backward view; a shape step: its output-size walkthrough)\n"
           "  --svg OUT        the same as vector graphics (text stays text)\n"
           "  --code FRAMEWORK print the layer as code: pytorch, tensorflow, onnx or mxnet; what that "
           "framework\n"
           "                   cannot express of the layer is said in a comment after it\n"
           "options:\n"
           "  --step N         the lesson's step N (1-based, as the player shows it)\n"
           "  --params JSON    the layer: {\"op\": \"max_pool2d\", \"kernel_size\": 3, \"padding\": 1, ...}\n"
           "                   (the keys of `poolscope compute`, \"convention\" included)\n"
           "  --input MATRIX   the input as text ([[0, 1], [2, 3]], CSV rows, tensor(...)) or @FILE\n"
           "  --view V         forward, backward or shape (the output-size walkthrough); default: what the\n"
           "                   step shows (a step with grad_output: backward; a shape step: shape), else "
           "forward\n"
           "  --grad-output M  backward: the gradient at the output, shaped like it (text or @FILE; "
           "default:\n"
           "                   the step's, else all ones, as the window starts); implies --view backward\n"
           "  --legend         explain the marks the picture uses under it (padding, ceil_mode overhang,\n"
           "                   the window, argmax, the backward share), in the --lang language\n"
           "  --frame K        PNG/SVG: window position K (1-based; default 1)\n"
           "  --windows A..B   GIF: window positions A to B only (1-based)\n"
           "  --every N        GIF: every N-th window position (from A with --windows)\n"
           "  --smooth         GIF: in-between frames while the window slides\n"
           "  --delay MS       GIF: time per window position (default 800)\n"
           "  --loop N         GIF: play N times (default 0: forever)\n"
           "  --all-steps      with --gif DIR/: one GIF per step, DIR/step-01.gif, ... (network steps "
           "skipped)\n"
           "  --theme T        light (default) or dark\n"
           "  --lang L         en (default) or zh\n"
           "  --cell PX        cell size in pixels, 8 to 400 (default 48; 64-96 for slides)\n"
           "every file is written to a temporary file and renamed over OUT when complete: an error leaves\n"
           "what was there. Exports draw inputs up to "
        << kMaxExportChannels << " channels of " << kMaxExportSize << " × " << kMaxExportSize << ".\n"
        << export_limits_text();
}

// The command; run_export_command adds the cleanup.
static int run_command(int argc, char** argv, std::ostream& out, std::ostream& err) {
    Result<ExportArgs> parsed = parse_args(argc, argv);
    if (!parsed) {
        err << "poolscope export: " << parsed.error_text() << "\n";
        print_export_usage(err);
        return kExitUsage;
    }
    ExportArgs a = std::move(parsed).value();
    if (a.help) return print_export_usage(out), kExitOk;
    if (Result<bool> read = grad_output_from_args(a, a.scene); !read)
        return err << "poolscope export: " << read.error_text() << "\n", kExitInputError;
    if (!a.lesson) {
        SceneRequest request = a.scene;
        if (Result<bool> read = layer_from_args(a, request); !read)
            return err << "poolscope export: " << read.error_text() << "\n", kExitInputError;
        return write_outputs(a, request, out, err);
    }
    Result<Lesson> lesson = load_lesson_file(*a.lesson);
    if (!lesson) return err << "poolscope export: " << lesson.error_text() << "\n", kExitInputError;
    const auto count = static_cast<int64_t>(lesson->steps.size());
    if (a.step) {
        if (*a.step > count)
            return err << "poolscope export: --step " << *a.step << " does not exist: " << *a.lesson
                       << " has " << count << " step(s)\n",
                   kExitInputError;
        Result<SceneRequest> request = step_request(*lesson, *a.step, a);
        if (!request) return err << "poolscope export: " << request.error_text() << "\n", kExitInputError;
        return write_outputs(a, *request, out, err);
    }
    // --all-steps: DIR/step-NN.gif for each step with a matrix.
    const std::filesystem::path dir = *a.gif;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir))
        return err << "poolscope export: cannot create the folder " << dir.string() << "\n", kExitInputError;
    int written = 0;
    for (int64_t s = 0; s < count; ++s) {
        Result<SceneRequest> request = step_request(*lesson, s + 1, a);
        char name[32];
        std::snprintf(name, sizeof name, "step-%02d.gif", static_cast<int>(s + 1));
        if (!request) {
            out << "skipped step " << s + 1 << ": " << request.error_text() << "\n";
            continue;
        }
        Result<ExportScene> scene = make_scene(*request);
        if (!scene) {
            out << "skipped step " << s + 1 << ": " << scene.error_text() << "\n";
            continue;
        }
        ExportOptions options{
            ExportFormat::kGif, dir / name,
            std::nullopt,       GifOptions{a.delay_ms, std::max(20, a.delay_ms / 8), a.loop},
            a.windows,          a.every};
        Result<ExportSummary> done = run_export(*scene, options);
        if (!done && (done.errors()[0].field == "size" || done.errors()[0].field == "frames" ||
                      done.errors()[0].field == "windows")) {
            out << "skipped step " << s + 1 << ": " << done.error_text()
                << "\n";  // over a limit: the rest go on
            continue;
        }
        if (!done) return err << "poolscope export: " << done.error_text() << "\n", kExitInputError;
        out << "wrote " << options.out.string() << " (" << done->frames
            << (done->frames == 1 ? " frame)\n" : " frames)\n");
        ++written;
    }
    out << written << " GIF(s) in " << dir.string() << "\n";
    return kExitOk;
}

int run_export_command(int argc, char** argv, std::ostream& out, std::ostream& err) {
    const int code = run_command(argc, argv, out, err);
    release_font_lookup();  // the process exits next
    return code;
}

}  // namespace poolscope::app
