// Export limits and file safety (issue 28): sizes a format cannot store and caps beyond any teaching use are
// refused before painting; --every / --windows pick window positions (with in-between frames only between
// picked neighbours); a cancelled or failed export leaves the file of that name as it was, and no temporary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "export/export_job.h"
#include "export/export_limits.h"
#include "poolscope/generators.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("poolscope-limits-" + std::string(name) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

ExportScene kernel_one_scene(int64_t size, bool smooth) {
    SceneRequest r;
    r.input = make_arange({1, 1, size, size}, 0.0f, 1.0f, 2).value();
    r.layer.params.op = PoolOp::kMax;
    r.layer.params.kernel_size = {1, 1};
    r.cell = 8;
    r.smooth = smooth;
    return make_scene(r).value();
}

TEST(ExportLimits, SizesAFormatCannotStoreAreRefused) {
    EXPECT_TRUE(check_export_size(ExportFormat::kPng, 10000, 10000, 1));
    Result<bool> wide = check_export_size(ExportFormat::kPng, 19800, 80760, 1);  // issue 28's PNG
    ASSERT_FALSE(wide);
    EXPECT_NE(
        wide.error_text().find("the PNG would be 19,800 × 80,760 pixels, more than the 16,384 pixels a side"),
        std::string::npos)
        << wide.error_text();
    EXPECT_FALSE(check_export_size(ExportFormat::kPng, 16000, 16000, 1));       // 256 megapixels
    Result<bool> tall = check_export_size(ExportFormat::kGif, 6995, 65938, 1);  // issue 28's GIF
    ASSERT_FALSE(tall);
    EXPECT_NE(tall.error_text().find("a frame, more than the 8,192 pixels a side"), std::string::npos);
    Result<bool> long_gif = check_export_size(ExportFormat::kGif, 800, 600, 1024);
    ASSERT_FALSE(long_gif);
    EXPECT_NE(
        long_gif.error_text().find("1,024 frames, more than the 400 an export may have; pick fewer window "
                                   "positions (poolscope export --every N or --windows A..B)"),
        std::string::npos)
        << long_gif.error_text();
    // 32 x 32 with kernel 2 at the default cell: 256 frames of 2400 x 1683, a gigapixel (two minutes here).
    Result<bool> slow = check_export_size(ExportFormat::kGif, 2400, 1683, 256);
    ASSERT_FALSE(slow);
    EXPECT_NE(slow.error_text().find("pixels an export may paint in all"), std::string::npos);
    EXPECT_TRUE(check_export_size(ExportFormat::kGif, 1200, 842, 256));  // the same at --cell 24
    EXPECT_NE(export_limits_text().find("at most 400 frames"), std::string::npos);
}

TEST(ExportLimits, WindowsAndEveryPickWindowPositions) {
    const fs::path dir = fresh_dir("pick");
    const ExportScene scene = kernel_one_scene(6, false);  // 36 window positions
    ExportOptions o;
    o.format = ExportFormat::kGif;
    o.out = dir / "a.gif";
    o.windows = std::pair<int64_t, int64_t>{1, 10};
    o.every = 3;
    Result<ExportSummary> done = run_export(scene, o);
    ASSERT_TRUE(done) << done.error_text();
    EXPECT_EQ(done->frames, 4);  // positions 1, 4, 7, 10
    // Smooth slides only between picked neighbours: positions 2..4 are one arrival and two slides of 4+1.
    o.windows = std::pair<int64_t, int64_t>{2, 4};
    o.every = 1;
    done = run_export(kernel_one_scene(6, true), o);
    ASSERT_TRUE(done) << done.error_text();
    EXPECT_EQ(done->frames, 11);
    o.windows = std::pair<int64_t, int64_t>{40, 50};
    done = run_export(scene, o);
    ASSERT_FALSE(done);
    EXPECT_NE(done.error_text().find("no window position of the 36"), std::string::npos) << done.error_text();
    fs::remove_all(dir);
}

TEST(ExportLimits, AnAnimationOverTheCapIsRefusedBeforeAFrameIsPainted) {
    const fs::path dir = fresh_dir("cap");
    ExportOptions o;
    o.format = ExportFormat::kGif;
    o.out = dir / "long.gif";
    ExportProgress progress;
    ExportJob job(kernel_one_scene(32, false), o, &progress);  // 1024 window positions
    EXPECT_FALSE(job.step());                                  // the first step checks, and stops there
    ASSERT_FALSE(job.result());
    EXPECT_NE(job.result().error_text().find("1,024 frames"), std::string::npos);
    EXPECT_EQ(progress.done.load(), 0);
    EXPECT_FALSE(fs::exists(o.out));
    EXPECT_TRUE(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST(ExportLimits, ACancelledGifLeavesThePreviousFileAndNoTemporary) {
    const fs::path dir = fresh_dir("cancel");
    ExportOptions o;
    o.format = ExportFormat::kGif;
    o.out = dir / "a.gif";
    std::ofstream(o.out) << "the previous export";
    ExportProgress progress;
    ExportJob job(kernel_one_scene(4, false), o, &progress);
    EXPECT_TRUE(job.step());  // begun: the GIF is a temporary file now
    EXPECT_TRUE(job.step());  // one frame
    progress.cancel = true;
    while (job.step()) {
    }
    ASSERT_TRUE(job.result());
    EXPECT_TRUE(job.result()->cancelled);
    EXPECT_EQ(read(o.out), "the previous export");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);
    // Finished, it replaces the file.
    ExportProgress again;
    Result<ExportSummary> done = run_export(kernel_one_scene(4, false), o, &again);
    ASSERT_TRUE(done) << done.error_text();
    EXPECT_EQ(read(o.out).substr(0, 6), "GIF89a");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);
    fs::remove_all(dir);
}

TEST(ExportLimits, InputsLargerThanAnExportDrawsAreRefusedByTheScene) {
    SceneRequest r;
    r.input = make_arange({1, 1, 1024, 1024}, 0.0f, 1.0f, 2).value();
    r.layer.params.kernel_size = {2, 2};
    Result<ExportScene> scene = make_scene(r);
    ASSERT_FALSE(scene);
    EXPECT_NE(scene.error_text().find("exports draw up to 8 channels of 32 × 32"), std::string::npos);
}

}  // namespace
}  // namespace poolscope::app
