// The menu bar (see menus.h). Each command item runs its binding's command (shell/actions.h), and the
// windows' entries come from the registry (panels/windows.cpp), each drawn by its window.
#include "shell/menus.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/lesson_authoring.h"
#include "panels/actions_table.h"
#include "panels/edit_commands.h"
#include "panels/row_room.h"
#include "panels/window.h"
#include "shell/actions.h"
#include "shell/copy_link.h"
#include "shell/shell.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

void draw_view_menu_items(Shell& s, View& view, Interaction& interaction) {
    if (ImGui::MenuItem(tr("menu.presentation"), shortcut_hint(Command::kPresentation), view.presentation))
        toggle_presentation(s, view);
    if (view.presentation && ImGui::MenuItem(tr("layout.show_params"), nullptr, view.params_in_presentation))
        view.params_in_presentation = !view.params_in_presentation;
    if (ImGui::MenuItem(tr("menu.high_contrast"), nullptr, s.settings.theme == Theme::kHighContrast))
        toggle_high_contrast(s, view, interaction);
}

void draw_language_menu(PanelContext& ctx, Shell& s) {
    AppState& state = ctx.state;
    const bool open = ImGui::BeginMenu(tr("menu.language"));
    remember_item(ctx.probe, "menu.language");  // for tests that click the real menu
    if (!open) return;
    // Each language is named in itself, so it can be found whichever one is showing.
    if (ImGui::MenuItem(tr("language.english"), nullptr, current_language() == Language::kEnglish))
        set_ui_language(s, state.interaction, Language::kEnglish);
    remember_item(ctx.probe, "language.english");
    // Without a Chinese font the name could not be drawn either: an English label, greyed out.
    if (ImGui::MenuItem(tr(s.has_cjk ? "language.chinese" : "language.chinese_no_font"), nullptr,
                        current_language() == Language::kChinese, s.has_cjk))
        set_ui_language(s, state.interaction, Language::kChinese);
    remember_item(ctx.probe, "language.chinese");
    if (!s.has_cjk && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr("status.no_cjk_font"));
    ImGui::EndMenu();
}

// The registered windows' entries in `menu` (panels/windows.cpp), a separator between two windows' items.
void draw_window_entries(PanelContext& ctx, Menu menu) {
    bool first = true;
    for (const std::unique_ptr<Window>& window : ctx.windows.all()) {
        if (window->info().menu != menu) continue;
        if (!std::exchange(first, false)) ImGui::Separator();
        window->draw_menu_items(ctx);
    }
}

// An item that runs a command of the bindings table, its keys beside it: the same function as its key.
void command_item(PanelContext& ctx, Shell& shell, const char* label_key, Command command,
                  bool enabled = true) {
    if (ImGui::MenuItem(tr(label_key), shortcut_hint(command), false, enabled))
        run_command(ctx, shell, command);
}

}  // namespace

void draw_menu_bar(PanelContext& ctx, Shell& shell) {
    AppState& state = ctx.state;
    if (!ImGui::BeginMenuBar()) return;
    const bool file_open = ImGui::BeginMenu(tr("menu.file"));
    remember_item(ctx.probe, "menu.file");  // for tests that click the real menu
    if (file_open) {
        draw_window_entries(ctx, Menu::kFile);  // lessons, pictures, export
        ImGui::EndMenu();
    }
    const bool edit_open = ImGui::BeginMenu(tr("menu.edit"));
    remember_item(ctx.probe, "menu.edit");  // for tests that click the real menu
    if (edit_open) {
        // The lesson's last edit or the matrix's (model/lesson_authoring.h), as Ctrl+Z / Ctrl+Y.
        command_item(ctx, shell, "menu.undo", Command::kUndo, can_undo_any(state.lessons.session, state.doc));
        command_item(ctx, shell, "menu.redo", Command::kRedo, can_redo_any(state.lessons.session, state.doc));
        ImGui::Separator();
        command_item(ctx, shell, "menu.copy_input", Command::kCopyInput);
        command_item(ctx, shell, "menu.copy_output", Command::kCopyOutput, state.computed.plan.has_value());
        command_item(ctx, shell, "menu.paste_input", Command::kPaste);
        if (ImGui::MenuItem(tr("menu.copy_code"))) copy_layer_code(state.doc, state.interaction);
        if (ImGui::MenuItem(tr("menu.copy_link"))) copy_link(ctx, shell);
        remember_item(ctx.probe, "menu.copy_link");  // for tests that click the real menu
        ImGui::EndMenu();
    }
    const bool view_open = ImGui::BeginMenu(tr("menu.view"));
    remember_item(ctx.probe, "menu.view");  // for tests that click the real menu
    if (view_open) {
        command_item(ctx, shell, "menu.zoom_in", Command::kZoomIn);
        command_item(ctx, shell, "menu.zoom_out", Command::kZoomOut);
        command_item(ctx, shell, "menu.zoom_reset", Command::kZoomReset);
        ImGui::Separator();
        command_item(ctx, shell, "menu.font_larger", Command::kTextLarger);
        command_item(ctx, shell, "menu.font_smaller", Command::kTextSmaller);
        ImGui::Separator();
        draw_window_entries(ctx, Menu::kView);                       // compare frameworks, network view
        draw_view_menu_items(shell, state.view, state.interaction);  // presentation mode, high contrast
        ImGui::EndMenu();
    }
    draw_language_menu(ctx, shell);
    if (ImGui::BeginMenu(tr("menu.help"))) {
        draw_window_entries(ctx, Menu::kHelp);  // the F1 overlay
        ImGui::Separator();
        // The same list as the F1 help, from the bindings table.
        for (const HelpRow& row : help_rows())
            ImGui::Text("%s    %s", row.keys.c_str(), tr(row.help));
        ImGui::EndMenu();
    }
    // The room the menus leave (presentation puts the timeline there when it fits: shell/main_window.cpp).
    MeasuredHeights& m = ctx.measured;
    m.menu_bar_room =
        ImGui::GetWindowWidth() - 2.0f * ImGui::GetStyle().WindowPadding.x - ImGui::GetCursorPosX();
    if (!state.interaction.status.empty()) {
        ImGui::Separator();
        // Beside the timeline the message keeps to the gap (its tooltip has it whole): it must not push the
        // timeline's buttons.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float end = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() -
                          2.0f * ImGui::GetStyle().WindowPadding.x - m.timeline_one_line_w -
                          ImGui::GetStyle().ItemSpacing.x;
        if (m.timeline_in_bar) ImGui::PushClipRect(at, ImVec2(std::max(at.x, end), at.y + 4096.0f), true);
        ImGui::TextColored(state.interaction.status_is_error ? palette::kErrorText : palette::kOkText, "%s",
                           state.interaction.status.c_str());
        if (m.timeline_in_bar) ImGui::PopClipRect();
        if (ImGui::IsItemHovered()) {  // a line longer than the bar (a link's notes): all of it, wrapped
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
            ImGui::TextUnformatted(state.interaction.status.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    ImGui::EndMenuBar();
}

}  // namespace poolscope::app
