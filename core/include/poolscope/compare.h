// The compare view's data: one layer written in every framework, and why a framework's plan differs from
// another's on the same input, as codes with the values they quote (a frontend words them from its own
// tables; compare_templates() holds the English sentences, like error_text.h does for errors).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "poolscope/convention.h"
#include "poolscope/tensor.h"

namespace poolscope {

// `base` as each framework in kConventions order would write it: the same op, kernel, stride (written out,
// since ONNX's default differs), dilation and ceil_mode where the framework has them; padding as numbers
// where it takes numbers (MXNet: top/left on both sides), TensorFlow "same" when base pads at all, else
// "valid"; count_include_pad at each framework's own default (the point of comparing). base's own convention
// keeps base unchanged.
// A global pool (ONNX Global*Pool, or adaptive pooling to 1 x 1) stays one: Global*Pool in ONNX, adaptive
// pooling to 1 x 1 in PyTorch and MXNet, TensorFlow's window over the whole `input` (its kernel when no input
// is given). Dilation goes where the framework dilates that op (ONNX, tf.nn.pool: every windowed op).
std::vector<LayerSpec> layers_across(const LayerSpec& base, const Shape* input = nullptr);

struct Difference {
    std::string code;  // a key of compare_templates()
    std::vector<std::string>
        args;             // the values the sentence quotes ("height"/"width" are words to translate)
    std::string english;  // the English template filled with args
};

// Why `plan` differs from `reference` (both planned on the same input), one line per reason, in the order
// a student should read them; empty when both give the same windows and divisors. Codes:
//   cannot_dilate     {framework, layer class}                          the reference dilates, this cannot
//   padding_same      {framework, axis, before, after, "end"|"start"}  SAME's split, odd cell at end/start
//   padding_valid     {framework, axis}                                 "valid" adds no padding
//   padding_numbers   {framework, axis, before, after}                  explicit padding that differs
//   window_kept       {framework, axis, start}                          MXNet "full" keeps a window PyTorch
//   drops output_size       {framework, axis, theirs, ours}                   any other change of the output
//   size divisor           {framework, "included"|"excluded"}                average: padding counted or not
std::vector<Difference> plan_differences(const PoolPlan& reference, const PoolPlan& plan);

struct CompareTemplate {
    std::string_view code;
    std::string_view english;
};
std::span<const CompareTemplate> compare_templates();
// The Difference for `code` of `table`, its English filled with `args` (compare.cpp and layer_translate.cpp
// keep their own tables; this is the one way they turn a code into a sentence).
Difference make_difference(std::span<const CompareTemplate> table, std::string_view code,
                           std::vector<std::string> args);

}  // namespace poolscope
