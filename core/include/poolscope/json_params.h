// PoolParams from a JSON object with PyTorch's argument names and defaults: kernel_size, stride, padding,
// dilation, ceil_mode, count_include_pad, divisor_override, return_indices, output_size, norm_type. Shared by
// the command line and the lesson loader so both accept exactly the same spellings.
#pragma once

#include <array>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "poolscope/pool_params.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

inline constexpr std::array<std::string_view, 10> kParamKeys = {
    "kernel_size",       "stride",           "padding",        "dilation",    "ceil_mode",
    "count_include_pad", "divisor_override", "return_indices", "output_size", "norm_type"};

// Reads the parameter keys of `object` on top of `base` (absent keys keep base's values); `op` decides which
// keys apply and which are required, by PyTorch's signatures unless `convention` says otherwise (ONNX and
// TensorFlow dilate every windowed op; ONNX's LpPool takes pads and defaults p to 2). `input` resolves
// output_size entries given as null ("keep the input size", as in PyTorch). Error fields are JSON pointers
// under `path`.
Result<PoolParams> params_from_json(const nlohmann::json& object, PoolOp op, const Shape& input,
                                    std::string_view path, PoolParams base = {}, bool require_sizes = true,
                                    Convention convention = Convention::kPyTorch);

// The inverse, writing only what differs from PyTorch's defaults (plus kernel_size / output_size).
void params_to_json(const PoolParams& params, nlohmann::json& object);

}  // namespace poolscope
