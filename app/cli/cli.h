// The `poolscope` command line: compute (JSON Lines in, JSON Lines out), shape (the output-size walkthrough),
// plus the commands other parts register (check). Links the core only: no window is ever opened here.
#pragma once

#include <iosfwd>
#include <string_view>

namespace poolscope::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;
inline constexpr int kExitUsage = 2;

// True when argv[1] names a command-line command (compute, shape, check) or --version.
bool is_cli_command(std::string_view first_arg);

// Runs the command named by argv[1]. Streams are parameters so tests can drive it in-process.
int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

// The top-level usage text, shared with the app's --help.
void print_usage(std::ostream& out);

}  // namespace poolscope::cli
