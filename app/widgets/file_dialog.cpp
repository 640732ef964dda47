// The file dialog's drawing (see file_dialog.h); what each gesture does is model/file_dialog_model.cpp.
#include "widgets/file_dialog.h"

#include <cstdio>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "widgets/palette.h"

namespace poolscope::app {
namespace {

// What the name field's callback works on: the model, and whether the field was just focused.
struct NameFieldCall {
    FileDialogModel* model;
    bool place_cursor = false;
};

// The name field's callback: ImGui::InputText needs a writable buffer (the model's std::string, grown here),
// and a name the model wrote (a file clicked in the listing) replaces the field's text even mid-edit, where
// ImGui would otherwise keep its own copy.
int name_field_callback(ImGuiInputTextCallbackData* data) {
    auto* call = static_cast<NameFieldCall*>(data->UserData);
    FileDialogModel& model = *call->model;
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        model.name.resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = model.name.data();
        return 0;
    }
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    if (model.name_replaced) {
        model.name_replaced = false;
        const std::string wanted = model.name;
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, wanted.c_str());
        call->place_cursor = true;
    }
    if (call->place_cursor) {
        // Where typing goes: over the suggested name's stem ("lesson" of lesson.json), else at the end
        // (ImGui would keep the cursor of the field's last use, anywhere in the old text).
        const std::string_view text(data->Buf, static_cast<size_t>(data->BufTextLen));
        const size_t dot = text.rfind('.');
        const bool stem = model.name_fresh && dot != std::string_view::npos && dot > 0;
        data->SelectionStart = 0;
        data->SelectionEnd = data->CursorPos = static_cast<int>(stem ? dot : text.size());
        if (!stem) data->SelectionStart = data->CursorPos;
        model.name_fresh = false;
    }
    return 0;
}

const char* button_key(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::kOpen:
            return "files.open";
        case FilePurpose::kSave:
            return "files.save";
        case FilePurpose::kExport:
            return "files.export";
    }
    return "files.open";
}

std::string problem_text(const FileDialogModel& model) {
    const char* key = nullptr;
    switch (model.problem) {
        case FileProblem::kNone:
            return {};
        case FileProblem::kUnreadableFolder:
            key = "files.problem.unreadable_fmt";
            break;
        case FileProblem::kNoName:
            key = "files.problem.no_name_fmt";
            break;
        case FileProblem::kBadName:
            key = "files.problem.bad_name_fmt";
            break;
        case FileProblem::kNoSuchFile:
            key = "files.problem.no_such_file_fmt";
            break;
        case FileProblem::kNoSuchFolder:
            key = "files.problem.no_such_folder_fmt";
            break;
        case FileProblem::kNotAFile:
            key = "files.problem.not_a_file_fmt";
            break;
    }
    char text[1200];
    std::snprintf(text, sizeof text, tr(key), model.detail.c_str());
    return text;
}

// "lesson.json already exists. Replace it?", while a save waits for the answer.
std::string replace_question(const FileDialogModel& model) {
    if (!model.overwrite) return {};
    char text[1200];
    std::snprintf(text, sizeof text, tr("files.replace_fmt"), model.overwrite->filename().string().c_str());
    return text;
}

// The folder row: Up, and the folder as a path (its start cut off when it is too long for the row).
void draw_folder_row(FileDialogModel& model, UiProbe& probe) {
    if (ImGui::Button(tr("files.up"))) go_up(model);
    remember_item(probe, "files.up");
    ImGui::SameLine();
    const std::string dir = model.dir.string();
    const float room = ImGui::GetContentRegionAvail().x;
    std::string shown = dir;
    size_t cut = 0;
    while (cut < dir.size() && ImGui::CalcTextSize(shown.c_str()).x > room) {
        ++cut;
        while (cut < dir.size() && (static_cast<unsigned char>(dir[cut]) & 0xC0) == 0x80)
            ++cut;  // UTF-8
        shown = "..." + dir.substr(cut);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(shown.c_str());
    remember_item(probe, "files.folder");
    if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", dir.c_str());
    char filter[300];
    std::snprintf(filter, sizeof filter, tr("files.only_fmt"), model.request.extensions.c_str());
    if (ImGui::Checkbox(filter, &model.filter)) refresh(model);
    remember_item(probe, "files.filter");
}

// The listing; returns what a double-click did.
FileOutcome draw_listing(FileDialogModel& model, UiProbe& probe, bool scroll_to_selection, float height) {
    FileOutcome outcome;
    ImGui::BeginChild("##files_listing", ImVec2(0, height), true);
    for (size_t i = 0; i < model.entries.size(); ++i) {
        // A copy: a double-click on a folder replaces the listing under this loop.
        const DirEntry e = model.entries[i];
        ImGui::PushID(static_cast<int>(i));
        if (e.is_dir) ImGui::PushStyleColor(ImGuiCol_Text, palette::kHeading);
        const std::string label = e.is_dir ? e.name + "/" : e.name;
        const bool selected = model.selected == i;
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                outcome = activate_entry(model, i);
            else
                select_entry(model, i);
        }
        if (e.is_dir) ImGui::PopStyleColor();
        if (selected && scroll_to_selection) ImGui::SetScrollHereY(0.5f);
        if (i < 40) remember_item(probe, ("files.entry." + e.name).c_str());
        ImGui::PopID();
        if (outcome.step != FileStep::kNothing)
            break;  // a folder entered, a file chosen: the listing is done
    }
    if (!model.entries.empty() && model.other_files > 0) {  // what the filter hides is never a mystery
        char text[300];
        std::snprintf(text, sizeof text, tr("files.hidden_fmt"), model.other_files);
        ImGui::TextColored(palette::kMuted, "%s", text);
    }
    if (model.entries.empty()) {
        char text[300];
        if (model.other_files > 0)
            std::snprintf(text, sizeof text, tr("files.none_matching_fmt"), model.other_files);
        else
            std::snprintf(text, sizeof text, "%s", tr("files.empty"));
        ImGui::TextColored(palette::kMuted, "%s", text);
        remember_item(probe, "files.empty");
    }
    ImGui::EndChild();
    remember_item(probe, "files.listing");
    return outcome;
}

}  // namespace

