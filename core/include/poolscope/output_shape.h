// The output-size formula as a student reads it, one axis at a time, with every term kept:
//   out = floor_or_ceil((in + pad_begin + pad_end - dilation*(kernel-1) - 1) / stride) + 1
// minus one when ceil_mode would start the last window inside the end padding (PyTorch's rule).
#pragma once

#include <cstdint>
#include <vector>

#include "poolscope/pool_params.h"

namespace poolscope {

struct AxisShape {
    int64_t input = 0;       // H or W of the input
    int64_t kernel = 1;      //
    int64_t stride = 1;      //
    int64_t pad_begin = 0;   // top or left
    int64_t pad_end = 0;     // bottom or right
    int64_t dilation = 1;    //
    bool ceil_mode = false;  //

    int64_t effective_kernel = 1;        // dilation*(kernel-1) + 1: the span one window covers
    int64_t padded_input = 0;            // input + pad_begin + pad_end
    int64_t slide = 0;                   // padded_input - effective_kernel: how far the window can slide
    int64_t numerator = 0;               // padded_input - effective_kernel (+ stride-1 when ceil_mode)
    int64_t quotient = 0;                // numerator / stride rounded toward -infinity
    int64_t remainder = 0;               // numerator - quotient*stride (>= 0): what floor threw away
    int64_t raw_output = 0;              // quotient + 1, before the ceil_mode rule
    bool dropped_last_window = false;    // ceil_mode rule: last window would start in the end padding
    int64_t output = 0;                  // the output size (may be < 1: then the op is rejected)
    bool last_window_overhangs = false;  // the last window reads past the end padding (ceil_mode)
    // The cells after the last window's end that no window reaches (what floor throws away), split into
    // the input's own cells and the end padding's, so the text can say which kind is lost.
    int64_t unreached_input = 0;    //
    int64_t unreached_padding = 0;  //

    // How another framework got pad_begin/pad_end and the output (convention.h); PyTorch's values by default.
    PadMode pad_mode = PadMode::kExplicit;  //
    int64_t same_output = 0;                // SAME modes: ceil(input / stride), the size SAME aims for
    int64_t pad_needed = 0;                 // SAME modes: (same_output-1)*stride + effective_kernel - input;
                                            // the padding is max(pad_needed, 0), split begin/end
    bool end_padding_rule = true;           // ceil_mode drops a last window starting in the end padding
                                            // (PyTorch, ONNX); MXNet's "full" convention keeps it

    // Start of output position o's window in input coordinates (negative inside the begin padding).
    int64_t window_start(int64_t o) const { return o * stride - pad_begin; }
    // The first min(output, limit) window starts: callers show a few, and output may be in the billions.
    std::vector<int64_t> window_starts(int64_t limit) const;
    // The last input coordinate any window reaches (past input + pad_end when the last window overhangs).
    int64_t last_reached() const { return window_start(output > 1 ? output - 1 : 0) + effective_kernel - 1; }
};

// PyTorch's kernels advance a window start that lies in the begin padding by the dilation until it is inside
// the input (`while (start < 0) start += dilation`); this is the same position in O(1).
inline int64_t first_tap_inside(int64_t start, int64_t dilation) {
    return start >= 0 ? start : start + ((-start + dilation - 1) / dilation) * dilation;
}

// Computes the walkthrough for one axis. Requires stride >= 1 and dilation >= 1, kernel >= 1.
// `end_padding_rule` false skips PyTorch's "last window must start before the end padding" (MXNet "full").
AxisShape explain_axis(int64_t input, int64_t kernel, int64_t stride, int64_t pad_begin, int64_t pad_end,
                       int64_t dilation, bool ceil_mode, bool end_padding_rule = true);

// Adaptive pooling: window o covers [floor(o*in/out), ceil((o+1)*in/out)).
int64_t adaptive_start(int64_t o, int64_t input, int64_t output);
int64_t adaptive_end(int64_t o, int64_t input, int64_t output);

}  // namespace poolscope
