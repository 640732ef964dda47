// What keys and menu items do: the bindings table's commands (panels/actions_table.cpp) and the cell
// editor's keys. Panels and the menu call the same functions (panels/edit_commands.h), so a key and its
// button can never disagree.
#include "shell/actions.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>  // GetTopMostPopupModal: a dialog owns the keys

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/clipboard_text.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "model/number_text.h"
#include "panels/edit_commands.h"
#include "panels/lesson_windows.h"
#include "panels/panels.h"
#include "shell/shell.h"
#include "widgets/matrix_grid.h"

namespace poolscope::app {
namespace {

bool key_pressed(int key, bool repeat = true) {
    return ImGui::IsKeyPressed(key, repeat);
}

// Parses the editor's text as a float: numbers, "inf", "-inf", "nan" (what strtof accepts, nothing after).
bool parse_cell_text(const std::string& text, float& value) {
    if (text.empty()) return false;
    char* end = nullptr;
    value = std::strtof(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

void commit_cell(Document& doc, Interaction& interaction) {
    CellEditor& editor = interaction.editor;
    if (!editor.selected || !editor.editing) return;
    float value = 0;
    if (!parse_cell_text(editor.text, value)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, tr("status.bad_number_fmt"), editor.text.c_str());
        set_status(interaction, buf, true);
        editor.editing = false;
        return;
    }
    const InputCellRef& c = *editor.selected;
    editor.editing = false;
    if (doc.input.at(0, c.c, c.h, c.w) == value && !std::isnan(value)) return;
    doc.input.at(0, c.c, c.h, c.w) = value;
    commit_edit(doc);
    set_status(interaction, "", false);
}

void move_selection(Interaction& interaction, const Document& doc, int dh, int dw) {
    if (!interaction.editor.selected) return;
    InputCellRef& c = *interaction.editor.selected;
    const Shape& s = doc.input.shape();
    c.h = std::clamp<int64_t>(c.h + dh, 0, s.h - 1);
    c.w = std::clamp<int64_t>(c.w + dw, 0, s.w - 1);
}

// Keys while an input cell is selected: type to edit, Enter commits, arrows move, Escape leaves.
void handle_editor_keys(Document& doc, Interaction& interaction) {
    ImGuiIO& io = ImGui::GetIO();
    CellEditor& editor = interaction.editor;
    for (ImWchar ch : io.InputQueueCharacters) {
        const bool number_char = (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' ||
                                 ch == 'e' || ch == 'E' || ch == 'i' || ch == 'n' || ch == 'f' || ch == 'a';
        if (!number_char) continue;
        if (!editor.editing) {
            editor.editing = true;
            editor.text.clear();
        }
        if (editor.text.size() < 24) editor.text.push_back(static_cast<char>(ch));
    }
    if (editor.editing && key_pressed(GLFW_KEY_BACKSPACE) && !editor.text.empty()) editor.text.pop_back();
    if (key_pressed(GLFW_KEY_ENTER, false) || key_pressed(GLFW_KEY_KP_ENTER, false)) {
        if (editor.editing) {
            commit_cell(doc, interaction);
            move_selection(interaction, doc, 1, 0);  // like a spreadsheet: Enter goes down
        } else {
            editor.editing = true;
            const InputCellRef& c = *editor.selected;
            editor.text = exact_value_text(doc.input.at(0, c.c, c.h, c.w), false);  // Enter keeps it
        }
        return;
    }
    if (key_pressed(GLFW_KEY_ESCAPE, false)) {
        if (editor.editing)
            editor.editing = false;
        else
            editor.selected.reset();
        return;
    }
    const int dh = key_pressed(GLFW_KEY_DOWN) ? 1 : key_pressed(GLFW_KEY_UP) ? -1 : 0;
    const int dw = key_pressed(GLFW_KEY_RIGHT) ? 1 : key_pressed(GLFW_KEY_LEFT) ? -1 : 0;
    const bool tab = key_pressed(GLFW_KEY_TAB);
    if (dh || dw || tab) {
        commit_cell(doc, interaction);
        move_selection(interaction, doc, dh, tab ? (io.KeyShift ? -1 : 1) : dw);
    }
}

// A modal dialog is up (the file dialog, a question, the export): the keys are its own, whether or not one
// of its fields has the keyboard yet.
bool modal_up() {
    return ImGui::GetTopMostPopupModal() != nullptr;
}

bool in_scope(const Binding& b, PanelContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (b.scope == Scope::kAnywhere) return true;
    if (io.WantTextInput || io.KeyAlt) return false;  // an ImGui text field owns the keyboard
    if (modal_up()) return false;                     // so does a dialog (the file dialog's name field)
    switch (b.scope) {
        case Scope::kTimeline:
            return !ctx.state.interaction.editor.selected;
        case Scope::kLesson:
            return !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup);
        default:
            return true;
    }
}

bool mods_match(Mods mods) {
    const ImGuiIO& io = ImGui::GetIO();
    switch (mods) {
        case Mods::kNone:
            return !io.KeyCtrl;
        case Mods::kCtrl:
            return io.KeyCtrl && !io.KeyShift;
        case Mods::kCtrlShift:
            return io.KeyCtrl && io.KeyShift;
    }
    return false;
}

// The registered window a command opens (its WindowInfo::command): shown or hidden, as its menu entry does.
bool toggle_window_of(PanelContext& ctx, Command command) {
    for (const std::unique_ptr<Window>& w : ctx.windows.all()) {
        if (w->info().command != command) continue;
        set_window_open(ctx.state.view, w->info().id, !window_open(ctx.state.view, w->info().id));
        return true;
    }
    return false;
}

}  // namespace

void run_command(PanelContext& ctx, Shell& shell, Command command) {
    if (toggle_window_of(ctx, command)) return;  // F1: the help overlay
    AppState& state = ctx.state;
    Playback& playback = ctx.playback;
    View& view = state.view;
    LessonPlayer& ui = state.lessons;
    const int64_t steps = step_count(state.computed);
    const bool lesson = is_open(ui.session);
    switch (command) {
        case Command::kPlay:
            toggle_play(playback, steps);
            break;
        case Command::kStepBack:
            step_by(playback, -1, steps);
            break;
        case Command::kStepForward:
            step_by(playback, +1, steps);
            break;
        case Command::kFirstStep:
            step_by(playback, -steps, steps);
            break;
        case Command::kLastStep:
            step_by(playback, steps, steps);
            break;
        case Command::kFaster:
            change_speed(playback, +1);
            break;
        case Command::kSlower:
            change_speed(playback, -1);
            break;
        case Command::kUndo:
            undo_any(state, playback);
            break;
        case Command::kRedo:
            redo_any(state, playback);
            break;
        case Command::kCopyInput:
            copy_input(state.doc, state.view, state.interaction);
            break;
        case Command::kCopyOutput:
            copy_output(state.computed, state.quiz, state.view, state.interaction);
            break;
        case Command::kPaste:
            paste_input(state.doc, state.interaction);
            break;
        case Command::kZoomIn:
            change_zoom(state.view, +1);
            break;
        case Command::kZoomOut:
            change_zoom(state.view, -1);
            break;
        case Command::kZoomReset:
            state.view.zoom = 1.0f;
            break;
        case Command::kTextLarger:
            change_ui_scale(state.view, +1);
            break;
        case Command::kTextSmaller:
            change_ui_scale(state.view, -1);
            break;
        case Command::kNextLessonStep:
            if (lesson) next_step(ui.session);
            break;
        case Command::kPreviousLessonStep:
            if (lesson) previous_step(ui.session);
            break;
        case Command::kOpenLesson:
            show_open_lesson(ctx);
            break;
        case Command::kSaveLesson:
            if (lesson) save_or_ask_where(ctx);
            break;
        case Command::kSaveLessonAs:
            if (lesson) show_save_lesson_as(ctx);
            break;
        case Command::kPresentation:
            toggle_presentation(shell, state.view);
            break;
        case Command::kEscape:
            // Escape closes the help first, then leaves presentation mode.
            if (window_open(view, window_id::kHelp))
                close_window(view, window_id::kHelp);
            else if (view.presentation)
                toggle_presentation(shell, state.view);
            break;
        case Command::kQuit:
            state.interaction.quit_requested = true;
            break;
        case Command::kHelp:         // a window's command (toggle_window_of)
        case Command::kStateReport:  // handle_shortcuts returns it to the frame
        case Command::kEditCell:     // the editor's own keys (handle_editor_keys)
        case Command::kZoomWheel:    // the wheel, below
            break;
    }
}

bool handle_shortcuts(PanelContext& ctx, Shell& shell) {
    AppState& state = ctx.state;
    ImGuiIO& io = ImGui::GetIO();
    bool report = false;
    for (const Binding& b : bindings()) {
        if (b.key == 0 || !mods_match(b.mods) || !key_pressed(b.key, b.repeat) || !in_scope(b, ctx)) continue;
        if (b.command == Command::kStateReport) report = true;
        run_command(ctx, shell, b.command);
    }
    if (io.WantTextInput || modal_up()) return report;
    if (io.KeyCtrl && io.MouseWheel != 0.0f && !ImGui::IsAnyItemActive())
        change_zoom(state.view, io.MouseWheel > 0 ? +1 : -1);
    if (!io.KeyCtrl && state.interaction.editor.selected) handle_editor_keys(state.doc, state.interaction);
    return report;
}

}  // namespace poolscope::app
