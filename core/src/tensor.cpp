#include "poolscope/tensor.h"

#include <cstring>
#include <string>

namespace poolscope {

Tensor::Tensor(Shape shape, float fill, int rank)
    : shape_(shape), rank_(rank), data_(static_cast<size_t>(shape.numel()), fill) {}

std::string shape_text(const Shape& s, int rank) {
    std::string text = std::to_string(s.h) + "x" + std::to_string(s.w);
    if (rank >= 3) text = std::to_string(s.c) + "x" + text;
    if (rank >= 4) text = std::to_string(s.n) + "x" + text;
    return text;
}

Result<Tensor> Tensor::make(Shape shape, float fill, int rank) {
    if (shape.n < 1 || shape.c < 1 || shape.h < 1 || shape.w < 1)
        return Error{"input", "every dimension must be at least 1, got " + shape_text(shape, 4)};
    // Multiply step by step so a huge extent cannot overflow before the check.
    int64_t count = 1;
    for (int64_t extent : {shape.n, shape.c, shape.h, shape.w}) {
        if (extent > kMaxElements || count * extent > kMaxElements)
            return Error{"input", "a " + shape_text(shape) + " tensor has more than " +
                                      std::to_string(kMaxElements) + " elements, PoolScope's limit"};
        count *= extent;
    }
    if (rank < 2 || rank > 4) return Error{"input", "rank must be 2, 3 or 4, got " + std::to_string(rank)};
    return Tensor(shape, fill, rank);
}

Result<Tensor> Tensor::from_values(Shape shape, std::vector<float> values, int rank) {
    Result<Tensor> made = make(shape, 0.0f, rank);
    if (!made) return made;
    if (static_cast<int64_t>(values.size()) != shape.numel())
        return Error{"input", "expected " + std::to_string(shape.numel()) + " values for " +
                                  shape_text(shape) + ", got " + std::to_string(values.size())};
    Tensor t = std::move(made).value();
    t.data_ = std::move(values);
    return t;
}

bool Tensor::identical(const Tensor& other) const {
    return shape_ == other.shape_ && data_.size() == other.data_.size() &&
           (data_.empty() ||
            std::memcmp(data_.data(), other.data_.data(), data_.size() * sizeof(float)) == 0);
}

}  // namespace poolscope
