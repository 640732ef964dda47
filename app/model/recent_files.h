// Recently opened lessons, newest first, kept in <config dir>/poolscope/recent.json ($XDG_CONFIG_HOME or
// ~/.config). A missing file is an empty list; a corrupted one is ignored with a message, never fatal.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace poolscope::app {

inline constexpr size_t kMaxRecentFiles = 10;
inline constexpr size_t kMaxRecentPathBytes = 4096;

struct RecentFiles {
    std::vector<std::string> paths;  // absolute, newest first, no duplicates, at most kMaxRecentFiles
    std::string message;             // why the stored list was ignored or could not be written
};

// <config dir>/poolscope/recent.json, or empty when neither XDG_CONFIG_HOME nor HOME is set.
std::filesystem::path recent_files_path();
// Reads `file`; entries that are not short strings are dropped, the list is cut to kMaxRecentFiles.
RecentFiles load_recent_files(const std::filesystem::path& file);
// Moves `path` to the front (made absolute).
void note_recent_file(RecentFiles& recent, const std::filesystem::path& path);
// Writes atomically (temporary file + rename); false (and `message`) on failure.
bool save_recent_files(RecentFiles& recent, const std::filesystem::path& file);

}  // namespace poolscope::app
