// Where the app's data lives: the source tree when run from a build (POOLSCOPE_SOURCE_DIR), else
// <exe dir>/../share/poolscope (POOLSCOPE_INSTALL_DATADIR) for an installed app. GUI-free. (The GPU shaders
// keep their own lookup in gpu/gpu_pooler.h, which follows the same order plus POOLSCOPE_SHADER_DIR.)
#pragma once

#include <filesystem>
#include <vector>

namespace poolscope::app {

// Candidate folders for `subdir` (e.g. "lessons"), most specific first: $POOLSCOPE_DATA_DIR/<subdir>, the
// build's source tree, the install prefix next to `exe_dir`.
std::vector<std::filesystem::path> data_dirs(const std::filesystem::path& exe_dir, const char* subdir);
// The first candidate that exists, or empty.
std::filesystem::path find_data_dir(const std::filesystem::path& exe_dir, const char* subdir);
std::filesystem::path lessons_dir(const std::filesystem::path& exe_dir);
std::filesystem::path assets_dir(const std::filesystem::path& exe_dir);
// The folder of the running executable (/proc/self/exe), or empty.
std::filesystem::path executable_dir();

}  // namespace poolscope::app
