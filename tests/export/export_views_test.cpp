// What the step shows, exported (issue 29): a step with a gradient as the Backward view (grad_output and
// grad_input, read back from the SVG's text and held against the core's backward pass), a shape step as its
// output-size walkthrough (the lines and their numbers, the output shape the lesson expects, in English and
// Chinese), and the legend: its entries are exactly the marks the written frames draw, in the export's
// language.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/export_command.h"
#include "export/export_job.h"
#include "export/export_layout.h"
#include "export/svg_writer.h"
#include "export_test_util.h"
#include "model/lesson_session.h"
#include "model/number_text.h"
#include "platform/font_files.h"
#include "poolscope/backward_trace.h"
#include "poolscope/generators.h"
#include "poolscope/lesson.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;
using test::CliRun;
using test::export_cli;
using test::read_text;
using test::temp_dir;

const std::string kLessons = POOLSCOPE_LESSONS_DIR;

const ExportFonts& fonts() {
    static const ExportFonts loaded = ExportFonts::load().value();
    return loaded;
}

// The <text> elements of an SVG in document order: class and content (entities undone).
struct SvgText {
    std::string cls, text;
};
std::vector<SvgText> svg_texts(const std::string& svg) {
    static const std::regex text_re("<text class=\"([a-z]+)\"[^>]*>([^<]*)</text>");
    std::vector<SvgText> out;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_re); it != std::sregex_iterator();
         ++it) {
        std::string t = (*it)[2];
        for (const auto& [entity, c] : std::vector<std::pair<std::string, std::string>>{
                 {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
            for (size_t at = t.find(entity); at != std::string::npos; at = t.find(entity, at + 1))
                t.replace(at, entity.size(), c);
        out.push_back({(*it)[1], t});
    }
    return out;
}
std::vector<std::string> texts_of(const std::vector<SvgText>& texts, const std::string& cls) {
    std::vector<std::string> out;
    for (const SvgText& t : texts)
        if (t.cls == cls) out.push_back(t.text);
    return out;
}

// Frame `index` of a scene as SVG, laid out for that frame alone (as a PNG/SVG export writes it).
std::string frame_svg(const ExportScene& scene, size_t index) {
    const std::vector<size_t> frames{index};
    const SceneLayout layout = layout_scene(scene, fonts(), &frames);
    return svg_text(frame_picture(scene, layout, fonts(), index), fonts(), "");
}

SceneRequest lesson_request(const LessonStep& step, SceneView view) {
    SceneRequest r;
    r.layer = step_layer(step);
    r.view = view;
    if (view == SceneView::kWalkthrough) {
        r.sizes = step.input_shape;
        r.title = step.title.en;
        return r;
    }
    r.input = *step_input_for_window(step);
    r.grad_output = step.grad_output;
    return r;
}

std::vector<std::string> cell_texts(const Tensor& t, int64_t channel) {
    std::vector<std::string> out;
    for (int64_t r = 0; r < t.shape().h; ++r)
        for (int64_t c = 0; c < t.shape().w; ++c)
            out.push_back(cell_value_text(t.at(0, channel, r, c), true));
    return out;
}

// Every step of lesson 09 (each has a grad_output): at its last window the SVG's grad_input cells are the
// core's backward pass, its grad_output cells the lesson's, its input the step's; at every window the share
// label is the window's gradient over its divisor (max: all of it), written as the window writes it.
TEST(ExportBackward, EveryBackwardStepsSvgHoldsTheCoresGradInput) {
    const Lesson lesson = load_lesson_file(kLessons + "/09-backward.json").value();
    for (size_t i = 0; i < lesson.steps.size(); ++i) {
        SCOPED_TRACE("step " + std::to_string(i + 1));
        const LessonStep& step = lesson.steps[i];
        ASSERT_TRUE(step.grad_output);
        const BackwardOutput core = compute_step_backward(step).value();
        const ExportScene scene = make_scene(lesson_request(step, SceneView::kBackward)).value();
        EXPECT_EQ(scene.view, SceneView::kBackward);
        const Tensor input = *step_input_for_window(step);
        const int64_t in_cells = input.shape().h * input.shape().w;
        const int64_t out_cells = step.grad_output->shape().h * step.grad_output->shape().w;
        ASSERT_EQ(static_cast<int64_t>(scene.frames.size()), out_cells);
        const std::vector<SvgText> texts = svg_texts(frame_svg(scene, scene.frames.size() - 1));
        const std::vector<std::string> values = texts_of(texts, "v");
        for (int64_t ch = 0; ch < input.shape().c; ++ch) {
            // Per channel: the input's cells, grad_output's, then grad_input's, each row-major.
            const auto at = values.begin() + ch * (2 * in_cells + out_cells);
            ASSERT_LE(at + 2 * in_cells + out_cells, values.end());
            EXPECT_EQ(std::vector<std::string>(at, at + in_cells), cell_texts(input, ch));
            EXPECT_EQ(std::vector<std::string>(at + in_cells, at + in_cells + out_cells),
                      cell_texts(*step.grad_output, ch));
            EXPECT_EQ(std::vector<std::string>(at + in_cells + out_cells, at + 2 * in_cells + out_cells),
                      cell_texts(core.grad_input, ch));
        }
        // The labels say which grid is which.
        const std::vector<std::string> lines = texts_of(texts, "line");
        EXPECT_NE(std::find(lines.begin(), lines.end(), "grad_output c0"), lines.end());
        EXPECT_NE(std::find(lines.begin(), lines.end(), "grad_input c0 (so far)"), lines.end());
        // The share of each window: the core's trace of that output cell.
        const PoolPlan plan = plan_step(step).value();
        for (size_t f = 0; f < scene.frames.size(); ++f) {
            const int64_t s = scene.frames[f].step;
            const OutputGradTrace t = trace_output_grad(
                plan, input, *step.grad_output, OutputCell{0, 0, s / plan.output.w, s % plan.output.w});
            const std::string share = "+" + cell_value_text(t.delta, true);
            EXPECT_EQ(scene.steps[static_cast<size_t>(s)].share[0], share);
            const std::string svg = frame_svg(scene, f);
            const std::vector<std::string> shares = texts_of(svg_texts(svg), "share");
            ASSERT_FALSE(shares.empty());
            // On a pill in each fed cell, or once under the grid ("+0.25 to each outlined cell").
            for (const std::string& label : shares)
                EXPECT_EQ(label.rfind(share, 0), 0u) << label;
        }
    }
}

// The same pass off a lesson: --view backward with --grad-output, numbers against the core; a grad_output of
// the wrong shape is refused with both shapes named.
TEST(ExportBackward, GradOutputGivenOrAllOnes) {
    SceneRequest r;
    r.input = make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value();
    r.layer.params.op = PoolOp::kAvg;
    r.layer.params.kernel_size = {3, 3};
    r.layer.params.stride = Pair{1, 1};
    r.layer.params.padding = Padding::symmetric({1, 1});
    r.layer.params.count_include_pad = false;  // a corner window divides by its 4 input cells
    r.view = SceneView::kBackward;
    const ExportScene ones = make_scene(r).value();
    EXPECT_EQ(ones.output_text[0], std::vector<std::string>(16, "1"));  // the window starts with ones
    r.grad_output = make_arange({1, 1, 4, 4}, 1.0f, 1.0f, 2).value();
    const ExportScene scene = make_scene(r).value();
    const PoolPlan plan = plan_layer(r.input.shape(), r.layer).value();
    const BackwardOutput core = backward(plan, r.input, *r.grad_output);
    EXPECT_EQ(scene.steps.back().grad_input_text[0], cell_texts(core.grad_input, 0));
    EXPECT_EQ(scene.output_text[0], cell_texts(*r.grad_output, 0));
    // Window 1 (a corner, 4 cells counted, padding not): 1 / 4 each, the padding's shares dropped.
    EXPECT_EQ(scene.steps[0].share[0], "+0.25");
    EXPECT_EQ(arithmetic_line(scene.steps[0].lines[0]),
              "The gradient 1 / 4 = 0.2500 is added to each of the 4 input cell(s) of the window.");
    r.layer.params.count_include_pad = true;  // now by 9, and the padding's 5 shares are dropped
    const ExportScene padded = make_scene(r).value();
    EXPECT_EQ(padded.steps[0].share[0], "+0.111");
    EXPECT_EQ(arithmetic_line(padded.steps[0].lines[0]),
              "The gradient 1 / 9 = 0.1111 is added to each of the 4 input cell(s) of the window.");
    EXPECT_EQ(arithmetic_line(padded.steps[0].lines[1]),
              "5 share(s) fall on padding, which has no gradient: they are dropped.");
    r.grad_output = make_arange({1, 1, 3, 3}, 1.0f, 1.0f, 2).value();
    const Result<ExportScene> wrong = make_scene(r);
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error_text().find("3x3"), std::string::npos) << wrong.error_text();
    EXPECT_NE(wrong.error_text().find("4x4"), std::string::npos) << wrong.error_text();
    r.grad_output.reset();
    r.layer.params.op = PoolOp::kLp;  // PoolScope has no gradient for LP pooling: said, not drawn
    r.layer.params.norm_type = 2;
    r.layer.params.padding = {};
    EXPECT_FALSE(make_scene(r));
}

TEST(ExportBackward, ChineseWordsAndShareNoteWhenTheLabelDoesNotFit) {
    const Lesson lesson = load_lesson_file(kLessons + "/09-backward.json").value();
    SceneRequest r = lesson_request(lesson.steps[2], SceneView::kBackward);  // average pooling, 2 × 2
    r.language = Language::kChinese;
    ExportScene scene = make_scene(r).value();
    EXPECT_EQ(scene.steps[0].caption, "输出单元格 (0, 0)，第 1 个窗口（共 4 个）：它的梯度向回流。");
    EXPECT_EQ(scene.grad_input_labels[0], "grad_input c0（目前累计）");
    std::vector<std::string> shares = texts_of(svg_texts(frame_svg(scene, 0)), "share");
    EXPECT_EQ(shares, std::vector<std::string>(4, "+0.25"));  // a pill in each of the 4 cells
    r.cell = 20;  // too small for the label in the cells: one line under the grid, in the export's language
    scene = make_scene(r).value();
    shares = texts_of(svg_texts(frame_svg(scene, 0)), "share");
    EXPECT_EQ(shares, std::vector<std::string>{"每个描边的单元 +0.25"});
}

std::vector<std::string> walk_texts(const ExportScene& scene) {
    std::vector<std::string> lines;
    for (const WalkLine& line : scene.walk_lines)
        lines.push_back(line.text);
    return lines;
}

// Lesson 05 step 1 (MaxPool2d(3, stride=1) on 4 × 4): the formula, the numbers substituted, the reduction,
// the notes and the output shape, as the Output size panel writes them; the SVG's text rows say the same.
TEST(ExportWalkthrough, AShapeStepsFigureIsItsWalkthrough) {
    const Lesson lesson = load_lesson_file(kLessons + "/05-output-size.json").value();
    const ExportScene scene = make_scene(lesson_request(lesson.steps[0], SceneView::kWalkthrough)).value();
    EXPECT_EQ(scene.view, SceneView::kWalkthrough);
    ASSERT_EQ(scene.frames.size(), 1u);
    EXPECT_EQ(scene.steps[0].caption, "No padding, stride 1");
    const std::vector<std::string> expected = {
        "H_out = ⌊(H + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1",
        "       = ⌊(4 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1",
        "       = ⌊1 / 1⌋ + 1 = 1 + 1 = 2",
        "With ceil_mode=True this axis would have 2 output cell(s).",
        "Windows along H start at: 0, 1",
        "W uses the same numbers, so W_out = 2.",
        "Output shape: 1 × 4 × 4 → 1 × 2 × 2 (channels × H × W)",
    };
    EXPECT_EQ(walk_texts(scene), expected);
    std::vector<std::string> rows = texts_of(svg_texts(frame_svg(scene, 0)), "line");
    for (std::string& row : rows)
        while (!row.empty() && row.back() == ' ')
            row.pop_back();
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.front(), "No padding, stride 1");
    EXPECT_EQ(std::vector<std::string>(rows.begin() + 1, rows.end()), expected);
}

