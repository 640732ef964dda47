// The one file dialog of the app, drawn with ImGui (its rules are GUI-free: model/file_dialog_model.h): the
// folder shown with Up, the listing (single click selects, double-click or Enter opens a folder or chooses a
// file), the name field that has the keyboard while the dialog is up, the purpose's button (Open, Save,
// Export) and Cancel (or Escape), and "replace it?" before a save over an existing file. The caller owns the
// modal popup (panels/file_dialog_window.h); this draws its contents.
#pragma once

#include <filesystem>

#include "model/file_dialog_model.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {

enum class FileDialogEnd {
    kStillOpen,  // keep drawing it
    kChosen,     // `path` is the file: open it, or write it
    kCancelled,  // Cancel or Escape
};

struct FileDialogResult {
    FileDialogEnd end = FileDialogEnd::kStillOpen;
    std::filesystem::path path;
};

// Draws the dialog's contents inside the popup the caller began (its controls are told to `probe` as
// "files.*"), and reports how it ended this frame.
FileDialogResult draw_file_dialog(FileDialogModel& model, UiProbe& probe);

}  // namespace poolscope::app
