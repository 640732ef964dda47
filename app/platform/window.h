// The GLFW side of the app: the OpenGL 3.3 core window, its input pump (every event wakes the idle loop;
// key releases that arrive in the same frame as their press are held back one frame so ImGui 1.86 sees
// quick taps), files dropped on it, content-scale changes, and the monitor geometry presentation mode and
// the saved placement need. Nothing else in the app calls GLFW's window functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/settings.h"
#include "platform/draw_renderer.h"
#include "platform/font_texture.h"
#include "platform/retained_frame.h"
#include "platform/sheet_textures.h"
#include "poolscope/result.h"

struct GLFWwindow;

namespace poolscope::app {

// What the callbacks recorded since the loop last looked.
struct WindowEvents {
    struct Key {
        int key, scancode, mods;
    };
    int frames_to_draw = 3;  // frames still to draw after input (ImGui needs a couple to settle hover)
    std::vector<int> pressed_this_frame;
    std::vector<Key> held_releases;
    std::vector<std::string> dropped_paths;  // files dropped on the window
    std::optional<float> content_scale;      // the monitor's content scale changed to this
};

struct PlatformWindow {
    GLFWwindow* handle = nullptr;
    WindowEvents events;
    double next_frame_at = 0;  // glfwGetTime() when the next animation frame is due (wait_next_frame)
    DrawRenderer renderer;     // draws ImGui's draw data (draw_renderer.h)
    FontTexture font_texture;  // the font atlas' texture while our renderer draws (font_texture.h)
    SheetTextures pictures;    // the textures of the frame's cell pictures (sheet_textures.h)
    RetainedFrame retained;    // the picture kept between frames, redrawn where it changed (renderer.h)
    std::string clipboard;     // the browser's: the app's own copy (web/clipboard_web.cpp); unused here
    bool close_asked = false;  // the browser's: Quit was asked for (a page cannot close its tab)
    bool has_context = false;  // a current GL context: the desktop's comes with the window (make_gl_context)
    bool drawing = false;      // our renderer or ImGui's GL backend started (renderer.h start_drawing)
    bool imgui_gl_backend = false;  // ImGui's OpenGL backend started: it draws (renderer.h start_gl_backends)
};

// Starts GLFW and opens the window (hidden when `visible` is false, e.g. for --screenshot), makes its
// context current (the desktop; the browser's comes later, make_gl_context), loads GL and installs the
// wake-up callbacks. The ImGui GLFW backend is initialised by the caller afterwards, then install_key_hold()
// replaces its key callback.
Result<bool> open_window(PlatformWindow& window, int width, int height, bool visible, bool vsync);
// Gives the window its GL context if it has none yet. The desktop's came with the window. The browser's is
// asked for only when the first frame is to be drawn: a freshly started browser's first WebGL context waits
// for its GPU process to come up (~0.5 s after the page opens, however early it is asked for), and the
// start-up's own work (fonts, the first frame's layout) runs meanwhile instead of after it (bench/README.md).
Result<bool> make_gl_context(PlatformWindow& window);
void install_key_hold(PlatformWindow& window);
// ImGui's clipboard: the GLFW backend's (the system clipboard) on the desktop; in the browser, where GLFW's
// is a stub, the app's own text mirrored to the browser's clipboard and filled from its paste event
// (web/clipboard_web.cpp, poolscope_page.js).
void install_clipboard(PlatformWindow& window);
// After the UI has read the keys: hands the held releases to ImGui.
void release_held_keys(PlatformWindow& window);
// Waits for events the way the loop wants: poll (drawing anyway), wait with a timeout, or sleep until input.
// wait_events is false when the platform cannot wait and nothing arrived: the browser calls the loop once per
// display frame, so an idle frame there draws nothing instead of sleeping (web/window_web.cpp).
void poll_events();
bool wait_events(double timeout_seconds);  // < 0: until something happens
// Animating: waits for input or until `period` seconds after the last animation frame began, so the time a
// frame takes counts towards its period (a fixed wait after each frame gave 1 / (period + frame time)).
void wait_next_frame(PlatformWindow& window, double period);
bool should_close(const PlatformWindow& window);
void set_should_close(PlatformWindow& window, bool close);
bool is_iconified(const PlatformWindow& window);
void framebuffer_size(const PlatformWindow& window, int& width, int& height);
void swap_buffers(PlatformWindow& window);
void close_window(PlatformWindow& window);

// Monitor geometry for the shell.
float content_scale_of(GLFWwindow* window);
WindowPlacement placement_of(GLFWwindow* window);
void place_window(GLFWwindow* window, const WindowPlacement& placement);
// Fullscreen on the monitor holding most of the window, or back to `windowed`.
void set_fullscreen(GLFWwindow* window, bool fullscreen, const WindowPlacement& windowed);
// For the state report: window size, fullscreen, the size of its monitor.
struct WindowFacts {
    int width = 0, height = 0;
    bool fullscreen = false;
    int monitor_width = 0, monitor_height = 0;
};
std::optional<WindowFacts> window_facts(GLFWwindow* window);

}  // namespace poolscope::app