FileDialogResult draw_file_dialog(FileDialogModel& model, UiProbe& probe) {
    FileDialogResult result;
    // The arrows move the highlight (the name field is one line: it has no use for them).
    int moved = 0;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) moved = 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) moved = -1;
    if (moved) move_selection(model, moved);

    draw_folder_row(model, probe);
    // The listing takes what the rows under it leave: the name, the hint or problem (wrapped), the
    // "replace it?" line, the buttons.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = ImGui::GetContentRegionAvail().x;
    const std::string problem = problem_text(model);
    const char* message = problem.empty() ? tr("files.hint") : problem.c_str();
    const std::string question = replace_question(model);
    const float footer =
        style.ItemSpacing.y + ImGui::GetFrameHeightWithSpacing() +
        ImGui::CalcTextSize(message, nullptr, false, wrap).y + style.ItemSpacing.y +
        (question.empty() ? 0.0f : ImGui::CalcTextSize(question.c_str(), nullptr, false, wrap).y) +
        style.ItemSpacing.y + ImGui::GetFrameHeight();
    FileOutcome outcome = draw_listing(model, probe, moved != 0, -footer);

    // The name field owns the keyboard: focused when the dialog appears, and again whenever no other control
    // is being used (after a click in the listing, on Up or on the filter), so typing always lands here.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("files.name"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    const bool focusing = ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive();
    if (focusing) ImGui::SetKeyboardFocusHere();
    // A click into the field places its own cursor; only a focus given here moves it.
    NameFieldCall call{&model, focusing && !ImGui::IsMouseDown(ImGuiMouseButton_Left)};
    const bool replacing = model.name_replaced;  // its edit this frame is the model's, not the user's
    const bool entered =
        ImGui::InputText("##files_name", model.name.data(), model.name.capacity() + 1,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackResize |
                             ImGuiInputTextFlags_CallbackAlways,
                         name_field_callback, &call);
    if (!ImGui::IsItemActive()) model.name_replaced = false;  // an idle field shows the model's text anyway
    if (ImGui::IsItemActive())
        model.name_fresh = false;  // the stem is selected once, when it first gets focus
    if (ImGui::IsItemEdited() && !replacing) name_typed(model);
    remember_item(probe, "files.name");
    if (entered && outcome.step == FileStep::kNothing) outcome = press_enter(model);

    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(problem.empty() ? palette::kMuted : palette::kErrorText, "%s", message);
    if (!problem.empty()) remember_item(probe, "files.problem");
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (model.overwrite) {
        // Saving over a file: asked in the dialog, above its own buttons.
        ImGui::TextColored(palette::kErrorText, "%s", replace_question(model).c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button(tr("files.replace"))) outcome = answer_overwrite(model, true);
        remember_item(probe, "files.replace");
        ImGui::SameLine();
        if (ImGui::Button(tr("files.keep")) || escape) answer_overwrite(model, false);
        remember_item(probe, "files.keep");
    } else {
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(tr(button_key(model.request.purpose))) && outcome.step == FileStep::kNothing)
            outcome = confirm_name(model);
        remember_item(probe, "files.confirm");
        ImGui::SameLine();
        if (ImGui::Button(tr("files.cancel")) || escape) result.end = FileDialogEnd::kCancelled;
        remember_item(probe, "files.cancel");
    }
    if (outcome.step == FileStep::kChosen) result = {FileDialogEnd::kChosen, outcome.path};
    return result;
}

}  // namespace poolscope::app
