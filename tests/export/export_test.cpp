// The export (issue 18) without a display: frame counts, the GIF read back with giflib against the PNG, the
// arithmetic line and captions in both languages, the code lines for each op and framework, the dark theme,
// and `poolscope export`'s errors, all in-process.
#include <gif_lib.h>
#include <gtest/gtest.h>
#include <stb_image.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "export/export_code.h"
#include "export/export_command.h"
#include "export/export_job.h"
#include "export/export_layout.h"
#include "export/svg_writer.h"
#include "export_test_util.h"
#include "platform/font_files.h"
#include "poolscope/generators.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;
using test::CliRun;
using test::export_cli;
using test::temp_dir;

// D2L's 4 × 4 arange with MaxPool2d(3, padding=1, stride=2): the app's default lesson.
SceneRequest default_request() {
    SceneRequest r;
    r.input = make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value();
    r.layer.params.op = PoolOp::kMax;
    r.layer.params.kernel_size = {3, 3};
    r.layer.params.stride = Pair{2, 2};
    r.layer.params.padding = Padding::symmetric({1, 1});
    return r;
}

struct Pixels {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;
    Rgba at(float x, float y) const {
        const size_t i = (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3;
        return {rgb[i], rgb[i + 1], rgb[i + 2]};
    }
};

Pixels read_png(const fs::path& path) {
    Pixels p;
    int channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> data(
        stbi_load(path.c_str(), &p.width, &p.height, &channels, 3), stbi_image_free);
    if (data)
        p.rgb.assign(data.get(),
                     data.get() + static_cast<size_t>(p.width) * static_cast<size_t>(p.height) * 3);
    return p;
}

// The GIF decoded with giflib, each frame composed over the previous (disposal "none"), as a viewer shows it.
struct DecodedGif {
    std::vector<Pixels> frames;
    std::vector<int> delays_cs;
    int loop = -1;
};

DecodedGif read_gif(const fs::path& path) {
    DecodedGif out;
    int error = 0;
    GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
    if (!gif) return out;
    if (DGifSlurp(gif) == GIF_OK) {
        Pixels canvas{gif->SWidth, gif->SHeight,
                      std::vector<uint8_t>(static_cast<size_t>(gif->SWidth * gif->SHeight) * 3)};
        for (int n = 0; n < gif->ImageCount; ++n) {
            const SavedImage& image = gif->SavedImages[n];
            const ColorMapObject* map = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
            for (int y = 0; y < image.ImageDesc.Height; ++y)
                for (int x = 0; x < image.ImageDesc.Width; ++x) {
                    const GifColorType c = map->Colors[image.RasterBits[y * image.ImageDesc.Width + x]];
                    const size_t i =
                        (static_cast<size_t>(y + image.ImageDesc.Top) * static_cast<size_t>(gif->SWidth) +
                         static_cast<size_t>(x + image.ImageDesc.Left)) *
                        3;
                    canvas.rgb[i] = c.Red, canvas.rgb[i + 1] = c.Green, canvas.rgb[i + 2] = c.Blue;
                }
            out.frames.push_back(canvas);
            GraphicsControlBlock gcb{};
            DGifSavedExtensionToGCB(gif, n, &gcb);
            out.delays_cs.push_back(gcb.DelayTime);
            for (int e = 0; e + 1 < image.ExtensionBlockCount; ++e)
                if (image.ExtensionBlocks[e].Function == APPLICATION_EXT_FUNC_CODE &&
                    image.ExtensionBlocks[e].ByteCount == 11 &&
                    std::string(reinterpret_cast<char*>(image.ExtensionBlocks[e].Bytes), 11) == "NETSCAPE2.0")
                    out.loop = image.ExtensionBlocks[e + 1].Bytes[1] | image.ExtensionBlocks[e + 1].Bytes[2]
                                                                           << 8;
        }
    }
    DGifCloseFile(gif, &error);
    return out;
}

TEST(ExportScene, OneFramePerWindowPositionAndMoreWhenSmooth) {
    SceneRequest r = default_request();
    ExportScene scene = make_scene(r).value();
    EXPECT_EQ(scene.steps.size(), 4u);  // 2 × 2 output
    EXPECT_EQ(scene.frames.size(), 4u);
    r.smooth = true;
    scene = make_scene(r).value();
    EXPECT_EQ(scene.frames.size(), 4u + 3u * 4u);  // 4 in-between frames before each later position
    EXPECT_EQ(frame_of_step(scene, 1), 5u);
    // Other layers: as many positions as output cells.
    r = default_request();
    r.layer.params.stride = Pair{1, 1};
    EXPECT_EQ(make_scene(r).value().frames.size(), 16u);  // 4 × 4 with padding 1, stride 1
    r.input = make_arange({1, 2, 5, 6}, 0.0f, 1.0f, 3).value();
    r.layer.params.padding = {};
    r.layer.params.kernel_size = {2, 3};
    EXPECT_EQ(make_scene(r).value().frames.size(), 4u * 4u);
}

TEST(ExportScene, SaysWhatTheWindowSays) {
    SceneRequest r = default_request();
    const ExportScene scene = make_scene(r).value();
    EXPECT_EQ(scene.steps[0].caption, "Window 1 of 4: output (0, 0)");
    EXPECT_EQ(arithmetic_line(scene.steps[0].lines[0]), "max(−∞, −∞, −∞, −∞, 0, 1, −∞, 4, [5]) = 5");
    EXPECT_EQ(arithmetic_line(scene.steps[3].lines[0]), "max(5, 6, 7, 9, 10, 11, 13, 14, [15]) = 15");
    EXPECT_EQ(scene.output_text[0], (std::vector<std::string>{"5", "7", "13", "15"}));
    r.language = Language::kChinese;
    const ExportScene zh = make_scene(r).value();
    EXPECT_EQ(zh.steps[1].caption, "窗口 2/4：输出 (0, 1)");
    EXPECT_EQ(zh.input_labels[0], "输入，通道 0  (4 × 4)");
    EXPECT_EQ(current_language(), Language::kEnglish);  // the window's language is left as it was
    r = default_request();
    r.layer.params.op = PoolOp::kAvg;
    EXPECT_EQ(arithmetic_line(make_scene(r).value().steps[0].lines[0]),
              "(0 + 0 + 0 + 0 + 0 + 1 + 0 + 4 + 5) / 9 = 1.1111");
}

TEST(ExportScene, TokensCarryTheirRoles) {
    const ExportScene scene = make_scene(default_request()).value();
    const std::vector<ArithmeticToken>& line = scene.steps[0].lines[0];
    ASSERT_EQ(line.size(), 20u);  // "max(", 9 values, 8 commas, ") = ", the result
    EXPECT_EQ(line[1].role, TokenRole::kPadding);
    EXPECT_EQ(line[9].role, TokenRole::kText);  // 0
    EXPECT_EQ(line[17].text, "[5]");
    EXPECT_EQ(line[17].role, TokenRole::kArgmax);
    EXPECT_EQ(line.back().role, TokenRole::kResult);
}

TEST(ExportScene, RejectedLayerIsAnError) {
    SceneRequest r = default_request();
    r.layer.params.padding = Padding::symmetric({2, 2});  // more than half the kernel
    const Result<ExportScene> scene = make_scene(r);
    ASSERT_FALSE(scene);
    EXPECT_NE(scene.error_text().find("pad"), std::string::npos) << scene.error_text();
}

TEST(ExportFiles, GifFramesMatchThePngAtCellCentres) {
    const fs::path dir = temp_dir("export");
    SceneRequest r = default_request();
    const ExportScene scene = make_scene(r).value();
    ExportOptions gif{ExportFormat::kGif,     dir / "a.gif", std::nullopt,
                      GifOptions{700, 60, 3}, std::nullopt,  1};
    const ExportSummary written = run_export(scene, gif).value();
    EXPECT_EQ(written.frames, 4);
    const DecodedGif decoded = read_gif(dir / "a.gif");
    ASSERT_EQ(decoded.frames.size(), 4u);
    EXPECT_EQ(decoded.loop, 3);
    EXPECT_EQ(decoded.delays_cs[0], 70);
    const Result<ExportFonts> fonts = ExportFonts::load();
    ASSERT_TRUE(fonts);
    const SceneLayout layout = layout_scene(scene, *fonts);
    const std::vector<Rgba> palette = gif_palette(scene.colors);
    for (int64_t step : {0, 2}) {
        ExportOptions png{ExportFormat::kPng, dir / "a.png", frame_of_step(scene, step), {}, std::nullopt, 1};
        ASSERT_TRUE(run_export(scene, png));
        const Pixels expected = read_png(dir / "a.png");
        const Pixels& frame = decoded.frames[static_cast<size_t>(step)];
        ASSERT_EQ(expected.width, frame.width);
        ASSERT_EQ(expected.height, frame.height);
        // A padding cell's corner, the pending output cell (1, 1) and a done one's corner: solid fills.
        const auto [px, py] = input_cell_centre(scene, layout, 0, -1, 2);
        EXPECT_EQ(frame.at(px, py - scene.cell * 0.3f), expected.at(px, py - scene.cell * 0.3f));
        EXPECT_EQ(expected.at(px, py - scene.cell * 0.3f), scene.colors.padding_fill);
        const auto [ox, oy] = output_cell_centre(scene, layout, 0, 1, 1);
        EXPECT_EQ(frame.at(ox, oy), expected.at(ox, oy));
        EXPECT_EQ(expected.at(ox, oy), scene.colors.output_pending);
        // Every pixel whose colour the palette holds comes back exactly; the rest to a near colour.
        int exact = 0;
        for (int y = 0; y < expected.height; ++y)
            for (int x = 0; x < expected.width; ++x) {
                const Rgba want = expected.at(static_cast<float>(x), static_cast<float>(y));
                const Rgba got = frame.at(static_cast<float>(x), static_cast<float>(y));
                if (std::find(palette.begin(), palette.end(), want) != palette.end()) {
                    ASSERT_EQ(got, want) << "pixel " << x << ", " << y;
                    ++exact;
                } else {
                    EXPECT_LE(std::abs(got.r - want.r) + std::abs(got.g - want.g) + std::abs(got.b - want.b),
                              120)
                        << "pixel " << x << ", " << y;
                }
            }
        EXPECT_GT(exact, expected.width * expected.height * 9 / 10);
    }
}

TEST(ExportFiles, DarkThemeAndChineseDrawTheirColoursAndGlyphs) {
    const fs::path dir = temp_dir("export");
    SceneRequest r = default_request();
    r.theme = ExportTheme::kDark;
    r.language = Language::kChinese;
    const ExportScene scene = make_scene(r).value();
    ASSERT_TRUE(run_export(scene, {ExportFormat::kPng, dir / "d.png", 0u, {}, std::nullopt, 1}));
    const Pixels p = read_png(dir / "d.png");
    EXPECT_EQ(p.at(1, 1), kDarkColors.page);
    const Result<ExportFonts> fonts = ExportFonts::load();
    ASSERT_TRUE(fonts);
    if (!fonts->has_cjk()) GTEST_SKIP() << "no Chinese font installed";
    // The caption "窗口 1/4：…" starts with CJK glyphs: ink in its first character's box.
    const SceneLayout layout = layout_scene(scene, *fonts);
    int ink = 0;
    for (int y = static_cast<int>(layout.margin); y < static_cast<int>(layout.margin + layout.caption_size);
         ++y)
        for (int x = static_cast<int>(layout.margin);
             x < static_cast<int>(layout.margin + layout.caption_size); ++x)
            ink += !(p.at(static_cast<float>(x), static_cast<float>(y)) == kDarkColors.page);
    EXPECT_GT(ink, 20);
    EXPECT_GT(fonts->text_width("窗口", 20), 30.0f);  // the Chinese face, not the missing-glyph box
}

TEST(ExportFiles, PngAndSvgOfEveryFrameAreNumbered) {
    const fs::path dir = temp_dir("export");
    const ExportScene scene = make_scene(default_request()).value();
    ASSERT_TRUE(run_export(scene, {ExportFormat::kSvg, dir / "w.svg", std::nullopt, {}, std::nullopt, 1}));
    for (const char* name : {"w-01.svg", "w-02.svg", "w-03.svg", "w-04.svg"})
        EXPECT_TRUE(fs::exists(dir / name));
}

TEST(ExportFiles, CancelStopsAndRemovesThePartialGif) {
    const fs::path dir = temp_dir("export");
    SceneRequest r = default_request();
    r.smooth = true;
    const ExportScene scene = make_scene(r).value();
    ExportProgress progress;
    progress.cancel = true;
    const ExportSummary s =
        run_export(scene, {ExportFormat::kGif, dir / "c.gif", std::nullopt, {}, std::nullopt, 1}, &progress)
            .value();
    EXPECT_TRUE(s.cancelled);
    EXPECT_EQ(s.frames, 0);
    EXPECT_EQ(progress.total, 16);
    EXPECT_FALSE(fs::exists(dir / "c.gif"));
}

// The window runs a job one step at a time (a worker thread, or slices between frames in the browser): a
// first step that sets up, one per frame, one that finishes; each file is named once it is written.
TEST(ExportFiles, JobStepsOncePerFrameAndNamesItsFiles) {
    const fs::path dir = temp_dir("export");
    ExportProgress progress;
    ExportJob job(make_scene(default_request()).value(),
                  {ExportFormat::kPng, dir / "j.png", std::nullopt, {}, std::nullopt, 1}, &progress);
    int steps = 0;
    while (job.step()) {
        ++steps;
        EXPECT_EQ(progress.done, steps - 1);
        EXPECT_EQ(job.files().size(), static_cast<size_t>(steps - 1));
    }
    EXPECT_EQ(steps, 5);  // setup + 4 window positions
    ASSERT_TRUE(job.result());
    EXPECT_EQ(job.result()->frames, 4);
    EXPECT_EQ(job.files(), (std::vector<fs::path>{dir / "j-01.png", dir / "j-02.png", dir / "j-03.png",
                                                  dir / "j-04.png"}));
    EXPECT_FALSE(job.step());  // over: stays over
}

TEST(ExportFiles, JobCancelledHalfwayLeavesNoGif) {
    const fs::path dir = temp_dir("export");
    ExportProgress progress;
    ExportJob job(make_scene(default_request()).value(),
                  {ExportFormat::kGif, dir / "h.gif", std::nullopt, {}, std::nullopt, 1}, &progress);
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(job.step());  // setup and two frames
    // Written to a temporary file beside it until complete (issue 28): h.gif itself does not exist yet.
    EXPECT_FALSE(fs::exists(dir / "h.gif"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);
    progress.cancel = true;
    while (job.step()) {
    }
    ASSERT_TRUE(job.result());
    EXPECT_TRUE(job.result()->cancelled);
    EXPECT_EQ(job.result()->frames, 2);
    EXPECT_TRUE(job.files().empty());
    EXPECT_TRUE(fs::is_empty(dir));  // the temporary file is gone too
}

TEST(ExportFiles, SvgEscapesText) {
    Picture p;
    p.width = p.height = 10;
    p.items.push_back(TextItem{1, 1, 10, {}, "a<b & \"c\"", TextAnchor::kStart, TextKind::kLine});
    const std::string svg = svg_text(p, ExportFonts::load().value(), "x > y");
    EXPECT_NE(svg.find(">a&lt;b &amp; &quot;c&quot;</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find("<title>x &gt; y</title>"), std::string::npos) << svg;
}

// Each op under each framework, as layer_code() writes it (PyTorch's positional kernel, only non-defaults),
// exactly the layer on screen or with a comment saying what the framework cannot express (issue 28; every
// note is asserted in tests/core/layer_translate_test.cpp).
TEST(ExportCode, LinesForEachOpAndFramework) {
    LayerSpec max = default_request().layer;
    EXPECT_EQ(layer_code_for(max, Convention::kPyTorch), "nn.MaxPool2d(3, stride=2, padding=1)");
    // Without an input, "same" could pad otherwise: tf.nn.max_pool2d's numbers say exactly this layer.
    EXPECT_EQ(layer_code_for(max, Convention::kTensorFlow),
              "tf.nn.max_pool2d(X, ksize=[3, 3], strides=[2, 2], padding=[[0, 0], [1, 1], [1, 1], [0, 0]])");
    // On a 5 x 5 input "same" pads 1 on each side: exactly the layer, no comment.
    const Shape five{1, 1, 5, 5};
    EXPECT_EQ(layer_code_for(max, Convention::kTensorFlow, &five),
              "tf.keras.layers.MaxPool2D(pool_size=3, strides=2, padding=\"same\")");
    EXPECT_EQ(layer_code_for(max, Convention::kOnnx),
              "onnx.helper.make_node(\"MaxPool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[3, 3], "
              "pads=[1, 1, 1, 1], strides=[2, 2])");
    EXPECT_EQ(layer_code_for(max, Convention::kMxnet), "nn.MaxPool2D(pool_size=3, strides=2, padding=1)");
    LayerSpec avg;
    avg.params.op = PoolOp::kAvg;
    avg.params.kernel_size = {3, 3};
    avg.params.ceil_mode = true;
    avg.params.count_include_pad = false;
    EXPECT_EQ(layer_code_for(avg, Convention::kPyTorch),
              "nn.AvgPool2d(3, ceil_mode=True, count_include_pad=False)");
    EXPECT_EQ(layer_code_for(avg, Convention::kOnnx),
              "onnx.helper.make_node(\"AveragePool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[3, 3], "
              "ceil_mode=1, strides=[3, 3])");
    EXPECT_EQ(layer_code_for(avg, Convention::kMxnet),
              "nn.AvgPool2D(pool_size=3, ceil_mode=True, count_include_pad=False)");
    EXPECT_EQ(
        layer_code_for(avg, Convention::kTensorFlow),
        "tf.keras.layers.AvgPool2D(pool_size=3)  # not exactly this layer: TensorFlow has no ceil_mode: the "
        "line rounds the output size down");
    LayerSpec adaptive;
    adaptive.params.op = PoolOp::kAdaptiveAvg;
    adaptive.params.output_size = {2, 2};
    EXPECT_EQ(layer_code_for(adaptive, Convention::kPyTorch), "nn.AdaptiveAvgPool2d(2)");
    LayerSpec lp;
    lp.params.op = PoolOp::kLp;
    lp.params.norm_type = 2;
    EXPECT_EQ(layer_code_for(lp, Convention::kPyTorch), "nn.LPPool2d(2, 2)");
}

const std::string kLesson = std::string(POOLSCOPE_LESSONS_DIR) + "/02-padding-and-stride.json";

TEST(ExportCli, WritesAndSaysWhat) {
    const fs::path dir = temp_dir("export");
    const CliRun run = export_cli({"--lesson", kLesson, "--step", "1", "--png", (dir / "s.png").string(),
                                   "--code", "pytorch", "--cell", "64", "--theme", "dark"});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("nn."), std::string::npos);
    EXPECT_NE(run.out.find("wrote " + (dir / "s.png").string()), std::string::npos) << run.out;
    EXPECT_EQ(read_png(dir / "s.png").at(1, 1), kDarkColors.page);
}

// --params whose "op" is no string, or nested past the limit, is an error, not an exception (the export
// fuzzer found {"op": true}).
TEST(ExportCli, ParamsOfTheWrongTypeAreRefusedWithAMessage) {
    for (const char* params : {R"({"op": true})", R"({"op": [1]})", R"({"op": 3, "kernel_size": 2})"}) {
        const CliRun run = export_cli({"--params", params, "--input", "[[1,2],[3,4]]", "--code", "mxnet"});
        EXPECT_EQ(run.code, 1) << params;
        EXPECT_NE(run.err.find("\"op\" must be a string"), std::string::npos) << run.err;
    }
    const CliRun deep = export_cli(
        {"--params", std::string(5000, '[') + std::string(5000, ']'), "--input", "[[1]]", "--code", "onnx"});
    EXPECT_EQ(deep.code, 1);
    EXPECT_NE(deep.err.find("nested more than"), std::string::npos) << deep.err;
}

TEST(ExportCli, AllStepsWritesOneGifPerStep) {
    const fs::path dir = temp_dir("export") / "course";
    const CliRun run = export_cli({"--lesson", kLesson, "--all-steps", "--gif", dir.string() + "/"});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_TRUE(fs::exists(dir / "step-01.gif"));
    int gifs = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        gifs += entry.path().extension() == ".gif";
    EXPECT_GT(gifs, 1);
    EXPECT_NE(run.out.find(std::to_string(gifs) + " GIF(s)"), std::string::npos) << run.out;
}

// main.cpp hands the command to cli::run; without it (a CLI linked alone) `export` says it is missing.
TEST(ExportCli, DispatchedThroughTheCommandLine) {
    const fs::path dir = temp_dir("export");
    std::vector<std::string> args = {"poolscope", "export",           "--params", "{\"kernel_size\": 2}",
                                     "--input",   "[[1, 2], [3, 4]]", "--png",    (dir / "d.png").string()};
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    std::istringstream in;
    std::ostringstream out, err;
    EXPECT_TRUE(cli::is_cli_command("export"));
    EXPECT_EQ(cli::run(static_cast<int>(argv.size()), argv.data(), in, out, err), cli::kExitUsage);
    EXPECT_NE(err.str().find("built without exports"), std::string::npos) << err.str();
    EXPECT_EQ(cli::run(static_cast<int>(argv.size()), argv.data(), in, out, err, run_export_command),
              cli::kExitOk);
    EXPECT_TRUE(fs::exists(dir / "d.png"));
}

TEST(ExportCli, ErrorsSayWhatIsWrongWithTheRightExitCode) {
    const fs::path dir = temp_dir("export");
    CliRun run = export_cli({"--lesson", kLesson, "--step", "99", "--png", (dir / "x.png").string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("--step 99 does not exist"), std::string::npos) << run.err;
    run = export_cli({"--lesson", std::string(POOLSCOPE_LESSONS_DIR) + "/11-lenet-shapes.json", "--step", "1",
                      "--png", (dir / "x.png").string()});
    EXPECT_EQ(run.code, 1);  // a network step: no one matrix (a shape step exports its walkthrough)
    EXPECT_NE(run.err.find("step 1 (/steps/0): is a network step"), std::string::npos) << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--png",
                      "/nonexistent-dir/x.png"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("/nonexistent-dir/x.png: cannot create a temporary file in /nonexistent-dir"),
              std::string::npos)
        << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--gif",
                      "/nonexistent-dir/x.gif"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("/nonexistent-dir/x.gif: cannot create a temporary file in /nonexistent-dir"),
              std::string::npos)
        << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--png", "x.png",
                      "--frame", "2"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("--frame 2 does not exist"), std::string::npos) << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 5}", "--input", "[[1, 2], [3, 4]]", "--png", "x.png"});
    EXPECT_EQ(run.code, 1);  // PyTorch's own refusal
    EXPECT_NE(run.err.find("output size 1x0x0 is too small"), std::string::npos) << run.err;
    run = export_cli({"--lesson", kLesson, "--png", "x.png"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("one of --step N and --all-steps"), std::string::npos) << run.err;
    run = export_cli({"--params", "{}", "--input", "[[1]]", "--code", "caffe"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("expects pytorch, tensorflow, onnx or mxnet"), std::string::npos) << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--theme", "blue",
                      "--png", "x.png"});
    EXPECT_EQ(run.code, 2);
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("nothing to write"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace poolscope::app
