// English strings of File → Export and "Copy as code" (see string_sections.h; panels/export_dialog.cpp).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kExportEnglish[] = {
    {"menu.export", "Export…"},
    {"menu.copy_code", "Copy as code"},
    {"export.title", "Export pictures"},
    {"export.format", "Format"},
    {"export.range", "Frames"},
    {"export.range_current", "Current window"},
    {"export.range_step", "The whole step (every window)"},
    {"export.smooth", "Smooth (in-between frames)"},
    {"export.theme", "Theme"},
    {"export.theme_light", "Light"},
    {"export.theme_dark", "Dark"},
    {"export.cell", "Cell size (px)"},
    {"export.path", "File"},
    {"export.choose", "Choose…"},
    {"export.choose_title", "Export to"},
    {"export.go", "Export"},
    {"export.cancel", "Cancel"},
    {"export.close", "Close"},
    {"export.progress_fmt", "Frame %d of %d"},
    {"export.nothing", "The layer has no output: nothing to draw."},
    {"export.done_fmt", "Exported %s (%d frames)"},
    {"export.cancelled", "Export cancelled"},
    {"export.failed_fmt", "Export failed: %s"},
    {"export.show", "Picture"},
    {"export.show_forward", "The matrices, window by window"},
    {"export.show_backward", "The Backward view (grad_output, grad_input)"},
    {"export.show_walkthrough", "The output-size walkthrough"},
    {"export.legend", "Legend (explains the marks the picture uses)"},
    {"legend.share", "this window's share of its gradient, added to the cell"},
    {"status.copied_code_fmt", "Copied: %s"},
    // What a framework cannot express of the window's layer (core/src/layer_translate.cpp holds the English,
    // which these must match): the compare view's notes and the code lines' comments.
    {"compare.no_op", "{0} has no {1}"},
    {"compare.no_dilation", "{0} has no dilation: dilation {1} is left out"},
    {"compare.dilation_needs_stride_1", "{0} dilates only with stride 1, not {1}: dilation {2} is left out"},
    {"compare.no_ceil_mode", "{0} has no ceil_mode: the line rounds the output size down"},
    {"compare.no_padding_numbers", "{0} pads only \"valid\" or \"same\", not {1}"},
    {"compare.no_unequal_padding", "{0} pads both sides of an axis equally, not {1}"},
    {"compare.no_same_padding", "{0} has no \"same\" padding: give the input's size to get the numbers"},
    {"compare.no_count_include_pad", "{0}'s average never counts the padding cells (count_include_pad=True)"},
    {"compare.no_divisor_override", "{0} has no divisor_override: its windows are not all divided by {1}"},
    {"compare.no_return_indices", "{0}'s layer gives no argmax indices (return_indices=True)"},
    {"compare.rejected", "{0} rejects this layer: {1}"},
    {"compare.cannot_heading", "What this framework cannot express of the layer:"},
};

}  // namespace

std::span<const TranslationEntry> export_english_entries() {
    return kExportEnglish;
}

}  // namespace poolscope::app
