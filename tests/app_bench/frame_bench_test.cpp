// The frame benchmark's GUI-free parts: nearest-rank percentiles, the JSON line's keys and values, the
// /proc/<pid>/stat and /proc/<pid>/status parsing, --input HxWxC and --bench-frames parsing, and the
// one-step-per-frame timeline.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/app_options.h"
#include "testing/frame_bench.h"

namespace poolscope::app {
namespace {

TEST(FrameStats, NearestRankPercentiles) {
    FrameStats stats;
    EXPECT_EQ(stats.percentile(50), 0.0);  // no samples
    for (int i = 100; i >= 1; --i)
        stats.add(i);  // 1..100 ms, added out of order
    EXPECT_EQ(stats.count(), 100u);
    EXPECT_DOUBLE_EQ(stats.percentile(50), 50.0);
    EXPECT_DOUBLE_EQ(stats.percentile(99), 99.0);
    EXPECT_DOUBLE_EQ(stats.percentile(100), 100.0);
    EXPECT_DOUBLE_EQ(stats.percentile(0), 1.0);
    EXPECT_DOUBLE_EQ(stats.max(), 100.0);
    EXPECT_DOUBLE_EQ(stats.mean(), 50.5);
}

TEST(FrameStats, P99OfFewFramesIsTheWorstOne) {
    FrameStats stats;
    for (double ms : {2.0, 3.0, 40.0, 2.5})
        stats.add(ms);
    EXPECT_DOUBLE_EQ(stats.percentile(99), 40.0);
    EXPECT_DOUBLE_EQ(stats.percentile(50), 2.5);
}

TEST(BenchJson, HasTheIssueKeysAndValues) {
    FrameStats stats;
    for (int i = 1; i <= 10; ++i)
        stats.add(i * 1.25);
    BenchReport report;
    report.first_frame_ms = 123.4564;
    report.peak_rss_mb = 77.5;
    const nlohmann::json j = nlohmann::json::parse(bench_json(stats, report));
    for (const char* key : {"frames", "p50_ms", "p99_ms", "first_frame_ms", "peak_rss_mb"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["frames"].get<int>(), 10);
    EXPECT_DOUBLE_EQ(j["p50_ms"].get<double>(), 6.25);
    EXPECT_DOUBLE_EQ(j["p99_ms"].get<double>(), 12.5);
    EXPECT_DOUBLE_EQ(j["first_frame_ms"].get<double>(), 123.456);
    EXPECT_DOUBLE_EQ(j["peak_rss_mb"].get<double>(), 77.5);
    EXPECT_EQ(bench_json(stats, report).find('\n'), std::string::npos);  // one line
}

TEST(ProcParsing, StarttimeSurvivesSpacesAndParensInTheName) {
    // Fields 1..22 of a real stat line; the name "(my prog) x" holds a space and a ')'.
    const std::string line =
        "4242 ((my prog) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 987654 123456 789\n";
    EXPECT_EQ(parse_stat_starttime(line), std::optional<uint64_t>(987654));
    EXPECT_EQ(parse_stat_starttime("4242 (short) S 1 2"), std::nullopt);
    EXPECT_EQ(parse_stat_starttime("no parens at all"), std::nullopt);
}

TEST(ProcParsing, VmHwm) {
    EXPECT_EQ(parse_vmhwm_kb("Name:\tpoolscope\nVmPeak:\t 900 kB\nVmHWM:\t   51234 kB\nVmRSS:\t 40000 kB\n"),
              std::optional<uint64_t>(51234));
    EXPECT_EQ(parse_vmhwm_kb("VmRSS:\t 40000 kB\n"), std::nullopt);
}

TEST(ProcParsing, ThisProcessHasAStartAndAPeak) {
    const std::optional<double> since = ms_since_process_start();
    ASSERT_TRUE(since.has_value());
    EXPECT_GE(*since, 0.0);
    EXPECT_LT(*since, 24.0 * 3600 * 1000);  // started today, not at boot
    const std::optional<double> rss = peak_rss_mb();
    ASSERT_TRUE(rss.has_value());
    EXPECT_GT(*rss, 0.5);
}

TEST(InputDims, ParsesHxWxCAndBuildsTheTensor) {
    const std::optional<InputDims> dims = parse_input_dims("16x8x3");
    ASSERT_TRUE(dims.has_value());
    EXPECT_EQ(dims->h, 16);
    EXPECT_EQ(dims->w, 8);
    EXPECT_EQ(dims->c, 3);
    Result<Tensor> t = make_dims_input(*dims);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->shape().c, 3);
    EXPECT_EQ(t->shape().h, 16);
    EXPECT_EQ(t->shape().w, 8);
    EXPECT_NE(t->at(0, 0, 0, 0), t->at(0, 0, 0, 1));  // not a constant fill
    EXPECT_NE(t->at(0, 0, 0, 0), t->at(0, 1, 0, 0));
    for (const char* bad : {"16x16", "16x16x", "0x4x1", "axbxc", "4x4x1x1", "[[1,2]]", "4 x4x1"})
        EXPECT_FALSE(parse_input_dims(bad).has_value()) << bad;
    EXPECT_FALSE(make_dims_input({33, 4, 1}).ok());  // the editor holds 32x32x8
    EXPECT_FALSE(make_dims_input({4, 4, 9}).ok());
}

TEST(InputDims, OptionsUseItAndBenchFramesParses) {
    const char* argv[] = {"poolscope", "--bench-frames", "30", "--input", "4x5x2"};
    Result<AppOptions> options = parse_app_options(5, const_cast<char**>(argv));
    ASSERT_TRUE(options.ok()) << options.error_text();
    EXPECT_EQ(options->bench_frames, std::optional<int64_t>(30));
    Result<AppState> state = initial_state(*options);
    ASSERT_TRUE(state.ok()) << state.error_text();
    EXPECT_EQ(state->doc.input.shape().c, 2);
    EXPECT_EQ(state->doc.input.shape().h, 4);
    EXPECT_EQ(state->doc.input.shape().w, 5);
    for (const char* bad : {"0", "-3", "x", "1000001"}) {
        const char* argv2[] = {"poolscope", "--bench-frames", bad};
        EXPECT_FALSE(parse_app_options(3, const_cast<char**>(argv2)).ok()) << bad;
    }
    const char* argv3[] = {"poolscope", "--bench-frames"};
    EXPECT_FALSE(parse_app_options(2, const_cast<char**>(argv3)).ok());
}

TEST(FrameBenchStep, MovesEveryFrameAndWraps) {
    Playback playback;
    playback.step = 2;
    FrameBench::step(playback, 4);
    EXPECT_EQ(playback.step, 3);
    EXPECT_TRUE(playback.playing);
    FrameBench::step(playback, 4);
    EXPECT_EQ(playback.step, 0);
    FrameBench::step(playback, 0);  // rejected params: nothing to step
    EXPECT_FALSE(playback.playing);
}

TEST(FrameBenchRun, FirstFrameIsKeptOutOfThePercentiles) {
    FrameBench bench(2);
    for (int i = 0; i < 3 && !bench.done(); ++i) {
        bench.begin_frame();
        bench.end_frame();
    }
    EXPECT_TRUE(bench.done());
    const nlohmann::json j = nlohmann::json::parse(bench.json());
    EXPECT_EQ(j["frames"].get<int>(), 2);
    EXPECT_GT(j["first_frame_ms"].get<double>(), 0.0);
    EXPECT_GT(j["peak_rss_mb"].get<double>(), 0.0);
}

}  // namespace
}  // namespace poolscope::app
