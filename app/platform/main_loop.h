// Runs the window's frame loop: a plain while loop on the desktop (main_loop.cpp); in the browser the page
// must return to the event loop between frames, so emscripten calls the frame once per display frame and
// the page's JavaScript reaches the running app (state report, opened files) through web/main_loop_web.cpp.
// main.cpp fills in the hooks: the platform layer knows nothing of the frame or the report above it.
#pragma once

#include <functional>
#include <string>

namespace poolscope::app {

struct PlatformWindow;

struct LoopHooks {
    std::function<bool()> frame;              // draws one frame; false: stop
    std::function<bool()> frame_shown;        // a frame has reached the screen (the page hides its spinner)
    std::function<std::string()> state_json;  // --state-out's report, for the page and the web test
};

// Calls `hooks.frame` until it returns false or the window should close. In the browser it never returns:
// the page keeps running, and `window` and whatever the hooks reach (which must then live for the page's
// lifetime) stay reachable from JavaScript.
void run_loop(PlatformWindow& window, LoopHooks hooks);

}  // namespace poolscope::app
