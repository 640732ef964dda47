// The browser's frame loop (main_loop.h) and what the page's JavaScript may call on the running app
// (index.html, poolscope_page.js): the state report the desktop's --state-out writes, opening a file the page
// wrote into the in-memory file system (an upload, or a ?lesson=<url> it fetched), and the pasted text.
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>
#include <utility>

#include "platform/main_loop.h"
#include "platform/web/web_paths.h"
#include "platform/window.h"

namespace poolscope::app {
namespace {

// The one running app (its state on the heap: run_loop unwinds main()'s stack, main_loop.h).
// The C entry points below have no other way to it: the one global of the web glue.
struct Running {
    PlatformWindow* window = nullptr;
    LoopHooks hooks;
    bool first_frame_told = false;
    std::string state_text;  // poolscope_state_json()'s answer, valid until the next call
};

Running& running() {
    static Running r;
    return r;
}

// The app's data lookup (model/paths.h) reads $POOLSCOPE_DATA_DIR first: point it at the preloaded data
// before main() runs.
[[maybe_unused]] const bool data_dir_set = setenv("POOLSCOPE_DATA_DIR", kWebDataDir, 0) == 0;

// One frame of the app; false once it stopped.
bool run_frame() {
    Running& r = running();
    if (!r.hooks.frame()) {
        emscripten_cancel_main_loop();
        return false;
    }
    if (!r.first_frame_told && r.hooks.frame_shown && r.hooks.frame_shown()) {
        // The page measures the time to the first frame (bench/web_first_frame.sh) and hides its spinner.
        r.first_frame_told = true;
        EM_ASM({
            if (Module.poolscopeFirstFrame) Module.poolscopeFirstFrame();
        });
    }
    return true;
}

void one_frame() {
    run_frame();
}

}  // namespace

void run_loop(PlatformWindow& window, LoopHooks hooks) {
    Running& r = running();
    r.window = &window;
    r.hooks = std::move(hooks);
    // The first frame at once, not at the first display frame: a freshly started browser calls the page's
    // first animation frame only after its GPU process has drawn its own first picture (0.4-0.6 s on
    // SwiftShader, bench/README.md); the frame is laid out meanwhile, and its WebGL context is asked for
    // then.
    if (!run_frame()) return;
    // 0 frames/s: requestAnimationFrame, the display's rate. `true`: main() stops here for good, by a thrown
    // "unwind" that with WebAssembly exceptions runs its locals' destructors on the way out (emscripten's
    // note on simulate_infinite_loop): what the hooks reach lives on the heap (app/window_session.h).
    emscripten_set_main_loop(one_frame, 0, true);
}

bool run_loop_returns() {
    return false;
}

}  // namespace poolscope::app

using poolscope::app::running;

// The same JSON as the desktop's --state-out, for the page and the headless-browser test. The text stays
// valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* poolscope_state_json() {
    auto& r = running();
    if (!r.hooks.state_json) return "{}";
    r.state_text = r.hooks.state_json();
    return r.state_text.c_str();
}

// The page (poolscope_page.js) calls this from the browser's paste event, just before it gives the app
// Ctrl+V: the text the app pastes (web/clipboard_web.cpp).
extern "C" EMSCRIPTEN_KEEPALIVE void poolscope_set_clipboard(const char* text) {
    auto& r = running();
    if (r.window) r.window->clipboard = text ? text : "";
}

// Opens a file in the in-memory file system as if it had been dropped on the window: a lesson (.json)
// goes to the lesson player, a picture to the Image view (frame.cpp routes it).
extern "C" EMSCRIPTEN_KEEPALIVE void poolscope_open_file(const char* path) {
    auto& r = running();
    if (!r.window || !path) return;
    r.window->events.dropped_paths.emplace_back(path);
    r.window->events.frames_to_draw = 3;
}
