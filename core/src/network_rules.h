// Internal to network_shape.cpp and network_pool_shape.cpp: one layer's output size under PyTorch 1.13's
// checks, in the order PyTorch makes them, so the first problem reported is the one PyTorch raises.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "int_text.h"
#include "poolscope/network_shape.h"

namespace poolscope::network_rules {

struct LayerOutcome {
    std::vector<int64_t> output;  // when it runs
    std::optional<Error> error;   // PyTorch's message (network_error), field = the layer's path
    std::vector<Error> reasons;   // PoolScope's explanation, when it has one
};

using ::poolscope::detail::num;
// Sizes beyond int32 are refused before any arithmetic, so nothing here can overflow int64.
inline constexpr int64_t kMaxArgument = (int64_t{1} << 31) - 1;
std::optional<Error> check_argument(const std::string& path, const char* name, int64_t value);

// MaxPool2d, AvgPool2d, LPPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d; fills shape.h / w / plan.
LayerOutcome pool_layer_shape(const NetLayer& layer, const std::vector<int64_t>& input, LayerShape& shape);

}  // namespace poolscope::network_rules
