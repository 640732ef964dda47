#include "poolscope/pool_params.h"

namespace poolscope {

namespace {

// Each op and its name in PyTorch's functional API (what lessons and --params say): one table both ways.
struct OpName {
    PoolOp op;
    std::string_view name;
};
constexpr OpName kOpNames[] = {{PoolOp::kMax, "max_pool2d"},
                               {PoolOp::kAvg, "avg_pool2d"},
                               {PoolOp::kAdaptiveMax, "adaptive_max_pool2d"},
                               {PoolOp::kAdaptiveAvg, "adaptive_avg_pool2d"},
                               {PoolOp::kLp, "lp_pool2d"}};

}  // namespace

std::string_view op_name(PoolOp op) {
    for (const OpName& o : kOpNames)
        if (o.op == op) return o.name;
    return "?";
}

std::optional<PoolOp> parse_op(std::string_view name) {
    for (const OpName& o : kOpNames)
        if (o.name == name) return o.op;
    return std::nullopt;
}

}  // namespace poolscope
