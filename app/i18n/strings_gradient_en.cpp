// English strings of the Backward and Unpool views (see string_sections.h); same "_fmt" rule as the main
// tables.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kGradientEnglish[] = {
    // Backward and Unpool views (model/gradient_view.h)
    {"pass.forward", "Forward"},
    {"pass.backward", "Backward (gradient)"},
    {"pass.unpool", "MaxUnpool"},
    {"grad.fill", "grad_output:"},
    {"grad.fill_ones", "All ones"},
    {"grad.fill_arange", "1, 2, 3, …"},
    {"grad.fill_random", "Random"},
    {"grad.input_fmt", "Input c%d"},
    {"grad.output_fmt", "grad_output c%d"},
    {"grad.output_tip_fmt",
     "grad_output c%d (%d, %d): the gradient arriving at this output cell. Click to change it."},
    {"grad.input_grad_fmt", "grad_input c%d (so far)"},
    {"grad.input_tip_fmt", "grad_input c%d (%d, %d) = %s, added up in this order:"},
    {"grad.no_contribution", "No window sends gradient here, so it stays 0."},
    {"grad.contribution_fmt", "from output (%d, %d): + %s → %s"},
    {"grad.passed_over_fmt",
     "%d more window(s) read this cell but sent their gradient to their own maximum."},
    {"grad.edit_fmt", "grad_output c%d (%d, %d) = (Enter to apply)"},
    {"grad.none",
     "No backward pass here: the layer has no output, or PoolScope has no gradient for this operation."},
    {"grad.step_header_fmt", "Output cell (%d, %d), window %d of %d: its gradient flows back."},
    {"grad.step_max_fmt",
     "The gradient %s goes whole to the window's maximum, input (%d, %d): grad_input += %s."},
    {"grad.step_avg_fmt",
     "The gradient %s / %d = %s is added to each of the %d input cell(s) of the window."},
    {"grad.step_padding_fmt", "%d share(s) fall on padding, which has no gradient: they are dropped."},
    {"grad.step_stray_fmt",
     "This window holds no input cell. PyTorch still adds the gradient %s at position %lld of grad_input "
     "(the index it saved; -1: past the end, dropped)."},
    {"grad.rule_max",
     "Max pooling: each output's gradient goes to its window's maximum only; windows that share a maximum "
     "add up."},
    {"grad.rule_avg",
     "Average pooling: each output's gradient is shared equally by the cells its divisor counts; overlapping "
     "windows add up."},
    {"unpool.needs_max",
     "MaxUnpool2d undoes max_pool2d: choose Max pooling, with the same padding on both sides, to see it."},
    {"unpool.refused", "PyTorch refuses to unpool this output:"},
    {"unpool.explain",
     "max_pool2d(return_indices=True) saves where each maximum came from (#index = row × W + column); "
     "MaxUnpool2d puts each maximum back there and fills every other cell with 0."},
    {"unpool.pooled_fmt", "Pooled, channel %d (#index)"},
    {"unpool.unpooled_fmt", "Unpooled, channel %d  (%d × %d)"},
};

}  // namespace

std::span<const TranslationEntry> gradient_english_entries() {
    return kGradientEnglish;
}

}  // namespace poolscope::app
