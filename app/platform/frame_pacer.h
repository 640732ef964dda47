// When the window loop sleeps, wakes and swaps (main.cpp runs one frame per call of its hook):
// - it sleeps until there is something to show: input, an animation frame (~60 a second), a lesson file
//   change (checked twice a second; a timer wake with no news draws nothing, idle stays at 0 % CPU), or a
//   status line's time running out (model/status_line.h), so an expired line leaves the screen unasked;
// - frames drawn back to back overlap (renderer.h frames_may_overlap): one is swapped only once the next is
//   laid out, and always before the loop sleeps, so the screen never waits on the next input.
#pragma once

#include <chrono>
#include <functional>
#include <optional>

namespace poolscope::app {

struct PlatformWindow;

struct WakeReasons {
    bool now = false;                    // draw at once: a screenshot, a benchmark, frames left after input
    bool animating = false;              // playing, or a step's slide: the next frame at ~60 a second
    bool watching = false;               // a lesson file to check twice a second
    std::function<bool()> file_changed;  // with `watching`: whether the check finds news
};

class FramePacer {
  public:
    // `overlap`: frames may overlap (not for off-screen pictures); `bench`: each swap also waits for the GPU,
    // so a benchmark's frame times include rasterising and the copy to the window.
    FramePacer(PlatformWindow& window, bool overlap, bool bench);

    // Waits as `why` allows; false when the wake brought nothing to draw (the loop calls again).
    bool wait(const WakeReasons& why);
    // After a frame is laid out: the first status line on screen expires in `seconds` (< 0: none shown).
    void line_expires_in(double seconds);
    // Just before a frame is drawn: the last one, if it still waits, goes to the screen.
    void before_draw() { swap_waiting(); }
    // After a frame is drawn (not for an off-screen target): swapped now (the first frame: the start-up
    // measures it on screen), or handed to the GPU to rasterise while the next is laid out.
    void after_draw(bool first_frame);

  private:
    using Clock = std::chrono::steady_clock;
    void swap_waiting();
    bool line_expired() const { return line_expires_ && Clock::now() >= *line_expires_; }

    PlatformWindow& window_;
    bool overlap_, bench_;
    bool waiting_ = false;  // a frame drawn and not swapped
    std::optional<Clock::time_point> line_expires_;
};

}  // namespace poolscope::app
