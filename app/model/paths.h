// Where the app's files live. Data (lessons, shaders, assets): the install prefix next to the executable
// (POOLSCOPE_INSTALL_DATADIR) for an installed app, else the source tree when run from a build
// (POOLSCOPE_SOURCE_DIR). The user's files (settings, recent lessons, ImGui's layout): the config dir.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace poolscope::app {

// Candidate folders for `subdir` (e.g. "lessons"), most specific first: $POOLSCOPE_DATA_DIR/<subdir>, the
// build's source tree, the install prefix next to `exe_dir`.
std::vector<std::filesystem::path> data_dirs(const std::filesystem::path& exe_dir, const char* subdir);
// The first candidate that exists, or empty.
std::filesystem::path find_data_dir(const std::filesystem::path& exe_dir, const char* subdir);
std::filesystem::path lessons_dir(const std::filesystem::path& exe_dir);
std::filesystem::path assets_dir(const std::filesystem::path& exe_dir);
// $XDG_CONFIG_HOME/poolscope, else $HOME/.config/poolscope; empty when neither is set (then nothing is
// read or written). Not created here.
std::filesystem::path config_dir();
// config_dir() / name as a string, creating the folder; empty when there is no config dir or it cannot be
// made.
std::string config_file(const char* name);
// Writes `text` to `file` inside `dir` (created if missing) atomically: a per-process temporary file in the
// same folder, then a rename, so a reader never sees half a file and two instances never share the temp
// file. False with `error` (what failed, with the path) otherwise; the old file is then left as it was.
bool write_config_file(const std::filesystem::path& dir, const std::filesystem::path& file,
                       const std::string& text, std::string& error);

// The folder of the running executable (/proc/self/exe), or empty.
std::filesystem::path executable_dir();

}  // namespace poolscope::app
