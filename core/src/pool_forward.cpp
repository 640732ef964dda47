// forward(): the whole output in one pass over each channel plane (AVX2/AVX-512 kernels when the CPU has
// them, else the portable loops below). forward_reference(): the same output assembled from trace_cell(), the
// slow and obviously-correct path the fast one is tested against.
#include "poolscope/pool_forward.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pool_kernels.h"
#include "poolscope/lp_pool.h"
#include "poolscope/trace.h"

namespace poolscope {
namespace {

Tensor make_output(const PoolPlan& plan, const Tensor& input) {
    return Tensor(plan.output, 0.0f, input.rank());
}

void max_plane(const PoolPlan& plan, const float* in, float* out, int64_t* indices) {
    const int64_t H = plan.input.h, W = plan.input.w;
    const Pair k = plan.params.kernel_size, d = plan.params.effective_dilation();
    for (int64_t oh = 0; oh < plan.output.h; ++oh) {
        const int64_t h_start = plan.h.window_start(oh);
        const int64_t h1 = std::min(h_start + (k.h - 1) * d.h + 1, H);
        const int64_t h0 = first_tap_inside(h_start, d.h);
        for (int64_t ow = 0; ow < plan.output.w; ++ow) {
            const int64_t w_start = plan.w.window_start(ow);
            const int64_t w1 = std::min(w_start + (k.w - 1) * d.w + 1, W);
            const int64_t w0 = first_tap_inside(w_start, d.w);
            int64_t best_index = h0 * W + w0;
            float best = -std::numeric_limits<float>::infinity();
            for (int64_t ih = h0; ih < h1; ih += d.h) {
                for (int64_t iw = w0; iw < w1; iw += d.w) {
                    const float v = in[ih * W + iw];
                    if (v > best || std::isnan(v)) {
                        best = v;
                        best_index = ih * W + iw;
                    }
                }
            }
            *out++ = best;
            if (indices) *indices++ = best_index;
        }
    }
}

// Taps start, start + step, ... (n of them) in [lo, hi): the first index and one past the last.
void tap_range(int64_t start, int64_t step, int64_t n, int64_t lo, int64_t hi, int64_t& r0, int64_t& r1) {
    auto first_at = [&](int64_t bound) {
        return bound <= start ? int64_t{0} : std::min(n, (bound - start + step - 1) / step);
    };
    r0 = first_at(lo);
    r1 = std::max(r0, first_at(hi));
}

void avg_plane(const PoolPlan& plan, const float* in, float* out) {
    const PoolParams& p = plan.params;
    const int64_t H = plan.input.h, W = plan.input.w;
    const Pair k = p.kernel_size, d = p.effective_dilation();
    for (int64_t oh = 0; oh < plan.output.h; ++oh) {
        const int64_t h_start = plan.h.window_start(oh);
        int64_t r0 = 0, r1 = 0, padded_r0 = 0, padded_r1 = 0;
        tap_range(h_start, d.h, k.h, 0, H, r0, r1);  // rows on the input
        tap_range(h_start, d.h, k.h, h_start, H + plan.h.pad_end, padded_r0, padded_r1);
        for (int64_t ow = 0; ow < plan.output.w; ++ow) {
            const int64_t w_start = plan.w.window_start(ow);
            int64_t q0 = 0, q1 = 0, padded_q0 = 0, padded_q1 = 0;
            tap_range(w_start, d.w, k.w, 0, W, q0, q1);
            tap_range(w_start, d.w, k.w, w_start, W + plan.w.pad_end, padded_q0, padded_q1);
            if (r0 >= r1 || q0 >= q1) {
                *out++ = 0.0f;
                continue;
            }
            const int64_t divisor = p.divisor_override    ? *p.divisor_override
                                    : p.count_include_pad ? (padded_r1 - padded_r0) * (padded_q1 - padded_q0)
                                                          : (r1 - r0) * (q1 - q0);
            float sum = 0.0f;
            for (int64_t r = r0; r < r1; ++r) {
                const float* row = in + (h_start + r * d.h) * W;
                for (int64_t q = q0; q < q1; ++q)
                    sum += row[w_start + q * d.w];
            }
            *out++ = sum / static_cast<float>(divisor);
        }
    }
}

// ONNX LpPool over one plane: (sum of |x|^p over the window's input cells)^(1/p), as the trace does it.
void lp_norm_plane(const PoolPlan& plan, const float* in, float* out) {
    const PoolParams& p = plan.params;
    const int64_t H = plan.input.h, W = plan.input.w;
    const Pair k = p.kernel_size, d = p.effective_dilation();
    for (int64_t oh = 0; oh < plan.output.h; ++oh) {
        const int64_t h_start = plan.h.window_start(oh);
        int64_t r0 = 0, r1 = 0;
        tap_range(h_start, d.h, k.h, 0, H, r0, r1);
        for (int64_t ow = 0; ow < plan.output.w; ++ow) {
            const int64_t w_start = plan.w.window_start(ow);
            int64_t q0 = 0, q1 = 0;
            tap_range(w_start, d.w, k.w, 0, W, q0, q1);
            float sum = 0.0f;
            for (int64_t r = r0; r < r1; ++r) {
                const float* row = in + (h_start + r * d.h) * W;
                for (int64_t q = q0; q < q1; ++q)
                    sum += lp_norm_power(row[w_start + q * d.w], p.norm_type);
            }
            *out++ = lp_norm_root(sum, p.norm_type);
        }
    }
}

void adaptive_plane(const PoolPlan& plan, const float* in, float* out, int64_t* indices) {
    const int64_t H = plan.input.h, W = plan.input.w, OH = plan.output.h, OW = plan.output.w;
    const bool max = plan.op() == PoolOp::kAdaptiveMax;
    for (int64_t oh = 0; oh < OH; ++oh) {
        const int64_t h0 = adaptive_start(oh, H, OH), h1 = adaptive_end(oh, H, OH);
        for (int64_t ow = 0; ow < OW; ++ow) {
            const int64_t w0 = adaptive_start(ow, W, OW), w1 = adaptive_end(ow, W, OW);
            if (max) {
                int64_t best_index = h0 * W + w0;
                float best = -std::numeric_limits<float>::infinity();
                for (int64_t ih = h0; ih < h1; ++ih)
                    for (int64_t iw = w0; iw < w1; ++iw) {
                        const float v = in[ih * W + iw];
                        if (v > best || std::isnan(v)) {
                            best = v;
                            best_index = ih * W + iw;
                        }
                    }
                *out++ = best;
                if (indices) *indices++ = best_index;
            } else {
                float sum = 0.0f;
                for (int64_t ih = h0; ih < h1; ++ih)
                    for (int64_t iw = w0; iw < w1; ++iw)
                        sum += in[ih * W + iw];
                *out++ = sum / static_cast<float>(h1 - h0) / static_cast<float>(w1 - w0);
            }
        }
    }
}

// Avg pooling of every plane of `input` into `out` (the vectorised kernel when it takes the plan).
void avg_planes(const PoolPlan& plan, const Tensor& input, Tensor& out) {
    if (kernels::avg_pool_x86(plan, input.data(), out.data())) return;
    for (int64_t n = 0; n < plan.input.n; ++n)
        for (int64_t c = 0; c < plan.input.c; ++c)
            avg_plane(plan, input.plane(n, c), out.plane(n, c));
}

// lp_pool2d as PyTorch runs it, tensor op by tensor op: x.pow(p), avg_pool2d (padding 0,
// count_include_pad; make_plan has set those), then sign*relu(abs), mul(kh*kw), pow(1/p) per output.
void lp_forward(const PoolPlan& plan, const Tensor& input, Tensor& out) {
    const double p = plan.params.norm_type;
    Tensor powered(input.shape(), 0.0f, input.rank());  // scratch: the one allocation of an lp forward
    const float* x = input.data();
    float* xp = powered.data();
    for (int64_t i = 0; i < input.numel(); ++i)
        xp[i] = torch_pow(x[i], p, i, input.numel());
    PoolPlan avg = plan;
    avg.params.op = PoolOp::kAvg;
    avg_planes(avg, powered, out);
    const int64_t area = plan.params.kernel_size.h * plan.params.kernel_size.w;
    float* o = out.data();
    for (int64_t i = 0; i < out.numel(); ++i)
        o[i] = lp_finish(o[i], area, p, i, out.numel()).result;
}

}  // namespace

void forward_into(const PoolPlan& plan, const Tensor& input, PoolOutput& result, bool with_indices) {
    if (!(result.values.shape() == plan.output)) result.values = make_output(plan, input);
    result.values.set_rank(input.rank());
    const bool max = is_max(plan.op()) && with_indices;
    result.indices.resize(max ? static_cast<size_t>(plan.output.numel()) : 0);
    // The vectorised kernels cover all planes at once; they decline (false) what they do not handle.
    if (plan.op() == PoolOp::kMax && kernels::max_pool_x86(plan, input.data(), result.values.data(),
                                                           max ? result.indices.data() : nullptr))
        return;
    if (plan.op() == PoolOp::kAvg && kernels::avg_pool_x86(plan, input.data(), result.values.data())) return;
    if (plan.op() == PoolOp::kLp && plan.convention() != Convention::kOnnx) {
        lp_forward(plan, input, result.values);
        return;
    }
    const int64_t out_plane = plan.output.plane();
    for (int64_t n = 0; n < plan.input.n; ++n) {
        for (int64_t c = 0; c < plan.input.c; ++c) {
            const float* in = input.plane(n, c);
            float* out = result.values.plane(n, c);
            int64_t* idx = max ? result.indices.data() + (n * plan.input.c + c) * out_plane : nullptr;
            switch (plan.op()) {
                case PoolOp::kMax:
                    max_plane(plan, in, out, idx);
                    break;
                case PoolOp::kAvg:
                    avg_plane(plan, in, out);
                    break;
                case PoolOp::kAdaptiveMax:
                case PoolOp::kAdaptiveAvg:
                    adaptive_plane(plan, in, out, idx);
                    break;
                case PoolOp::kLp:  // ONNX's LpPool; PyTorch's is handled above
                    lp_norm_plane(plan, in, out);
                    break;
            }
        }
    }
}

PoolOutput forward(const PoolPlan& plan, const Tensor& input) {
    PoolOutput result{make_output(plan, input), {}};
    forward_into(plan, input, result);
    return result;
}

PoolOutput forward_reference(const PoolPlan& plan, const Tensor& input) {
    PoolOutput result{make_output(plan, input), {}};
    const bool max = is_max(plan.op());
    if (max) result.indices.resize(static_cast<size_t>(plan.output.numel()));
    CellTrace t;
    const Shape& o = plan.output;
    for (int64_t n = 0; n < o.n; ++n)
        for (int64_t c = 0; c < o.c; ++c)
            for (int64_t oh = 0; oh < o.h; ++oh)
                for (int64_t ow = 0; ow < o.w; ++ow) {
                    trace_cell(plan, input, {n, c, oh, ow}, t);
                    result.values.at(n, c, oh, ow) = t.result;
                    if (max)
                        result.indices[static_cast<size_t>(result.values.offset(n, c, oh, ow))] =
                            t.argmax_index;
                }
    return result;
}

Result<PoolOutput> pool(const Tensor& input, const PoolParams& params) {
    Result<PoolPlan> plan = make_plan(input.shape(), params);
    if (!plan) return plan.errors();
    return forward(*plan, input);
}

}  // namespace poolscope
