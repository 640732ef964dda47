// The backward pass of the four pooling ops: grad_input from (input, layer, grad_output), exactly as PyTorch
// 1.13's CPU autograd computes it (same routing, same float32 operations, same accumulation order).
// backward() is the fast path; backward_reference() assembles grad_input from the per-input-cell traces of
// backward_trace.h. Tests require the two to agree bit for bit.
#pragma once

#include <cstdint>
#include <vector>

#include "poolscope/pool_plan.h"
#include "poolscope/tensor.h"
#include "poolscope/trace.h"

namespace poolscope {

// A max window can hold no input cell (dilation steps over the whole input from inside the padding). PyTorch
// then saves the index of the first in-range tap position, h*W + w, which is not a cell of the window: it
// lies past the end of a row or of the plane. PyTorch 1.13's backward adds the gradient at that index of the
// channel's plane without a check, so it lands on another cell, in a later channel's plane, or past the end
// of grad_input (heap corruption). PoolScope does the same where the write lands inside grad_input, and drops
// (and reports) a write past its end.
struct StrayGradient {
    OutputCell from;    // the output cell whose window holds no input cell
    int64_t index = 0;  // its saved index h*W + w within the channel plane (>= W or >= H*W)
    int64_t flat = 0;  // where PyTorch adds the gradient: the plane's offset + index, in the whole grad_input
    bool inside = false;  // flat < grad_input.numel(): the write lands in grad_input (we do it too)
    float grad = 0.0f;    // the gradient PyTorch adds there
};

struct BackwardOutput {
    Tensor grad_input;                  // shaped plan.input, the input's rank
    std::vector<StrayGradient> strays;  // in PyTorch's order (max ops only; usually empty)
};

// The ops backward() computes: the four of issue 16. LP pooling's gradient (PyTorch differentiates its pow,
// avg_pool2d and sign steps) is not implemented: callers refuse it with unsupported_backward().
bool backward_supported(PoolOp op);
// The same for a plan: also refuses a dilated average (ONNX, TensorFlow), whose gradient is not modelled.
bool backward_supported(const PoolPlan& plan);
Error unsupported_backward(const PoolPlan& plan);
Error unsupported_backward(PoolOp op);

// Precondition: input.shape() == plan.input, grad_output.shape() == plan.output.
BackwardOutput backward(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output);
BackwardOutput backward_reference(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output);

// The strays of a max op (empty for avg ops and for every configuration whose windows all hold an input
// cell), in PyTorch's order. `grad_output` may be null: the grads are then 0.
std::vector<StrayGradient> stray_gradients(const PoolPlan& plan, const Tensor* grad_output);

// grad_output's shape must be the output's, at the input's rank (PyTorch's autograd: "Mismatch in shape").
// Returns the error to report, or nothing.
std::vector<Error> check_grad_output_shape(const PoolPlan& plan, const Shape& grad_shape, int grad_rank,
                                           int input_rank);

// "[1, 2, 3]": a shape as PyTorch prints torch.Size, at `rank` (the last `rank` extents).
std::string torch_size_text(const Shape& shape, int rank);

}  // namespace poolscope
