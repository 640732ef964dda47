// The wrapping multi-line field (see wrapped_input.h).
#include "widgets/wrapped_input.h"

#include <imgui_internal.h>  // GetActiveID: is the field being edited

#include "widgets/soft_wrap.h"

namespace poolscope::app {
namespace {

float measure(std::string_view s) {
    return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
}

struct Call {
    WrappedInput* field;
    float width;
    bool edited = false;
};

// Puts `shown` in the field being edited, the cursor at `cursor` (in the shown text).
void replace_shown(ImGuiInputTextCallbackData* data, const std::string& shown, size_t cursor) {
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, shown.c_str(), shown.c_str() + shown.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(cursor);
}

int field_callback(ImGuiInputTextCallbackData* data) {
    Call& call = *static_cast<Call*>(data->UserData);
    WrappedInput& field = *call.field;
    switch (data->EventFlag) {
        case ImGuiInputTextFlags_CallbackResize:
            field.shown.resize(static_cast<size_t>(data->BufTextLen));
            data->Buf = field.shown.data();
            break;
        case ImGuiInputTextFlags_CallbackEdit: {
            // The user's edit of the shown text, made an edit of the text, then wrapped again.
            // `field.shown` is still what the field held before this edit (ImGui copies the result after).
            const TextEdit edit = edit_through_soft_breaks(
                field.shown, std::string_view(data->Buf, static_cast<size_t>(data->BufTextLen)));
            const std::string shown = soft_wrap(edit.text, call.width, measure);
            field.made_from = edit.text;
            field.width = call.width;
            replace_shown(data, shown, shown_offset(shown, edit.cursor));
            call.edited = true;
            break;
        }
        case ImGuiInputTextFlags_CallbackAlways:
            if (field.width != call.width) {  // the field changed width while being edited: wrap again
                const std::string_view now(data->Buf, static_cast<size_t>(data->BufTextLen));
                const size_t cursor = text_offset(now, static_cast<size_t>(data->CursorPos));
                const std::string shown = soft_wrap(field.made_from, call.width, measure);
                field.width = call.width;
                replace_shown(data, shown, shown_offset(shown, cursor));
            }
            break;
        default:
            break;
    }
    return 0;
}

}  // namespace

bool input_text_wrapped(const char* label, std::string& text, WrappedInput& field, const ImVec2& size) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float outer = size.x > 0.0f ? size.x : ImGui::GetContentRegionAvail().x + size.x;
    // Room for the text: the frame's padding and a vertical scrollbar off, and a space so the cursor after
    // the last character of a line never scrolls the field sideways.
    Call call{&field, outer - style.FramePadding.x * 2.0f - style.ScrollbarSize - measure(" ") * 2.0f};
    const ImGuiID id = ImGui::GetID(label);
    const bool active = ImGui::GetActiveID() == id;
    if (!active && (field.made_from != text || field.width != call.width || field.shown.empty())) {
        field.made_from = text;
        field.width = call.width;
        field.shown = soft_wrap(text, call.width, measure);
    }
    ImGui::InputTextMultiline(label, field.shown.data(), field.shown.capacity() + 1, size,
                              ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit |
                                  ImGuiInputTextFlags_CallbackAlways,
                              field_callback, &call);
    if (call.edited) text = field.made_from;
    return call.edited;
}

}  // namespace poolscope::app
