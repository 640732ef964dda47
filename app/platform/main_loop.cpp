// The desktop frame loop (see main_loop.h).
#include "platform/main_loop.h"

#include "platform/window.h"

namespace poolscope::app {

void run_loop(PlatformWindow& window, LoopHooks hooks) {  // the report hook: only the browser's page asks
    while (!should_close(window))
        if (!hooks.frame()) break;
}

bool run_loop_returns() {
    return true;
}

}  // namespace poolscope::app
