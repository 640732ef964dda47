// MaxUnpool2d: puts each input value back at the position its index names in a zero-filled output, as
// PyTorch 1.13's F.max_unpool2d does, with its validation: the output size from kernel_size, stride and
// padding or an explicit output_size that must lie strictly within one stride of it, indices shaped like the
// input, and an error for an index outside the output plane.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "poolscope/pool_params.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

struct UnpoolParams {
    Pair kernel_size{2, 2};
    std::optional<Pair> stride;       // nullopt: kernel_size (PyTorch's default)
    Pair padding{0, 0};               // PyTorch's unpool takes no per-side padding
    std::optional<Pair> output_size;  // H, W (PyTorch also takes N, C, H, W and ignores N, C)

    Pair effective_stride() const { return stride.value_or(kernel_size); }
};

struct UnpoolPlan {
    UnpoolParams params;
    Shape input;
    Shape output;
    Pair default_size;  // (in - 1) * stride + kernel - 2 * padding per axis, what output_size defaults to
};

// PyTorch validates none of kernel_size, stride and padding on their own: they only enter the size formula.
// A negative output size is refused (PyTorch fails to allocate it); a zero-sized one is an empty result.
Result<UnpoolPlan> make_unpool_plan(const Shape& input, const UnpoolParams& params);

struct UnpoolOutput {
    Tensor values;                // shaped plan.output at the input's rank; zeros where no index points
    std::vector<int64_t> source;  // per output element: the flat input offset whose value landed there, or -1
                                  // (empty when not asked for)
};

// `indices`: one per input element (same order), each h*W + w within its channel's output plane. Input
// elements are placed in order, so of two equal indices in one channel the later wins (as in PyTorch). An
// index outside [0, H*W) is an error quoting the last such index, as PyTorch reports it. Nothing is checked
// when the output is empty (PyTorch returns the empty tensor).
// `with_source` false skips UnpoolOutput::source (8 bytes per output element) for callers that only want
// values.
Result<UnpoolOutput> max_unpool(const UnpoolPlan& plan, const Tensor& input,
                                const std::vector<int64_t>& indices, bool with_source = true);

}  // namespace poolscope
