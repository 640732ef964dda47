// The step's arithmetic tokens (see arithmetic_line.h); moved out of the step panel so exports share them.
#include "model/arithmetic_line.h"

#include <cstdio>

#include "model/number_text.h"

namespace poolscope::app {
namespace {

// lp_pool2d: (x1^p + x2^p + ...)^(1/p), the sum of powers as PyTorch forms it (its average of x^p times
// kh·kw), then the root; ONNX's LpPool sums |x|^p.
void lp_tokens(const CellTrace& t, bool symbols, std::vector<ArithmeticToken>& out) {
    char p[32];
    std::snprintf(p, sizeof p, "%g", t.norm_type);
    out.push_back({"("});
    bool first_tap = true;
    for (const Tap& tap : t.taps) {
        if (tap.kind != TapKind::kInput) continue;  // an overhang cell is not read
        if (!first_tap) out.push_back({" + "});
        const std::string value = arithmetic_value_text(tap.value, symbols);
        out.push_back({(t.lp_norm ? "|" + value + "|" : value) + "^" + p});  // ONNX's LpPool takes |x|
        first_tap = false;
    }
    out.push_back({std::string(")^(1/") + p + ")"});  // short tokens, so a narrow panel wraps them
    out.push_back({" = "});
    out.push_back({arithmetic_value_text(t.lp_scaled, symbols) + "^(1/" + p + ")"});
    out.push_back({" = "});
    out.push_back({arithmetic_value_text(t.result, symbols), TokenRole::kResult});
}

}  // namespace

std::vector<ArithmeticToken> arithmetic_tokens(const CellTrace& t, PoolOp op, bool symbols,
                                               bool show_channel) {
    std::vector<ArithmeticToken> out;
    if (show_channel) out.push_back({"c" + std::to_string(t.cell.c) + ":  ", TokenRole::kChannel});
    if (op == PoolOp::kLp) {
        lp_tokens(t, symbols, out);
        return out;
    }
    const bool max = is_max(op);
    out.push_back({max ? "max(" : "("});
    bool first = true;
    for (size_t i = 0; i < t.taps.size(); ++i) {
        const Tap& tap = t.taps[i];
        if (tap.kind == TapKind::kOverhang) continue;  // never read: the step panel's note lists it instead
        if (!first) out.push_back({max ? ", " : " + "});
        const bool winner = max && static_cast<int64_t>(i) == t.argmax_tap;
        const std::string value = arithmetic_value_text(tap.value, symbols);
        out.push_back({winner ? "[" + value + "]" : value, winner ? TokenRole::kArgmax
                                                           : tap.kind == TapKind::kPadding
                                                               ? TokenRole::kPadding
                                                               : TokenRole::kText});
        first = false;
    }
    out.push_back({max ? ") = " : ") / " + std::to_string(t.divisor) + " = "});
    out.push_back({arithmetic_value_text(t.result, symbols), TokenRole::kResult});
    return out;
}

std::string arithmetic_line(const std::vector<ArithmeticToken>& tokens) {
    std::string line;
    for (const ArithmeticToken& token : tokens)
        line += token.text;
    return line;
}

}  // namespace poolscope::app
