// Background work in the browser (see background_work.h): this build has no threads (they would need a
// cross-origin-isolated page, which a plain static server does not give), so the UI runs the pieces itself,
// a few milliseconds' worth per frame, and the page keeps drawing its progress in between.
#include "platform/background_work.h"

#include <chrono>
#include <utility>

namespace poolscope::app {
namespace {

constexpr std::chrono::milliseconds kSliceBudget{12};  // leaves most of a 60 Hz frame to drawing

}  // namespace

void BackgroundWork::start(std::function<bool()> piece) {
    wait();
    piece_ = std::move(piece);
    finished_.store(false, std::memory_order_release);
}

void BackgroundWork::pump() {
    const auto until = std::chrono::steady_clock::now() + kSliceBudget;
    while (!finished() && std::chrono::steady_clock::now() < until)
        if (!piece_()) finished_.store(true, std::memory_order_release);
}

void BackgroundWork::wait() {
    while (!finished())
        if (!piece_()) finished_.store(true, std::memory_order_release);
}

}  // namespace poolscope::app
