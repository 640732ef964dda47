#include "poolscope/generators.h"

#include <algorithm>
#include <random>
#include <string>

namespace poolscope {

Result<Tensor> make_arange(Shape shape, float start, float step, int rank) {
    Result<Tensor> t = Tensor::make(shape, 0.0f, rank);
    if (!t) return t;
    float* data = t.value().data();
    // Multiply rather than accumulate so large tensors keep exact integer values like torch.arange.
    for (int64_t i = 0; i < t->numel(); ++i)
        data[i] = start + step * static_cast<float>(i);
    return t;
}

Result<Tensor> make_constant(Shape shape, float value, int rank) {
    return Tensor::make(shape, value, rank);
}

Result<Tensor> make_random_integers(Shape shape, int64_t low, int64_t high, uint32_t seed, int rank) {
    if (low > high)
        return Error{"random",
                     "low " + std::to_string(low) + " must not exceed high " + std::to_string(high)};
    if (high - low > (int64_t{1} << 24))
        return Error{"random", "the range [" + std::to_string(low) + ", " + std::to_string(high) +
                                   "] is wider than 2^24, beyond what float32 holds exactly"};
    Result<Tensor> t = Tensor::make(shape, 0.0f, rank);
    if (!t) return t;
    std::mt19937 engine(seed);
    const uint64_t span = static_cast<uint64_t>(high - low) + 1;
    float* data = t.value().data();
    // mt19937's output is specified by the standard; distributions are not, so map it ourselves.
    for (int64_t i = 0; i < t->numel(); ++i)
        data[i] = static_cast<float>(low + static_cast<int64_t>(static_cast<uint64_t>(engine()) % span));
    return t;
}

Result<Tensor> make_vertical_edge(Shape shape, int64_t zero_begin, int64_t zero_end, int rank) {
    Result<Tensor> t = Tensor::make(shape, 1.0f, rank);
    if (!t) return t;
    Tensor& x = t.value();
    for (int64_t n = 0; n < shape.n; ++n)
        for (int64_t c = 0; c < shape.c; ++c)
            for (int64_t h = 0; h < shape.h; ++h)
                for (int64_t w = std::max<int64_t>(zero_begin, 0); w < std::min(zero_end, shape.w); ++w)
                    x.at(n, c, h, w) = 0.0f;
    return t;
}

Result<Tensor> cat_with_offset(const Tensor& x, float offset) {
    Shape s = x.shape();
    s.c *= 2;
    Result<Tensor> t = Tensor::make(s, 0.0f, std::max(x.rank(), 3));
    if (!t) return t;
    Tensor& y = t.value();
    const Shape& in = x.shape();
    const int64_t area = x.numel() / std::max<int64_t>(in.n * in.c, 1);  // H*W of a tensor that exists
    for (int64_t n = 0; n < in.n; ++n)
        for (int64_t c = 0; c < in.c; ++c)
            for (int64_t i = 0; i < area; ++i) {
                const float v = x.plane(n, c)[i];
                y.plane(n, c)[i] = v;
                y.plane(n, c + in.c)[i] = v + offset;
            }
    return t;
}

}  // namespace poolscope
