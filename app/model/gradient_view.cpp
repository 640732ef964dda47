// GradientView behaviour: grad_output kept in the output's shape, the backward pass and the unpooled
// output recomputed when their sources change, the running sum when the timeline moves.
#include "model/gradient_view.h"

#include <algorithm>
#include <cmath>

#include "model/app_state.h"
#include "model/playback.h"
#include "poolscope/generators.h"

namespace poolscope::app {
namespace {

Shape grad_shape(const AppState& state) {
    return state.plan ? state.plan->output : Shape{1, 1, 0, 0};
}

// grad_output follows the output: a lesson step's when it was given one, kept while the shape stays, all
// ones when it changes.
void fit_grad_output(AppState& state) {
    GradientView& g = state.gradient;
    const Shape shape = grad_shape(state);
    if (g.pending) {
        const Shape& p = g.pending->shape();
        if (p.n == 1 && p.c == shape.c && p.h == shape.h && p.w == shape.w) {
            g.grad_output = std::move(*g.pending);
            g.grad_output.set_rank(state.input.rank());
            g.stale = true;
        }
        g.pending.reset();
    }
    if (g.grad_output.shape() == shape && g.grad_output.rank() == state.input.rank()) return;
    g.grad_output = Tensor(shape, 1.0f, state.input.rank());
    g.stale = true;
}

// PyTorch's MaxUnpool2d of the forward result, back to the input's size when PyTorch allows it (the usual
// `unpool(out, idx, output_size=x.size())`), else to its default size.
void unpool(AppState& state) {
    GradientView& g = state.gradient;
    g.unpooled.reset();
    g.unpool_errors.clear();
    g.unpool_applies = state.params.op == PoolOp::kMax && state.params.padding.is_symmetric();
    if (!g.unpool_applies) return;
    UnpoolParams u;
    u.kernel_size = state.params.kernel_size;
    u.stride = state.params.effective_stride();
    u.padding = Pair{state.params.padding.top, state.params.padding.left};
    u.output_size = Pair{state.input.shape().h, state.input.shape().w};
    Result<UnpoolPlan> plan = make_unpool_plan(state.output.values.shape(), u);
    if (!plan) {
        u.output_size.reset();
        plan = make_unpool_plan(state.output.values.shape(), u);
    }
    if (!plan) {
        g.unpool_errors = plan.errors();
        return;
    }
    Result<UnpoolOutput> out = max_unpool(*plan, state.output.values, state.output.indices, false);
    if (!out) {
        g.unpool_errors = out.errors();
        return;
    }
    g.unpooled = std::move(out).value().values;
}

}  // namespace

Tensor running_grad_input(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output, int64_t step,
                          int64_t steps_per_channel) {
    Tensor sum(input.shape(), 0.0f, input.rank());
    const int64_t out_w = plan.output.w;
    if (out_w <= 0) return sum;
    const int64_t last = std::min(step, steps_per_channel - 1);
    OutputGradTrace t;
    // Channel by channel, cells row-major: the order PyTorch adds them in, so partial sums are its sums.
    for (int64_t c = 0; c < input.shape().c; ++c) {
        for (int64_t s = 0; s <= last; ++s) {
            trace_output_grad(plan, input, grad_output, OutputCell{0, c, s / out_w, s % out_w}, t);
            for (const GradTarget& target : t.targets) {
                if (target.kind == GradTargetKind::kInput)
                    sum.at(0, c, target.ih, target.iw) += t.delta;
                else if (target.kind == GradTargetKind::kStray && target.flat >= 0 &&
                         target.flat < sum.numel())
                    sum.data()[target.flat] += t.delta;
            }
        }
    }
    return sum;
}

void update_gradients(AppState& state, const Playback& playback) {
    GradientView& g = state.gradient;
    if (g.pass == PassView::kForward) return;  // nothing on screen needs it
    if (!state.plan) {
        g.result.reset();
        g.unpooled.reset();
        g.errors = state.errors;
        g.unpool_errors = state.errors;
        g.pending.reset();
        g.step_traces.clear();
        g.computed_for = state.generation;
        return;
    }
    fit_grad_output(state);
    if (g.stale || g.computed_for != state.generation) {
        g.result.reset();
        g.errors.clear();
        if (!backward_supported(*state.plan))
            g.errors.push_back(unsupported_backward(*state.plan));
        else
            g.result = backward(*state.plan, state.input, g.grad_output);
        unpool(state);
        g.stale = false;
        g.computed_for = state.generation;
        g.running_step = -1;
    }
    if (!g.result || g.running_step == playback.step) return;
    const int64_t steps = step_count(state);
    // The last step's sum is the core's grad_input itself (exact even for PyTorch's stray writes).
    g.running = playback.step >= steps - 1
                    ? g.result->grad_input
                    : running_grad_input(*state.plan, state.input, g.grad_output, playback.step, steps);
    g.step_traces.resize(static_cast<size_t>(state.input.shape().c));
    for (int64_t c = 0; c < state.input.shape().c; ++c)
        trace_output_grad(*state.plan, state.input, g.grad_output, cell_of_step(state, playback.step, c),
                          g.step_traces[static_cast<size_t>(c)]);
    g.running_step = playback.step;
}

void set_grad_value(AppState& state, int64_t c, int64_t oh, int64_t ow, float value) {
    GradientView& g = state.gradient;
    fit_grad_output(state);
    const Shape& s = g.grad_output.shape();
    if (!std::isfinite(value) || c < 0 || oh < 0 || ow < 0 || c >= s.c || oh >= s.h || ow >= s.w) return;
    g.grad_output.at(0, c, oh, ow) = value;
    g.stale = true;
}

void fill_grad_output(AppState& state, GradFill fill) {
    GradientView& g = state.gradient;
    const Shape shape = grad_shape(state);
    const int rank = state.input.rank();
    Result<Tensor> t = fill == GradFill::kArange   ? make_arange(shape, 1.0f, 1.0f, rank)
                       : fill == GradFill::kRandom ? make_random_integers(shape, -3, 3, g.seed++, rank)
                                                   : make_constant(shape, 1.0f, rank);
    if (!t) return;  // an empty output: nothing to fill
    g.grad_output = std::move(t).value();
    g.stale = true;
}

void set_grad_output(AppState& state, Tensor grad_output) {
    state.gradient.pending = std::move(grad_output);
}

}  // namespace poolscope::app
