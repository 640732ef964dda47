// PyTorch 1.13's pow(Tensor, Scalar) on one float32 (aten/src/ATen/native/Pow.cpp and cpu/PowKernel.cpp)
// and lp_pool2d's last three tensor ops (sign*relu(abs), mul, pow). Measured against PyTorch by
// scripts/gen_golden.py's lp_pool2d cases.
#include "poolscope/lp_pool.h"

#include <cmath>

namespace poolscope {

float torch_pow(float x, double exponent, int64_t index, int64_t count) {
    // Pow.cpp: exponent 0 fills with 1, exponent 1 copies; PowKernel.cpp special-cases the rest below.
    if (exponent == 0.0) return 1.0f;
    if (exponent == 1.0) return x;
    if (exponent == 0.5) return std::sqrt(x);
    if (exponent == -0.5) return 1.0f / std::sqrt(x);
    if (exponent == -1.0) return 1.0f / x;
    if (exponent == 2.0) return x * x;
    if (exponent == 3.0) return x * x * x;
    if (exponent == -2.0) return 1.0f / (x * x);
    const bool vector_lane = index < count - count % kTorchPowBlock;
    const double e = vector_lane ? static_cast<double>(static_cast<float>(exponent)) : exponent;
    return static_cast<float>(std::pow(static_cast<double>(x), e));
}

LpFinish lp_finish(float mean, int64_t kernel_area, double norm_type, int64_t index, int64_t count) {
    LpFinish f;
    // torch.sign is (0 < x) - (x < 0): 0 for +-0 and NaN; relu(abs(x)) keeps NaN. So the product is x, except
    // that -0.0 becomes +0.0 (0 * 0) and NaN stays NaN (0 * NaN).
    const float sign = static_cast<float>((0.0f < mean) - (mean < 0.0f));
    const float magnitude = std::fabs(mean);
    f.signed_mean = sign * (std::isnan(magnitude) || magnitude > 0.0f ? magnitude : 0.0f);
    f.scaled = f.signed_mean * static_cast<float>(kernel_area);
    f.result = torch_pow(f.scaled, lp_root_exponent(norm_type), index, count);
    return f;
}

float lp_norm_power(float x, double p) {
    return static_cast<float>(std::pow(static_cast<double>(std::fabs(x)), p));
}

float lp_norm_root(float sum, double p) {
    return std::pow(sum, 1.0f / static_cast<float>(p));
}

}  // namespace poolscope
