// Helpers for the command-line tests: run poolscope::cli::run in-process with string streams, or the real
// executable with a file on stdin, and split JSON Lines output.
#pragma once

#include <string>
#include <vector>

namespace poolscope::test {

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

// `args` exclude the program name.
CliRun run_in_process(std::vector<std::string> args, const std::string& input = "");
// Runs POOLSCOPE_EXE with `args` (each single-quoted for the shell) and `input` on stdin.
CliRun run_process(const std::vector<std::string>& args, const std::string& input = "");

std::vector<std::string> lines_of(const std::string& text);

}  // namespace poolscope::test
