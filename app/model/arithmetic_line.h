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

// Terms a line writes out in full; a larger window (a global pool over a picture) is summarised: its first
// kLeadingTerms and last kTrailingTerms values around "… N more …", the max's winner kept wherever it is, so
// the line stays readable and costs the same to draw whatever the window's size.
inline constexpr size_t kMaxArithmeticTerms = 64;
inline constexpr size_t kLeadingTerms = 32;
inline constexpr size_t kTrailingTerms = 16;

// The line for one channel's window; `show_channel` puts "c0:  " first. Overhang taps (never read) are left
// out; a max's winner is written in brackets.
std::vector<ArithmeticToken> arithmetic_tokens(const CellTrace& trace, PoolOp op, bool symbols,
                                               bool show_channel);
// The tokens joined (tests, SVG titles).
std::string arithmetic_line(const std::vector<ArithmeticToken>& tokens);

}  // namespace poolscope::app
