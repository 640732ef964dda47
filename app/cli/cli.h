// The `poolscope` command line: compute (JSON Lines in, JSON Lines out), shape (the output-size walkthrough),
// plus the commands other parts register (check). Links the core only: no window is ever opened here.
#pragma once

#include <iosfwd>
#include <string_view>

namespace poolscope::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;
inline constexpr int kExitUsage = 2;

// True when argv[1] names a command-line command (compute, shape, check, export) or --version.
bool is_cli_command(std::string_view first_arg);

// A command that lives outside this library: `export` links the model and the export code
// (app/export/export_command.h), which the CLI may not, so main.cpp hands it in.
using Command = int (*)(int argc, char** argv, std::ostream& out, std::ostream& err);

// Runs the command named by argv[1]. Streams are parameters so tests can drive it in-process.
// `export_command` runs `poolscope export` (none: the command says this build has no exports).
int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err,
        Command export_command = nullptr);

// The top-level usage text, shared with the app's --help.
void print_usage(std::ostream& out);

}  // namespace poolscope::cli
