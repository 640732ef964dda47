// Checks every convention's planner shares with PyTorch's (defined in pool_plan.cpp): a usable input, and
// PoolScope's own limits on the output and on the work of one forward pass.
#pragma once

#include <optional>
#include <vector>

#include "poolscope/pool_plan.h"

namespace poolscope {

// input_empty / input_limit.
void check_plan_input(std::vector<Error>& errors, const Shape& input);
// output_limit / work_limit for a plan whose output and params are filled in.
std::optional<Error> check_plan_limits(const PoolPlan& plan);

}  // namespace poolscope
