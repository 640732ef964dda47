// `poolscope --bench-frames N`: the frame-time statistics the window prints as one JSON object, and the
// process facts they need (time since the process started, peak RSS). GUI-free, so tests check the maths
// and the JSON shape without a display.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chrono>

#include "model/playback.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope::app {

// Wall times of whole frames (UI, draw and swap), in milliseconds.
class FrameStats {
  public:
    void reserve(size_t frames) { samples_.reserve(frames); }
    void add(double ms) { samples_.push_back(ms); }
    size_t count() const { return samples_.size(); }
    // Nearest-rank percentile (p in [0, 100]): the smallest sample with at least p % of samples <= it.
    // 0 when there are no samples.
    double percentile(double p) const;
    double max() const;
    double mean() const;

  private:
    std::vector<double> samples_;
};

struct BenchReport {
    double first_frame_ms = 0;  // process start to the first frame swapped
    double peak_rss_mb = 0;     // VmHWM
};

// {"frames", "p50_ms", "p99_ms", "first_frame_ms", "peak_rss_mb", plus "max_ms", "mean_ms"} on one line.
std::string bench_json(const FrameStats& stats, const BenchReport& report);

// Milliseconds since the kernel started this process (/proc/self/stat starttime against CLOCK_BOOTTIME),
// so dynamic loading and static initialisers count too; the start is known to 1/CLK_TCK s (10 ms), rounded
// down, so the figure errs high. nullopt when /proc is unavailable.
std::optional<double> ms_since_process_start();
// Parses the starttime field (22nd) of a /proc/<pid>/stat line; the command name may hold spaces and ')'.
std::optional<uint64_t> parse_stat_starttime(std::string_view stat_line);

// Peak resident set size (VmHWM of /proc/self/status) in MiB; nullopt when unavailable.
std::optional<double> peak_rss_mb();
// Parses "VmHWM:   12345 kB" out of a /proc/<pid>/status text, in kB.
std::optional<uint64_t> parse_vmhwm_kb(std::string_view status_text);

// One benchmark run inside the window loop: begin_frame() at the top of a frame, end_frame() after the
// swap. The first frame is timed from process start (first_frame_ms) and kept out of the percentiles;
// then `frames` more frames are timed. done() once they are.
class FrameBench {
  public:
    explicit FrameBench(int64_t frames) : frames_(frames) { stats_.reserve(static_cast<size_t>(frames)); }
    void begin_frame() { frame_start_ = std::chrono::steady_clock::now(); }
    void end_frame();
    bool done() const { return static_cast<int64_t>(stats_.count()) >= frames_; }
    std::string json() const;
    // Moves the timeline one output cell per frame, wrapping at the end and staying in "playing", so the
    // pooling window moves (and animates) on every frame: the fastest the lesson can run.
    static void step(Playback& playback, int64_t steps);

  private:
    int64_t frames_;
    FrameStats stats_;
    std::chrono::steady_clock::time_point frame_start_;
    std::optional<double> first_frame_ms_;
};

class DrawStats;
// Ends one benchmark frame. After the last: prints the figures (stdout, one JSON line) and, with
// POOLSCOPE_DRAW_STATS, what the frames drew (stderr, over `pixels` of framebuffer), and returns true.
bool end_bench_frame(FrameBench& bench, const std::optional<DrawStats>& stats, double pixels);

}  // namespace poolscope::app
