// The in-app file picker (see file_picker.h).
#include "widgets/file_picker.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include <imgui.h>

#include "i18n/i18n.h"
#include "widgets/palette.h"

namespace poolscope::app {

bool enter_directory(FilePicker& picker, const std::filesystem::path& dir) {
    Result<std::vector<DirEntry>> listed = list_directory(dir, picker.filter ? picker.extension : "");
    if (!listed) {
        picker.error = listed.error_text();
        return false;
    }
    picker.dir = dir.lexically_normal();
    picker.entries = std::move(listed).value();
    picker.error.clear();
    return true;
}

void show_file_picker(FilePicker& picker, PickerMode mode, const std::filesystem::path& dir,
                      const std::string& purpose, const std::string& suggested_name) {
    picker.mode = mode;
    picker.purpose = purpose;
    picker.typed = suggested_name;
    std::error_code ec;
    const std::filesystem::path start = dir.empty() ? std::filesystem::current_path(ec) : dir;
    if (!enter_directory(picker, std::filesystem::absolute(start, ec))) enter_directory(picker, "/");
    picker.request_open = true;
}

namespace {

// ImGui::InputText needs a writable buffer; the picker keeps a std::string and grows it here.
int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

bool input_string(const char* label, std::string& text, ImGuiInputTextFlags flags) {
    return ImGui::InputText(label, text.data(), text.capacity() + 1,
                            flags | ImGuiInputTextFlags_CallbackResize, grow_string, &text);
}

}  // namespace

std::optional<std::filesystem::path> draw_file_picker(FilePicker& picker, const char* title) {
    namespace fs = std::filesystem;
    if (picker.request_open) {
        ImGui::OpenPopup("###file_picker");
        picker.request_open = false;
    }
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(font * 38.0f, font * 28.0f), ImGuiCond_Appearing);
    const std::string window_title = std::string(title) + "###file_picker";
    if (!ImGui::BeginPopupModal(window_title.c_str(), nullptr, 0)) return std::nullopt;

    std::optional<fs::path> chosen;
    const bool saving = picker.mode == PickerMode::kSave;
    // The folder, with a button to go up.
    if (ImGui::Button(tr("picker.up")) && picker.dir.has_parent_path() &&
        picker.dir != picker.dir.root_path())
        enter_directory(picker, picker.dir.parent_path());
    ImGui::SameLine();
    ImGui::TextColored(palette::kMuted, "%s", picker.dir.string().c_str());
    if (ImGui::Checkbox(tr(picker.filter_key), &picker.filter)) enter_directory(picker, picker.dir);

    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("##listing", ImVec2(0, -footer), true);
    std::optional<fs::path> enter;
    for (const DirEntry& e : picker.entries) {
        const std::string label = (e.is_dir ? "[" + e.name + "]" : e.name);
        const bool selected = !e.is_dir && picker.typed == e.name;
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.is_dir) {
                enter = picker.dir / e.name;
            } else {
                picker.typed = e.name;
                if (ImGui::IsMouseDoubleClicked(0)) chosen = picker.dir / e.name;
            }
        }
    }
    if (picker.entries.empty()) ImGui::TextColored(palette::kMuted, "%s", tr("picker.empty"));
    ImGui::EndChild();
    if (enter) enter_directory(picker, *enter);

    ImGui::SetNextItemWidth(-1.0f);
    if (saving && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type a name, press Enter
    const bool submitted = input_string("##typed", picker.typed, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!picker.error.empty())
        ImGui::TextColored(palette::kErrorText, "%s", picker.error.c_str());
    else
        ImGui::TextColored(palette::kMuted, "%s", tr(saving ? "picker.hint_save" : "picker.hint_open"));
    const bool confirm = ImGui::Button(tr(saving ? "picker.save" : "picker.open")) || submitted;
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr("picker.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (confirm && !picker.typed.empty() && !chosen) {
        const fs::path path = resolve_typed_path(picker.dir, picker.typed, saving, picker.extension);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            if (enter_directory(picker, path)) picker.typed.clear();
        } else if (!saving && !fs::is_regular_file(path, ec)) {
            picker.error = std::string(tr("picker.no_such_file")) + " " + path.string();
        } else {
            chosen = path;
        }
    }
    if (chosen || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}

bool file_picker_up(const FilePicker& picker) {
    return picker.request_open || ImGui::IsPopupOpen("###file_picker");
}

}  // namespace poolscope::app
