// GLFW window, input pump and monitor geometry (see window.h).
#include "platform/window.h"

#include <glad/gl.h>
// glad first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>

#include <malloc.h>

#include <algorithm>
#include <iostream>
#include <vector>

#include "model/window_fit.h"
#include "platform/gl_loader.h"
#include "platform/glfw_input.h"

namespace poolscope::app {
namespace {

// Every input event wakes the loop (glfw_input.h); the desktop adds repaints and monitor scale changes.
void install_wakeup_callbacks(GLFWwindow* window) {
    install_input_callbacks(window);
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float x, float y) {
        wake(w);
        if (WindowEvents* e = events_of(w)) e->content_scale = std::max(x, y);
    });
}

// The monitor holding most of the window (GLFW has no "current monitor" for a windowed window).
GLFWmonitor* monitor_of(GLFWwindow* window) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count <= 0) return nullptr;
    int wx = 0, wy = 0, ww = 0, wh = 0;
    glfwGetWindowPos(window, &wx, &wy);
    glfwGetWindowSize(window, &ww, &wh);
    GLFWmonitor* best = monitors[0];
    long best_area = -1;
    for (int i = 0; i < count; ++i) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (!mode) continue;
        int mx = 0, my = 0;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        const long w = std::max(0, std::min(wx + ww, mx + mode->width) - std::max(wx, mx));
        const long h = std::max(0, std::min(wy + wh, my + mode->height) - std::max(wy, my));
        if (w * h > best_area) best_area = w * h, best = monitors[i];
    }
    return best;
}

}  // namespace

Result<bool> open_window(PlatformWindow& window, int width, int height, bool visible, bool vsync) {
#ifdef __GLIBC__
    // llvmpipe bins each frame's triangles into memory it frees when the frame is drawn; glibc then gave the
    // top of the heap back to the kernel and page-faulted it in again next frame (~10 % of a full redraw's
    // CPU time, most of it zeroing pages). Keeping up to 64 MB of freed heap avoids that.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    glfwSetErrorCallback(
        [](int code, const char* text) { std::cerr << "poolscope: GLFW " << code << ": " << text << "\n"; });
    if (!glfwInit())
        return Error{
            "display",
            "cannot open a window: no display is available (set DISPLAY, or run under xvfb-run). The "
            "command line works without one: poolscope --help"};
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    // Nothing is depth-tested or stencilled. Without those buffers llvmpipe also clips with a guard band
    // instead of against the window (~10 % less CPU per full redraw, bench/README.md).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    window.handle = glfwCreateWindow(width, height, "PoolScope", nullptr, nullptr);
    if (!window.handle) {
        glfwTerminate();
        return Error{"display", "cannot create an OpenGL 3.3 core window on this display"};
    }
    glfwMakeContextCurrent(window.handle);
    glfwSwapInterval(vsync ? 1 : 0);
    if (Result<gpu::GlInfo> gl = gpu::ensure_gl_loaded(); !gl) {
        close_window(window);
        return gl.errors();
    }
    window.has_context = true;
    glfwSetWindowUserPointer(window.handle, &window.events);
    install_wakeup_callbacks(window.handle);
    return true;
}

Result<bool> make_gl_context(PlatformWindow& window) {
    if (!window.has_context)
        return Error{"display", "the window has no OpenGL context"};  // open_window made it
    return true;
}

void install_clipboard(PlatformWindow&) {}  // the GLFW backend already reads and writes the system clipboard

void poll_events() {
    glfwPollEvents();
}

bool wait_events(double timeout_seconds) {
    if (timeout_seconds < 0)
        glfwWaitEvents();
    else
        glfwWaitEventsTimeout(timeout_seconds);
    return true;  // the wait ended, by input or by the timeout
}

void wait_next_frame(PlatformWindow& window, double period) {
    const double wait = window.next_frame_at - glfwGetTime();
    if (wait > 0 && wait <= period)
        glfwWaitEventsTimeout(wait);
    else
        glfwPollEvents();  // late already (or the clock jumped): draw now
    window.next_frame_at = glfwGetTime() + period;
}

bool should_close(const PlatformWindow& window) {
    return glfwWindowShouldClose(window.handle);
}

void set_should_close(PlatformWindow& window, bool close) {
    glfwSetWindowShouldClose(window.handle, close ? GLFW_TRUE : GLFW_FALSE);
}

bool is_iconified(const PlatformWindow& window) {
    return glfwGetWindowAttrib(window.handle, GLFW_ICONIFIED);
}

void framebuffer_size(const PlatformWindow& window, int& width, int& height) {
    glfwGetFramebufferSize(window.handle, &width, &height);
}

void swap_buffers(PlatformWindow& window) {
    glfwSwapBuffers(window.handle);
}

void close_window(PlatformWindow& window) {
    if (window.handle) glfwDestroyWindow(window.handle);
    window.handle = nullptr;
    glfwTerminate();
}

float content_scale_of(GLFWwindow* window) {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window, &sx, &sy);
    return std::max(sx, sy);
}

WindowPlacement placement_of(GLFWwindow* window) {
    WindowPlacement p;
    glfwGetWindowPos(window, &p.x, &p.y);
    glfwGetWindowSize(window, &p.width, &p.height);
    return p;
}

void place_window(GLFWwindow* window, const WindowPlacement& placement) {
    // The saved placement may be from a monitor that is gone (or hand-edited): fit it onto a connected one.
    std::vector<MonitorRect> work_areas;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        MonitorRect area;
        glfwGetMonitorWorkarea(monitors[i], &area.x, &area.y, &area.width, &area.height);
        if (area.width > 0 && area.height > 0) work_areas.push_back(area);
    }
    const MonitorRect p =
        fit_window({placement.x, placement.y, placement.width, placement.height}, work_areas);
    glfwSetWindowSize(window, p.width, p.height);
    glfwSetWindowPos(window, p.x, p.y);
}

void set_fullscreen(GLFWwindow* window, bool fullscreen, const WindowPlacement& windowed) {
    if (!window) return;
    if (fullscreen) {
        if (GLFWmonitor* monitor = monitor_of(window))
            if (const GLFWvidmode* mode = glfwGetVideoMode(monitor))
                glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window, nullptr, windowed.x, windowed.y, windowed.width, windowed.height,
                             GLFW_DONT_CARE);
    }
}

std::optional<WindowFacts> window_facts(GLFWwindow* window) {
    if (!window) return std::nullopt;
    WindowFacts facts;
    glfwGetWindowSize(window, &facts.width, &facts.height);
    GLFWmonitor* full = glfwGetWindowMonitor(window);
    facts.fullscreen = full != nullptr;
    if (GLFWmonitor* monitor = full ? full : monitor_of(window))
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) {
            facts.monitor_width = mode->width;
            facts.monitor_height = mode->height;
        }
    return facts;
}

}  // namespace poolscope::app
