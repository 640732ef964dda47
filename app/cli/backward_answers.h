// `poolscope compute` answers for the backward and unpooling cases: a pooling case with "grad_output"
// (answers output and grad_input, as PyTorch 1.13's autograd) and "op": "max_unpool2d" (answers output).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "poolscope/pool_plan.h"
#include "poolscope/tensor.h"

namespace poolscope::cli {

// The answer's fields after "id" (",\"output\":...,\"grad_input\":...[,\"warning\":...]"), or the error
// message. `return_indices` adds the forward's indices as a plain case would.
struct Fields {
    std::string text;   // set on success, starting with ','
    std::string error;  // set on failure
};

Fields grad_answer(const PoolPlan& plan, const Tensor& input, const nlohmann::json& grad_output,
                   bool return_indices);

// Keys a max_unpool2d case may carry.
bool is_unpool_case_key(const std::string& key);
Fields unpool_answer(const nlohmann::json& doc);

}  // namespace poolscope::cli
