// The key bindings table (see commands.h): the only place a shortcut is written down. Keys, menu hints and
// the F1 help all read it. Key caps (Ctrl, PgUp, F1) stay as printed on the keyboard; key names that are
// words (Space, Left / Right) are translated through "keys.*".
#include <GLFW/glfw3.h>

#include <algorithm>

#include "i18n/i18n.h"
#include "panels/actions_table.h"

namespace poolscope::app {
namespace {

using C = Command;
using M = Mods;
using S = Scope;

constexpr Binding kBindings[] = {
    {C::kPlay, GLFW_KEY_SPACE, M::kNone, false, S::kTimeline, "keys.space", "shortcut.play"},
    {C::kStepBack, GLFW_KEY_LEFT, M::kNone, true, S::kTimeline, "keys.left_right", "shortcut.step"},
    {C::kStepForward, GLFW_KEY_RIGHT, M::kNone, true, S::kTimeline, "keys.left_right", "shortcut.step"},
    {C::kFirstStep, GLFW_KEY_HOME, M::kNone, false, S::kTimeline, "keys.home_end", "shortcut.first_last"},
    {C::kLastStep, GLFW_KEY_END, M::kNone, false, S::kTimeline, "keys.home_end", "shortcut.first_last"},
    {C::kFaster, GLFW_KEY_EQUAL, M::kNone, true, S::kTimeline, "+ / -", "shortcut.speed"},
    {C::kFaster, GLFW_KEY_KP_ADD, M::kNone, true, S::kTimeline, "+ / -", "shortcut.speed"},
    {C::kSlower, GLFW_KEY_MINUS, M::kNone, true, S::kTimeline, "+ / -", "shortcut.speed"},
    {C::kSlower, GLFW_KEY_KP_SUBTRACT, M::kNone, true, S::kTimeline, "+ / -", "shortcut.speed"},
    {C::kEditCell, 0, M::kNone, false, S::kWindow, "keys.click_cell", "shortcut.edit"},
    {C::kPreviousLessonStep, GLFW_KEY_PAGE_UP, M::kNone, true, S::kLesson, "PgUp / PgDn",
     "shortcut.lesson_step"},
    {C::kNextLessonStep, GLFW_KEY_PAGE_DOWN, M::kNone, true, S::kLesson, "PgUp / PgDn",
     "shortcut.lesson_step"},
    {C::kOpenLesson, GLFW_KEY_O, M::kCtrl, false, S::kWindow, "Ctrl+O", "shortcut.open_lesson"},
    {C::kSaveLesson, GLFW_KEY_S, M::kCtrl, false, S::kLesson, "Ctrl+S", "shortcut.save_lesson"},
    {C::kSaveLessonAs, GLFW_KEY_S, M::kCtrlShift, false, S::kLesson, "Ctrl+Shift+S",
     "shortcut.save_lesson_as"},
    {C::kUndo, GLFW_KEY_Z, M::kCtrl, true, S::kWindow, "Ctrl+Z", "shortcut.undo_redo"},
    {C::kRedo, GLFW_KEY_Y, M::kCtrl, true, S::kWindow, "Ctrl+Y", "shortcut.undo_redo"},
    {C::kRedo, GLFW_KEY_Z, M::kCtrlShift, true, S::kWindow, "Ctrl+Shift+Z", "shortcut.undo_redo"},
    {C::kCopyInput, GLFW_KEY_C, M::kCtrl, false, S::kWindow, "Ctrl+C", "shortcut.copy"},
    {C::kCopyOutput, GLFW_KEY_C, M::kCtrlShift, false, S::kWindow, "Ctrl+Shift+C", "shortcut.copy"},
    {C::kPaste, GLFW_KEY_V, M::kCtrl, false, S::kWindow, "Ctrl+V", "shortcut.paste"},
    {C::kZoomIn, GLFW_KEY_EQUAL, M::kCtrl, true, S::kWindow, "Ctrl + / -", "shortcut.zoom"},
    {C::kZoomIn, GLFW_KEY_KP_ADD, M::kCtrl, true, S::kWindow, "Ctrl + / -", "shortcut.zoom"},
    {C::kZoomOut, GLFW_KEY_MINUS, M::kCtrl, true, S::kWindow, "Ctrl + / -", "shortcut.zoom"},
    {C::kZoomOut, GLFW_KEY_KP_SUBTRACT, M::kCtrl, true, S::kWindow, "Ctrl + / -", "shortcut.zoom"},
    {C::kZoomWheel, 0, M::kCtrl, false, S::kWindow, "keys.ctrl_wheel", "shortcut.zoom"},
    {C::kZoomReset, GLFW_KEY_0, M::kCtrl, false, S::kWindow, "Ctrl+0", "shortcut.zoom_reset"},
    {C::kTextLarger, GLFW_KEY_EQUAL, M::kCtrlShift, true, S::kWindow, "Ctrl+Shift + / -",
     "shortcut.text_size"},
    {C::kTextLarger, GLFW_KEY_KP_ADD, M::kCtrlShift, true, S::kWindow, "Ctrl+Shift + / -",
     "shortcut.text_size"},
    {C::kTextSmaller, GLFW_KEY_MINUS, M::kCtrlShift, true, S::kWindow, "Ctrl+Shift + / -",
     "shortcut.text_size"},
    {C::kTextSmaller, GLFW_KEY_KP_SUBTRACT, M::kCtrlShift, true, S::kWindow, "Ctrl+Shift + / -",
     "shortcut.text_size"},
    {C::kHelp, GLFW_KEY_F1, M::kNone, false, S::kWindow, "F1", "shortcut.help"},
    {C::kPresentation, GLFW_KEY_F5, M::kNone, false, S::kWindow, "F5", "shortcut.presentation"},
    {C::kEscape, GLFW_KEY_ESCAPE, M::kNone, false, S::kTimeline, "keys.escape", "shortcut.escape"},
    {C::kStateReport, GLFW_KEY_F12, M::kNone, false, S::kAnywhere, "F12", "shortcut.state"},
    {C::kQuit, GLFW_KEY_Q, M::kCtrl, false, S::kWindow, "Ctrl+Q", "shortcut.quit"},
};

const char* shown_keys(const char* keys) {
    return std::string_view(keys).starts_with("keys.") ? tr(keys) : keys;
}

}  // namespace

std::span<const Binding> bindings() {
    return kBindings;
}

const char* shortcut_hint(Command command) {
    for (const Binding& b : kBindings)
        if (b.command == command) return shown_keys(b.keys);
    return nullptr;
}

std::vector<HelpRow> help_rows() {
    std::vector<HelpRow> rows;
    std::vector<std::vector<const char*>> keys;  // per row: the distinct key texts seen
    for (const Binding& b : kBindings) {
        auto row = std::find_if(rows.begin(), rows.end(),
                                [&](const HelpRow& r) { return std::string_view(r.help) == b.help; });
        if (row == rows.end()) {
            rows.push_back({shown_keys(b.keys), b.help});
            keys.push_back({b.keys});
            continue;
        }
        std::vector<const char*>& seen = keys[static_cast<size_t>(row - rows.begin())];
        if (std::none_of(seen.begin(), seen.end(),
                         [&](const char* k) { return std::string_view(k) == b.keys; })) {
            seen.push_back(b.keys);
            row->keys += std::string(" / ") + shown_keys(b.keys);
        }
    }
    return rows;
}

}  // namespace poolscope::app
