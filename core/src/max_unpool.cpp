// Follows torch/nn/functional.py max_unpool2d and _unpool_output_size (1.13) for the sizes, and
// aten/src/ATen/native/cpu/MaxUnpoolKernel.cpp cpu_max_unpool for the placement and the index check.
#include "poolscope/max_unpool.h"

#include <string>

#include "int_text.h"
#include "poolscope/error_text.h"
#include "poolscope/pool_plan.h"

namespace poolscope {
namespace {

using ::poolscope::detail::num;
std::string pair_text(Pair p) {
    return "[" + num(p.h) + ", " + num(p.w) + "]";
}

}  // namespace

Result<UnpoolPlan> make_unpool_plan(const Shape& input, const UnpoolParams& params) {
    std::vector<Error> errors;
    const Pair k = params.kernel_size, s = params.effective_stride(), p = params.padding;
    for (auto [field, v] : {std::pair{"kernel_size", k}, {"stride", s}, {"padding", p}})
        if (v.h > kMaxSize || v.w > kMaxSize || v.h < -kMaxSize || v.w < -kMaxSize)
            errors.push_back(coded_error(field, "size_range", {field, pair_text(v), num(kMaxSize)}));
    if (params.output_size) {
        const Pair o = *params.output_size;
        if (o.h > kMaxSize || o.w > kMaxSize || o.h < -kMaxSize || o.w < -kMaxSize)
            errors.push_back(
                coded_error("output_size", "size_range", {"output_size", pair_text(o), num(kMaxSize)}));
    }
    if (input.c < 1 || input.h < 1 || input.w < 1 || input.n < 1)
        errors.push_back(
            coded_error("input", "input_empty",
                        {num(input.n) + "x" + num(input.c) + "x" + num(input.h) + "x" + num(input.w)}));
    if (!errors.empty()) return errors;

    UnpoolPlan plan;
    plan.params = params;
    plan.input = input;
    plan.default_size = {(input.h - 1) * s.h + k.h - 2 * p.h, (input.w - 1) * s.w + k.w - 2 * p.w};
    Pair size = plan.default_size;
    if (params.output_size) {
        // PyTorch: min_size < output_size[d] < max_size, with min/max = default -/+ stride (an empty range
        // for a stride <= 0, so every output_size is refused then).
        const Pair o = *params.output_size;
        const int64_t wanted[2] = {o.h, o.w}, def[2] = {size.h, size.w}, step[2] = {s.h, s.w};
        for (int d = 0; d < 2; ++d)
            if (!(def[d] - step[d] < wanted[d] && wanted[d] < def[d] + step[d]))
                return coded_error("output_size", "unpool_output_size_range",
                                   {pair_text(o), num(d), num(def[d] - step[d]), num(def[d] + step[d])});
        size = o;
    }
    if (size.h < 0 || size.w < 0) return coded_error("output", "unpool_output_negative", {pair_text(size)});
    plan.output = {input.n, input.c, size.h, size.w};
    // In this order so no product can overflow: h*w <= 2^52, then n*c*(h*w) <= 2^26 * 2^26.
    if (size.h > kMaxElements || size.w > kMaxElements || size.h * size.w > kMaxElements ||
        plan.output.numel() > kMaxElements)
        return coded_error(
            "output", "output_limit",
            {num(input.n) + "x" + num(input.c) + "x" + num(size.h) + "x" + num(size.w), num(kMaxElements)});
    return plan;
}

Result<UnpoolOutput> max_unpool(const UnpoolPlan& plan, const Tensor& input,
                                const std::vector<int64_t>& indices, bool with_source) {
    UnpoolOutput out{Tensor(plan.output, 0.0f, input.rank()), {}};
    if (indices.size() != static_cast<size_t>(input.numel()) || !(input.shape() == plan.input))
        return Error{"indices", "expected one index per input element (" + num(plan.input.numel()) +
                                    "), got " + num(static_cast<int64_t>(indices.size()))};
    if (with_source) out.source.assign(static_cast<size_t>(plan.output.numel()), -1);
    if (plan.output.numel() == 0) return out;
    const int64_t planes = plan.input.n * plan.input.c;
    const int64_t in_plane = plan.input.plane(), out_plane = plan.output.plane();
    std::optional<int64_t> bad;
    for (int64_t c = 0; c < planes; ++c)
        for (int64_t i = 0; i < in_plane; ++i) {
            const int64_t from = c * in_plane + i;
            const int64_t index = indices[static_cast<size_t>(from)];
            if (index < 0 || index >= out_plane) {
                bad = index;  // PyTorch keeps going and reports the last one it met
                continue;
            }
            out.values.data()[c * out_plane + index] = input.data()[from];
            if (with_source) out.source[static_cast<size_t>(c * out_plane + index)] = from;
        }
    if (bad)
        return coded_error("indices", "unpool_invalid_index",
                           {num(*bad), num(plan.output.h), num(plan.output.w), num(out_plane - 1)});
    return out;
}

}  // namespace poolscope
