// `poolscope shape --convention tensorflow|onnx|mxnet`: each framework's output-size rule walked through with
// the terms the core worked out (AxisShape's pad_mode, same_output, pad_needed, end_padding_rule).
#pragma once

#include <iosfwd>
#include <string>

#include "poolscope/convention.h"

namespace poolscope::cli {

// The walkthrough for one axis under `convention`, several lines, each ending in '\n'.
std::string describe_axis_as(const AxisShape& axis, Convention convention, const char* name);

// Plans `layer` on an input of `in` and prints both axes (exit 0), or the framework's reasons (exit 1).
int print_layer_shape(const LayerSpec& layer, Pair in, std::ostream& out, std::ostream& err);

}  // namespace poolscope::cli
