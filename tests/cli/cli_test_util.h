// Helpers for the command-line tests: run poolscope::cli::run in-process with string streams, or the real
// executable with a file on stdin, split JSON Lines output, and answer one `poolscope compute` line.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// `poolscope compute`'s answer to one JSON line (cli::answer_case), parsed; a malformed line fails the test.
nlohmann::json answer(const std::string& line);
// Whether `part` occurs in `text`.
bool has(const std::string& text, const std::string& part);

}  // namespace poolscope::test
