// The three ways a value is written (see number_text.h); PyTorch's print comes from the core's formatter,
// the one the clipboard's PyTorch text uses.
#include "model/number_text.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "poolscope/matrix_text.h"

namespace poolscope::app {
namespace {

std::string with_symbols(std::string text, bool symbols) {
    if (text == "-0") text = "0";
    if (!symbols) return text;
    if (text == "inf") return "∞";
    if (text == "-inf") return "−∞";
    if (!text.empty() && text[0] == '-') text = "−" + text.substr(1);
    return text;
}

}  // namespace

std::string cell_value_text(float value, bool symbols) {
    if (std::isnan(value)) return "nan";
    char buf[32];
    if (std::isinf(value))
        std::snprintf(buf, sizeof buf, "%s", value > 0 ? "inf" : "-inf");
    else if (value == std::floor(value) && std::fabs(value) < 1e7f)
        // An integer, as "%.0f" writes it (-0 is 0 either way): a thousand cells a frame, so no printf.
        return with_symbols(std::to_string(static_cast<long>(value)), symbols);
    else
        std::snprintf(buf, sizeof buf, "%.3g", static_cast<double>(value));
    return with_symbols(buf, symbols);
}

std::string exact_value_text(float value, bool symbols) {
    return with_symbols(poolscope::exact_value_text(value), symbols);
}

std::string arithmetic_value_text(float value, bool symbols) {
    std::string text = torch_value_text(value);
    if (!text.empty() && text.back() == '.') text.pop_back();  // torch's integer mode: "4." is 4
    return with_symbols(text, symbols);
}

}  // namespace poolscope::app
