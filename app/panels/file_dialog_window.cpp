// The registered file dialog (see file_dialog_window.h).
#include "panels/file_dialog_window.h"

#include <algorithm>
#include <utility>

#include <imgui.h>

#include "i18n/i18n.h"
#include "widgets/file_dialog.h"

namespace poolscope::app {

FileDialogWindow::FileDialogWindow() : Window({kId, Placement::kDialog}) {}

void FileDialogWindow::draw(PanelContext& ctx) {
    if (!window_open(ctx.state.view, kId)) return;
    if (glyphs_for_ != model.dir.string()) {  // Chinese folder and file names need their glyphs
        glyphs_for_ = model.dir.string();
        std::string text = glyphs_for_ + model.name;
        for (const DirEntry& e : model.entries)
            text += e.name;
        ctx.state.view.text_shown.push_back(std::move(text));
    }
    const float font = ImGui::GetFontSize();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(font * 40.0f, viewport->WorkSize.x - 40.0f),
                                    std::min(font * 28.0f, viewport->WorkSize.y - 40.0f)),
                             ImGuiCond_Appearing);
    if (!begin_dialog(ctx, kId, tr(model.request.title_key), ImGuiWindowFlags_NoCollapse)) return;
    const FileDialogResult result = draw_file_dialog(model, ctx.probe);
    if (result.end != FileDialogEnd::kStillOpen) close_dialog(ctx, kId);
    ImGui::EndPopup();
    // The continuation runs after the popup is closed: it may open another dialog (the export again).
    if (result.end == FileDialogEnd::kChosen) {
        if (FileChosen chosen = std::exchange(on_chosen, {})) chosen(ctx, result.path);
        on_cancelled = {};
    } else if (result.end == FileDialogEnd::kCancelled) {
        on_chosen = {};
        if (FileCancelled cancelled = std::exchange(on_cancelled, {})) cancelled(ctx);
    }
}

void ask_for_file(PanelContext& ctx, FileRequest request, std::string asked_by, FileChosen chosen,
                  FileCancelled cancelled) {
    FileDialogWindow& dialog = ctx.windows.get<FileDialogWindow>();
    start_file_dialog(dialog.model, std::move(request));
    dialog.asked_by = std::move(asked_by);
    dialog.on_chosen = std::move(chosen);
    dialog.on_cancelled = std::move(cancelled);
    open_window(ctx.state.view, FileDialogWindow::kId);
}

}  // namespace poolscope::app
