// The clipboard in the browser (see install_clipboard in window.h). Emscripten's GLFW clipboard does nothing,
// so Copy would copy nowhere. The app keeps its own text: a copy also goes to the browser's clipboard
// (navigator.clipboard, allowed for a page on localhost or https), and a paste takes what the browser's paste
// event carried (the page hands it over with poolscope_set_clipboard before the app sees Ctrl+V).
#include <emscripten.h>
#include <imgui.h>

#include <string>

#include "platform/window.h"

namespace poolscope::app {
namespace {

std::string& clipboard_text() {
    static std::string text;
    return text;
}

const char* get_text(void*) {
    return clipboard_text().c_str();
}

void set_text(void*, const char* text) {
    clipboard_text() = text ? text : "";
    EM_ASM({ Module.poolscopeCopied(UTF8ToString($0)); }, clipboard_text().c_str());  // poolscope_page.js
}

}  // namespace

void install_clipboard(PlatformWindow&) {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_text;
    io.SetClipboardTextFn = set_text;
    io.ClipboardUserData = nullptr;
}

}  // namespace poolscope::app

// The page (poolscope_page.js) calls this from the browser's paste event, just before it gives the app
// Ctrl+V.
extern "C" EMSCRIPTEN_KEEPALIVE void poolscope_set_clipboard(const char* text) {
    poolscope::app::clipboard_text() = text ? text : "";
}
