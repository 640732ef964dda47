// Start-up step marks (see startup_phases.h).
#include "platform/startup_phases.h"

#include <cstdio>

namespace poolscope::app {

void StartupPhases::mark(std::string step) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    ends.emplace_back(std::move(step), ms);
}

double StartupPhases::first_frame_ms() const {
    return !ends.empty() && ends.back().first == kFirstFrameDrawn ? ends.back().second : 0.0;
}

std::string StartupPhases::durations_text() const {
    std::string text;
    double previous = 0;
    for (const auto& [step, ms] : ends) {
        char part[96];
        std::snprintf(part, sizeof part, "%s%s %.1f", text.empty() ? "" : ", ", step.c_str(), ms - previous);
        text += part;
        previous = ms;
    }
    return text;
}

}  // namespace poolscope::app
