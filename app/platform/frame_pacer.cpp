// Sleeping, waking and swapping (see frame_pacer.h).
#include "platform/frame_pacer.h"

#include <algorithm>

#include "platform/renderer.h"
#include "platform/window.h"

namespace poolscope::app {

FramePacer::FramePacer(PlatformWindow& window, bool overlap, bool bench)
    : window_(window), overlap_(overlap && frames_may_overlap()), bench_(bench) {}

void FramePacer::swap_waiting() {
    if (!waiting_) return;
    waiting_ = false;
    swap_buffers(window_);
    if (bench_) finish_gpu();
}

bool FramePacer::wait(const WakeReasons& why) {
    WindowEvents& events = window_.events;
    if (why.now) {
        poll_events();
        return true;
    }
    swap_waiting();  // whatever the wait, the last frame reaches the screen first
    const double to_line =
        line_expires_ ? std::max(0.0, std::chrono::duration<double>(*line_expires_ - Clock::now()).count())
                      : -1.0;
    if (why.animating) {
        wait_next_frame(window_, 1.0 / 60.0);
    } else if (why.watching) {
        wait_events(to_line >= 0 ? std::min(0.5, to_line) : 0.5);
        if (events.frames_to_draw == 0 && !line_expired() && !(why.file_changed && why.file_changed()))
            return false;
    } else {
        // The wait ends on input or at the timeout; the browser cannot wait (false: nothing came).
        const bool woke = wait_events(to_line);
        if (!line_expired() && (!woke || (to_line >= 0 && events.frames_to_draw == 0))) return false;
    }
    // A frame's clock is the last frame's time (main.cpp reads it before ImGui's NewFrame), so the frame a
    // line's time wakes still shows the line: one more clears it.
    if (line_expired()) events.frames_to_draw = std::max(events.frames_to_draw, 2);
    return true;
}

void FramePacer::line_expires_in(double seconds) {
    if (seconds < 0) return line_expires_.reset();
    // The line's time is on the frame clock (ImGui's summed frame times), this wait on the wall clock: a
    // little later, so the frame that wakes finds the line expired.
    line_expires_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(seconds + 0.02));
}

void FramePacer::after_draw(bool first_frame) {
    if (overlap_ && !first_frame) {
        flush_gpu();  // llvmpipe starts rasterising; the swap waits until the next frame is laid out
        waiting_ = true;
        return;
    }
    swap_buffers(window_);
    if (bench_) finish_gpu();  // count llvmpipe's rasterising and the copy to the window
}

}  // namespace poolscope::app
