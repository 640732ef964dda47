// A float32 tensor shaped N×C×H×W, stored contiguously (NCHW, row-major planes).
// `rank` remembers how the user wrote it (H×W = 2, C×H×W = 3, N×C×H×W = 4) so outputs read back the same way.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "poolscope/result.h"

namespace poolscope {

// Guards against typos that would allocate gigabytes (2^26 floats = 256 MiB).
inline constexpr int64_t kMaxElements = int64_t{1} << 26;

// a*b for sizes that may come from untrusted input: on overflow the result saturates at the int64 limit of
// the product's sign, so a guard such as `numel() > kMaxElements` still holds for absurd sizes.
inline int64_t saturating_mul(int64_t a, int64_t b) {
    int64_t product = 0;
    if (!__builtin_mul_overflow(a, b, &product)) return product;
    return (a < 0) != (b < 0) ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
}

struct Shape {
    int64_t n = 1;
    int64_t c = 1;
    int64_t h = 1;
    int64_t w = 1;

    // Saturating (see saturating_mul); exact whenever the count fits in int64.
    int64_t numel() const { return saturating_mul(saturating_mul(saturating_mul(n, c), h), w); }
    int64_t plane() const { return saturating_mul(h, w); }
    bool operator==(const Shape&) const = default;
};

// "CxHxW" (rank 3; the default), "HxW" (rank 2) or "NxCxHxW" (rank 4), for messages.
std::string shape_text(const Shape& shape, int rank = 3);

class Tensor {
  public:
    Tensor() : Tensor(Shape{1, 1, 1, 1}) {}
    // Precondition: shape.numel() <= kMaxElements and every extent >= 0; use make() for untrusted sizes.
    explicit Tensor(Shape shape, float fill = 0.0f, int rank = 4);

    // Checks the extents (positive, within kMaxElements) before allocating.
    static Result<Tensor> make(Shape shape, float fill = 0.0f, int rank = 4);
    // Takes `values` (row-major NCHW) when their count matches the shape.
    static Result<Tensor> from_values(Shape shape, std::vector<float> values, int rank = 4);

    const Shape& shape() const { return shape_; }
    int rank() const { return rank_; }  // 2, 3 or 4
    void set_rank(int rank) { rank_ = rank; }
    int64_t numel() const { return static_cast<int64_t>(data_.size()); }

    float* data() { return data_.data(); }
    const float* data() const { return data_.data(); }
    const std::vector<float>& values() const { return data_; }

    int64_t offset(int64_t n, int64_t c, int64_t h, int64_t w) const {
        return ((n * shape_.c + c) * shape_.h + h) * shape_.w + w;
    }
    float& at(int64_t n, int64_t c, int64_t h, int64_t w) { return data_[offset(n, c, h, w)]; }
    float at(int64_t n, int64_t c, int64_t h, int64_t w) const { return data_[offset(n, c, h, w)]; }
    const float* plane(int64_t n, int64_t c) const { return data_.data() + offset(n, c, 0, 0); }
    float* plane(int64_t n, int64_t c) { return data_.data() + offset(n, c, 0, 0); }

    // Bit-for-bit equality of shape and values (NaN equals NaN with the same bits).
    bool identical(const Tensor& other) const;

  private:
    Shape shape_;
    int rank_ = 4;
    std::vector<float> data_;
};

}  // namespace poolscope
