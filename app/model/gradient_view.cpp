// GradientView behaviour: grad_output kept in the output's shape, the backward pass and the unpooled
// output recomputed when their sources change, the running sum when the timeline moves.
#include "model/gradient_view.h"

#include <algorithm>
#include <cmath>

#include "model/computed.h"
#include "model/playback.h"
#include "poolscope/generators.h"

namespace poolscope::app {
namespace {

// grad_output follows the output of the plan the view was computed from: a lesson step's when it was given
// one, kept while the shape stays, all ones when it changes. Runs only when the document is not mid-edit,
// so computed.plan and doc.input belong together.
void fit_grad_output(GradientView& g, const Document& doc, const Computed& computed) {
    const Shape shape = computed.plan ? computed.plan->output : Shape{1, 1, 0, 0};
    if (g.pending) {
        const Shape& p = g.pending->shape();
        if (p.n == 1 && p.c == shape.c && p.h == shape.h && p.w == shape.w) {
            g.grad_output = std::move(*g.pending);
            g.grad_output.set_rank(doc.input.rank());
            g.stale = true;
        }
        g.pending.reset();
    }
    if (g.grad_output.shape() == shape && g.grad_output.rank() == doc.input.rank()) return;
    g.grad_output = Tensor(shape, 1.0f, doc.input.rank());
    g.stale = true;
}

// PyTorch's MaxUnpool2d of the forward result, back to the input's size when PyTorch allows it (the usual
// `unpool(out, idx, output_size=x.size())`), else to its default size. Reads the view's own copies.
void unpool(GradientView& g) {
    g.unpooled.reset();
    g.unpool_errors.clear();
    const PoolParams& params = g.plan->params;
    g.unpool_applies = params.op == PoolOp::kMax && params.padding.is_symmetric();
    if (!g.unpool_applies) return;
    UnpoolParams u;
    u.kernel_size = params.kernel_size;
    u.stride = params.effective_stride();
    u.padding = Pair{params.padding.top, params.padding.left};
    u.output_size = Pair{g.input.shape().h, g.input.shape().w};
    Result<UnpoolPlan> plan = make_unpool_plan(g.pooled.values.shape(), u);
    if (!plan) {
        u.output_size.reset();
        plan = make_unpool_plan(g.pooled.values.shape(), u);
    }
    if (!plan) {
        g.unpool_errors = plan.errors();
        return;
    }
    Result<UnpoolOutput> out = max_unpool(*plan, g.pooled.values, g.pooled.indices, false);
    if (!out) {
        g.unpool_errors = out.errors();
        return;
    }
    g.unpooled = std::move(out).value().values;
}

// The shape the view's grad_output must have: its plan's output (empty when there is none).
Shape view_output_shape(const GradientView& g) {
    return g.plan ? g.plan->output : Shape{1, 1, 0, 0};
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

void update_gradients(GradientView& g, const Document& doc, const Computed& computed,
                      const Playback& playback) {
    if (g.pass == PassView::kForward) return;  // nothing on screen needs it
    // An edit made while drawing (a size changed in the sidebar): doc.input no longer fits computed.plan
    // until the next recompute(), so keep the last picture, which is consistent in itself.
    if (is_stale(doc, computed)) return;
    if (!computed.plan) {
        g.plan.reset();
        g.result.reset();
        g.unpooled.reset();
        g.errors = computed.errors;
        g.unpool_errors = computed.errors;
        g.pending.reset();
        g.step_traces.clear();
        g.computed_for = computed.generation;
        return;
    }
    fit_grad_output(g, doc, computed);
    if (g.stale || g.computed_for != computed.generation || !g.plan) {
        g.plan = *computed.plan;
        g.input = doc.input;
        g.pooled = computed.output;
        g.result.reset();
        g.errors.clear();
        if (!backward_supported(*g.plan))
            g.errors.push_back(unsupported_backward(*g.plan));
        else
            g.result = backward(*g.plan, g.input, g.grad_output);
        unpool(g);
        g.stale = false;
        g.computed_for = computed.generation;
        g.running_step = -1;
    }
    if (!g.result || g.running_step == playback.step) return;
    const PoolPlan& plan = *g.plan;
    const int64_t steps = plan.output.h * plan.output.w;
    const int64_t step = std::clamp<int64_t>(playback.step, 0, std::max<int64_t>(steps - 1, 0));
    // The last step's sum is the core's grad_input itself (exact even for PyTorch's stray writes).
    g.running = step >= steps - 1 ? g.result->grad_input
                                  : running_grad_input(plan, g.input, g.grad_output, step, steps);
    g.step_traces.resize(static_cast<size_t>(g.input.shape().c));
    const int64_t out_w = std::max<int64_t>(plan.output.w, 1);
    for (int64_t c = 0; c < g.input.shape().c; ++c)
        trace_output_grad(plan, g.input, g.grad_output, OutputCell{0, c, step / out_w, step % out_w},
                          g.step_traces[static_cast<size_t>(c)]);
    g.running_step = playback.step;
}

bool gradient_view_consistent(const GradientView& g) {
    if (!g.plan) return !g.result;
    const PoolPlan& plan = *g.plan;
    const Shape& in = g.input.shape();
    bool ok = in == plan.input && g.pooled.values.shape() == plan.output;
    if (g.result) {
        ok = ok && g.grad_output.shape() == plan.output && g.result->grad_input.shape() == in &&
             (g.running_step < 0 || g.running.shape() == in) &&
             static_cast<int64_t>(g.step_traces.size()) <= in.c;
    }
    if (g.unpooled) ok = ok && g.unpooled->shape().c == plan.output.c;
    return ok;
}

void set_grad_value(GradientView& g, const Document& doc, const Computed& computed, int64_t c, int64_t oh,
                    int64_t ow, float value) {
    if (!is_stale(doc, computed)) fit_grad_output(g, doc, computed);
    const Shape& s = g.grad_output.shape();
    if (!std::isfinite(value) || c < 0 || oh < 0 || ow < 0 || c >= s.c || oh >= s.h || ow >= s.w) return;
    g.grad_output.at(0, c, oh, ow) = value;
    g.stale = true;
}

void fill_grad_output(GradientView& g, const Document& doc, const Computed& computed, GradFill fill) {
    // The shape the view shows (its plan's output): the next update_gradients() refits it if the window's
    // plan has moved on since.
    const Shape shape = g.plan          ? view_output_shape(g)
                        : computed.plan ? computed.plan->output
                                        : Shape{1, 1, 0, 0};
    const int rank = g.plan ? g.input.rank() : doc.input.rank();
    Result<Tensor> t = fill == GradFill::kArange   ? make_arange(shape, 1.0f, 1.0f, rank)
                       : fill == GradFill::kRandom ? make_random_integers(shape, -3, 3, g.seed++, rank)
                                                   : make_constant(shape, 1.0f, rank);
    if (!t) return;  // an empty output: nothing to fill
    g.grad_output = std::move(t).value();
    g.stale = true;
}

void set_grad_output(GradientView& g, Tensor grad_output) {
    g.pending = std::move(grad_output);
}

}  // namespace poolscope::app
