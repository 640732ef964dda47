// English text of the network quiz codes (the core's templates in quiz_text.cpp, word for word; see
// string_sections.h): the questions a lesson's network steps ask, their hints and walkthroughs.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kNetworkQuizEnglish[] = {
    {"quiz.prompt_layer_shape",
     "What size leaves {0} ({1})? Type it as PyTorch prints it, e.g. 1, 6, 28, 28."},
    {"quiz.prompt_receptive_field",
     "Output cell {0} of {1} ({2}): how many input rows and columns does it depend on, from the first to the "
     "last? Type rows x columns."},
    {"quiz.prompt_parameter_count", "How many parameters (weights and biases) does {0} ({1}) have?"},
    {"quiz.answer_layer_shape", "{0} ({1}) gives {2}."},
    {"quiz.answer_receptive_field", "It depends on input rows {0} and columns {1}: {2} x {3}."},
    {"quiz.answer_parameter_count", "{0} has {1} parameters."},
    {"quiz.sizes_unreadable", "\"{0}\" is not a size; type the numbers, e.g. 1, 6, 28, 28."},
    {"quiz.size_rank", "PyTorch's size here has {0} numbers; you gave {1}."},
    {"quiz.size_is_input", "That is the size arriving at {0}; what does the layer change?"},
    {"quiz.size_channels_conv", "A Conv2d makes out_channels = {0} channels."},
    {"quiz.size_channels_pool", "Pooling works on each channel on its own: the {0} channels stay."},
    {"quiz.size_batch", "The batch (the first number) passes through unchanged."},
    {"quiz.size_flatten", "Flatten keeps the batch and multiplies the rest together: {0}."},
    {"quiz.size_linear", "A Linear layer replaces the last number with out_features = {0}."},
    {"quiz.size_same", "{0} works on each value on its own: one value in, one value out."},
    {"quiz.size_block",
     "A Sequential block gives what its last layer gives: work through its layers in order."},
    {"quiz.size_recompute", "Start again from the size arriving, {0}."},
    {"quiz.field_unreadable", "\"{0}\" is not rows x columns; type e.g. 6x6, or 6 when both are the same."},
    {"quiz.field_textbook_clipped",
     "{0} x {1} is the textbook's size; this cell sits at the border, where its field runs into the padding: "
     "count only real input rows and columns."},
    {"quiz.field_counted_holes",
     "You counted the rows and columns that are read; the question asks for the span from the first to the "
     "last, gaps included."},
    {"quiz.field_jump",
     "Each window adds (kernel - 1) x the jump of the layers before it; here the jump is {0} x {1}, so a 3x3 "
     "window adds more than 2 rows."},
    {"quiz.field_recompute",
     "Walk back from the cell: each window covers kernel cells of the map before it (dilation spreads them), "
     "and padding adds no input cells."},
    {"quiz.params_unreadable", "\"{0}\" is not a whole number."},
    {"quiz.params_none", "{0} has no weights or biases to learn."},
    {"quiz.params_forgot_bias", "That is the weights alone; add the {0} biases, one per output."},
    {"quiz.params_forgot_kernel",
     "That counts one weight per pair of channels; each pair has a {0} x {1} kernel."},
    {"quiz.params_forgot_in", "Each output channel's kernel covers all {0} input channels."},
    {"quiz.params_recompute",
     "A Conv2d has out x in/groups x kh x kw weights and out biases; a Linear has out x in weights and out "
     "biases."},
    {"quiz.explain_layer_sizes", "{0} ({1}): {2} in, {3} out."},
    {"quiz.explain_flatten", "Flatten: {0} = {1} values per example."},
    {"quiz.explain_linear", "Linear: the last dimension {0} becomes out_features = {1}."},
    {"quiz.explain_parameters", "{0} = {1} weights, plus {2} biases: {3}."},
    {"quiz.explain_no_parameters", "{0} ({1}) has no weights or biases."},
    {"quiz.explain_field_axis", "{0}: {1} of the input ({2} read, span {3})."},
    {"quiz.explain_field_textbook", "{0}: the textbook says size {1}, jump {2}, start {3} ({4})."},
    {"quiz.explain_field_clipped",
     "{0}: the textbook's field runs into the padding or past the input; padding holds no input cell, so the "
     "exact field is shorter."},
    {"quiz.explain_field_holes",
     "{0}: dilation (or a stride wider than the window) leaves {1} of the {2} in the span unread."},
    {"quiz.explain_field_no_textbook",
     "Past an adaptive pool, a Flatten or a Linear the textbook formula has no constant jump; the exact "
     "field is worked out layer by layer."},
};

}  // namespace

std::span<const TranslationEntry> network_quiz_english_entries() {
    return kNetworkQuizEnglish;
}

}  // namespace poolscope::app
