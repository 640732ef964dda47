// The one file dialog's state and rules, GUI-free (widgets/file_dialog.h draws it): the folder shown, its
// listing (folders, then the files the purpose wants), the selection, the name field, and what a click, a
// double-click, Enter or the purpose's button means. Every open and save of the app goes through it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/file_listing.h"

namespace poolscope::app {

enum class FilePurpose {
    kOpen,    // choose an existing file
    kSave,    // name a file to write (asks before replacing one)
    kExport,  // the same for a picture: its button says Export
};

// What a caller asks the dialog for.
struct FileRequest {
    FilePurpose purpose = FilePurpose::kOpen;    //
    std::filesystem::path dir;                   // where it opens (empty or unreadable: the working folder)
    std::string name;                            // the name field's first text (a suggested file name)
    std::string extensions = ".json";            // files listed (several: ".png .gif"); the first is added
                                                 // to a saved name that has no extension
    const char* title_key = "files.title_open";  // tr() key of its title
};

// Why the dialog cannot go on; the widget words it (files.problem.* in the strings) with `detail`.
enum class FileProblem {
    kNone,
    kUnreadableFolder,  // the folder cannot be listed (detail: the system's reason)
    kNoName,            // the purpose's button with an empty name field
    kBadName,           // a name no file can have (".", "..", a control character, ending in "/")
    kNoSuchFile,        // Open: nothing by that name
    kNoSuchFolder,      // Save: the name's folder does not exist
    kNotAFile,          // a device, a socket: nothing the app reads or writes
};

struct FileDialogModel {
    FileRequest request;                             //
    std::filesystem::path dir;                       // the folder shown (absolute, normal)
    std::vector<DirEntry> entries;                   // its folders, then its files the filter lets through
    size_t other_files = 0;                          // its files the filter hides
    bool filter = true;                              // list only request.extensions
    std::optional<size_t> selected;                  // the highlighted entry
    bool selection_leads = false;                    // Enter acts on the selection (not on the typed name)
    std::string name;                                // the name field
    bool name_replaced = false;                      // set here when a selection wrote `name`: the field,
                                                     // perhaps mid-edit, takes it (the widget clears it)
    bool name_fresh = false;                         // the suggested name is untouched: the field selects its
                                                     // stem, so typing replaces it (the widget clears it)
    FileProblem problem = FileProblem::kNone;        //
    std::string detail;                              // the problem's path or reason
    std::optional<std::filesystem::path> overwrite;  // a save waiting for "replace it?"
};

// What a gesture led to.
enum class FileStep { kNothing, kEnteredFolder, kChosen, kAskOverwrite, kProblem };
struct FileOutcome {
    FileStep step = FileStep::kNothing;
    std::filesystem::path path;  // kChosen: the file; kAskOverwrite: the file that exists
};

// Starts over for `request`: the folder listed, the name field filled, nothing selected.
void start_file_dialog(FileDialogModel& model, FileRequest request);
// Shows `dir` (false, and the problem, when it cannot be listed: the folder shown stays).
bool enter_folder(FileDialogModel& model, const std::filesystem::path& dir);
// The parent folder (false at the root).
bool go_up(FileDialogModel& model);
// Lists the folder again (after the filter changed).
void refresh(FileDialogModel& model);
// A single click: highlights the entry; a file's name goes into the name field.
void select_entry(FileDialogModel& model, size_t index);
// Up/Down arrows: the highlight moves (from the top when nothing is highlighted).
void move_selection(FileDialogModel& model, int delta);
// The name field was edited: Enter now means the typed name.
void name_typed(FileDialogModel& model);
// A double-click: a folder is entered, a file chosen (a save asks first when it exists).
FileOutcome activate_entry(FileDialogModel& model, size_t index);
// Enter: the highlighted entry when it leads, else the typed name.
FileOutcome press_enter(FileDialogModel& model);
// The purpose's button: the typed name, relative to the folder shown (or absolute, "~/" for home); a name
// that is a folder enters it.
FileOutcome confirm_name(FileDialogModel& model);
// The answer to "replace it?": yes chooses the file, no goes back to the listing.
FileOutcome answer_overwrite(FileDialogModel& model, bool replace);

// The first extension of a space-separated list (".png .gif" → ".png"; empty when there is none).
std::string first_extension(const std::string& extensions);

}  // namespace poolscope::app
