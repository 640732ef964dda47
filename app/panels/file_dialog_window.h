// The app's one file dialog as a registered dialog (widgets/file_dialog.h draws it): whoever needs a file —
// Open lesson, Save lesson as, Open picture, the export's "Choose…" — asks for one with ask_for_file() and
// says what to do with the choice. One instance, one popup, so two pickers can never share a frame.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "model/file_dialog_model.h"
#include "panels/window.h"

namespace poolscope::app {

using FileChosen = std::function<void(PanelContext&, const std::filesystem::path&)>;
using FileCancelled = std::function<void(PanelContext&)>;

class FileDialogWindow final : public Window {
  public:
    static constexpr const char* kId = "file_dialog";
    FileDialogWindow();
    void draw(PanelContext& ctx) override;

    FileDialogModel model;
    std::string asked_by;  // who asked ("open_lesson", "save_lesson_as", "export" ...): tests read it
    FileChosen on_chosen;
    FileCancelled on_cancelled;

  private:
    std::string glyphs_for_;  // the folder whose names were handed to the font atlas
};

// Opens the dialog for `request`; `chosen` runs with the file the user confirms, `cancelled` (when given) if
// the user leaves it. `asked_by` names the asker for tests and the state report.
void ask_for_file(PanelContext& ctx, FileRequest request, std::string asked_by, FileChosen chosen,
                  FileCancelled cancelled = {});

}  // namespace poolscope::app
