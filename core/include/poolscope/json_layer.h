// A LayerSpec from a JSON object: "convention" plus PyTorch's parameter keys (json_params.h) and each
// framework's own spellings. Shared by `poolscope compute` and anything else that reads layers as JSON.
//   tensorflow  padding "same" | "valid" (default "valid"), or numbers (tf.nn.max_pool2d): 1, 2 or 4 values
//               or TensorFlow's [[0, 0], [top, bottom], [left, right], [0, 0]]; pool_size, strides,
//               dilations / dilation_rate (tf.nn.pool) as aliases; include_batch_in_index (with
//               return_indices: tf.nn.max_pool_with_argmax)
//   onnx        padding / auto_pad "same_upper" | "same_lower" | "valid" | "notset" (any case), or numbers:
//               1, 2 or 4 values; pads [top, left, bottom, right] (ONNX's x1_begin, x2_begin, x1_end,
//               x2_end); kernel_shape, strides, dilations, p (LpPool) as aliases; ceil_mode and
//               count_include_pad also as 0/1; storage_order 0 | 1; global_pool true (GlobalMaxPool ...:
//               then none of the window's attributes)
//   mxnet       pooling_convention "valid" | "full" (= ceil_mode); pool_size, strides as aliases
#pragma once

#include <array>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "poolscope/pool_params.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

// The keys layer_from_json() reads besides kParamKeys.
inline constexpr std::array<std::string_view, 13> kLayerKeys = {"convention",
                                                                "pooling_convention",
                                                                "auto_pad",
                                                                "pads",
                                                                "strides",
                                                                "dilations",
                                                                "kernel_shape",
                                                                "pool_size",
                                                                "storage_order",
                                                                "dilation_rate",
                                                                "p",
                                                                "global_pool",
                                                                "include_batch_in_index"};

// Reads the layer in `object` (convention absent: `fallback`), with the framework's defaults for absent keys.
// Error fields are JSON pointers under `path`, naming the key as written.
Result<LayerSpec> layer_from_json(const nlohmann::json& object, PoolOp op, const Shape& input,
                                  std::string_view path, Convention fallback = Convention::kPyTorch);

// The same on top of `base` (a lesson step that changes some parameters of the previous layer): absent keys
// keep base's values. A convention other than base's (from "convention", else `fallback`) keeps the layer
// but moves count_include_pad and the padding mode to the new framework's defaults where base had the old
// framework's defaults. `require_sizes` as in params_from_json().
Result<LayerSpec> layer_from_json(const nlohmann::json& object, PoolOp op, const Shape& input,
                                  std::string_view path, const LayerSpec& base, Convention fallback,
                                  bool require_sizes);

// The inverse: "op", PyTorch's parameter keys (count_include_pad where it differs from the framework's
// default), the padding mode by the framework's name for it, storage_order when not 0, and "convention"
// unless the layer is PyTorch's. layer_from_json() reads it back to the same LayerSpec.
void layer_to_json(const LayerSpec& layer, nlohmann::json& object);

}  // namespace poolscope
