// `poolscope shape`: the output-size walkthrough printed as a student reads it.
#pragma once

#include <iosfwd>
#include <string>

#include "poolscope/output_shape.h"

namespace poolscope::cli {

// The walkthrough for one axis, several lines, each ending in '\n'.
std::string describe_axis(const AxisShape& axis, const char* name);

int run_shape(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace poolscope::cli
