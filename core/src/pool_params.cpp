#include "poolscope/pool_params.h"

namespace poolscope {

std::string_view op_name(PoolOp op) {
    switch (op) {
        case PoolOp::kMax:
            return "max_pool2d";
        case PoolOp::kAvg:
            return "avg_pool2d";
        case PoolOp::kAdaptiveMax:
            return "adaptive_max_pool2d";
        case PoolOp::kAdaptiveAvg:
            return "adaptive_avg_pool2d";
        case PoolOp::kLp:
            return "lp_pool2d";
    }
    return "?";
}

std::optional<PoolOp> parse_op(std::string_view name) {
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg, PoolOp::kAdaptiveMax, PoolOp::kAdaptiveAvg, PoolOp::kLp})
        if (op_name(op) == name) return op;
    return std::nullopt;
}

}  // namespace poolscope
