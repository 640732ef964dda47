// What the export tests share: `poolscope export` run in-process, a file read whole, and a fresh folder per
// test.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace poolscope::test {

struct CliRun {
    int code = 0;
    std::string out, err;
};

// run_export_command with argv "poolscope export <args>": its exit code and what it wrote to each stream.
CliRun export_cli(std::vector<std::string> args);

std::string read_text(const std::filesystem::path& path);

// An empty folder <temp>/poolscope-<prefix>-<the running test's name>, emptied first if it is left over.
std::filesystem::path temp_dir(const std::string& prefix);

}  // namespace poolscope::test
