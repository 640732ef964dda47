// Per-cell gradient traces. The routing and arithmetic follow the same PyTorch 1.13 kernels as the fast path
// (pool_backward.cpp) but are derived from the forward trace (trace_cell), one window at a time.
#include "poolscope/backward_trace.h"

#include <algorithm>

namespace poolscope {

void trace_output_grad(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output, OutputCell cell,
                       OutputGradTrace& out) {
    trace_cell(plan, input, cell, out.window);
    const CellTrace& t = out.window;
    out.grad = grad_output.at(cell.n, cell.c, cell.oh, cell.ow);
    out.targets.clear();
    const int64_t W = plan.input.w;
    if (is_max(plan.op())) {
        out.delta = out.grad;
        if (t.argmax_tap >= 0) {
            out.targets.push_back({t.argmax_index / W, t.argmax_index % W, GradTargetKind::kInput, -1});
        } else {
            const int64_t flat = input.offset(cell.n, cell.c, 0, 0) + t.argmax_index;
            out.targets.push_back({t.argmax_index / W, t.argmax_index % W, GradTargetKind::kStray,
                                   flat < input.numel() ? flat : -1});
        }
        return;
    }
    if (plan.op() == PoolOp::kAdaptiveAvg)
        out.delta = plan.output.h == 1 && plan.output.w == 1
                        ? out.grad / static_cast<float>(plan.input.h * plan.input.w)
                        : out.grad / static_cast<float>(t.rows) / static_cast<float>(t.cols);
    else
        out.delta = out.grad / static_cast<float>(t.divisor);
    for (const Tap& tap : t.taps) {
        if (tap.kind == TapKind::kInput)
            out.targets.push_back({tap.ih, tap.iw, GradTargetKind::kInput, -1});
        else if (tap.kind == TapKind::kPadding && tap.counted)
            out.targets.push_back({tap.ih, tap.iw, GradTargetKind::kPadding, -1});
    }
}

OutputGradTrace trace_output_grad(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output,
                                  OutputCell cell) {
    OutputGradTrace t;
    trace_output_grad(plan, input, grad_output, cell, t);
    return t;
}

InputGradTrace trace_input_grad(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output,
                                int64_t n, int64_t c, int64_t ih, int64_t iw) {
    InputGradTrace r;
    r.n = n;
    r.c = c;
    r.ih = ih;
    r.iw = iw;
    // Each contribution keyed by its output cell's offset: PyTorch walks the output channel by channel,
    // row-major, and a stray write from an earlier channel lands before this channel's own additions.
    std::vector<std::pair<int64_t, GradContribution>> found;
    OutputGradTrace t;
    for (const OutputCell& cell : windows_reading(plan, n, c, ih, iw)) {
        trace_output_grad(plan, input, grad_output, cell, t);
        const GradTarget& first = t.targets.empty() ? GradTarget{} : t.targets.front();
        const bool max = is_max(plan.op());
        if (max &&
            (t.targets.empty() || first.kind != GradTargetKind::kInput || first.ih != ih || first.iw != iw)) {
            r.passed_over.push_back(cell);
            continue;
        }
        GradContribution g;
        g.from = cell;
        g.grad = t.grad;
        g.divisor = max ? 0 : t.window.divisor;
        g.delta = t.delta;
        found.emplace_back(grad_output.offset(cell.n, cell.c, cell.oh, cell.ow), g);
    }
    const int64_t flat = input.offset(n, c, ih, iw);
    for (const StrayGradient& s : stray_gradients(plan, &grad_output)) {
        if (!s.inside || s.flat != flat) continue;
        GradContribution g;
        g.from = s.from;
        g.grad = g.delta = s.grad;
        g.stray = true;
        found.emplace_back(grad_output.offset(s.from.n, s.from.c, s.from.oh, s.from.ow), g);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // PyTorch adds into a zeroed grad_input, except for the 1x1 adaptive average (mean()), whose gradient is
    // the quotient itself: the two differ only for -0.0.
    const bool mean = plan.op() == PoolOp::kAdaptiveAvg && plan.output.h == 1 && plan.output.w == 1;
    float sum = 0.0f;
    for (auto& [offset, g] : found) {
        sum = mean ? g.delta : sum + g.delta;
        g.running = sum;
        r.contributions.push_back(g);
    }
    r.value = sum;
    return r;
}

}  // namespace poolscope
