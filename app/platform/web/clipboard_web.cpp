// The clipboard in the browser (see install_clipboard in window.h). Emscripten's GLFW clipboard does nothing,
// so Copy would copy nowhere. The app keeps its own text: a copy also goes to the browser's clipboard
// (navigator.clipboard, allowed for a page on localhost or https), and a paste takes what the browser's paste
// event carried (the page hands it over with poolscope_set_clipboard, web/main_loop_web.cpp, before the app
// sees Ctrl+V). The text is the window's (PlatformWindow::clipboard).
#include <emscripten.h>
#include <imgui.h>

#include <string>

#include "platform/window.h"

namespace poolscope::app {
namespace {

const char* get_text(void* window) {
    return static_cast<PlatformWindow*>(window)->clipboard.c_str();
}

void set_text(void* window, const char* text) {
    std::string& clipboard = static_cast<PlatformWindow*>(window)->clipboard;
    clipboard = text ? text : "";
    EM_ASM({ Module.poolscopeCopied(UTF8ToString($0)); }, clipboard.c_str());  // poolscope_page.js
}

}  // namespace

void install_clipboard(PlatformWindow& window) {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_text;
    io.SetClipboardTextFn = set_text;
    io.ClipboardUserData = &window;
}

}  // namespace poolscope::app
