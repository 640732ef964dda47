// What the file dialog (model/file_dialog_model.h) lists and how it reads a typed path, GUI-free so it is
// tested on its own and the lesson browser can use it too.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "poolscope/result.h"

namespace poolscope::app {

struct DirEntry {
    std::string name;
    bool is_dir = false;
};

// Folders first, then files ending in `extension` (all files when empty; several suffixes separated by
// spaces, e.g. ".png .jpg", match any of them, ignoring case), each sorted by name; hidden
// entries (".name") are left out. At most `limit` entries, so a huge folder cannot stall a frame. The files
// the filter left out are counted in `*filtered_out` when given (a folder is never "empty" when it has some).
Result<std::vector<DirEntry>> list_directory(const std::filesystem::path& dir, const std::string& extension,
                                             size_t* filtered_out = nullptr, size_t limit = 2000);

// What a typed path means: relative to `dir` unless absolute, "~/" is the home folder; for saving, a name
// without an extension gets `extension`.
std::filesystem::path resolve_typed_path(const std::filesystem::path& dir, const std::string& typed,
                                         bool saving, const std::string& extension);

}  // namespace poolscope::app
