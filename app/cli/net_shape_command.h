// `poolscope shape --net FILE`: each layer's output shape as D2L prints it, with the walkthrough and
// parameter counts on request, where the network breaks in PyTorch's words, and the receptive field of any
// output cell.
#pragma once

#include <iosfwd>

namespace poolscope::cli {

// argv[1] is "shape" and one of the arguments is --net.
int run_net_shape(int argc, char** argv, std::ostream& out, std::ostream& err);

// The --net paragraph of `poolscope shape --help`.
extern const char* const kNetUsage;

}  // namespace poolscope::cli
