// English text of every quiz code (prompts, hints, answers, explanations), with {0}, {1}... for the values
// the code carries, as error_text.cpp does for errors. The app words the same codes from its en/zh tables
// ("quiz.<code>"); tests check both tables cover this list with the same placeholders.
#include "poolscope/error_text.h"
#include "poolscope/quiz.h"

namespace poolscope {

std::vector<QuizTemplate> quiz_templates() {
    return {
        {"prompt_value", "{0}: what is the value of output cell {1}?"},
        {"prompt_argmax", "{0}: which input cell wins the window of output cell {1}? Click it."},
        {"prompt_divisor", "{0}: what is the window sum of output cell {1} divided by?"},
        {"prompt_window_cells",
         "{0}: which input cells does the window of output cell {1} read? Click them all."},
        {"prompt_output_shape", "{0} on a {1} input: what are H_out and W_out?"},
        {"prompt_choice", "Pick one of the {0} answers."},
        {"answer_value", "The answer is {0}."},
        {"answer_cell", "The answer is input cell {0}."},
        {"answer_divisor", "The sum is divided by {0}."},
        {"answer_shape", "The output is {0} x {1}."},
        {"answer_cells", "The window reads {0} input cells (highlighted)."},
        {"answer_choice", "The right answer is option {0}."},
        {"answer_choice_text", "The right answer is “{0}”."},
        {"rounded_ok", "Right (rounded; the exact float32 value is {0})."},
        {"unreadable_number", "\"{0}\" is not a number; type e.g. 4.5, 13/3 or nan."},
        {"more_decimals", "Close, but give at least {0} decimals."},
        {"nan_wins", "The window holds a NaN: max pooling lets NaN win over every number."},
        {"padding_is_neg_inf", "Max pooling pads with -inf, not 0: a padding cell can never be the maximum."},
        {"not_largest",
         "{0} at {1} is not the largest value in this window: compare every input cell it covers."},
        {"took_average", "That is the average of the window; max pooling keeps the largest value."},
        {"other_window", "That is another window's result: check which rows and columns this window covers."},
        {"outside_window",
         "{0} at {1} is outside this window: it starts at o*stride - padding and spans the kernel."},
        {"max_compare",
         "Compare the input cells of the window (padding never wins): the largest one is the output."},
        {"counted_padding",
         "You divided by {0}, counting padding; with count_include_pad=False only the window's real input "
         "cells "
         "count."},
        {"counted_only_real",
         "You divided by {0}, the real cells only; count_include_pad=True counts the window's padding cells "
         "too."},
        {"counted_overhang",
         "You divided by {0}, but the window hangs past the padded input (ceil_mode): positions past it do "
         "not "
         "count."},
        {"ignored_override",
         "You divided by {0}, but divisor_override replaces the count: read the layer's parameters."},
        {"nan_spreads", "A NaN in the window makes the sum, and so the average, NaN."},
        {"forgot_divide",
         "{0} is the sum of the window; average pooling then divides it by the cells it counts."},
        {"took_max", "That is the largest value of the window; average pooling averages."},
        {"avg_recount",
         "Add the input cells of the window, then divide by the cells the layer counts (see "
         "count_include_pad)."},
        {"lp_forgot_root", "{1} is the sum of x^p; take its 1/{0} power (the p-th root)."},
        {"lp_forgot_scale",
         "PyTorch averages x^p and multiplies back by kh*kw = {0} before the root; you took the root of the "
         "average."},
        {"lp_not_max",
         "That is the window's maximum; with p = {0} LP pooling is only close to max, not equal."},
        {"lp_clipped_scale",
         "This window is clipped by ceil_mode: PyTorch divides by the {0} real cells but multiplies by kh*kw "
         "= {1}."},
        {"lp_recompute", "Raise each input to the power {0}, add them, and take the 1/{0} power."},
        {"pick_a_cell", "Click an input cell."},
        {"padding_never_wins", "{0} is padding, outside the input; padding is -inf and never wins."},
        {"cell_outside_window",
         "{0} is outside this window: it starts at o*stride - padding and spans the kernel."},
        {"nan_last_wins", "{0} is a NaN, but PyTorch keeps the last NaN of the window in row-major order."},
        {"tie_first",
         "{0} ties for the largest value, but PyTorch keeps the first maximum in row-major order (top row "
         "first, "
         "left to right)."},
        {"divisor_integer", "The divisor is a whole number; \"{0}\" is not."},
        {"divisor_rule_window",
         "count_include_pad=True: count the window's cells inside the padded input (padding included)."},
        {"divisor_rule_real", "count_include_pad=False: count only the window's real input cells."},
        {"divisor_rule_override", "divisor_override replaces the count: look at the layer's parameters."},
        {"divisor_rule_adaptive", "Adaptive average pooling divides by its window's height times width."},
        {"used_floor", "{0}: you used floor, but ceil_mode=True rounds up."},
        {"used_ceil", "{0}: you rounded up, but ceil_mode=False uses floor."},
        {"last_window_dropped",
         "{0}: with ceil_mode the last window would start in the padding, so PyTorch drops it."},
        {"forgot_padding", "{0}: add the padding ({1} cells in total) to the input size first."},
        {"padding_both_sides", "{0}: padding {1} goes on both sides, so add 2 x {1}."},
        {"forgot_dilation", "{0}: with dilation {1} the window spans {2} cells, not the kernel size."},
        {"forgot_stride", "{0}: divide by the stride {1}."},
        {"stride_defaults_to_kernel", "{0}: no stride given, so the stride is the kernel size, {1}."},
        {"forgot_plus_one", "{0}: the formula ends with + 1 (the first window)."},
        {"shape_recompute", "{0}: work through (in + 2p - d(k-1) - 1) / s + 1 again."},
        {"swapped_axes", "H_out (the height) comes first, then W_out (the width)."},
        {"adaptive_shape", "Adaptive pooling's output size is the output_size you ask for."},
        {"padding_not_cells", "Right; the padding cells you also clicked hold no input."},
        {"dilation_gaps",
         "The window skips cells: dilation {0} x {1} leaves gaps between the cells it reads."},
        {"window_forgot_stride", "The windows move by the stride ({0}, {1}), not by 1."},
        {"window_forgot_padding",
         "Shift the window by the padding ({0}, {1}): it starts at o*stride - padding."},
        {"cells_missing", "{0} cells of the window are missing."},
        {"cells_extra", "{0} of your cells are not in the window."},
        {"cells_missing_extra", "{0} cells of the window are missing and {1} of yours are not in it."},
        {"choice_wrong", "Option {0} is not right."},
        {"choice_wrong_why", "“{0}” is not right: {1}"},
        {"choice_wrong_text",
         "“{0}” is not right: read the question again and compare it with what this step shows."},
        {"pick_an_option", "Pick one of the options."},
        {"explain_max", "The largest of the {0} input cells is {1}, at {2}."},
        {"explain_max_nan", "Of the {0} input cells, a NaN wins ({2}): the output is {1}."},
        {"explain_avg", "({0}) = {1}, divided by {2} = {3}."},
        {"explain_lp",
         "p = {0}: x^p terms ({1}) sum to {2}; / {3} = {4} (avg_pool2d), x {5} = {6}; to the power 1/p: "
         "{7}."},
        {"explain_divisor_window",
         "count_include_pad=True: the window covers {0} x {1} cells of the padded input, so divide by {2}."},
        {"explain_divisor_real", "count_include_pad=False: {0} x {1} real input cells, so divide by {2}."},
        {"explain_divisor_override", "divisor_override: always divide by {0}."},
        {"explain_divisor_adaptive", "The adaptive window is {0} x {1} cells, so divide by {2}."},
        {"explain_shape_axis",
         "{0}: ({1} + {2} + {3} - {4} x ({5} - 1) - 1) = {7}, {6} cells per window; {9}({7} / {8}) = {10}; + "
         "1 = {11}."},
        {"explain_shape_dropped",
         "{0}: the last window would start in the padding, so PyTorch drops it: {1}."},
        {"explain_shape_adaptive", "Adaptive pooling makes exactly the output_size asked for: {0} x {1}."},
        {"explain_window", "The window reads rows {0} and columns {1}: {2} input cells."},
        // Network questions (network_quiz.cpp).
        {"prompt_layer_shape",
         "What size leaves {0} ({1})? Type it as PyTorch prints it, e.g. 1, 6, 28, 28."},
        {"prompt_receptive_field",
         "Output cell {0} of {1} ({2}): how many input rows and columns does it depend on, from the first to "
         "the last? Type rows x columns."},
        {"prompt_parameter_count", "How many parameters (weights and biases) does {0} ({1}) have?"},
        {"answer_layer_shape", "{0} ({1}) gives {2}."},
        {"answer_receptive_field", "It depends on input rows {0} and columns {1}: {2} x {3}."},
        {"answer_parameter_count", "{0} has {1} parameters."},
        {"sizes_unreadable", "\"{0}\" is not a size; type the numbers, e.g. 1, 6, 28, 28."},
        {"size_rank", "PyTorch's size here has {0} numbers; you gave {1}."},
        {"size_is_input", "That is the size arriving at {0}; what does the layer change?"},
        {"size_channels_conv", "A Conv2d makes out_channels = {0} channels."},
        {"size_channels_pool", "Pooling works on each channel on its own: the {0} channels stay."},
        {"size_batch", "The batch (the first number) passes through unchanged."},
        {"size_flatten", "Flatten keeps the batch and multiplies the rest together: {0}."},
        {"size_linear", "A Linear layer replaces the last number with out_features = {0}."},
        {"size_same", "{0} works on each value on its own: one value in, one value out."},
        {"size_block",
         "A Sequential block gives what its last layer gives: work through its layers in order."},
        {"size_recompute", "Start again from the size arriving, {0}."},
        {"field_unreadable", "\"{0}\" is not rows x columns; type e.g. 6x6, or 6 when both are the same."},
        {"field_textbook_clipped",
         "{0} x {1} is the textbook's size; this cell sits at the border, where its field runs into the "
         "padding: count only real input rows and columns."},
        {"field_counted_holes",
         "You counted the rows and columns that are read; the question asks for the span from the first to "
         "the "
         "last, gaps included."},
        {"field_jump",
         "Each window adds (kernel - 1) x the jump of the layers before it; here the jump is {0} x {1}, so a "
         "3x3 window adds more than 2 rows."},
        {"field_recompute",
         "Walk back from the cell: each window covers kernel cells of the map before it (dilation spreads "
         "them), and padding adds no input cells."},
        {"params_unreadable", "\"{0}\" is not a whole number."},
        {"params_none", "{0} has no weights or biases to learn."},
        {"params_forgot_bias", "That is the weights alone; add the {0} biases, one per output."},
        {"params_forgot_kernel",
         "That counts one weight per pair of channels; each pair has a {0} x {1} kernel."},
        {"params_forgot_in", "Each output channel's kernel covers all {0} input channels."},
        {"params_recompute",
         "A Conv2d has out x in/groups x kh x kw weights and out biases; a Linear has out x in weights and "
         "out "
         "biases."},
        {"explain_layer_sizes", "{0} ({1}): {2} in, {3} out."},
        {"explain_flatten", "Flatten: {0} = {1} values per example."},
        {"explain_linear", "Linear: the last dimension {0} becomes out_features = {1}."},
        {"explain_parameters", "{0} = {1} weights, plus {2} biases: {3}."},
        {"explain_no_parameters", "{0} ({1}) has no weights or biases."},
        {"explain_field_axis", "{0}: {1} of the input ({2} read, span {3})."},
        {"explain_field_textbook", "{0}: the textbook says size {1}, jump {2}, start {3} ({4})."},
        {"explain_field_clipped",
         "{0}: the textbook's field runs into the padding or past the input; padding holds no input cell, so "
         "the exact field is shorter."},
        {"explain_field_holes",
         "{0}: dilation (or a stride wider than the window) leaves {1} of the {2} in the span unread."},
        {"explain_field_no_textbook",
         "Past an adaptive pool, a Flatten or a Linear the textbook formula has no constant jump; the exact "
         "field is worked out layer by layer."},
    };
}

std::string quiz_english(const QuizText& text) {
    for (const QuizTemplate& t : quiz_templates())
        if (t.code == text.code) return fill_template(t.english, text.args);
    return text.code;
}

}  // namespace poolscope
