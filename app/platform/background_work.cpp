// Background work on the desktop (see background_work.h): one thread per piece of work, joined when done.
#include "platform/background_work.h"

#include <utility>

namespace poolscope::app {

void BackgroundWork::start(std::function<bool()> piece) {
    wait();
    piece_ = std::move(piece);
    finished_.store(false, std::memory_order_release);
    thread_ = std::thread([this] {
        while (piece_()) {
        }
        finished_.store(true, std::memory_order_release);
    });
}

void BackgroundWork::pump() {}

void BackgroundWork::wait() {
    if (thread_.joinable()) thread_.join();
}

}  // namespace poolscope::app
