// What keys and menu items do: the bindings table's commands (actions_table.cpp), the cell editor's keys,
// clipboard, zoom and font scale. Panels and the menu call the same functions, so a key and its button can
// never disagree.
#include "shell/actions.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/clipboard_text.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "model/number_text.h"
#include "model/quiz_session.h"
#include "panels/panels.h"
#include "shell/shell.h"
#include "widgets/file_picker.h"
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

void commit_cell(AppState& state) {
    CellEditor& editor = state.editor;
    if (!editor.selected || !editor.editing) return;
    float value = 0;
    if (!parse_cell_text(editor.text, value)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, tr("status.bad_number_fmt"), editor.text.c_str());
        set_status(state, buf, true);
        editor.editing = false;
        return;
    }
    const InputCellRef& c = *editor.selected;
    editor.editing = false;
    if (state.input.at(0, c.c, c.h, c.w) == value && !std::isnan(value)) return;
    state.input.at(0, c.c, c.h, c.w) = value;
    commit_edit(state);
    set_status(state, "", false);
}

void move_selection(AppState& state, int dh, int dw) {
    if (!state.editor.selected) return;
    InputCellRef& c = *state.editor.selected;
    const Shape& s = state.input.shape();
    c.h = std::clamp<int64_t>(c.h + dh, 0, s.h - 1);
    c.w = std::clamp<int64_t>(c.w + dw, 0, s.w - 1);
}

// Keys while an input cell is selected: type to edit, Enter commits, arrows move, Escape leaves.
void handle_editor_keys(AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    CellEditor& editor = state.editor;
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
            commit_cell(state);
            move_selection(state, 1, 0);  // like a spreadsheet: Enter goes down
        } else {
            editor.editing = true;
            const InputCellRef& c = *editor.selected;
            editor.text = exact_value_text(state.input.at(0, c.c, c.h, c.w), false);  // Enter keeps it
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
        commit_cell(state);
        move_selection(state, dh, tab ? (io.KeyShift ? -1 : 1) : dw);
    }
}

}  // namespace

void change_zoom(AppState& state, int direction) {
    state.zoom = std::clamp(state.zoom * (direction > 0 ? 1.15f : 1.0f / 1.15f), 0.4f, 4.0f);
}

void change_ui_scale(AppState& state, int direction) {
    const float next = std::clamp(state.ui_scale + (direction > 0 ? 0.25f : -0.25f), 0.75f, 3.0f);
    if (next != state.ui_scale) {
        state.ui_scale = next;
        state.fonts_need_rebuild = true;
    }
}

void copy_input(AppState& state) {
    ImGui::SetClipboardText(
        format_matrix_clipboard(state.input, static_cast<ClipboardStyle>(state.copy_style)).c_str());
    set_status(state, tr("status.copied_input"), false);
}

void copy_output(AppState& state) {
    if (!state.plan) return;
    if (quiz_hidden(state.quiz).any()) {  // the answer would be on the clipboard (issue 26)
        set_status(state, tr("status.output_hidden_by_quiz"), true);
        return;
    }
    ImGui::SetClipboardText(
        format_matrix_clipboard(state.output.values, static_cast<ClipboardStyle>(state.copy_style)).c_str());
    set_status(state, tr("status.copied_output"), false);
}

void paste_input(AppState& state) {
    const char* text = ImGui::GetClipboardText();
    if (!text || !*text) {
        set_status(state, tr("status.clipboard_empty"), true);
        return;
    }
    Result<Tensor> parsed = parse_input_text(text);
    if (!parsed) {
        set_status(state, std::string(tr("status.paste_failed")) + " " + parsed.error_text(), true);
        return;
    }
    const Shape s = parsed->shape();
    set_input(state, std::move(parsed).value());
    char buf[160];
    std::snprintf(buf, sizeof buf, tr("status.pasted_fmt"), static_cast<int>(s.c), static_cast<int>(s.h),
                  static_cast<int>(s.w));
    set_status(state, buf, false);
}

