// The A/B slide (issue 29, `poolscope export --ab`) without a display: the differing cells are shaded and the
// cells only one side has outlined, at the places the slide says (pixels sampled in the PNG), the SVG holds
// both sides' values and the core's reasons as text in the export's language, a lesson step's "compare" is
// used, and the command's errors say what is wrong with the right exit code.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "export/ab_slide.h"
#include "export/export_command.h"
#include "export/raster.h"
#include "export/svg_writer.h"
#include "export_test_util.h"
#include "i18n/compare_text.h"
#include "platform/font_files.h"
#include "poolscope/generators.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;
using test::CliRun;
using test::export_cli;
using test::read_text;
using test::temp_dir;

// A/B: max pooling 3, stride 2 on an 8 × 8 arange, floor (A) against ceil_mode (B).
AbSlideRequest ceil_request() {
    AbSlideRequest r;
    r.input = make_arange({1, 1, 8, 8}, 0.0f, 1.0f, 2).value();
    r.a.params.op = PoolOp::kMax;
    r.a.params.kernel_size = {3, 3};
    r.a.params.stride = Pair{2, 2};
    r.b = r.a;
    r.b.params.ceil_mode = true;
    return r;
}

TEST(AbSlide, ShadesTheCellsTheCoreMarksAndNoOthers) {
    const Result<ExportFonts> fonts = ExportFonts::load();
    ASSERT_TRUE(fonts.ok()) << fonts.error_text();
    AbSlideRequest request = ceil_request();
    request.cell = 60;
    AbSlideLayout layout;
    const Result<Picture> picture = ab_slide_picture(request, *fonts, &layout);
    ASSERT_TRUE(picture.ok()) << picture.error_text();
    const RgbImage image = rasterize(*picture, *fonts);
    // Sampled near a cell's lower-right corner: away from its value and its reason numbers.
    const auto fill = [&](float grid_x, int64_t r, int64_t c) {
        return image.at(static_cast<int>(grid_x + (static_cast<float>(c) + 0.8f) * layout.cell),
                        static_cast<int>(layout.grid_top + (static_cast<float>(r) + 0.8f) * layout.cell));
    };
    const Rgba plain = kLightColors.input_fill, only{255, 236, 196};
    EXPECT_EQ(fill(layout.grid_a_x, 0, 0), plain);
    EXPECT_EQ(fill(layout.grid_a_x, 2, 2), plain);  // A is 3 × 3, every cell shared with B
    EXPECT_EQ(fill(layout.grid_b_x, 0, 0), plain);
    EXPECT_EQ(fill(layout.grid_b_x, 0, 3), only);  // B's extra column and row
    EXPECT_EQ(fill(layout.grid_b_x, 3, 0), only);
    EXPECT_EQ(fill(layout.grid_b_x, 3, 3), only);
    EXPECT_EQ(layout.reason_lines >= 2, true);

    // count_include_pad: the corner and edge cells differ in both grids, the centre does not.
    AbSlideRequest cip;
    cip.input = make_arange({1, 1, 3, 3}, 1.0f, 1.0f, 2).value();
    cip.a.params.op = PoolOp::kAvg;
    cip.a.params.kernel_size = {3, 3};
    cip.a.params.stride = Pair{1, 1};
    cip.a.params.padding = Padding::symmetric({1, 1});
    cip.b = cip.a;
    cip.b.params.count_include_pad = false;
    cip.cell = 60;
    const Result<Picture> p2 = ab_slide_picture(cip, *fonts, &layout);
    ASSERT_TRUE(p2.ok()) << p2.error_text();
    const RgbImage i2 = rasterize(*p2, *fonts);
    const auto fill2 = [&](float grid_x, int64_t r, int64_t c) {
        return i2.at(static_cast<int>(grid_x + (static_cast<float>(c) + 0.8f) * layout.cell),
                     static_cast<int>(layout.grid_top + (static_cast<float>(r) + 0.8f) * layout.cell));
    };
    const Rgba differs{255, 214, 214};
    for (const float x : {layout.grid_a_x, layout.grid_b_x}) {
        EXPECT_EQ(fill2(x, 0, 0), differs);
        EXPECT_EQ(fill2(x, 0, 1), differs);
        EXPECT_EQ(fill2(x, 1, 1), plain);
    }
}

