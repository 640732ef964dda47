// A PoolPlan is a validated (input shape, params) pair with its output shape worked out.
// make_plan() applies PyTorch 1.13's rules in the order a student would meet them and returns every
// problem as an Error quoting the values; trace and forward take a plan, so they never fail.
#pragma once

#include "poolscope/output_shape.h"
#include "poolscope/pool_params.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

// Sizes past int32 are refused, as PyTorch 1.13 refuses them ("integer out of range"); it also keeps all
// shape arithmetic far from int64 overflow (dilation*(kernel-1) < 2^62).
inline constexpr int64_t kMaxSize = (int64_t{1} << 31) - 1;
// Our own guard: total window reads of one forward pass (keeps a typo from hanging the app).
inline constexpr int64_t kMaxWork = int64_t{1} << 32;

struct PoolPlan {
    PoolParams params;  // what the kernels run: PyTorch's vocabulary, padding per side, stride resolved
                        // for other conventions (for PyTorch exactly what was asked)
    LayerSpec layer;    // the layer as its framework wrote it (convention, padding mode, its defaults)
    Shape input;
    Shape output;
    AxisShape h;  // for adaptive ops: input/output only; kernel etc. unused
    AxisShape w;

    PoolOp op() const { return params.op; }
    Convention convention() const { return layer.convention; }
};

// PyTorch's rules. plan_layer() (convention.h) plans a layer under any framework's rules.
Result<PoolPlan> make_plan(const Shape& input, const PoolParams& params);

}  // namespace poolscope