namespace {

bool in_scope(const Binding& b, PanelContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (b.scope == Scope::kAnywhere) return true;
    if (io.WantTextInput || io.KeyAlt) return false;  // an ImGui text field owns the keyboard
    switch (b.scope) {
        case Scope::kTimeline:
            return !ctx.state.editor.selected;
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

void open_lesson_picker(PanelContext& ctx, PickerMode mode) {
    LessonPlayer& ui = ctx.state.lessons;
    if (mode == PickerMode::kOpen)
        show_file_picker(ctx.picker, PickerMode::kOpen,
                         ui.session.path.empty() ? ui.lessons_dir : ui.session.path.parent_path(), "open");
    else
        show_file_picker(ctx.picker, PickerMode::kSave, ui.session.path.parent_path(), "save_as",
                         ui.session.path.empty() ? kNewLessonFileName : ui.session.path.filename().string());
}

}  // namespace

void run_command(PanelContext& ctx, Command command) {
    AppState& state = ctx.state;
    Playback& playback = ctx.playback;
    Shell& shell = ctx.shell;
    LessonPlayer& ui = state.lessons;
    const int64_t steps = step_count(state);
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
            copy_input(state);
            break;
        case Command::kCopyOutput:
            copy_output(state);
            break;
        case Command::kPaste:
            paste_input(state);
            break;
        case Command::kZoomIn:
            change_zoom(state, +1);
            break;
        case Command::kZoomOut:
            change_zoom(state, -1);
            break;
        case Command::kZoomReset:
            state.zoom = 1.0f;
            break;
        case Command::kTextLarger:
            change_ui_scale(state, +1);
            break;
        case Command::kTextSmaller:
            change_ui_scale(state, -1);
            break;
        case Command::kNextLessonStep:
            if (lesson) next_step(ui.session);
            break;
        case Command::kPreviousLessonStep:
            if (lesson) previous_step(ui.session);
            break;
        case Command::kOpenLesson:
            open_lesson_picker(ctx, PickerMode::kOpen);
            break;
        case Command::kSaveLesson:
            if (!lesson) break;
            if (ui.session.path.empty())
                open_lesson_picker(ctx, PickerMode::kSave);
            else
                save_lesson(ui);
            break;
        case Command::kSaveLessonAs:
            if (lesson) open_lesson_picker(ctx, PickerMode::kSave);
            break;
        case Command::kHelp:
            shell.help_open = !shell.help_open;
            break;
        case Command::kPresentation:
            toggle_presentation(shell, state);
            break;
        case Command::kEscape:
            // Escape closes the help first, then leaves presentation mode.
            if (shell.help_open)
                shell.help_open = false;
            else if (shell.presentation)
                toggle_presentation(shell, state);
            break;
        case Command::kQuit:
            state.quit_requested = true;
            break;
        case Command::kStateReport:  // handle_shortcuts returns it to the frame
        case Command::kEditCell:     // the editor's own keys (handle_editor_keys)
        case Command::kZoomWheel:    // the wheel, below
            break;
    }
}

bool handle_shortcuts(PanelContext& ctx) {
    AppState& state = ctx.state;
    ImGuiIO& io = ImGui::GetIO();
    bool report = false;
    for (const Binding& b : bindings()) {
        if (b.key == 0 || !mods_match(b.mods) || !key_pressed(b.key, b.repeat) || !in_scope(b, ctx)) continue;
        if (b.command == Command::kStateReport) report = true;
        run_command(ctx, b.command);
    }
    if (io.WantTextInput) return report;
    if (io.KeyCtrl && io.MouseWheel != 0.0f && !ImGui::IsAnyItemActive())
        change_zoom(state, io.MouseWheel > 0 ? +1 : -1);
    if (!io.KeyCtrl && state.editor.selected) handle_editor_keys(state);
    return report;
}

}  // namespace poolscope::app
