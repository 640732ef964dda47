// The English of the A/B reasons (ab_compare.h): one sentence per code, {0}, {1}... the values it quotes.
// The app's English table reads them from here (app/i18n/core_sentences.cpp, key "ab.<code>"); its Chinese
// table adds the translations. "A" and "B" are the sides' names in every language.
#include <array>

#include "ab_text.h"
#include "poolscope/ab_compare.h"

namespace poolscope {
namespace {

constexpr std::array<CompareTemplate, 19> kAbTemplates = {{
    {"ab_op", "A is {0} and B is {1}: the same cells, combined by another rule"},
    {"ab_window_size", "A's window is {0} × {1} cells, B's is {2} × {3}: they read different cells"},
    {"ab_window_dilation",
     "A's window reads cells {0} row(s) and {1} column(s) apart, B's {2} and {3} (dilation): they read "
     "different cells"},
    {"ab_window_shift",
     "{0} pads {1} on top and {2} on the left, {3} pads {4} and {5}: each of {0}'s windows starts {6} row(s) "
     "higher and {7} column(s) further left, so the same output cell reads other input cells"},
    {"ab_window_stride",
     "Output ({0}, {1}) reads from ({2}, {3}) in A and from ({4}, {5}) in B: A's windows step {6} apart, "
     "B's {7}"},
    {"ab_divisor_padding",
     "{0}'s count_include_pad=False divides by {1}, not {2}: {3} of the window's cells are padding"},
    {"ab_divisor_override",
     "{0}'s divisor_override divides every window by {1}; the other side divides this one by {2}"},
    {"ab_divisor", "A divides this window's sum by {0}, B by {1}"},
    {"ab_norm_type", "A raises each cell to the power {0}, B to {1} (norm_type)"},
    {"ab_result", "The same window gives another result in A and in B"},
    {"ab_ceil_extra",
     "{0}'s ceil_mode=True adds output {1} {2}: its window starts at {1} {3}, inside the input, and runs "
     "past the padded input's last {1} {4}, so {5}'s floor leaves it out"},
    {"ab_ceil_extra_in_padding",
     "{0}'s ceil_mode keeps output {1} {2}: its window starts at {1} {3}, in the end padding (the padded "
     "input's last {1} is {4}); {5} leaves it out"},
    {"ab_padding_extra",
     "{0} pads {2} before and {3} after along the {1}: its padded {1} is {4} cells, against {5} in {6}, room "
     "for {7} windows instead of {8}"},
    {"ab_count",
     "{0} fits {2} windows along the {1}: ({3} − {4}) / {5} rounded {6}, + 1; {7} fits {8}: ({9} − {10}) / "
     "{11} rounded {12}, + 1"},
    {"ab_output_size", "{0}'s output_size asks for {2} along the {1}, {3}'s for {4}"},
    {"ab_overhang_divisor",
     "{0}'s window here hangs past the padded input: its average divides by the {1} cells inside, not {2}"},
    {"ab_ceil_exact",
     "Along the {0} the window slides {1} cells, a multiple of the stride {2}: floor and ceil_mode give the "
     "same count"},
    {"ab_ceil_dropped",
     "{0}'s ceil_mode would add a {1} whose window starts at {2}, in the end padding: PyTorch drops such a "
     "window, so nothing changes"},
    {"ab_no_padding_read", "No window reads a padding cell here, so count_include_pad changes nothing"},
}};

// The words the sentences quote as tokens (a frontend translates the token; English fills them in here).
constexpr std::array<CompareTemplate, 7> kWords = {{
    {"row", "row"},
    {"column", "column"},
    {"height", "height"},
    {"width", "width"},
    {"down", "down"},
    {"up", "up"},
    {"up_dropped", "up, less the last window (it would start in the padding)"},
}};

}  // namespace

Difference ab_difference(std::string_view code, std::vector<std::string> args) {
    std::vector<std::string> words = args;
    for (std::string& w : words)
        for (const CompareTemplate& t : kWords)
            if (t.code == w) w = std::string(t.english);
    Difference d = make_difference(kAbTemplates, code, std::move(words));
    d.args = std::move(args);
    return d;
}

std::span<const CompareTemplate> ab_words() {
    return kWords;
}

std::span<const CompareTemplate> ab_templates() {
    return kAbTemplates;
}

}  // namespace poolscope
