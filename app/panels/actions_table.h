// The window's commands and their keys: ONE table of key bindings (actions_table.cpp) drives the keys
// (shell/actions.h: handle_shortcuts), the menus' shortcut hints (shortcut_hint), the F1 help's list
// (help_rows) and the web page's key bindings (scripts/gen_page_keys.py reads actions_table.cpp when the
// web build links), so they cannot drift. It sits below the shell so that every window can name its command
// and show its keys.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace poolscope::app {

enum class Command {
    kPlay,
    kStepBack,
    kStepForward,
    kFirstStep,
    kLastStep,
    kFaster,
    kSlower,
    kEditCell,  // documented only: the cell editor's keys are handled with the selection
    kUndo,
    kRedo,
    kCopyInput,
    kCopyOutput,
    kPaste,
    kZoomIn,
    kZoomOut,
    kZoomReset,
    kZoomWheel,  // kZoomWheel: Ctrl + mouse wheel, documented only
    kTextLarger,
    kTextSmaller,
    kNextLessonStep,
    kPreviousLessonStep,
    kOpenLesson,
    kSaveLesson,
    kSaveLessonAs,
    kHelp,
    kPresentation,
    kEscape,
    kStateReport,
    kQuit,
};

enum class Mods {
    kNone,       // no Ctrl (Shift allowed: '+' is Shift+'=' on a US keyboard)
    kCtrl,       // Ctrl without Shift
    kCtrlShift,  //
};

// When a binding may fire.
enum class Scope {
    kAnywhere,  // even while a text field has the keyboard (F12)
    kWindow,    // no text field has the keyboard (F1, F5, Ctrl+…)
    kTimeline,  // kWindow, and no input cell is selected (its editor owns those keys then)
    kLesson,    // kWindow, a lesson is open, and no dialog is up
};

struct Binding {
    Command command;
    int key;           // GLFW key; 0 for a gesture that is documented, not a key
    Mods mods;         //
    bool repeat;       // a held key repeats
    Scope scope;       //
    const char* keys;  // as menus and help write it ("Ctrl+O"), or a tr() key when it starts with "keys."
    const char* help;  // tr() key of the help row; bindings with the same help share one row
};

std::span<const Binding> bindings();
// The keys of a command's first binding, for a menu item's hint (nullptr when it has none).
const char* shortcut_hint(Command command);

struct HelpRow {
    std::string keys;  // "Left / Right" (each distinct key text once, in table order)
    const char* help;  // tr() key
};
// The help list, in table order: one row per help text.
std::vector<HelpRow> help_rows();

}  // namespace poolscope::app
