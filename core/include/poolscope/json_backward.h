// The JSON side of backward and unpooling, shared by `poolscope compute` and the lesson loader: grad_output
// checked against the output's shape, unpooling's indices checked against the input's shape, and
// MaxUnpool2d's parameters with PyTorch's names (kernel_size, stride, padding, output_size).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "poolscope/max_unpool.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

inline constexpr std::array<std::string_view, 4> kUnpoolParamKeys = {"kernel_size", "stride", "padding",
                                                                     "output_size"};

// A nested array (values as in tensor_from_json) that must be shaped exactly `output` at `rank`; empty
// extents are allowed when the output has them. A different shape is the "grad_output_shape" error.
Result<Tensor> grad_output_from_json(const nlohmann::json& value, std::string_view path, const Shape& output,
                                     int rank);

// Integers shaped exactly like the input (`input` at `rank`), flattened in row-major order.
Result<std::vector<int64_t>> unpool_indices_from_json(const nlohmann::json& value, std::string_view path,
                                                      const Shape& input, int rank);

// kernel_size (required; an int or 2 ints), stride (absent or null: kernel_size; an int or a list whose first
// 2 entries are used, as PyTorch indexes it), padding (likewise, default 0), output_size (absent or null: the
// default size; 2 ints, or 4 whose last 2 are used). Other keys of `object` are not looked at.
Result<UnpoolParams> unpool_params_from_json(const nlohmann::json& object, std::string_view path);

}  // namespace poolscope
