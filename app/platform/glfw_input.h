// GLFW input shared by the desktop window (window.cpp) and the browser's (web/window_web.cpp): both get
// their events through GLFW (emscripten maps the page's onto it) and feed ImGui through its GLFW backend.
#pragma once

struct GLFWwindow;

namespace poolscope::app {

struct WindowEvents;

// The window's WindowEvents (its GLFW user pointer); null before open_window set it.
WindowEvents* events_of(GLFWwindow* window);
// Input arrived: draw a few frames.
void wake(GLFWwindow* window);
// Installed before ImGui's backend, which chains to them: every input event (characters, mouse, scroll,
// focus, size) wakes the loop, and dropped files are queued for the next frame.
void install_input_callbacks(GLFWwindow* window);

}  // namespace poolscope::app
