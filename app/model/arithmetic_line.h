// The step's arithmetic as tokens, GUI-free: "max(0, 1, [3], 4) = 4" or "(0 + 1 + 3 + 4) / 4 = 2", written
// from the core's trace with number_text's rule. The step panel draws these tokens and the exports
// (app/export) print the same ones, so a picture says exactly what the window says.
#pragma once

#include <string>
#include <vector>

#include "poolscope/pool_params.h"
#include "poolscope/trace.h"

namespace poolscope::app {

enum class TokenRole { kText, kPadding, kArgmax, kResult, kChannel };

struct ArithmeticToken {
    std::string text;
    TokenRole role = TokenRole::kText;
};

// The line for one channel's window; `show_channel` puts "c0:  " first. Overhang taps (never read) are left
// out; a max's winner is written in brackets.
std::vector<ArithmeticToken> arithmetic_tokens(const CellTrace& trace, PoolOp op, bool symbols,
                                               bool show_channel);
// The tokens joined (tests, SVG titles).
std::string arithmetic_line(const std::vector<ArithmeticToken>& tokens);

}  // namespace poolscope::app
