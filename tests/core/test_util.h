// Small helpers shared by the core tests: arange tensors and params built in PyTorch's words.
#pragma once

#include <initializer_list>
#include <vector>

#include "poolscope/pool_forward.h"

namespace poolscope::test {

inline Tensor arange(Shape shape, float start = 0.0f, int rank = 4) {
    Tensor t(shape, 0.0f, rank);
    for (int64_t i = 0; i < t.numel(); ++i)
        t.data()[i] = start + static_cast<float>(i);
    return t;
}

inline Tensor matrix(std::initializer_list<std::initializer_list<float>> rows) {
    const int64_t h = static_cast<int64_t>(rows.size());
    const int64_t w = static_cast<int64_t>(rows.begin()->size());
    std::vector<float> values;
    for (const auto& r : rows)
        values.insert(values.end(), r.begin(), r.end());
    return Tensor::from_values({1, 1, h, w}, values, 2).value();
}

inline PoolParams max_pool(Pair kernel, std::optional<Pair> stride = std::nullopt, Pair padding = {0, 0}) {
    PoolParams p;
    p.op = PoolOp::kMax;
    p.kernel_size = kernel;
    p.stride = stride;
    p.padding = Padding::symmetric(padding);
    return p;
}

inline PoolParams avg_pool(Pair kernel, std::optional<Pair> stride = std::nullopt, Pair padding = {0, 0}) {
    PoolParams p = max_pool(kernel, stride, padding);
    p.op = PoolOp::kAvg;
    return p;
}

inline std::vector<float> values_of(const Tensor& t) {
    return t.values();
}

}  // namespace poolscope::test
