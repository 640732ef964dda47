// The frame benchmark's statistics and process facts (see frame_bench.h). Only /proc and the standard
// library: nothing here touches the window.
#include "testing/frame_bench.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/app_state.h"
#include "testing/draw_stats.h"

namespace poolscope::app {
namespace {

std::optional<std::string> read_text(const char* path) {
    std::ifstream file(path);
    if (!file) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

bool parse_u64(std::string_view text, uint64_t& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

// Rounds to 3 decimals so the JSON line stays short and readable.
double round3(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

}  // namespace

double FrameStats::percentile(double p) const {
    if (samples_.empty()) return 0.0;
    std::vector<double> sorted = samples_;
    std::sort(sorted.begin(), sorted.end());
    const double clamped = std::clamp(p, 0.0, 100.0);
    // Nearest rank: ceil(p/100 * n), 1-based; p = 0 gives the minimum.
    size_t rank = static_cast<size_t>(std::ceil(clamped / 100.0 * static_cast<double>(sorted.size())));
    rank = std::clamp<size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

double FrameStats::max() const {
    return samples_.empty() ? 0.0 : *std::max_element(samples_.begin(), samples_.end());
}

double FrameStats::mean() const {
    if (samples_.empty()) return 0.0;
    return std::accumulate(samples_.begin(), samples_.end(), 0.0) / static_cast<double>(samples_.size());
}

std::string bench_json(const FrameStats& stats, const BenchReport& report) {
    nlohmann::ordered_json j;
    j["frames"] = stats.count();
    j["p50_ms"] = round3(stats.percentile(50));
    j["p99_ms"] = round3(stats.percentile(99));
    j["first_frame_ms"] = round3(report.first_frame_ms);
    j["peak_rss_mb"] = round3(report.peak_rss_mb);
    j["max_ms"] = round3(stats.max());
    j["mean_ms"] = round3(stats.mean());
    return j.dump();
}

std::optional<uint64_t> parse_stat_starttime(std::string_view line) {
    // Fields after the command name: the name is in parentheses and may contain anything, so split after
    // the last ')'. Field 3 (state) is then the first token; starttime is field 22.
    const size_t close = line.rfind(')');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view rest = line.substr(close + 1);
    int field = 2;
    while (!rest.empty()) {
        const size_t begin = rest.find_first_not_of(" \n");
        if (begin == std::string_view::npos) break;
        rest = rest.substr(begin);
        const size_t end = std::min(rest.find_first_of(" \n"), rest.size());
        ++field;
        if (field == 22) {
            uint64_t ticks = 0;
            if (!parse_u64(rest.substr(0, end), ticks)) return std::nullopt;
            return ticks;
        }
        rest = rest.substr(end);
    }
    return std::nullopt;
}

std::optional<double> ms_since_process_start() {
    const std::optional<std::string> stat = read_text("/proc/self/stat");
    if (!stat) return std::nullopt;
    const std::optional<uint64_t> ticks = parse_stat_starttime(*stat);
    const long hz = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ticks || hz <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0) return std::nullopt;
    const double now_ms = static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
    const double start_ms = static_cast<double>(*ticks) * 1e3 / static_cast<double>(hz);
    return std::max(0.0, now_ms - start_ms);
}

std::optional<uint64_t> parse_vmhwm_kb(std::string_view text) {
    const size_t at = text.find("VmHWM:");
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = text.substr(at + 6);
    const size_t begin = rest.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return std::nullopt;
    rest = rest.substr(begin);
    const size_t end = rest.find_first_of(" \t\n");
    uint64_t kb = 0;
    if (!parse_u64(rest.substr(0, end == std::string_view::npos ? rest.size() : end), kb))
        return std::nullopt;
    return kb;
}

std::optional<double> peak_rss_mb() {
    const std::optional<std::string> status = read_text("/proc/self/status");
    if (!status) return std::nullopt;
    const std::optional<uint64_t> kb = parse_vmhwm_kb(*status);
    if (!kb) return std::nullopt;
    return static_cast<double>(*kb) / 1024.0;
}

void FrameBench::end_frame() {
    if (!first_frame_ms_) {
        // The first frame is timed from process start (0 when /proc cannot say), not from begin_frame().
        first_frame_ms_ = ms_since_process_start().value_or(0.0);
        return;
    }
    stats_.add(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frame_start_).count());
}

std::string FrameBench::json() const {
    BenchReport report;
    report.first_frame_ms = first_frame_ms_.value_or(0.0);
    report.peak_rss_mb = peak_rss_mb().value_or(0.0);
    return bench_json(stats_, report);
}

void FrameBench::step(Playback& playback, int64_t steps) {
    playback.playing = steps > 0;
    if (steps <= 0) return;
    playback.step = playback.step + 1 >= steps ? 0 : playback.step + 1;
    playback.time_left = 0.0f;
}

bool end_bench_frame(FrameBench& bench, const std::optional<DrawStats>& stats, double pixels) {
    bench.end_frame();
    if (!bench.done()) return false;
    std::cout << bench.json() << std::endl;
    if (stats) std::cerr << stats->json(pixels) << std::endl;
    return true;
}

}  // namespace poolscope::app
