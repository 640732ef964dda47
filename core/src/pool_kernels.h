// Internal to core/src: the vectorised max/avg pooling kernels behind poolscope::forward().
// Each returns false when it does not handle a plan (no AVX2 on this CPU or below the ISA limit set by
// set_forward_isa_limit(), or sizes past its buffers); forward() then runs its portable scalar loops,
// which give the same bits.
#pragma once

#include <cstdint>

#include "poolscope/pool_forward.h"
#include "poolscope/pool_plan.h"

namespace poolscope::kernels {

// All n*c planes of max_pool2d (AVX2, checked at run time, so the build stays portable x86-64): `in` holds
// plan.input.numel() floats, `out` plan.output.numel(); `indices` (may be null) receives PyTorch's flat h*W +
// w per output cell.
bool max_pool_x86(const PoolPlan& plan, const float* in, float* out, int64_t* indices);

// All n*c planes of avg_pool2d (AVX2).
bool avg_pool_x86(const PoolPlan& plan, const float* in, float* out);

}  // namespace poolscope::kernels
