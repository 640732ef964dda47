// `poolscope check FILE...`: loads each lesson, verifies every step's expected results against the core, and
// reports problems as file:line:column (syntax) or file: /json/path (meaning). Warnings never fail a file.
#pragma once

#include <iosfwd>

namespace poolscope::cli {

// Exit 0 when every file passes, 1 when any fails, 2 on a usage error. Directories are read for *.json.
int run_check(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace poolscope::cli
