// Mirrors PyTorch 1.13's CPU kernels (MaxPoolKernel.cpp cpu_max_pool, AvgPoolKernel.cpp cpu_avg_pool,
// AdaptiveMaxPoolKernel.cpp, AdaptiveAvgPoolKernel.cpp): same bounds, same visiting order, same float ops.
#include "poolscope/trace.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "poolscope/lp_pool.h"

namespace poolscope {
namespace {

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

TapKind classify(int64_t i, int64_t input, int64_t pad_end) {
    if (i >= 0 && i < input) return TapKind::kInput;
    if (i < input + pad_end) return TapKind::kPadding;  // also every i < 0: windows start at -pad_begin
    return TapKind::kOverhang;
}

// First multiple-of-`step` offset r >= 0 with start + r*step >= bound (bound - start may be negative).
int64_t first_at_or_after(int64_t start, int64_t step, int64_t bound) {
    return bound <= start ? 0 : (bound - start + step - 1) / step;
}

// Lays out the tap grid with each tap's kind and value; leaves `counted` false. A window too large to list
// keeps only the taps on input cells, still in row-major order, which is all the computation reads.
void lay_out_taps(const Tensor& input, const OutputCell& cell, const AxisShape& h, const AxisShape& w,
                  float padding_value, CellTrace& t) {
    int64_t r0 = 0, r1 = t.rows, q0 = 0, q1 = t.cols;
    t.taps_clipped = t.rows * t.cols > kMaxTraceTaps;
    if (t.taps_clipped) {
        r0 = std::min(t.rows, first_at_or_after(t.h_start, t.step_h, 0));
        r1 = std::max(r0, std::min(t.rows, first_at_or_after(t.h_start, t.step_h, h.input)));
        q0 = std::min(t.cols, first_at_or_after(t.w_start, t.step_w, 0));
        q1 = std::max(q0, std::min(t.cols, first_at_or_after(t.w_start, t.step_w, w.input)));
    }
    t.taps.resize(static_cast<size_t>((r1 - r0) * (q1 - q0)));
    const float* plane = input.plane(cell.n, cell.c);
    size_t i = 0;
    for (int64_t r = r0; r < r1; ++r) {
        for (int64_t q = q0; q < q1; ++q) {
            Tap& tap = t.taps[i++];
            tap.ih = t.h_start + r * t.step_h;
            tap.iw = t.w_start + q * t.step_w;
            tap.kind = tap_kind(h, w, tap.ih, tap.iw);
            tap.value = tap.kind == TapKind::kInput     ? plane[tap.ih * input.shape().w + tap.iw]
                        : tap.kind == TapKind::kPadding ? padding_value
                                                        : 0.0f;
            tap.counted = false;
        }
    }
}

// Max over the input taps in row-major order: a larger value or any NaN takes over, so ties keep the first
// and the last NaN wins. The initial index is the first in-range position, as PyTorch seeds it.
void run_max(const Tensor& input, CellTrace& t) {
    const int64_t first_r = (first_tap_inside(t.h_start, t.step_h) - t.h_start) / t.step_h;
    const int64_t first_q = (first_tap_inside(t.w_start, t.step_w) - t.w_start) / t.step_w;
    const int64_t W = input.shape().w;
    t.argmax_index = (t.h_start + first_r * t.step_h) * W + (t.w_start + first_q * t.step_w);
    t.argmax_tap = -1;
    if (t.taps_clipped) {
        if (!t.taps.empty()) t.argmax_tap = 0;  // a clipped list starts at the first in-range tap
    } else if (first_r < t.rows && first_q < t.cols) {
        const Tap& first = t.taps[static_cast<size_t>(first_r * t.cols + first_q)];
        if (first.kind == TapKind::kInput) t.argmax_tap = first_r * t.cols + first_q;
    }
    float best = kNegInf;
    for (size_t i = 0; i < t.taps.size(); ++i) {
        Tap& tap = t.taps[i];
        if (tap.kind != TapKind::kInput) continue;
        tap.counted = true;
        if (tap.value > best || std::isnan(tap.value)) {
            best = tap.value;
            t.argmax_index = tap.ih * W + tap.iw;
            t.argmax_tap = static_cast<int64_t>(i);
        }
    }
    t.result = best;
    t.divisor_rule = DivisorRule::kNone;
}

// Float32 sum of the input taps in row-major order (padding adds 0 and is skipped, like PyTorch).
float sum_inputs(const CellTrace& t) {
    float sum = 0.0f;
    for (const Tap& tap : t.taps)
        if (tap.kind == TapKind::kInput) sum += tap.value;
    return sum;
}

// lp_pool2d: x^p per tap, their float32 sum in tap order over the window clipped to the input (avg_pool2d
// with padding 0), divided by the clipped area, then lp_finish(). There is no padding, so every tap that is
// not an input cell is ceil_mode overhang and is never read.
void run_lp(const PoolPlan& plan, const Tensor& input, CellTrace& t) {
    const PoolParams& p = plan.params;
    const Shape& o = plan.output;
    t.norm_type = p.norm_type;
    t.powered.resize(t.taps.size());
    float sum = 0.0f;
    for (size_t i = 0; i < t.taps.size(); ++i) {
        Tap& tap = t.taps[i];
        tap.counted = tap.kind == TapKind::kInput;
        t.powered[i] = tap.counted
                           ? torch_pow(tap.value, p.norm_type,
                                       input.offset(t.cell.n, t.cell.c, tap.ih, tap.iw), input.numel())
                           : 0.0f;
        if (tap.counted) sum += t.powered[i];
    }
    t.argmax_tap = t.argmax_index = -1;
    t.sum = sum;
    t.divisor_rule = DivisorRule::kWindowArea;
    t.divisor_h = std::min(t.h_start + t.rows, plan.h.input) - t.h_start;
    t.divisor_w = std::min(t.w_start + t.cols, plan.w.input) - t.w_start;
    t.divisor = t.divisor_h * t.divisor_w;
    t.lp_area = p.kernel_size.h * p.kernel_size.w;
    t.lp_mean = t.sum / static_cast<float>(t.divisor);
    const int64_t out_index = ((t.cell.n * o.c + t.cell.c) * o.h + t.cell.oh) * o.w + t.cell.ow;
    const LpFinish f = lp_finish(t.lp_mean, t.lp_area, p.norm_type, out_index, o.numel());
    t.lp_scaled = f.scaled;
    t.result = f.result;
}

// ONNX LpPool: (sum of |x|^p over the input cells)^(1/p), as ONNX Runtime computes it in float32: each
// |x|^p through pow in double, rounded; the sum in tap order; the root as powf(sum, 1.0f / p).
void run_lp_norm(const PoolPlan& plan, CellTrace& t) {
    const double p = plan.params.norm_type;
    t.norm_type = p;
    t.lp_norm = true;
    t.powered.resize(t.taps.size());
    float sum = 0.0f;
    for (size_t i = 0; i < t.taps.size(); ++i) {
        Tap& tap = t.taps[i];
        tap.counted = tap.kind == TapKind::kInput;
        t.powered[i] = tap.counted ? lp_norm_power(tap.value, p) : 0.0f;
        if (tap.counted) sum += t.powered[i];
    }
    t.argmax_tap = t.argmax_index = -1;
    t.sum = t.lp_scaled = sum;
    t.divisor_rule = DivisorRule::kNone;
    t.result = lp_norm_root(sum, p);
}

// How many of the taps start, start + step, ... (n of them) fall in [lo, hi).
int64_t taps_within(int64_t start, int64_t step, int64_t n, int64_t lo, int64_t hi) {
    const int64_t r0 = std::min(n, first_at_or_after(start, step, lo));
    const int64_t r1 = std::min(n, first_at_or_after(start, step, hi));
    return std::max<int64_t>(r1 - r0, 0);
}

void trace_windowed(const PoolPlan& plan, const Tensor& input, CellTrace& t) {
    const PoolParams& p = plan.params;
    const bool max = p.op == PoolOp::kMax;
    const Pair d = p.effective_dilation();
    t.h_start = plan.h.window_start(t.cell.oh);
    t.w_start = plan.w.window_start(t.cell.ow);
    t.rows = p.kernel_size.h;
    t.cols = p.kernel_size.w;
    t.step_h = d.h;
    t.step_w = d.w;
    lay_out_taps(input, t.cell, plan.h, plan.w, max ? kNegInf : 0.0f, t);
    if (max) {
        run_max(input, t);
        return;
    }
    if (p.op == PoolOp::kLp) {
        if (plan.convention() == Convention::kOnnx)
            run_lp_norm(plan, t);
        else
            run_lp(plan, input, t);
        return;
    }
    // Avg: the taps inside the padded input are the "pool size" (the ceil_mode overhang never counts); the
    // taps on the input, the real cells. Without dilation these are the window clipped to each.
    const int64_t H = plan.h.input, W = plan.w.input;
    const int64_t padded_h = taps_within(t.h_start, t.step_h, t.rows, t.h_start, H + plan.h.pad_end);
    const int64_t padded_w = taps_within(t.w_start, t.step_w, t.cols, t.w_start, W + plan.w.pad_end);
    const int64_t real_h = taps_within(t.h_start, t.step_h, t.rows, 0, H);
    const int64_t real_w = taps_within(t.w_start, t.step_w, t.cols, 0, W);
    t.argmax_tap = t.argmax_index = -1;
    t.sum = sum_inputs(t);
    if (p.divisor_override) {
        t.divisor_rule = DivisorRule::kOverride;
        t.divisor = *p.divisor_override;
        t.divisor_h = t.divisor_w = 0;
    } else if (p.count_include_pad) {
        t.divisor_rule = DivisorRule::kWindowArea;
        t.divisor_h = padded_h;
        t.divisor_w = padded_w;
        t.divisor = t.divisor_h * t.divisor_w;
    } else {
        t.divisor_rule = DivisorRule::kRealCells;
        t.divisor_h = real_h;
        t.divisor_w = real_w;
        t.divisor = real_h * real_w;
    }
    const bool counts_padding = p.divisor_override || p.count_include_pad;
    for (Tap& tap : t.taps)
        tap.counted = tap.kind == TapKind::kInput || (counts_padding && tap.kind == TapKind::kPadding);
    // An empty window (impossible under PyTorch's rules, kept for safety) leaves the output at 0.
    t.result = (real_h <= 0 || real_w <= 0) ? 0.0f : t.sum / static_cast<float>(t.divisor);
}

void trace_adaptive(const PoolPlan& plan, const Tensor& input, CellTrace& t) {
    const Shape& in = plan.input;
    const Shape& out = plan.output;
    t.h_start = adaptive_start(t.cell.oh, in.h, out.h);
    t.w_start = adaptive_start(t.cell.ow, in.w, out.w);
    t.rows = adaptive_end(t.cell.oh, in.h, out.h) - t.h_start;
    t.cols = adaptive_end(t.cell.ow, in.w, out.w) - t.w_start;
    t.step_h = t.step_w = 1;
    lay_out_taps(input, t.cell, plan.h, plan.w, 0.0f, t);
    if (plan.op() == PoolOp::kAdaptiveMax) {
        run_max(input, t);
        return;
    }
    for (Tap& tap : t.taps)
        tap.counted = true;
    t.argmax_tap = t.argmax_index = -1;
    t.sum = sum_inputs(t);
    t.divisor_rule = DivisorRule::kAdaptiveArea;
    t.divisor_h = t.rows;
    t.divisor_w = t.cols;
    t.divisor = t.rows * t.cols;
    // PyTorch divides twice: sum / kh / kw.
    t.result = t.sum / static_cast<float>(t.rows) / static_cast<float>(t.cols);
}

}  // namespace

TapKind tap_kind(const AxisShape& h, const AxisShape& w, int64_t ih, int64_t iw) {
    const TapKind kh = classify(ih, h.input, h.pad_end);
    const TapKind kw = classify(iw, w.input, w.pad_end);
    if (kh == TapKind::kOverhang || kw == TapKind::kOverhang) return TapKind::kOverhang;
    return kh == TapKind::kPadding || kw == TapKind::kPadding ? TapKind::kPadding : TapKind::kInput;
}

void trace_cell(const PoolPlan& plan, const Tensor& input, OutputCell cell, CellTrace& out) {
    out.cell = cell;
    out.sum = 0.0f;
    out.divisor = 0;
    out.divisor_h = out.divisor_w = 0;
    out.powered.clear();
    out.norm_type = 0.0;
    out.lp_mean = out.lp_scaled = 0.0f;
    out.lp_area = 0;
    out.lp_norm = false;
    if (is_adaptive(plan.op()))
        trace_adaptive(plan, input, out);
    else
        trace_windowed(plan, input, out);
}

CellTrace trace_cell(const PoolPlan& plan, const Tensor& input, OutputCell cell) {
    CellTrace t;
    trace_cell(plan, input, cell, t);
    return t;
}

namespace {

// Output positions along one axis whose window has a tap at input coordinate i.
std::vector<int64_t> positions_reading(const PoolPlan& plan, const AxisShape& axis, int64_t kernel,
                                       int64_t step, int64_t out_size, int64_t in_size, int64_t i) {
    std::vector<int64_t> found;
    for (int64_t o = 0; o < out_size; ++o) {
        if (is_adaptive(plan.op())) {
            if (i >= adaptive_start(o, in_size, out_size) && i < adaptive_end(o, in_size, out_size))
                found.push_back(o);
            continue;
        }
        const int64_t offset = i - axis.window_start(o);
        if (offset >= 0 && offset % step == 0 && offset / step < kernel) found.push_back(o);
    }
    return found;
}

}  // namespace

std::vector<OutputCell> windows_reading(const PoolPlan& plan, int64_t n, int64_t c, int64_t ih, int64_t iw) {
    const Pair k = plan.params.kernel_size, d = plan.params.effective_dilation();
    const std::vector<int64_t> rows =
        positions_reading(plan, plan.h, k.h, d.h, plan.output.h, plan.input.h, ih);
    const std::vector<int64_t> cols =
        positions_reading(plan, plan.w, k.w, d.w, plan.output.w, plan.input.w, iw);
    std::vector<OutputCell> cells;
    for (int64_t oh : rows)
        for (int64_t ow : cols)
            cells.push_back({n, c, oh, ow});
    return cells;
}

}  // namespace poolscope
