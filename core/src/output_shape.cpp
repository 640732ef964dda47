#include "poolscope/output_shape.h"

#include <algorithm>

namespace poolscope {

// Integer division rounding toward -infinity, as PyTorch's div_rtn (C++ '/' truncates toward zero).
static int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

AxisShape explain_axis(int64_t input, int64_t kernel, int64_t stride, int64_t pad_begin, int64_t pad_end,
                       int64_t dilation, bool ceil_mode, bool end_padding_rule) {
    AxisShape a;
    a.input = input;
    a.kernel = kernel;
    a.stride = stride;
    a.pad_begin = pad_begin;
    a.pad_end = pad_end;
    a.dilation = dilation;
    a.ceil_mode = ceil_mode;
    a.end_padding_rule = end_padding_rule;
    a.effective_kernel = dilation * (kernel - 1) + 1;
    a.padded_input = input + pad_begin + pad_end;
    a.slide = a.padded_input - a.effective_kernel;
    a.numerator = a.slide + (ceil_mode ? stride - 1 : 0);
    a.quotient = floor_div(a.numerator, stride);
    a.remainder = a.numerator - a.quotient * stride;
    a.raw_output = a.quotient + 1;
    a.output = a.raw_output;
    // PyTorch: "ensure that the last pooling starts inside the image" (or the begin padding).
    if (ceil_mode && end_padding_rule && (a.output - 1) * stride >= input + pad_begin) {
        a.dropped_last_window = true;
        --a.output;
    }
    if (a.output >= 1) {
        const int64_t last_end = a.window_start(a.output - 1) + a.effective_kernel;  // one past its last cell
        a.last_window_overhangs = last_end > input + pad_end;
        // Padding is the last pad_end cells of the padded axis: count from the end of the axis backwards.
        const int64_t unreached = std::max<int64_t>(input + pad_end - last_end, 0);
        a.unreached_padding = std::min(unreached, pad_end);
        a.unreached_input = unreached - a.unreached_padding;
    }
    return a;
}

std::vector<int64_t> AxisShape::window_starts(int64_t limit) const {
    std::vector<int64_t> starts;
    for (int64_t o = 0; o < output && o < limit; ++o)
        starts.push_back(window_start(o));
    return starts;
}

int64_t adaptive_start(int64_t o, int64_t input, int64_t output) {
    return (o * input) / output;
}

int64_t adaptive_end(int64_t o, int64_t input, int64_t output) {
    return ((o + 1) * input + output - 1) / output;
}

}  // namespace poolscope
