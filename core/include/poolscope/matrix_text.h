// Matrix text as students copy it: PyTorch and NumPy printouts, JSON nested lists, CSV/TSV/whitespace rows.
// parse_matrix_text() turns any of them into a Tensor; format_matrix_text() writes one back (clipboard copy).
// GUI-free: the app's clipboard code calls these and never parses text itself.
#pragma once

#include <string>
#include <string_view>

#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

enum class MatrixTextStyle {
    kPyTorch,  // exactly what print(torch.tensor(...)) shows for float32 (4 decimals, like torch)
    kJson,     // nested arrays, shortest float32 text, "nan"/"inf"/"-inf" strings: exact round trip
    kCsv,      // one row per line, comma-separated, exact; planes of a 3-D/4-D tensor split by a blank line
};

// Accepts, with surrounding whitespace:
//   tensor([[ 0.,  1.], [ 2.,  3.]]) with optional `, dtype=...`, `, grad_fn=<...>`, `requires_grad=True`;
//   array([[0, 1], [2, 3]], dtype=float32) and NumPy's bare print [[0 1]\n [2 3]];
//   JSON [[0, 1], [2, 3]] (also "nan", "inf", "-inf" strings, NaN, Infinity);
//   rows of numbers split by commas, tabs, semicolons or spaces (CSV/TSV); blank lines between blocks of
//   rows make a C×H×W tensor.
// Nesting gives the rank: 2 (H×W), 3 (C×H×W), 4 (N×C×H×W); a flat list is one row and a lone number is
// 1×1. Numbers: integers, decimals, exponents, nan, inf, -inf (any case), True/False as 1/0. Errors say
// "line:column" in Error::field. Never recurses; stops at kMaxElements values.
Result<Tensor> parse_matrix_text(std::string_view text);

// Text for the clipboard in `style`; the parser reads every style back (kPyTorch to its 4 printed decimals,
// kJson and kCsv exactly; kCsv returns a 4-D tensor as (N·C)×H×W).
std::string format_matrix_text(const Tensor& tensor, MatrixTextStyle style);

// One value as print(torch.tensor(value)) writes it inside "tensor(...)": "1.1111", "4.", "1.0000e-05".
std::string torch_value_text(float value);
// The shortest decimal that reads back as exactly this float32 ("1.1111112"): the value itself.
std::string exact_value_text(float value);

}  // namespace poolscope
