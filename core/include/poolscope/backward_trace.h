// Where the gradient goes, cell by cell, as PyTorch 1.13's CPU autograd routes it: from one output cell to
// the cells of its window (trace_output_grad), and into one input cell from every output cell that feeds it,
// in the order PyTorch adds them, with the running float32 sum (trace_input_grad). backward_reference()
// builds grad_input from the latter, so the trace is literally how the numbers were made.
#pragma once

#include <cstdint>
#include <vector>

#include "poolscope/pool_backward.h"
#include "poolscope/trace.h"

namespace poolscope {

enum class GradTargetKind : uint8_t {
    kInput,    // an input cell of the window: it receives `delta`
    kPadding,  // avg with the padding counted in the divisor: that share is dropped (padding has no gradient)
    kStray,    // max, a window with no input cell: PyTorch adds grad at its saved index (see StrayGradient)
};

struct GradTarget {
    int64_t ih = 0;  // input row (padding: may be < 0 or >= H; stray: the saved index's row, may be >= H)
    int64_t iw = 0;  // input column
    GradTargetKind kind = GradTargetKind::kInput;
    int64_t flat = -1;  // stray: where in the whole grad_input PyTorch writes (-1: past its end, dropped)
};

// One output cell's gradient on its way back.
struct OutputGradTrace {
    CellTrace window;    // the forward computation of the cell: taps, argmax, divisor
    float grad = 0.0f;   // grad_output at the cell
    float delta = 0.0f;  // what each input target receives: max: grad; avg: grad / divisor;
                         // adaptive avg: grad / rows / cols (grad / (H*W) for a 1x1 output: PyTorch's mean)
    std::vector<GradTarget> targets;  // in the order PyTorch adds them; max: the argmax (or the stray)
};

void trace_output_grad(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output, OutputCell cell,
                       OutputGradTrace& out);
OutputGradTrace trace_output_grad(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output,
                                  OutputCell cell);

// One addition into an input cell.
struct GradContribution {
    OutputCell from;       // the output cell whose gradient this is
    float grad = 0.0f;     // grad_output at `from`
    int64_t divisor = 0;   // avg ops: what grad was divided by (adaptive: rows * cols); 0 for max ops
    float delta = 0.0f;    // what was added
    float running = 0.0f;  // the cell's grad_input after this addition (float32, in order)
    bool stray = false;    // a max window with no input cell whose saved index points here
};

struct InputGradTrace {
    int64_t n = 0, c = 0, ih = 0, iw = 0;
    std::vector<GradContribution>
        contributions;                    // PyTorch's order: output cells channel by channel, row-major
    std::vector<OutputCell> passed_over;  // max ops: windows that read this cell but routed elsewhere
    float value = 0.0f;                   // grad_input at the cell: the last running sum, or +0.0
};

// Precondition: (n, c, ih, iw) inside plan.input; grad_output shaped plan.output.
InputGradTrace trace_input_grad(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output,
                                int64_t n, int64_t c, int64_t ih, int64_t iw);

}  // namespace poolscope
