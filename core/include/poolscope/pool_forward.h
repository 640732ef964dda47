// The whole-tensor forward pass. forward() is the fast path; forward_reference() builds the output
// from trace_cell() one cell at a time. Tests require the two to agree bit for bit.
#pragma once

#include <cstdint>
#include <vector>

#include "poolscope/pool_plan.h"
#include "poolscope/tensor.h"

namespace poolscope {

struct PoolOutput {
    Tensor values;                 // shaped plan.output, same rank as the input
    std::vector<int64_t> indices;  // max ops: flat h*W + w per output cell (empty for avg ops)
};

// Precondition: input.shape() == plan.input.
PoolOutput forward(const PoolPlan& plan, const Tensor& input);
PoolOutput forward_reference(const PoolPlan& plan, const Tensor& input);

// forward() into caller-owned storage: reuses `out`'s buffers when their shapes already match (nothing is
// allocated when called again with the same plan), and with `with_indices` false skips the indices of max
// ops (out.indices is left empty). The values are the same bits either way.
void forward_into(const PoolPlan& plan, const Tensor& input, PoolOutput& out, bool with_indices = true);

// The instruction sets forward() picks from at run time (the build itself stays portable x86-64). Every
// level gives the same bits; the limit exists so tests can check each path and benchmarks can compare them.
enum class ForwardIsa { kPortable, kAvx2 };
// Caps what forward() may use from now on (process-wide; default: the best the CPU has).
void set_forward_isa_limit(ForwardIsa limit);
// What forward() uses now: the best of the CPU's sets within the limit.
ForwardIsa forward_isa();

// Convenience for callers holding untrusted params: plan, then forward.
Result<PoolOutput> pool(const Tensor& input, const PoolParams& params);

}  // namespace poolscope
