// The step's arithmetic tokens (see arithmetic_line.h); moved out of the step panel so exports share them.
#include "model/arithmetic_line.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>

#include "i18n/i18n.h"
#include "model/number_text.h"

namespace poolscope::app {
namespace {

// The taps a line writes (those `read` keeps): all of them, or the summary of a large window, where nullopt
// stands for a gap. `skipped` counts the values left out.
std::vector<std::optional<size_t>> shown_terms(const CellTrace& t, bool (*read)(const Tap&),
                                               size_t& skipped) {
    std::vector<size_t> terms;
    for (size_t i = 0; i < t.taps.size(); ++i)
        if (read(t.taps[i])) terms.push_back(i);
    skipped = 0;
    std::vector<std::optional<size_t>> shown;
    if (terms.size() <= kMaxArithmeticTerms) {
        shown.assign(terms.begin(), terms.end());
        return shown;
    }
    const auto middle = terms.begin() + static_cast<std::ptrdiff_t>(kLeadingTerms);
    const auto tail = terms.end() - static_cast<std::ptrdiff_t>(kTrailingTerms);
    shown.assign(terms.begin(), middle);
    shown.push_back(std::nullopt);
    skipped = static_cast<size_t>(tail - middle);
    const auto winner = t.argmax_tap < 0 ? tail : std::find(middle, tail, static_cast<size_t>(t.argmax_tap));
    if (winner != tail) {  // the max's winner, hidden in the middle: written between two gaps
        shown.push_back(*winner);
        shown.push_back(std::nullopt);
        --skipped;
    }
    shown.insert(shown.end(), tail, terms.end());
    return shown;
}

// The first gap says how many values it stands for; a second one (after the winner) is a bare ellipsis.
ArithmeticToken gap_token(size_t skipped, bool first) {
    if (!first) return {"…"};
    char text[96];
    std::snprintf(text, sizeof text, tr("step.more_terms_fmt"), static_cast<long long>(skipped));
    return {text};
}

bool is_input(const Tap& tap) {
    return tap.kind == TapKind::kInput;
}
bool is_read(const Tap& tap) {
    return tap.kind != TapKind::kOverhang;  // never read: the step panel's note lists it instead
}

// lp_pool2d: (x1^p + x2^p + ...)^(1/p), the sum of powers as PyTorch forms it (its average of x^p times
// kh·kw), then the root; ONNX's LpPool sums |x|^p.
void lp_tokens(const CellTrace& t, bool symbols, std::vector<ArithmeticToken>& out) {
    char p[32];
    std::snprintf(p, sizeof p, "%g", t.norm_type);
    out.push_back({"("});
    size_t skipped = 0;
    bool first_tap = true, first_gap = true;
    for (const std::optional<size_t>& i : shown_terms(t, is_input, skipped)) {  // an overhang is not read
        if (!first_tap) out.push_back({" + "});
        first_tap = false;
        if (!i) {
            out.push_back(gap_token(skipped, std::exchange(first_gap, false)));
            continue;
        }
        const std::string value = arithmetic_value_text(t.taps[*i].value, symbols);
        out.push_back({(t.lp_norm ? "|" + value + "|" : value) + "^" + p});  // ONNX's LpPool takes |x|
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
    size_t skipped = 0;
    bool first = true, first_gap = true;
    for (const std::optional<size_t>& i : shown_terms(t, is_read, skipped)) {
        if (!first) out.push_back({max ? ", " : " + "});
        first = false;
        if (!i) {
            out.push_back(gap_token(skipped, std::exchange(first_gap, false)));
            continue;
        }
        const Tap& tap = t.taps[*i];
        const bool winner = max && static_cast<int64_t>(*i) == t.argmax_tap;
        const std::string value = arithmetic_value_text(tap.value, symbols);
        out.push_back({winner ? "[" + value + "]" : value, winner ? TokenRole::kArgmax
                                                           : tap.kind == TapKind::kPadding
                                                               ? TokenRole::kPadding
                                                               : TokenRole::kText});
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