// The SVG holds both sides' code lines, every value of both grids and the core's reasons, word for word as
// the app says them, in English and in Chinese.
TEST(AbSlide, SvgSaysWhatTheCoreSaysInTheExportsLanguage) {
    const fs::path dir = temp_dir("ab");
    AbSlideRequest request = ceil_request();
    ASSERT_TRUE(write_ab_slide(request, ExportFormat::kSvg, dir / "en.svg").ok());
    const std::string svg = read_text(dir / "en.svg");
    EXPECT_NE(svg.find("nn.MaxPool2d(3, stride=2, ceil_mode=True)"), std::string::npos);
    const Result<AbComparison> cmp = compare_ab(request.input, request.a, request.b);
    ASSERT_TRUE(cmp.ok());
    ASSERT_EQ(cmp->reasons.size(), 2u);
    // The first words of each reason, escaped as the SVG writes them (wrapping may split the rest).
    EXPECT_NE(svg.find("1. B&apos;s ceil_mode=True adds output"), std::string::npos) << svg.substr(0, 2000);
    EXPECT_NE(svg.find("2. B&apos;s ceil_mode=True adds output"), std::string::npos);
    EXPECT_NE(svg.find(">63<"), std::string::npos);  // B's extra corner: the maximum of the last window

    request.language = Language::kChinese;
    ASSERT_TRUE(write_ab_slide(request, ExportFormat::kSvg, dir / "zh.svg").ok());
    const std::string zh = read_text(dir / "zh.svg");
    EXPECT_NE(zh.find("输出 3 × 3"), std::string::npos);
    EXPECT_NE(zh.find("ceil_mode=True 增加了输出的第 3"), std::string::npos) << zh.substr(0, 3000);
}

TEST(AbSlide, RejectedOrSameLayersAreErrors) {
    const Result<ExportFonts> fonts = ExportFonts::load();
    ASSERT_TRUE(fonts.ok());
    AbSlideRequest same = ceil_request();
    same.b = same.a;
    EXPECT_FALSE(ab_slide_picture(same, *fonts).ok());
    AbSlideRequest rejected = ceil_request();
    rejected.b.params.padding = Padding::symmetric({2, 2});
    const Result<Picture> r = ab_slide_picture(rejected, *fonts);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error_text().find("more than half"), std::string::npos) << r.error_text();
}

const std::string kCeilLesson = std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json";

TEST(AbCli, LessonStepsCompareBecomesASlide) {
    const fs::path dir = temp_dir("ab");
    const CliRun run = export_cli({"--lesson", kCeilLesson, "--step", "6", "--ab", "--png",
                                   (dir / "s.png").string(), "--svg", (dir / "s.svg").string()});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("wrote " + (dir / "s.png").string() + " (A/B slide"), std::string::npos)
        << run.out;
    EXPECT_TRUE(fs::exists(dir / "s.png"));
    const std::string svg = read_text(dir / "s.svg");
    EXPECT_NE(svg.find("ceil_mode turns 1×1 into 2×2"), std::string::npos);  // the step's title
    EXPECT_NE(svg.find("nn.MaxPool2d(3, stride=2)"), std::string::npos);     // A, from the compare block
    EXPECT_NE(svg.find("adds output column 1"), std::string::npos);
}

TEST(AbCli, ParamsAndParamsBWithoutALesson) {
    const fs::path dir = temp_dir("ab");
    const CliRun run = export_cli(
        {"--params", R"({"op": "avg_pool2d", "kernel_size": 3, "stride": 1, "padding": 1})", "--params-b",
         R"({"count_include_pad": false})", "--input", "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]", "--ab", "--svg",
         (dir / "c.svg").string(), "--lang", "en"});
    ASSERT_EQ(run.code, 0) << run.err;
    const std::string svg = read_text(dir / "c.svg");
    EXPECT_NE(svg.find("count_include_pad=False divides by 4, not 9"), std::string::npos);
    // A step without "compare" takes --params-b on top of its layer.
    const CliRun step = export_cli({"--lesson", kCeilLesson, "--step", "1", "--ab", "--params-b",
                                    R"({"ceil_mode": true})", "--png", (dir / "p.png").string()});
    EXPECT_EQ(step.code, 0) << step.err;
}

TEST(AbCli, ErrorsSayWhatIsWrongWithTheRightExitCode) {
    CliRun run = export_cli({"--lesson", kCeilLesson, "--step", "1", "--ab", "--png", "x.png"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("has no \"compare\": give --params-b"), std::string::npos) << run.err;
    run = export_cli({"--lesson", kCeilLesson, "--step", "6", "--ab"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("give --png or --svg"), std::string::npos) << run.err;
    run = export_cli({"--lesson", kCeilLesson, "--step", "6", "--ab", "--gif", "x.gif"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("draws one slide"), std::string::npos) << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--params-b", "{}",
                      "--png", "x.png"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("--params-b: is B's layer for the A/B slide: give --ab"), std::string::npos)
        << run.err;
    run = export_cli(
        {"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--ab", "--png", "x.png"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("give --params-b"), std::string::npos) << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--ab", "--params-b",
                      "[1]", "--png", "x.png"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("expects a JSON object of the keys B changes"), std::string::npos) << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--ab", "--params-b",
                      "{\"stride\": 2}", "--png", "x.png"});
    EXPECT_EQ(run.code, 1);  // stride 2 is the default for kernel 2 written out: the same layer
    EXPECT_NE(run.err.find("same layer"), std::string::npos) << run.err;
    run = export_cli({"--params", "{\"kernel_size\": 2}", "--input", "[[1, 2], [3, 4]]", "--ab", "--params-b",
                      "{\"convention\": \"onnx\"}", "--png", "x.png"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("keeps A's convention"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace poolscope::app
