// The desktop frame loop (see main_loop.h).
#include "platform/main_loop.h"

#include "platform/window.h"

namespace poolscope::app {

void run_loop(PlatformWindow& window, App& /*app: only the browser's loop exposes it*/,
              std::function<bool()> frame) {
    while (!should_close(window))
        if (!frame()) break;
}

}  // namespace poolscope::app
