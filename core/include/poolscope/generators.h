// Input generators shared by the app's "Fill" menu and lesson files: arange, constant, seeded random
// integers, D2L's vertical-edge pattern, and D2L's channel concatenation cat(X, X + offset).
#pragma once

#include <cstdint>

#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

// start, start+step, ... in row-major NCHW order (torch.arange(...).reshape(shape) when step is 1).
Result<Tensor> make_arange(Shape shape, float start = 0.0f, float step = 1.0f, int rank = 4);
Result<Tensor> make_constant(Shape shape, float value, int rank = 4);
// Integers uniformly in [low, high] from a fixed generator (std::mt19937 + our own mapping), so a seed
// gives the same matrix on every machine and compiler.
Result<Tensor> make_random_integers(Shape shape, int64_t low, int64_t high, uint32_t seed, int rank = 4);
// D2L's edge example: ones with a band of zeros in columns [zero_begin, zero_end) (6×8 with 2..6 in the
// book).
Result<Tensor> make_vertical_edge(Shape shape, int64_t zero_begin, int64_t zero_end, int rank = 4);
// Appends to `x` along channels a copy of each channel plus `offset` (D2L: torch.cat((X, X + 1), 1)).
Result<Tensor> cat_with_offset(const Tensor& x, float offset);

}  // namespace poolscope
