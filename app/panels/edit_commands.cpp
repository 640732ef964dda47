// Edit and View commands that keys, menus and panels share (see edit_commands.h).
#include "panels/edit_commands.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/clipboard_text.h"
#include "poolscope/convention.h"

namespace poolscope::app {

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

void copy_layer_code(AppState& state) {
    const std::string code = layer_code(layer_of(state));
    ImGui::SetClipboardText(code.c_str());
    char text[512];
    std::snprintf(text, sizeof text, tr("status.copied_code_fmt"), code.c_str());
    set_status(state, text, false);
}

}  // namespace poolscope::app
