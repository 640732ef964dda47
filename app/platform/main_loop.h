// Runs the window's frame loop: a plain while loop on the desktop (main_loop.cpp); in the browser the page
// must return to the event loop between frames, so emscripten calls the frame once per display frame and
// the page's JavaScript reaches the running app (state report, opened files) through web/web_bridge.cpp.
#pragma once

#include <functional>

namespace poolscope::app {

struct App;
struct PlatformWindow;

// Calls `frame` until it returns false or the window should close. In the browser it never returns: the
// page keeps running, and `app` and `window` (which must then live for the page's lifetime) stay reachable
// from JavaScript.
void run_loop(PlatformWindow& window, App& app, std::function<bool()> frame);

}  // namespace poolscope::app
