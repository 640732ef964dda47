// `poolscope compute`: one JSON case per input line, one JSON answer per output line, in order.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace poolscope::cli {

// Answers one line: {"id", "output"[, "indices"]} or {"id", "error"}. Sets `malformed` when the line is not
// a JSON object at all (as opposed to a case PyTorch rejects).
std::string answer_case(std::string_view line, bool& malformed);

int run_compute(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace poolscope::cli
