// The menu bar (see menus.h). Each item calls the same function as its key or button (shell/actions.h).
#include "shell/menus.h"

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/lesson_authoring.h"
#include "panels/export_dialog.h"
#include "panels/image_view.h"
#include "panels/panels.h"
#include "shell/actions.h"
#include "shell/copy_link.h"
#include "shell/shell.h"
#include "testing/ui_probe.h"
#include "widgets/palette.h"

namespace poolscope::app {
namespace {

void draw_view_menu_items(Shell& s, AppState& state) {
    if (ImGui::MenuItem(tr("menu.presentation"), shortcut_hint(Command::kPresentation), s.presentation))
        toggle_presentation(s, state);
    if (s.presentation && ImGui::MenuItem(tr("layout.show_params"), nullptr, s.params_in_presentation))
        s.params_in_presentation = !s.params_in_presentation;
    if (ImGui::MenuItem(tr("menu.high_contrast"), nullptr, s.settings.theme == Theme::kHighContrast))
        toggle_high_contrast(s, state);
}

void draw_language_menu(PanelContext& ctx) {
    Shell& s = ctx.shell;
    AppState& state = ctx.state;
    const bool open = ImGui::BeginMenu(tr("menu.language"));
    remember_item(ctx.probe, "menu.language");  // for tests that click the real menu
    if (!open) return;
    // Each language is named in itself, so it can be found whichever one is showing.
    if (ImGui::MenuItem(tr("language.english"), nullptr, state.language == Language::kEnglish))
        set_ui_language(s, state, Language::kEnglish);
    remember_item(ctx.probe, "language.english");
    // Without a Chinese font the name could not be drawn either: an English label, greyed out.
    if (ImGui::MenuItem(tr(s.has_cjk ? "language.chinese" : "language.chinese_no_font"), nullptr,
                        state.language == Language::kChinese, s.has_cjk))
        set_ui_language(s, state, Language::kChinese);
    remember_item(ctx.probe, "language.chinese");
    if (!s.has_cjk && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr("status.no_cjk_font"));
    ImGui::EndMenu();
}

void draw_help_menu_items(Shell& s) {
    if (ImGui::MenuItem(tr("menu.help_overlay"), shortcut_hint(Command::kHelp), s.help_open))
        s.help_open = !s.help_open;
}

}  // namespace

void draw_menu_bar(PanelContext& ctx) {
    AppState& state = ctx.state;
    draw_export_dialog(ctx);  // opened from the File menu below, drawn outside it (panels/export_dialog.cpp)
    if (!ImGui::BeginMenuBar()) return;
    const bool file_open = ImGui::BeginMenu(tr("menu.file"));
    remember_item(ctx.probe, "menu.file");  // for tests that click the real menu
    if (file_open) {
        draw_lesson_menu_items(ctx);  // lessons: open, browse, recent, save (panels/lesson_panel.cpp)
        if (ctx.image_view) ImGui::Separator(), draw_image_view_menu_items(*ctx.image_view);
        ImGui::Separator();
        draw_export_menu_item(ctx);
        ImGui::EndMenu();
    }
    const bool edit_open = ImGui::BeginMenu(tr("menu.edit"));
    remember_item(ctx.probe, "menu.edit");  // for tests that click the real menu
    if (edit_open) {
        // The lesson's last edit or the matrix's (model/lesson_authoring.h), as Ctrl+Z / Ctrl+Y.
        if (ImGui::MenuItem(tr("menu.undo"), shortcut_hint(Command::kUndo), false, can_undo_any(state)))
            undo_any(state, ctx.playback);
        if (ImGui::MenuItem(tr("menu.redo"), shortcut_hint(Command::kRedo), false, can_redo_any(state)))
            redo_any(state, ctx.playback);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("menu.copy_input"), shortcut_hint(Command::kCopyInput))) copy_input(state);
        if (ImGui::MenuItem(tr("menu.copy_output"), shortcut_hint(Command::kCopyOutput), false,
                            state.plan.has_value()))
            copy_output(state);
        if (ImGui::MenuItem(tr("menu.paste_input"), shortcut_hint(Command::kPaste))) paste_input(state);
        if (ImGui::MenuItem(tr("menu.copy_code"))) copy_layer_code(state);
        if (ImGui::MenuItem(tr("menu.copy_link"))) copy_link(ctx);
        remember_item(ctx.probe, "menu.copy_link");  // for tests that click the real menu
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("menu.view"))) {
        if (ImGui::MenuItem(tr("menu.zoom_in"), shortcut_hint(Command::kZoomIn))) change_zoom(state, +1);
        if (ImGui::MenuItem(tr("menu.zoom_out"), shortcut_hint(Command::kZoomOut))) change_zoom(state, -1);
        if (ImGui::MenuItem(tr("menu.zoom_reset"), shortcut_hint(Command::kZoomReset))) state.zoom = 1.0f;
        ImGui::Separator();
        if (ImGui::MenuItem(tr("menu.font_larger"), shortcut_hint(Command::kTextLarger)))
            change_ui_scale(state, +1);
        if (ImGui::MenuItem(tr("menu.font_smaller"), shortcut_hint(Command::kTextSmaller)))
            change_ui_scale(state, -1);
        ImGui::Separator();
        ImGui::MenuItem(tr("menu.compare_frameworks"), nullptr, &state.compare_open);
        draw_view_menu_items(ctx.shell, state);  // presentation mode, high contrast (presentation.cpp)
        ImGui::EndMenu();
    }
    draw_language_menu(ctx);
    if (ImGui::BeginMenu(tr("menu.help"))) {
        draw_help_menu_items(ctx.shell);
        ImGui::Separator();
        // The same list as the F1 help, from the bindings table.
        for (const HelpRow& row : help_rows())
            ImGui::Text("%s    %s", row.keys.c_str(), tr(row.help));
        ImGui::EndMenu();
    }
    if (!state.status.empty()) {
        ImGui::Separator();
        ImGui::TextColored(state.status_is_error ? palette::kErrorText : palette::kOkText, "%s",
                           state.status.c_str());
        if (ImGui::IsItemHovered()) {  // a line longer than the bar (a link's notes): all of it, wrapped
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
            ImGui::TextUnformatted(state.status.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    ImGui::EndMenuBar();
}

}  // namespace poolscope::app
