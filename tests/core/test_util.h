// Small helpers shared by the core tests: arange tensors and params built in PyTorch's words, and infinity.
#pragma once

#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "poolscope/pool_forward.h"

namespace poolscope::test {

inline constexpr float kInf = std::numeric_limits<float>::infinity();

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

// One windowed configuration of the exhaustive sweeps: input size, kernel, stride, padding (up to half the
// kernel), dilation, ceil_mode, and `mode` (0 max pooling, 1.. the test's average variants).
struct WindowedCase {
    int64_t H = 1, W = 1, kh = 1, kw = 1, s = 1, ph = 0, pw = 0, d = 1;
    bool ceil = false;
    int mode = 0;
    std::string describe() const {
        return "H=" + std::to_string(H) + " W=" + std::to_string(W) + " k=" + std::to_string(kh) + "x" +
               std::to_string(kw) + " s=" + std::to_string(s) + " d=" + std::to_string(d) +
               " mode=" + std::to_string(mode);
    }
};
struct WindowedSweep {
    int64_t max_size, max_kernel, max_stride, max_dilation;
    int modes;  // dilation is swept for mode 0 (max pooling) only, as PyTorch's avg_pool2d has none
};

// Calls `input(H, W)` for each input size, then `check(x, c)` for every configuration on it, in a fixed order
// (H, W, kernel, stride, padding, dilation, ceil_mode, mode).
template <typename MakeInput, typename Check>
void for_each_windowed_case(const WindowedSweep& sweep, MakeInput input, Check check) {
    WindowedCase c;
    for (c.H = 1; c.H <= sweep.max_size; ++c.H)
        for (c.W = 1; c.W <= sweep.max_size; ++c.W) {
            const Tensor x = input(c.H, c.W);
            for (c.kh = 1; c.kh <= sweep.max_kernel; ++c.kh)
                for (c.kw = 1; c.kw <= sweep.max_kernel; ++c.kw)
                    for (c.s = 1; c.s <= sweep.max_stride; ++c.s)
                        for (c.ph = 0; c.ph <= c.kh / 2; ++c.ph)
                            for (c.pw = 0; c.pw <= c.kw / 2; ++c.pw)
                                for (c.d = 1; c.d <= sweep.max_dilation; ++c.d)
                                    for (int ceil = 0; ceil <= 1; ++ceil)
                                        for (c.mode = 0; c.mode < sweep.modes; ++c.mode) {
                                            if (c.mode > 0 && c.d > 1) continue;
                                            c.ceil = ceil != 0;
                                            check(x, c);
                                        }
        }
}

}  // namespace poolscope::test
