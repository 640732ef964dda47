// How the window shows the document, apart from the document itself (model/app_state.h): presentation mode
// and which of the registered windows are up (panels/window.h). GUI-free: the shell saves what persists
// (settings.h), the windows read it, and opening a window — by a menu, a key, a button or the model — is
// open_window(view, id) wherever it happens.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace poolscope::app {

// The ids of the windows the model opens or reports by name (panels/windows.cpp registers them).
namespace window_id {
inline constexpr const char* kHelp = "help";                     // the F1 overlay
inline constexpr const char* kStartCard = "start_card";          // the first-start card
inline constexpr const char* kCompare = "compare_frameworks";    // View → Compare frameworks
inline constexpr const char* kLessonBrowser = "lesson_browser";  // File → Browse lessons
inline constexpr const char* kUnsavedQuestion = "unsaved";       // save the lesson's changes first?
inline constexpr const char* kConflictQuestion = "conflict";     // the file changed on disk: what now?
inline constexpr const char* kImage = "image";                   // the Image view's tab
}  // namespace window_id

struct View {
    bool presentation = false;            // F5: large fonts and cells, high contrast, the focus layout
    bool params_in_presentation = false;  // presentation mode shows the parameters column (toggle)
    std::set<std::string, std::less<>> open_windows;  // ids of the floating windows, tabs and dialogs up
};

bool window_open(const View& view, std::string_view id);
void open_window(View& view, std::string_view id);
void close_window(View& view, std::string_view id);
void set_window_open(View& view, std::string_view id, bool open);

}  // namespace poolscope::app
