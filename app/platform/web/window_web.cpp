// The browser's window (window.h for the web): emscripten's GLFW on a <canvas> that fills the page, with a
// WebGL 2 context. The browser owns the window: its size follows the page, "fullscreen" is the Fullscreen
// API, there is no monitor placement, and the page never closes itself. The loop cannot sleep either: it is
// called once per display frame (main_loop_web.cpp), so waiting returns at once and idle frames draw nothing.
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <iostream>

#include "platform/gl.h"
#include "platform/glfw_input.h"
#include "platform/window.h"

namespace poolscope::app {
namespace {

// The canvas's size in CSS pixels: the page lays it out (index.html), the drawing buffer follows.
// The canvas's drawing buffer: its CSS size (the page lays it out, index.html) in device pixels, so text is
// sharp on HiDPI screens (tablets, Chromebooks); the app scales its UI by the same ratio (content_scale_of).
void canvas_pixel_size(int& width, int& height) {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const double ratio = emscripten_get_device_pixel_ratio();
    width = std::max(1, static_cast<int>(w * ratio + 0.5));
    height = std::max(1, static_cast<int>(h * ratio + 0.5));
}

float device_pixel_ratio() {
    return static_cast<float>(emscripten_get_device_pixel_ratio());
}

EM_BOOL on_page_resize(int, const EmscriptenUiEvent*, void* user) {
    auto* window = static_cast<GLFWwindow*>(user);
    int width = 0, height = 0;
    canvas_pixel_size(width, height);
    glfwSetWindowSize(window, width, height);  // emscripten resizes the canvas's drawing buffer
    wake(window);
    // Browser zoom and a move to another screen change the ratio: the UI follows, as on the desktop.
    if (WindowEvents* e = events_of(window)) e->content_scale = device_pixel_ratio();
    return EM_FALSE;
}

EM_BOOL on_fullscreen_change(int, const EmscriptenFullscreenChangeEvent*, void* user) {
    return on_page_resize(0, nullptr, user);
}

void install_wakeup_callbacks(GLFWwindow* window) {
    install_input_callbacks(window);  // glfw_input.h; the page's resizes and fullscreen changes besides
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, window, EM_FALSE, on_page_resize);
    emscripten_set_fullscreenchange_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, window, EM_FALSE,
                                             on_fullscreen_change);
}

}  // namespace

Result<bool> open_window(PlatformWindow& window, int, int, bool, bool) {
    glfwSetErrorCallback(
        [](int code, const char* text) { std::cerr << "poolscope: GLFW " << code << ": " << text << "\n"; });
    if (!glfwInit()) return Error{"display", "the browser's GLFW could not start"};
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);  // the canvas only: its WebGL context comes later
    int width = 0, height = 0;
    canvas_pixel_size(width, height);  // the page's size, not --size: the browser owns the window
    window.handle = glfwCreateWindow(width, height, "PoolScope", nullptr, nullptr);
    if (!window.handle) {
        glfwTerminate();
        return Error{"display", "the browser's GLFW could not open its window on the page's canvas"};
    }
    glfwSetWindowUserPointer(window.handle, &window.events);
    install_wakeup_callbacks(window.handle);
    return true;
}

Result<bool> make_gl_context(PlatformWindow& window) {
    if (window.has_context) return true;
    // What emscripten's GLFW asks for when it makes the context with the window (GLFW_OPENGL_ES_API 3.0, an
    // alpha channel, no multisampling), through the same call, so the rest of emscripten (Module.ctx, the
    // main loop) sees the context it would have made; but without a depth or stencil buffer (nothing uses
    // them: as on the desktop, platform/window.cpp; the first frame did not move, bench/README.md), and
    // without enabling every WebGL extension the browser has: the app uses none, and each is a round trip to
    // the GPU process that, just after the browser started, waits behind its compositor's frames (~30 of
    // them, bench/README.md).
    // clang-format off
    const int made = EM_ASM_INT({
        return Browser.createContext(Module['canvas'], true, true,
                                     {majorVersion: 2, antialias: false, depth: false, stencil: false, alpha: true,
                                      enableExtensionsByDefault: false}) ? 1 : 0;
    });
    // clang-format on
    if (!made) return Error{"display", "this browser cannot give the page a WebGL 2 context"};
    window.has_context = true;
    return true;
}

void poll_events() {
    // Events arrive between frames through the callbacks: nothing to pump.
}

bool wait_events(double) {
    return false;  // cannot block the page; the callbacks set frames_to_draw when input arrives
}

void wait_next_frame(PlatformWindow&, double) {
    // The browser calls the loop at the display's rate already.
}

bool should_close(const PlatformWindow&) {
    return false;  // a page stays open until the user closes the tab
}

void set_should_close(PlatformWindow& window, bool close) {
    // A page cannot close its own tab: File → Quit (after any unsaved-lesson question) says so on the page's
    // bar (poolscope_page.js, in the page's language) instead of doing nothing. The request stays set: once.
    if (close && !window.close_asked) EM_ASM({ Module.poolscopeQuitNote(); });  // poolscope_page.js
    window.close_asked = close;
}

bool is_iconified(const PlatformWindow&) {
    return false;  // a hidden tab gets no display frames at all
}

void framebuffer_size(const PlatformWindow& window, int& width, int& height) {
    // The page's layout may have changed without a resize event (entering fullscreen applies its CSS after
    // the event): the canvas's drawing buffer follows its CSS size before each frame is drawn.
    int pixel_w = 0, pixel_h = 0, w = 0, h = 0;
    canvas_pixel_size(pixel_w, pixel_h);
    glfwGetWindowSize(window.handle, &w, &h);
    if (pixel_w != w || pixel_h != h) glfwSetWindowSize(window.handle, pixel_w, pixel_h);
    glfwGetFramebufferSize(window.handle, &width, &height);
}

void swap_buffers(PlatformWindow&) {
    // The browser shows the canvas when the frame's callback returns.
}

void close_window(PlatformWindow& window) {
    if (window.handle) glfwDestroyWindow(window.handle);
    window.handle = nullptr;
    glfwTerminate();
}

float content_scale_of(GLFWwindow*) {
    return device_pixel_ratio();  // the canvas is drawn in device pixels (canvas_pixel_size)
}

WindowPlacement placement_of(GLFWwindow* window) {
    WindowPlacement p;
    glfwGetWindowSize(window, &p.width, &p.height);
    return p;
}

void place_window(GLFWwindow*, const WindowPlacement&) {
    // The page's layout decides the canvas's size and place, not a saved placement.
}

void set_fullscreen(GLFWwindow*, bool fullscreen, const WindowPlacement&) {
    // The whole page goes fullscreen (its canvas fills it, on_page_resize follows). Browsers grant this only
    // shortly after a key press or click, which is when F5 or the menu asks for it.
    if (fullscreen)
        EM_ASM({
            const page = document.documentElement;
            if (!document.fullscreenElement && page.requestFullscreen)
                page.requestFullscreen().catch(function(){});
        });
    else
        EM_ASM({
            if (document.fullscreenElement && document.exitFullscreen)
                document.exitFullscreen().catch(function(){});
        });
}

std::optional<WindowFacts> window_facts(GLFWwindow* window) {
    if (!window) return std::nullopt;
    WindowFacts facts;
    glfwGetWindowSize(window, &facts.width, &facts.height);
    facts.fullscreen = EM_ASM_INT({ return document.fullscreenElement ? 1 : 0; }) != 0;
    facts.monitor_width = EM_ASM_INT({ return screen.width; });
    facts.monitor_height = EM_ASM_INT({ return screen.height; });
    return facts;
}

}  // namespace poolscope::app