TEST(ExportWalkthrough, ChineseAndOtherAxesAndFrameworks) {
    const Lesson lesson = load_lesson_file(kLessons + "/05-output-size.json").value();
    SceneRequest r = lesson_request(lesson.steps[5], SceneView::kWalkthrough);  // padding [0, 0, 1, 1]
    r.language = Language::kChinese;
    r.title = lesson.steps[5].title.zh;
    const ExportScene zh = make_scene(r).value();
    EXPECT_EQ(zh.steps[0].caption, "总填充为奇数");
    const std::vector<std::string> lines = walk_texts(zh);
    EXPECT_EQ(lines[0], "H_out = ⌊(H + pad_begin + pad_end − dilation·(kernel − 1) − 1) / stride⌋ + 1");
    EXPECT_EQ(lines[1], "       = ⌊(8 + 0 + 1 − 1·(3 − 1) − 1) / 2⌋ + 1");
    EXPECT_EQ(lines.back(), "输出形状：1 × 8 × 8 → 1 × 4 × 4（通道 × H × W）");
    // TensorFlow "same" has its own formula; a rejected layer keeps PyTorch's arithmetic and says why.
    SceneRequest tf;
    tf.view = SceneView::kWalkthrough;
    tf.sizes = Shape{1, 1, 5, 5};
    tf.layer.convention = Convention::kTensorFlow;
    tf.layer.pad_mode = PadMode::kSameUpper;
    tf.layer.params.kernel_size = {3, 3};
    tf.layer.params.stride = Pair{2, 2};
    const std::vector<std::string> same = walk_texts(make_scene(tf).value());
    EXPECT_EQ(same[1], "H_out = ⌈H / stride⌉");
    EXPECT_EQ(same[2], "       = ⌈5 / 2⌉ = 3");
    SceneRequest rejected;
    rejected.view = SceneView::kWalkthrough;
    rejected.sizes = Shape{1, 1, 2, 2};
    rejected.layer.params.kernel_size = {5, 5};
    const ExportScene refused = make_scene(rejected).value();  // drawn: seeing why teaches
    EXPECT_EQ(refused.walk_lines.back().role, WalkRole::kProblem);
    EXPECT_NE(walk_texts(refused)[2].find("= ⌊(-3) / 5⌋ + 1"), std::string::npos) << walk_texts(refused)[2];
}

