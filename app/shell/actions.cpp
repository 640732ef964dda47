// What keys and menu items do: global shortcuts, the cell editor's keys, clipboard, zoom and font scale.
// Panels and the menu call the same functions, so a key and its button can never disagree.
#include "shell/actions.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/clipboard_text.h"
#include "panels/panels.h"
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
            editor.text = format_value(state.input.at(0, c.c, c.h, c.w), false);
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

bool handle_shortcuts(PanelContext& ctx) {
    AppState& state = ctx.state;
    Playback& playback = ctx.playback;
    ImGuiIO& io = ImGui::GetIO();
    const bool report = key_pressed(GLFW_KEY_F12, false);
    const bool ctrl = io.KeyCtrl;
    if (io.WantTextInput) return report;  // an ImGui text field owns the keyboard

    if (ctrl) {
        if (key_pressed(GLFW_KEY_Z)) {
            if (io.KeyShift)
                redo(state);
            else
                undo(state);
        }
        if (key_pressed(GLFW_KEY_Y)) redo(state);
        if (key_pressed(GLFW_KEY_Q, false)) state.quit_requested = true;
        if (key_pressed(GLFW_KEY_C, false)) (io.KeyShift ? copy_output : copy_input)(state);
        if (key_pressed(GLFW_KEY_V, false)) paste_input(state);
        const bool plus = key_pressed(GLFW_KEY_EQUAL) || key_pressed(GLFW_KEY_KP_ADD);
        const bool minus = key_pressed(GLFW_KEY_MINUS) || key_pressed(GLFW_KEY_KP_SUBTRACT);
        if (plus || minus) (io.KeyShift ? change_ui_scale : change_zoom)(state, plus ? +1 : -1);
        if (key_pressed(GLFW_KEY_0, false)) state.zoom = 1.0f;
        if (io.MouseWheel != 0.0f && !ImGui::IsAnyItemActive())
            change_zoom(state, io.MouseWheel > 0 ? +1 : -1);
        return report;
    }
    if (state.editor.selected) {
        handle_editor_keys(state);
        return report;
    }
    const int64_t steps = step_count(state);
    if (key_pressed(GLFW_KEY_SPACE, false)) toggle_play(playback, steps);
    if (key_pressed(GLFW_KEY_RIGHT)) step_by(playback, +1, steps);
    if (key_pressed(GLFW_KEY_LEFT)) step_by(playback, -1, steps);
    if (key_pressed(GLFW_KEY_HOME, false)) step_by(playback, -steps, steps);
    if (key_pressed(GLFW_KEY_END, false)) step_by(playback, steps, steps);
    if (key_pressed(GLFW_KEY_EQUAL) || key_pressed(GLFW_KEY_KP_ADD)) change_speed(playback, +1);
    if (key_pressed(GLFW_KEY_MINUS) || key_pressed(GLFW_KEY_KP_SUBTRACT)) change_speed(playback, -1);
    return report;
}

}  // namespace poolscope::app
