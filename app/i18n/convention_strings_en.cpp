// English strings of the framework chooser and the other frameworks' walkthroughs (see convention_strings.h).
#include "i18n/convention_strings.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kConventionEnglish[] = {
    // Parameter panel: the chooser and the labels, each framework's own argument name in %s
    {"conv.framework", "Framework"},
    {"conv.framework_help",
     "Whose pooling rules the window follows: PyTorch, TensorFlow (Keras), ONNX or MXNet (Gluon). The "
     "parameter names, the code line, the output size and the output all change to that framework's. "
     "Switching rewrites the same layer as that framework would write it, with its own defaults."},
    {"conv.kernel_fmt", "%s (h, w)"},
    {"conv.stride_fmt", "%s (h, w)"},
    {"conv.padding_fmt", "%s (h, w)"},
    {"conv.dilation_fmt", "%s (h, w)"},
    {"conv.pads_begin_fmt", "%s begin (top, left)"},
    {"conv.pads_end_fmt", "%s end (bottom, right)"},
    {"conv.ceil_mode_fmt", "%s"},
    {"conv.count_include_pad_fmt", "%s"},
    {"conv.stride_default_fmt", "%s = %s (default)"},
    {"conv.stride_one_fmt", "%s not given (= 1)"},
    {"conv.stride_default_help_fmt",
     "%s's default: when the stride is not given, the window jumps by its own size, so windows do not "
     "overlap."},
    {"conv.stride_one_help",
     "ONNX's default: when strides is not given, the window moves one cell at a time (not by its own size, "
     "as in PyTorch, Keras and MXNet)."},
    {"conv.tf_padding_help",
     "Keras takes padding as a word. \"valid\": no padding, only windows that fit inside the input. "
     "\"same\": the output gets ceil(input / strides) cells, and the padding that takes is split with the "
     "odd cell at the end (bottom, right)."},
    {"conv.auto_pad_help",
     "ONNX's auto_pad. NOTSET: the pads you type (top, left, bottom, right, any split). SAME_UPPER / "
     "SAME_LOWER: ceil(input / strides) outputs, the odd padding cell at the end / at the start. VALID: no "
     "padding."},
    {"conv.auto_pad_explicit", "NOTSET: the pads below"},
    {"conv.pads_help",
     "ONNX pads each side separately; ONNX Runtime needs every pad smaller than the kernel. Max pooling "
     "ignores padding; AveragePool counts it only with count_include_pad = 1."},
    {"conv.mxnet_padding_help",
     "The same padding on both sides. Unlike PyTorch, MXNet does not limit it to half the kernel: it only "
     "needs kernel <= input + 2 * padding."},
    {"conv.mxnet_ceil_help",
     "Gluon's ceil_mode=True is the Pooling operator's pooling_convention=\"full\": round the output size up "
     "and keep every window, even one that starts in the padding (PyTorch drops that one)."},
    {"conv.onnx_ceil_help",
     "Round the output size up with explicit pads; a last window that would start in the end padding is "
     "dropped, as in PyTorch. auto_pad modes ignore it."},
    {"conv.storage_order", "storage_order"},
    {"conv.storage_order_help",
     "Only for MaxPool's Indices output: 0 counts the argmax row by row (h * W + w), 1 column by column "
     "(w * H + h). Indices are flattened over the whole N x C x H x W tensor."},
    {"conv.storage_row", "0: row major"},
    {"conv.storage_column", "1: column major"},
    {"conv.lacks_fmt", "Not in %s: %s."},
    {"conv.tf_avg_excludes",
     "TensorFlow's average divides by the input cells in the window only: padding never counts."},
    {"conv.rejected_fmt", "%s rejects this configuration, so there is no output:"},
    {"conv.argmax_onnx_fmt",
     "The maximum is input cell (%d, %d); ONNX's Indices output gives %d (flattened over N x C x H x W%s)."},
    {"conv.argmax_cell_fmt", "The maximum is input cell (%d, %d)."},
    {"conv.tf_stride_one_help",
     "tf.nn.pool's default: with dilations above 1 the strides must be 1, and 1 is what it takes when none "
     "are "
     "given (not the pool size, as in Keras)."},
    {"conv.tf_explicit", "numbers: tf.nn.max_pool2d"},
    {"conv.tf_pads_help",
     "tf.nn.max_pool2d's explicit padding, written [[0, 0], [top, bottom], [left, right], [0, 0]]: each side "
     "its "
     "own number, each smaller than the window (TensorFlow refuses more). Max pooling only: tf.nn.avg_pool2d "
     "and "
     "tf.nn.pool take \"same\" or \"valid\"."},
    {"conv.tf_dilation_help",
     "tf.nn.pool's dilations: the window reads every d-th cell. With a dilation above 1 the strides must be "
     "1 "
     "(their default there), and \"same\" pads for the dilated window: (k - 1) * d cells in all, the odd one "
     "at "
     "the end. TensorFlow itself fills that padding with zeros that enter the result; its documentation (and "
     "PoolScope) leave the padding out."},
    {"conv.global_fmt", "%s"},
    {"conv.global_help",
     "ONNX's GlobalMaxPool / GlobalAveragePool / GlobalLpPool: one window over the whole input, so each "
     "channel "
     "becomes a single number. They take no kernel, strides or pads. PyTorch writes the same layer as "
     "nn.AdaptiveAvgPool2d(1)."},
    {"conv.onnx_p", "p"},
    {"conv.onnx_p_help",
     "LpPool's p, an integer: each output is (|x1|^p + |x2|^p + ...)^(1/p) over the window's input cells. p "
     "= 1 "
     "sums magnitudes, p = 2 is the Euclidean norm, large p approaches the maximum magnitude. Unlike "
     "PyTorch's "
     "lp_pool2d it takes the absolute value and has pads, auto_pad, ceil_mode and dilations."},
    {"conv.argmax_fmt", "%s (indices)"},
    {"conv.argmax_help",
     "tf.nn.max_pool_with_argmax: besides the maximum, the index of the cell it came from, flattened the way "
     "TensorFlow lays out tensors (N x H x W x C): (y * W + x) * C + c. Padding \"same\" or \"valid\" only."},
    {"conv.include_batch_help",
     "Count the batch too: ((b * H + y) * W + x) * C + c, an index into the whole input instead of one "
     "image."},
    {"conv.argmax_tf_fmt",
     "The maximum is input cell (%d, %d); tf.nn.max_pool_with_argmax gives %d (flattened over %s)."},
    {"conv.column_major", ", column major"},
    // View → Compare frameworks (panels/compare_view.cpp)
    {"menu.compare_frameworks", "Compare frameworks"},
    {"compare.title", "Compare frameworks"},
    {"compare.intro",
     "The window's input and window in PyTorch, TensorFlow (Keras), ONNX and MXNet, each with its own "
     "defaults. Values that differ from the window's framework are shaded; each difference says why."},
    {"compare.reference", "(in the window)"},
    {"compare.shape_fmt", "Output: %d × %d"},
    {"compare.padding_fmt", "Padding: H %d before, %d after; W %d before, %d after"},
    {"compare.same", "Same windows, divisors and output as the window's framework."},
    {"compare.channel_fmt", "Channel 0 of %d is shown."},
    // The output-size walkthrough of TensorFlow / ONNX SAME and VALID, and MXNet
    {"conv.walkthrough_fmt", "How %s works out the output size:"},
    {"conv.same_split_fmt", "split: %d before, %d after"},
    {"conv.same_odd_end_fmt", "split: %d before, %d after: %s puts the odd cell at the end"},
    {"conv.same_odd_start_fmt", "split: %d before, %d after: %s puts the odd cell at the start"},
    {"conv.valid_note", "\"valid\": no padding, only windows that fit inside the input."},
    {"conv.unread_fmt", "the last %d cell(s) at the end are in no window"},
    {"conv.mxnet_check_fmt",
     "MXNet only checks kernel <= %s + 2 * padding: %d <= %d; padding may be more than half the kernel "
     "(PyTorch's limit)."},
    {"conv.mxnet_kept_fmt",
     "\"full\" keeps the last window although it starts at %d, past the input (which ends at %d); "
     "PyTorch's ceil_mode would drop it."},
    {"conv.no_walkthrough_fmt", "%s rejects this layer: its reasons are under the parameters."},
};

}  // namespace

std::span<const TranslationEntry> convention_english_table() {
    return kConventionEnglish;
}

}  // namespace poolscope::app