// Every shape step of the shipped lessons: its figure's last line is the output shape the lesson expects.
TEST(ExportWalkthrough, EveryShippedShapeStepEndsWithItsExpectedShape) {
    int shape_steps = 0;
    for (const auto& entry : fs::directory_iterator(kLessons)) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
        Result<Lesson> loaded = load_lesson_file(entry.path());
        ASSERT_TRUE(loaded) << entry.path() << ": " << loaded.error_text();
        const Lesson& lesson = *loaded;
        for (const LessonStep& step : lesson.steps) {
            if (step.kind != StepKind::kShape || !step.expected.shape) continue;
            SCOPED_TRACE(entry.path().filename().string() + step.path);
            ++shape_steps;
            const ExportScene scene = make_scene(lesson_request(step, SceneView::kWalkthrough)).value();
            const std::vector<int64_t>& want = *step.expected.shape;
            const std::string tail = std::to_string(want[want.size() - 2]) + " × " +
                                     std::to_string(want.back()) + " (channels × H × W)";
            const std::string& last = scene.walk_lines.back().text;
            EXPECT_EQ(last.substr(last.size() - std::min(last.size(), tail.size())), tail);
        }
    }
    EXPECT_GE(shape_steps, 9);
}

// The legend's entries (class "legend" in the SVG) for a scene's frame, in order.
std::vector<std::string> legend_of(SceneRequest r, size_t frame = 0) {
    r.legend = true;
    const ExportScene scene = make_scene(r).value();
    return texts_of(svg_texts(frame_svg(scene, frame)), "legend");
}

