// The key callback that holds back quick releases (see install_key_hold in window.h), shared by the desktop
// window (window.cpp) and the browser's (web/window_web.cpp): both feed ImGui through its GLFW backend.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>

#include <algorithm>

#include "platform/window.h"

namespace poolscope::app {

void install_key_hold(PlatformWindow& window) {
    glfwSetKeyCallback(window.handle, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        auto* e = static_cast<WindowEvents*>(glfwGetWindowUserPointer(w));
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
