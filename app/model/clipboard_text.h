// Matrices as clipboard text, for paste/copy and --input. Uses the core's matrix_text parser (PyTorch
// tensor([[...]]), NumPy array([[...]]), JSON, whitespace/CSV rows) when the core has it; until then JSON
// nested lists only, with a message saying so.
#pragma once

#include <string>
#include <string_view>

#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope::app {

enum class ClipboardStyle { kPyTorch, kJson, kCsv };

Result<Tensor> parse_matrix_clipboard(std::string_view text);
std::string format_matrix_clipboard(const Tensor& tensor, ClipboardStyle style);

}  // namespace poolscope::app
