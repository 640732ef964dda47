// `poolscope fmt [--check] FILE_OR_DIR...`: rewrites lessons in the canonical style the app also saves in
// (format_lesson_text in the core's lesson_text.h); --check only lists the files that would change.
#pragma once

#include <iosfwd>

namespace poolscope::cli {

// Exit 0 when every file is (now) formatted; 1 when a file does not load or cannot be written, and with
// --check when any file would change; 2 on a usage error. Directories are read for *.json (not schema.json).
int run_fmt(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace poolscope::cli
