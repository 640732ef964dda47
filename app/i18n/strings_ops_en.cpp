// English strings of the pooling operations the parameter panel offers beyond the main table (see
// string_sections.h): LP pooling and its p, and the layer's cost.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kOpsEnglish[] = {
    {"op.lp", "Power-average (LP) pooling"},
    {"params.norm_type", "norm_type (p)"},
    {"params.norm_type_help",
     "LPPool2d computes (sum of x^p over the window)^(1/p). p = 1 is the window's sum; as p grows the result "
     "moves toward the window's maximum. Ctrl+click to type a value."},
    {"cost.comparisons", "comparisons"},
    {"cost.additions", "additions"},
    {"cost.fixed_fmt", "Work: %lld outputs × %lld = %lld %s"},
    {"cost.varying_fmt", "Work: %lld outputs, %lld %s"},
    {"cost.help",
     "The work of the whole layer, as D2L's exercise counts it: c·h_out·w_out·kh·kw window reads — "
     "comparisons for max pooling, additions for average pooling (adaptive windows are counted one by one)."},
    {"matrices.focus_label_fmt", "c%d: %d × %d → %d × %d"},
};

}  // namespace

std::span<const TranslationEntry> ops_english_entries() {
    return kOpsEnglish;
}

}  // namespace poolscope::app
