// One rule for how a value is written on screen (issue 11 item 5): a matrix cell rounds to fit (1.11),
// hovering it shows the exact float32 (1.1111112), and the step's arithmetic shows what PyTorch prints
// (1.1111). Minus and infinity use the typographic signs when the font has them (`symbols`).
#pragma once

#include <string>

namespace poolscope::app {

// A cell: 3 significant digits, integers in full (below 10^7): "1.11", "12", "1e+07".
std::string cell_value_text(float value, bool symbols);
// Hover: the shortest text that reads back as exactly this float32.
std::string exact_value_text(float value, bool symbols);
// The arithmetic line: PyTorch's print with its 4 decimals ("1.1111", "1.0000e-05"); an integer without the
// dot torch adds ("4", not "4.").
std::string arithmetic_value_text(float value, bool symbols);

}  // namespace poolscope::app
