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
#include "model/quiz_session.h"
#include "poolscope/convention.h"

namespace poolscope::app {

void copy_input(const Document& doc, const View& view, Interaction& interaction) {
    ImGui::SetClipboardText(
        format_matrix_clipboard(doc.input, static_cast<ClipboardStyle>(view.copy_style)).c_str());
    set_status(interaction, tr("status.copied_input"), false);
}

void copy_output(const Computed& computed, const QuizSession& quiz, const View& view,
                 Interaction& interaction) {
    if (!computed.plan) return;
    if (quiz_hidden(quiz).any()) {  // the answer would be on the clipboard (issue 26)
        set_status(interaction, tr("status.output_hidden_by_quiz"), true);
        return;
    }
    ImGui::SetClipboardText(
        format_matrix_clipboard(computed.output.values, static_cast<ClipboardStyle>(view.copy_style))
            .c_str());
    set_status(interaction, tr("status.copied_output"), false);
}

void paste_input(Document& doc, Interaction& interaction) {
    const char* text = ImGui::GetClipboardText();
    if (!text || !*text) {
        set_status(interaction, tr("status.clipboard_empty"), true);
        return;
    }
    Result<Tensor> parsed = parse_input_text(text);
    if (!parsed) {
        set_status(interaction, std::string(tr("status.paste_failed")) + " " + parsed.error_text(), true);
        return;
    }
    const Shape s = parsed->shape();
    set_input(doc, interaction, std::move(parsed).value());
    char buf[160];
    std::snprintf(buf, sizeof buf, tr("status.pasted_fmt"), static_cast<int>(s.c), static_cast<int>(s.h),
                  static_cast<int>(s.w));
    set_status(interaction, buf, false);
}

void copy_layer_code(const Document& doc, Interaction& interaction) {
    const std::string code = layer_code(layer_of(doc));
    ImGui::SetClipboardText(code.c_str());
    char text[512];
    std::snprintf(text, sizeof text, tr("status.copied_code_fmt"), code.c_str());
    set_status(interaction, text, false);
}

}  // namespace poolscope::app