SceneRequest forward(PoolOp op, Padding padding, bool ceil_mode = false, int64_t size = 4) {
    SceneRequest r;
    r.input = make_arange({1, 1, size, size}, 0.0f, 1.0f, 2).value();
    r.layer.params.op = op;
    r.layer.params.kernel_size = {2, 2};
    r.layer.params.padding = padding;
    r.layer.params.ceil_mode = ceil_mode;
    return r;
}

TEST(ExportLegend, ListsExactlyTheMarksTheFigureDraws) {
    using V = std::vector<std::string>;
    EXPECT_EQ(legend_of(forward(PoolOp::kAvg, {})), V{"window"});
    EXPECT_EQ(legend_of(forward(PoolOp::kMax, {})), (V{"window", "max (argmax)"}));
    EXPECT_EQ(legend_of(forward(PoolOp::kMax, Padding::symmetric({1, 1}))),
              (V{"padding (−∞)", "window", "max (argmax)"}));
    EXPECT_EQ(legend_of(forward(PoolOp::kAvg, Padding::symmetric({1, 1}))), (V{"padding (0)", "window"}));
    // 5 × 5 with kernel 2, ceil_mode: the last windows run past the input.
    EXPECT_EQ(legend_of(forward(PoolOp::kMax, {}, true, 5)),
              (V{"ceil_mode overhang (not read)", "window", "max (argmax)"}));
    SceneRequest back = forward(PoolOp::kAvg, {});
    back.view = SceneView::kBackward;
    EXPECT_EQ(legend_of(back), (V{"window", "this window's share of its gradient, added to the cell"}));
    back.layer.params.op = PoolOp::kMax;
    EXPECT_EQ(legend_of(back),
              (V{"window", "max (argmax)", "this window's share of its gradient, added to the cell"}));
    SceneRequest walk = forward(PoolOp::kMax, Padding::symmetric({1, 1}));
    walk.view = SceneView::kWalkthrough;
    EXPECT_EQ(legend_of(walk), V{});  // text only: no marks to explain
    // Without --legend, none.
    const ExportScene plain = make_scene(forward(PoolOp::kMax, Padding::symmetric({1, 1}))).value();
    EXPECT_TRUE(texts_of(svg_texts(frame_svg(plain, 0)), "legend").empty());
    // In Chinese, the window's own words.
    SceneRequest zh = forward(PoolOp::kMax, Padding::symmetric({1, 1}));
    zh.language = Language::kChinese;
    EXPECT_EQ(legend_of(zh), (V{"填充（−∞）", "窗口", "最大值（argmax）"}));
}

