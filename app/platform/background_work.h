// Work that must not stall the window (an export's painting): on a thread of its own on the desktop; in the
// browser, which has no threads in this build, in slices of a few milliseconds between frames. The work is a
// function doing one bounded piece per call, so both ways run the same code.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace poolscope::app {

class BackgroundWork {
  public:
    BackgroundWork() = default;
    ~BackgroundWork() { wait(); }
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;

    // Starts calling `piece` until it returns false. The previous work must be finished.
    void start(std::function<bool()> piece);
    // Once per frame from the UI: in the browser, runs pieces for a few milliseconds; nothing on the desktop.
    void pump();
    // The last piece returned false.
    bool finished() const { return finished_.load(std::memory_order_acquire); }
    // Runs or waits until the work is finished (ask it to stop first to make this quick).
    void wait();

  private:
    std::function<bool()> piece_;
    std::atomic<bool> finished_{true};
    std::thread thread_;  // unused in the browser
};

}  // namespace poolscope::app
