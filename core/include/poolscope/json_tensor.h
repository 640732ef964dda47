// Tensors in JSON: nested arrays of rank 2 (H×W), 3 (C×H×W) or 4 (N×C×H×W); non-finite values as the
// strings "nan", "inf", "-inf". Output text round-trips float32 exactly with the fewest digits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

// JSON scalars as PyTorch's Python side takes them: an integer (no floats, strings or bools; unsigned values
// past int64 refused), and a float (a number, or "nan", "inf", "+inf", "-inf", "NaN", "Infinity",
// "-Infinity"). False when `value` is not one.
bool json_int64(const nlohmann::json& value, int64_t& out);
bool json_float(const nlohmann::json& value, float& out);

// `path` prefixes error fields (a JSON pointer such as "/steps/2/input"). Never recurses deeper than rank 4.
Result<Tensor> tensor_from_json(const nlohmann::json& value, std::string_view path);

// One JSON value for a float: 4.0, -0.5, 1e+20, "nan", "inf", "-inf".
std::string float_to_json(float value);
// Nested array text shaped like the tensor's rank.
std::string tensor_to_json(const Tensor& tensor);
// Indices laid out like `shape` at `rank`.
std::string indices_to_json(const std::vector<int64_t>& indices, const Shape& shape, int rank);

}  // namespace poolscope
