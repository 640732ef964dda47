// The backward fast path, one loop per op mirroring PyTorch 1.13's CPU kernels for contiguous tensors:
// MaxPoolKernel.cpp cpu_max_pool_backward and AdaptiveMaxPoolKernel.cpp (grad_input[index] += grad, output
// cells in row-major order, channel after channel), AvgPoolKernel.cpp cpu_avg_pool_backward (grad / divisor
// added to every input cell of the window) and AdaptiveAvgPoolKernel.cpp (grad / kh / kw). An adaptive
// average to 1x1 is mean() in PyTorch, whose backward divides once by H*W.
#include "poolscope/pool_backward.h"

#include <algorithm>
#include <string>

#include "poolscope/backward_trace.h"
#include "poolscope/error_text.h"
#include "poolscope/pool_forward.h"

namespace poolscope {
namespace {

// Whether a windowed max axis position o has no tap inside the input, and its first in-range tap position.
struct AxisFirst {
    int64_t first = 0;
    bool empty = false;
};

AxisFirst windowed_first(const AxisShape& axis, int64_t kernel, int64_t dilation, int64_t o) {
    const int64_t start = axis.window_start(o);
    const int64_t end = std::min(start + (kernel - 1) * dilation + 1, axis.input);
    const int64_t first = first_tap_inside(start, dilation);
    return {first, first >= end};
}

void max_backward(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output, BackwardOutput& out) {
    PoolOutput fwd;
    forward_into(plan, input, fwd, /*with_indices=*/true);
    const int64_t in_plane = plan.input.plane(), out_plane = plan.output.plane();
    const int64_t planes = plan.input.n * plan.input.c, total = out.grad_input.numel();
    out.strays = stray_gradients(plan, &grad_output);
    float* gi = out.grad_input.data();
    const float* go = grad_output.data();
    for (int64_t p = 0; p < planes; ++p) {
        const int64_t base = p * in_plane;
        for (int64_t i = 0; i < out_plane; ++i) {
            const int64_t o = p * out_plane + i;
            const int64_t index = fwd.indices[static_cast<size_t>(o)];
            const int64_t flat = base + index;
            // A window with no input cell saves an index outside its window (see StrayGradient): PyTorch adds
            // the gradient wherever it points; past the end of grad_input we drop it.
            if (index >= 0 && flat < total) gi[flat] += go[o];
        }
    }
}

void avg_backward(const PoolPlan& plan, const Tensor& grad_output, BackwardOutput& out) {
    const PoolParams& p = plan.params;
    const int64_t H = plan.input.h, W = plan.input.w, OH = plan.output.h, OW = plan.output.w;
    const int64_t planes = plan.input.n * plan.input.c;
    for (int64_t c = 0; c < planes; ++c) {
        float* gi = out.grad_input.data() + c * H * W;
        const float* go = grad_output.data() + c * OH * OW;
        for (int64_t oh = 0; oh < OH; ++oh) {
            const int64_t h_start = plan.h.window_start(oh);
            const int64_t h_end = std::min(h_start + p.kernel_size.h, H + plan.h.pad_end);
            const int64_t h0 = std::max<int64_t>(h_start, 0), h1 = std::min(h_end, H);
            for (int64_t ow = 0; ow < OW; ++ow) {
                const int64_t w_start = plan.w.window_start(ow);
                const int64_t w_end = std::min(w_start + p.kernel_size.w, W + plan.w.pad_end);
                const int64_t w0 = std::max<int64_t>(w_start, 0), w1 = std::min(w_end, W);
                const int64_t divisor = p.divisor_override    ? *p.divisor_override
                                        : p.count_include_pad ? (h_end - h_start) * (w_end - w_start)
                                                              : (h1 - h0) * (w1 - w0);
                const float delta = go[oh * OW + ow] / static_cast<float>(divisor);
                for (int64_t ih = h0; ih < h1; ++ih)
                    for (int64_t iw = w0; iw < w1; ++iw)
                        gi[ih * W + iw] += delta;
            }
        }
    }
}

void adaptive_avg_backward(const PoolPlan& plan, const Tensor& grad_output, BackwardOutput& out) {
    const int64_t H = plan.input.h, W = plan.input.w, OH = plan.output.h, OW = plan.output.w;
    const int64_t planes = plan.input.n * plan.input.c;
    const bool mean = OH == 1 && OW == 1;
    for (int64_t c = 0; c < planes; ++c) {
        float* gi = out.grad_input.data() + c * H * W;
        const float* go = grad_output.data() + c * OH * OW;
        for (int64_t oh = 0; oh < OH; ++oh) {
            const int64_t h0 = adaptive_start(oh, H, OH), h1 = adaptive_end(oh, H, OH);
            for (int64_t ow = 0; ow < OW; ++ow) {
                const int64_t w0 = adaptive_start(ow, W, OW), w1 = adaptive_end(ow, W, OW);
                const float g = go[oh * OW + ow];
                const float delta = mean ? g / static_cast<float>(H * W)
                                         : g / static_cast<float>(h1 - h0) / static_cast<float>(w1 - w0);
                // mean()'s backward is the quotient itself, not added to a zeroed tensor (-0.0 stays -0.0).
                for (int64_t ih = h0; ih < h1; ++ih)
                    for (int64_t iw = w0; iw < w1; ++iw)
                        gi[ih * W + iw] = mean ? delta : gi[ih * W + iw] + delta;
            }
        }
    }
}

}  // namespace

bool backward_supported(PoolOp op) {
    return op != PoolOp::kLp;
}

bool backward_supported(const PoolPlan& plan) {
    return backward_supported(plan.op()) &&
           !(plan.op() == PoolOp::kAvg && plan.params.effective_dilation() != Pair{1, 1});
}

Error unsupported_backward(PoolOp op) {
    return coded_error("grad_output", "poolscope_unsupported",
                       {"backward passes of " + std::string(op_name(op))});
}

Error unsupported_backward(const PoolPlan& plan) {
    if (!backward_supported(plan.op())) return unsupported_backward(plan.op());
    return coded_error("grad_output", "poolscope_unsupported",
                       {"backward passes of dilated " + std::string(op_name(plan.op()))});
}

BackwardOutput backward(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output) {
    BackwardOutput out{Tensor(plan.input, 0.0f, input.rank()), {}};
    switch (plan.op()) {
        case PoolOp::kMax:
        case PoolOp::kAdaptiveMax:
            max_backward(plan, input, grad_output, out);
            break;
        case PoolOp::kAvg:
            avg_backward(plan, grad_output, out);
            break;
        case PoolOp::kAdaptiveAvg:
            adaptive_avg_backward(plan, grad_output, out);
            break;
        case PoolOp::kLp:  // refused before: backward_supported()
            break;
    }
    return out;
}

BackwardOutput backward_reference(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output) {
    BackwardOutput out{Tensor(plan.input, 0.0f, input.rank()), stray_gradients(plan, &grad_output)};
    const Shape& s = plan.input;
    for (int64_t n = 0; n < s.n; ++n)
        for (int64_t c = 0; c < s.c; ++c)
            for (int64_t ih = 0; ih < s.h; ++ih)
                for (int64_t iw = 0; iw < s.w; ++iw)
                    out.grad_input.at(n, c, ih, iw) =
                        trace_input_grad(plan, input, grad_output, n, c, ih, iw).value;
    return out;
}

std::vector<StrayGradient> stray_gradients(const PoolPlan& plan, const Tensor* grad_output) {
    std::vector<StrayGradient> strays;
    if (plan.op() != PoolOp::kMax) return strays;  // adaptive windows always hold an input cell
    const Pair k = plan.params.kernel_size, d = plan.params.effective_dilation();
    const Shape& in = plan.input;
    const Shape& o = plan.output;
    std::vector<AxisFirst> rows, cols;
    bool any_empty = false;
    for (int64_t oh = 0; oh < o.h; ++oh) {
        rows.push_back(windowed_first(plan.h, k.h, d.h, oh));
        any_empty = any_empty || rows.back().empty;
    }
    for (int64_t ow = 0; ow < o.w; ++ow) {
        cols.push_back(windowed_first(plan.w, k.w, d.w, ow));
        any_empty = any_empty || cols.back().empty;
    }
    if (!any_empty) return strays;
    for (int64_t n = 0; n < o.n; ++n)
        for (int64_t c = 0; c < o.c; ++c)
            for (int64_t oh = 0; oh < o.h; ++oh)
                for (int64_t ow = 0; ow < o.w; ++ow) {
                    const AxisFirst& r = rows[static_cast<size_t>(oh)];
                    const AxisFirst& q = cols[static_cast<size_t>(ow)];
                    if (!r.empty && !q.empty) continue;
                    const int64_t index = r.first * in.w + q.first;
                    const int64_t flat = (n * in.c + c) * in.plane() + index;
                    const float g = grad_output ? grad_output->at(n, c, oh, ow) : 0.0f;
                    strays.push_back({{n, c, oh, ow}, index, flat, flat < in.numel(), g});
                }
    return strays;
}

std::string torch_size_text(const Shape& shape, int rank) {
    const int64_t dims[4] = {shape.n, shape.c, shape.h, shape.w};
    std::string text = "[";
    for (int i = 4 - rank; i < 4; ++i)
        text += std::to_string(dims[i]) + (i < 3 ? ", " : "");
    return text + "]";
}

std::vector<Error> check_grad_output_shape(const PoolPlan& plan, const Shape& grad_shape, int grad_rank,
                                           int input_rank) {
    if (grad_rank == input_rank && grad_shape == plan.output) return {};
    return {coded_error("grad_output", "grad_output_shape",
                        {torch_size_text(grad_shape, grad_rank), torch_size_text(plan.output, input_rank)})};
}

}  // namespace poolscope
