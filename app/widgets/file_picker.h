// An in-app file picker drawn with ImGui (no other GUI toolkit): the folder's listing with a ".json only"
// filter, the parent folder, and a typed path (relative to the folder shown, or absolute). Used for
// File → Open lesson and Save lesson as. The listing and path rules are in model/file_listing.h.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/file_listing.h"

namespace poolscope::app {

enum class PickerMode { kOpen, kSave };

struct FilePicker {
    bool request_open = false;  // open the popup next frame
    PickerMode mode = PickerMode::kOpen;
    std::filesystem::path dir;                    // the folder shown
    std::string typed;                            // the path field
    std::string extension = ".json";              // the filter (several: ".png .jpg", see list_directory)
    bool filter = true;                           // show only files with `extension`
    const char* filter_key = "picker.only_json";  // tr() key of the filter's checkbox
    std::vector<DirEntry> entries;                // listing of `dir`
    std::string error;                            // listing or choice problem, shown in the picker
    std::string purpose;  // what the caller will do with the choice ("open", "save_as")
};

// Opens the picker on `dir` (its listing read now) for `purpose`.
void show_file_picker(FilePicker& picker, PickerMode mode, const std::filesystem::path& dir,
                      const std::string& purpose, const std::string& suggested_name = {});
// Changes the folder shown; false (and `error`) when it cannot be listed.
bool enter_directory(FilePicker& picker, const std::filesystem::path& dir);
// Draws the picker (a modal) when open; returns the chosen file once, when the user confirms.
std::optional<std::filesystem::path> draw_file_picker(FilePicker& picker, const char* title);
// Whether it is up (or asked for), in the ImGui window it is drawn from.
bool file_picker_up(const FilePicker& picker);

}  // namespace poolscope::app
