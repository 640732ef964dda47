// Where the time to the first frame goes (issue 34): main() marks the end of each start-up step; the marks go
// to stderr with POOLSCOPE_TIMING, into --state-out's "startup_ms", and to the page's benchmark
// (bench/web_first_frame.py reads them from the state JSON), so a slow first frame names its step.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace poolscope::app {

struct StartupPhases {
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::vector<std::pair<std::string, double>> ends;  // step, milliseconds since `started` when it ended

    // Records that `step` ended now.
    void mark(std::string step);
    // "options 1.2, lessons 14.0, ..." with each step's own duration, for stderr.
    std::string durations_text() const;
    // When the first frame was drawn (the renderer's last mark, kFirstFrameDrawn); 0 before.
    double first_frame_ms() const;

    static constexpr const char* kFirstFrameDrawn = "first frame drawn";
};

}  // namespace poolscope::app