// Frame by frame: a frame of a smooth GIF where the window is still sliding draws no argmax ring, so it
// does not use that mark; a GIF's legend is the union of its frames' marks (the same on every frame).
TEST(ExportLegend, FollowsTheFramesWritten) {
    SceneRequest r = forward(PoolOp::kMax, {});
    r.smooth = true;
    r.legend = true;
    const ExportScene scene = make_scene(r).value();
    ASSERT_LT(scene.frames[1].travel, 1.0f);
    EXPECT_FALSE(marks_in_frame(scene, 1)[static_cast<size_t>(LegendMark::kArgmax)]);
    EXPECT_TRUE(marks_in_frame(scene, 0)[static_cast<size_t>(LegendMark::kArgmax)]);
    const std::vector<size_t> sliding{1};
    EXPECT_EQ(layout_scene(scene, fonts(), &sliding).legend.size(), 1u);  // the window only
    EXPECT_EQ(layout_scene(scene, fonts()).legend.size(), 2u);
}

// The command line picks what the step shows; --view overrides it; --legend and --lang zh reach the file.
TEST(ExportViewsCli, EachStepExportsWhatItShows) {
    const fs::path dir = temp_dir("views");
    CliRun run = export_cli({"--lesson", kLessons + "/09-backward.json", "--step", "3", "--svg",
                             (dir / "b.svg").string(), "--png", (dir / "b.png").string(), "--legend"});
    ASSERT_EQ(run.code, 0) << run.err;
    std::vector<SvgText> texts = svg_texts(read_text(dir / "b.svg"));
    EXPECT_EQ(texts_of(texts, "line").front(), "Output cell (0, 0), window 1 of 4: its gradient flows back.");
    EXPECT_EQ(texts_of(texts, "legend").size(), 2u);
    EXPECT_TRUE(fs::exists(dir / "b.png"));
    run = export_cli({"--lesson", kLessons + "/09-backward.json", "--step", "3", "--view", "forward", "--svg",
                      (dir / "f.svg").string()});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(texts_of(svg_texts(read_text(dir / "f.svg")), "line").front(), "Window 1 of 4: output (0, 0)");
    // A shape step (it used to be refused: "has no matrix"): its walkthrough, in Chinese.
    run = export_cli({"--lesson", kLessons + "/03-multiple-channels.json", "--step", "3", "--svg",
                      (dir / "s.svg").string(), "--lang", "zh"});
    ASSERT_EQ(run.code, 0) << run.err;
    texts = svg_texts(read_text(dir / "s.svg"));
    const std::vector<std::string> rows = texts_of(texts, "line");
    EXPECT_NE(std::find_if(rows.begin(), rows.end(),
                           [](const std::string& r) { return r.rfind("H_out = ", 0) == 0; }),
              rows.end());
    EXPECT_EQ(rows.back().rfind("输出形状：", 0), 0u) << rows.back();
    run = export_cli({"--lesson", kLessons + "/03-multiple-channels.json", "--step", "3", "--png",
                      (dir / "s.png").string(), "--frame", "2"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("the output-size walkthrough is one picture"), std::string::npos) << run.err;
    // Off a lesson: --grad-output implies the backward view; with --view forward it is a usage error.
    run = export_cli({"--params", R"({"op": "avg_pool2d", "kernel_size": 2})", "--input", "[[1, 2], [3, 4]]",
                      "--grad-output", "[[8]]", "--svg", (dir / "g.svg").string()});
    ASSERT_EQ(run.code, 0) << run.err;
    const std::vector<std::string> values = texts_of(svg_texts(read_text(dir / "g.svg")), "v");
    EXPECT_EQ(std::vector<std::string>(values.end() - 4, values.end()), (std::vector<std::string>(4, "2")));
    run = export_cli({"--params", R"({"kernel_size": 2})", "--input", "[[1, 2], [3, 4]]", "--grad-output",
                      "[[8]]", "--view", "forward", "--png", (dir / "x.png").string()});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("use it with --view backward"), std::string::npos) << run.err;
    run = export_cli({"--params", R"({"kernel_size": 2})", "--input", "[[1, 2], [3, 4]]", "--view",
                      "sideways", "--png", (dir / "x.png").string()});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("expects forward, backward or shape"), std::string::npos) << run.err;
    // A lesson's --all-steps: the shape steps too, each its walkthrough.
    run = export_cli({"--lesson", kLessons + "/05-output-size.json", "--all-steps", "--gif",
                      (dir / "all").string() + "/"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("7 GIF(s)"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace poolscope::app
