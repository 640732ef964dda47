// A/B settings (issue 29): one input under two settings of one layer (floor vs ceil_mode, count_include_pad
// on and off, padding 0 vs 1, any two), both outputs, the cells whose values differ or that only one side
// has, and for each difference a reason built from the two traces (trace.h), as codes with the values they
// quote, like plan_differences() (compare.h) does for frameworks. ab_templates() holds the English.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "poolscope/compare.h"
#include "poolscope/pool_forward.h"
#include "poolscope/quiz_hidden.h"
#include "poolscope/result.h"
#include "poolscope/trace.h"

namespace poolscope {

// One side: its layer, planned and run on the shared input (plan nullopt: the framework rejects it).
struct AbSide {
    LayerSpec layer;
    std::optional<PoolPlan> plan;
    std::vector<Error> errors;  // why it was rejected
    PoolOutput output;          // valid with a plan
};

// Where a reason's cells are: in both outputs (their values differ), or in one output only.
enum class AbPlace : uint8_t { kBoth, kOnlyA, kOnlyB };

// What a reason's sentence gives away, for predict-then-reveal (ab_reason_hidden).
struct AbTells {
    bool shape = false;    // an output size, or a count of windows
    bool divisor = false;  // what a window's sum is divided by
    bool window = false;   // where a window lies or how large it is
};

// One reason, with every cell it explains (grouped: cells whose sentence is the same share one reason).
struct AbReason {
    Difference text;                 // code, args ("A"/"B", words to translate, numbers), English
    AbPlace place = AbPlace::kBoth;  //
    std::vector<OutputCell> cells;   // empty for a note: a setting that differs but changes nothing here
    AbTells tells;                   //
};

// Whether two layers are one (a stride left to its default and the same stride written out are one).
bool same_layer(const LayerSpec& a, const LayerSpec& b);

struct AbComparison {
    AbSide a, b;
    std::vector<OutputCell> differing;  // in both outputs, values differ (NaN equals NaN), row-major
    std::vector<OutputCell> only_a;     // cells A's output has and B's has not
    std::vector<OutputCell> only_b;     //
    std::vector<AbReason> reasons;      // every cell above is in at least one, in reading order
    std::vector<AbReason> notes;        // settings that differ without a visible difference on this input
    bool same_layer() const { return poolscope::same_layer(a.layer, b.layer); }
    bool any_difference() const { return !differing.empty() || !only_a.empty() || !only_b.empty(); }
};

// Window reads compare_ab() may spend (both forward passes and the traces of the differing cells).
inline constexpr int64_t kMaxAbWork = int64_t{1} << 26;

// Compares `a` and `b` on `input`. Each side is planned under its own layer's rules; a rejected side has
// errors and no cells. An error only when the comparison would exceed kMaxAbWork.
//
// Reason codes (args), English in ab_templates():
//   ab_op               {A op, B op}                                   another pooling rule
//   ab_window_size      {A rows, A cols, B rows, B cols}               kernel (or adaptive window) size
//   ab_window_dilation  {A step h, A step w, B step h, B step w}       dilation
//   ab_window_shift     {side, its top, its left, other, top, left, rows, columns}  begin padding moves
//   windows ab_window_stride    {oh, ow, A row, A col, B row, B col, A stride, B stride}    stride moves
//   windows ab_divisor_padding  {side, its divisor, other divisor, padding cells}  count_include_pad=False
//   ab_divisor_override {side, override, other divisor}
//   ab_divisor          {A divisor, B divisor}
//   ab_norm_type        {A p, B p}
//   ab_result           {}                                             the same window, another result
//   ab_ceil_extra       {side, axis, index, start, last padded, other}  ceil_mode keeps a window floor drops
//   ab_padding_extra    {side, axis, before, after, padded, other padded, other, count, other count}
//   ab_count            {side, axis, count, padded, span, stride, rounding, other, count, padded, span,
//                        stride, rounding}                             any other change of the count
//   ab_output_size      {side, axis, count, other, other count}        adaptive output_size
//   ab_overhang_divisor {side, divisor, window cells}                  a ceil_mode window past the padding
// Notes: ab_ceil_exact {axis, slide, stride}, ab_ceil_dropped {side, axis, start},
//   ab_no_padding_read {} (count_include_pad changes nothing: no window reads padding).
// Axis words ("row", "column", "height", "width") and roundings ("down", "up", "up_dropped") are words
// the frontend translates.
Result<AbComparison> compare_ab(const Tensor& input, const LayerSpec& a, const LayerSpec& b);

// Whether an open question (quiz_hidden.h) keeps the reason off screen: it tells the output size while the
// shape is asked, or it is about a cell whose window has anything hidden (one of a group tells the others),
// or it tells a divisor while a divisor is hidden.
bool ab_reason_hidden(const AbReason& reason, const QuizHidden& hidden);

std::span<const CompareTemplate> ab_templates();
// The word tokens the reasons quote (axis names, roundings) with their English.
std::span<const CompareTemplate> ab_words();

}  // namespace poolscope
