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
// it leaves the caller for the page's event loop by unwinding its stack (destructors included), and `window`
// and whatever the hooks reach must then live on the heap for the page's lifetime (app/window_session.h).
void run_loop(PlatformWindow& window, LoopHooks hooks);
// Whether run_loop() returns to its caller: false in the browser.
bool run_loop_returns();

}  // namespace poolscope::app
