// The view: how the window shows the document (model/document.h), apart from it — the matrices' zoom, the UI
// scale, presentation mode, how copies are written, which of the registered windows are up (panels/window.h).
// GUI-free: the shell saves what persists (settings.h) and builds the fonts it asks for, the windows read
// it, and opening a window — by a menu, a key, a button or the model — is open_window(view, id). The UI
// language is i18n's (set_language / current_language, i18n/i18n.h): tr() reads it, nothing keeps a copy.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope::app {

// The ids of the windows the model opens or reports by name (panels/windows.cpp registers them).
namespace window_id {
inline constexpr const char* kHelp = "help";                   // the F1 overlay
inline constexpr const char* kStartCard = "start_card";        // the first-start card
inline constexpr const char* kCompare = "compare_frameworks";  // View → Compare frameworks
inline constexpr const char* kAbSettings = "ab_settings";  // View → A/B settings (a lesson step opens it)
inline constexpr const char* kLessonBrowser = "lesson_browser";  // File → Browse lessons
inline constexpr const char* kUnsavedQuestion = "unsaved";       // save the lesson's changes first?
inline constexpr const char* kConflictQuestion = "conflict";     // the file changed on disk: what now?
inline constexpr const char* kImage = "image";                   // the Image view's tab
}  // namespace window_id

struct View {
    float zoom = 1.0f;                // matrix cell size factor (Ctrl + wheel, Ctrl +/−)
    float ui_scale = 1.0f;            // font scale; changing it rebuilds the font atlas
    bool fonts_need_rebuild = false;  // the next frame rebuilds the atlas (scale, theme, new glyphs)
    // Text that appeared on screen beyond the translation tables (a lesson): the font atlas takes its
    // characters before the next frame (widgets/fonts.h).
    std::vector<std::string> text_shown;
    int copy_style = 0;                   // clipboard copy: 0 PyTorch, 1 JSON, 2 CSV (ClipboardStyle)
    bool presentation = false;            // F5: large fonts and cells, high contrast, the focus layout
    bool params_in_presentation = false;  // presentation mode shows the parameters column (toggle)
    std::set<std::string, std::less<>> open_windows;  // ids of the floating windows, tabs and dialogs up
};

bool window_open(const View& view, std::string_view id);
void open_window(View& view, std::string_view id);
void close_window(View& view, std::string_view id);
void set_window_open(View& view, std::string_view id, bool open);

// Zoom steps for the matrices (Ctrl + wheel, Ctrl +/−) and the UI font scale (Ctrl+Shift +/−).
void change_zoom(View& view, int direction);
void change_ui_scale(View& view, int direction);

}  // namespace poolscope::app
