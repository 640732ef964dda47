// Everything main.cpp's frame loop reaches, in one object on the heap. In the browser the loop runs on after
// main() is gone: emscripten leaves main() for the page's event loop by throwing, and with WebAssembly
// exceptions that unwinding runs the destructors of main()'s locals (emscripten's note on
// emscripten_set_main_loop), so the page keeps this object and never frees it (platform/main_loop.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "frame.h"
#include "model/app_options.h"
#include "platform/frame_pacer.h"
#include "platform/screenshot.h"
#include "platform/window.h"
#include "testing/frame_bench.h"

namespace poolscope::app {

struct WindowSession {
    AppOptions options;
    App app;
    PlatformWindow window;
    std::string imgui_ini;  // ImGui's layout file, none for pictures and benchmarks (ImGui keeps a pointer)
    OffscreenTarget offscreen;                         // --screenshot's target
    std::optional<FrameBench> bench;                   // --bench-frames N
    std::optional<FramePacer> pacer;                   // made once the window is open
    bool screenshot = false;                           // --screenshot: off-screen, this many frames:
    static constexpr uint64_t kScreenshotFrames = 16;  // the layout settles in a few (panels/row_room.h)
    uint64_t reports = 0;                              // --state-out reports written
    int exit_code = 0;

    // --state-out: the state as shown, to its file (on F12 and at exit); nothing without the option.
    void write_report();
};

}  // namespace poolscope::app
