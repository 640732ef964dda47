// GLFW input shared by the desktop and the browser (see glfw_input.h), and the key callback that holds back
// quick releases (install_key_hold in window.h).
#include "platform/glfw_input.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>

#include <algorithm>

#include "platform/window.h"

namespace poolscope::app {

WindowEvents* events_of(GLFWwindow* window) {
    return static_cast<WindowEvents*>(glfwGetWindowUserPointer(window));
}

void wake(GLFWwindow* window) {
    if (WindowEvents* e = events_of(window)) e->frames_to_draw = 3;
}

void install_input_callbacks(GLFWwindow* window) {
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { wake(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { wake(w); });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });
    // In the browser emscripten copies dropped files into the in-memory file system first.
    glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        wake(w);
        if (WindowEvents* e = events_of(w))
            for (int i = 0; i < count; ++i)
                e->dropped_paths.emplace_back(paths[i]);
    });
}

void install_key_hold(PlatformWindow& window) {
    glfwSetKeyCallback(window.handle, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        WindowEvents* e = events_of(w);
        if (e) e->frames_to_draw = 3;  // every key wakes the idle loop
        if (e && action == GLFW_PRESS) e->pressed_this_frame.push_back(key);
        // Any release after a press in the same frame waits, modifiers included: Ctrl+Q must still see Ctrl.
        if (e && action == GLFW_RELEASE && !e->pressed_this_frame.empty()) {
            e->held_releases.push_back({key, scancode, mods});
            return;
        }
        ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
    });
}

void release_held_keys(PlatformWindow& window) {
    WindowEvents& e = window.events;
    for (const WindowEvents::Key& k : e.held_releases)
        ImGui_ImplGlfw_KeyCallback(window.handle, k.key, k.scancode, GLFW_RELEASE, k.mods);
    if (!e.held_releases.empty()) e.frames_to_draw = std::max(e.frames_to_draw, 2);
    e.held_releases.clear();
    e.pressed_this_frame.clear();
}

}  // namespace poolscope::app
