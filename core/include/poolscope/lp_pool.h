// lp_pool2d's arithmetic as PyTorch 1.13 does it (torch/nn/functional.py lp_pool2d):
//     out = avg_pool2d(x.pow(p), kernel_size, stride, padding=0, ceil_mode)   (count_include_pad=True)
//     return (sign(out) * relu(abs(out))).mul(kh * kw).pow(1.0 / p)
// The trace and the fast path both call these two functions, so they agree bit for bit.
#pragma once

#include <cstdint>

namespace poolscope {

// Tensor.pow(exponent) on one float32, with the special cases of PyTorch 1.13's CPU kernel: exponent 0 is 1
// (even for NaN), 1 is the value itself, 2 and 3 are x*x and x*x*x, -2 is 1/(x*x), 0.5 sqrt, -0.5
// 1/sqrt, -1 1/x, in float32. Any other exponent goes through std::pow in double, rounded to float32; there
// the element's place matters: PyTorch's loop runs whole blocks of kTorchPowBlock elements through its
// vectorised pow, which takes the exponent as a float32 (7.3 becomes 7.30000019), and only the tail through
// std::pow with the double exponent. With x near 3e38 and p = 1/3 the two differ by 2.6e-6, so we follow
// the same split. (Within the rounded exponent the vectorised pow is within 1 ulp of std::pow.)
// A negative base with a fractional exponent is NaN.
inline constexpr int64_t kTorchPowBlock = 16;  // 2 x 8 float lanes (AVX2, what PyTorch 1.13 runs here)
float torch_pow(float x, double exponent, int64_t index, int64_t count);

// What lp_pool2d makes of one window's average of x^p (`mean`, from avg_pool2d): sign(mean)*relu(|mean|)
// (the same number except -0.0 becomes +0.0), times kh*kw in float32, then .pow(1.0 / norm_type) as element
// `index` of the output tensor of `count` elements.
struct LpFinish {
    float signed_mean = 0.0f;  // sign(mean) * relu(abs(mean))
    float scaled = 0.0f;       // signed_mean * (kh*kw): the sum of x^p when the window is whole
    float result = 0.0f;       // scaled^(1/p)
};
LpFinish lp_finish(float mean, int64_t kernel_area, double norm_type, int64_t index, int64_t count);

// The exponent of the root, computed as Python does it (1.0 / norm_type in double). norm_type must not be 0
// (Python raises ZeroDivisionError; make_plan refuses it).
inline double lp_root_exponent(double norm_type) {
    return 1.0 / norm_type;
}

// ONNX LpPool as ONNX Runtime computes it: each term static_cast<float>(pow(|x|, p)) with the integer p (so
// in double), their float32 sum, then powf(sum, 1.0f / p). The trace and the fast path both call these.
float lp_norm_power(float x, double p);
float lp_norm_root(float sum, double p);

}  // namespace poolscope
