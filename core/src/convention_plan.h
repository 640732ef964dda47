// What the planners of the non-PyTorch conventions share (convention_plan.cpp), and the planners themselves:
// plan_tensorflow.cpp, plan_onnx.cpp and plan_mxnet (convention_plan.cpp). plan_layer() in convention.cpp
// picks one.
#pragma once

#include <string>
#include <vector>

#include "int_text.h"
#include "poolscope/convention.h"
#include "poolscope/error_text.h"

namespace poolscope::detail {

std::string pair_text(Pair p);

// A parameter the framework does not have, set to something other than PyTorch's neutral value.
void reject_param(std::vector<Error>& errors, const LayerSpec& layer, const char* name, std::string value);

// SAME padding for one axis: out = ceil(in / stride), the padding that reaches it from the dilated window
// (max(needed, 0), the odd cell at the end for SAME_UPPER / TensorFlow, at the start for SAME_LOWER).
AxisShape same_axis(int64_t in, int64_t k, int64_t s, int64_t d, PadMode mode);

// The checks every non-PyTorch convention makes alike (input, divisor_override, storage_order outside ONNX,
// the flags of other frameworks, size ranges and signs); returns the params to resolve, stride written out.
PoolParams common_checks(std::vector<Error>& errors, const Shape& input, const LayerSpec& layer);

// The plan from resolved params and axes, or output_too_small / the plan limits.
Result<PoolPlan> finish(const Shape& input, const LayerSpec& layer, PoolParams resolved, AxisShape h,
                        AxisShape w);

Result<PoolPlan> plan_tensorflow(const Shape& input, const LayerSpec& layer);
Result<PoolPlan> plan_onnx(const Shape& input, const LayerSpec& layer);
Result<PoolPlan> plan_mxnet(const Shape& input, const LayerSpec& layer);

}  // namespace poolscope::detail
