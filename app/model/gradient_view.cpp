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

Shape grad_shape(const Computed& computed) {
    return computed.plan ? computed.plan->output : Shape{1, 1, 0, 0};
}

// grad_output follows the output: a lesson step's when it was given one, kept while the shape stays, all
// ones when it changes.
void fit_grad_output(GradientView& g, const Document& doc, const Computed& computed) {
    const Shape shape = grad_shape(computed);
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
// `unpool(out, idx, output_size=x.size())`), else to its default size.
void unpool(GradientView& g, const Document& doc, const Computed& computed) {
    g.unpooled.reset();
    g.unpool_errors.clear();
    g.unpool_applies = doc.params.op == PoolOp::kMax && doc.params.padding.is_symmetric();
    if (!g.unpool_applies) return;
    UnpoolParams u;
    u.kernel_size = doc.params.kernel_size;
    u.stride = doc.params.effective_stride();
    u.padding = Pair{doc.params.padding.top, doc.params.padding.left};
    u.output_size = Pair{doc.input.shape().h, doc.input.shape().w};
    Result<UnpoolPlan> plan = make_unpool_plan(computed.output.values.shape(), u);
    if (!plan) {
        u.output_size.reset();
        plan = make_unpool_plan(computed.output.values.shape(), u);
    }
    if (!plan) {
        g.unpool_errors = plan.errors();
        return;
    }
    Result<UnpoolOutput> out = max_unpool(*plan, computed.output.values, computed.output.indices, false);
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

void update_gradients(GradientView& g, const Document& doc, const Computed& computed,
                      const Playback& playback) {
    if (g.pass == PassView::kForward) return;  // nothing on screen needs it
    if (!computed.plan) {
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
    if (g.stale || g.computed_for != computed.generation) {
        g.result.reset();
        g.errors.clear();
        if (!backward_supported(doc.params.op))
            g.errors.push_back(unsupported_backward(doc.params.op));
        else
            g.result = backward(*computed.plan, doc.input, g.grad_output);
        unpool(g, doc, computed);
        g.stale = false;
        g.computed_for = computed.generation;
        g.running_step = -1;
    }
    if (!g.result || g.running_step == playback.step) return;
    const int64_t steps = step_count(computed);
    // The last step's sum is the core's grad_input itself (exact even for PyTorch's stray writes).
    g.running = playback.step >= steps - 1
                    ? g.result->grad_input
                    : running_grad_input(*computed.plan, doc.input, g.grad_output, playback.step, steps);
    g.step_traces.resize(static_cast<size_t>(doc.input.shape().c));
    for (int64_t c = 0; c < doc.input.shape().c; ++c)
        trace_output_grad(*computed.plan, doc.input, g.grad_output, cell_of_step(computed, playback.step, c),
                          g.step_traces[static_cast<size_t>(c)]);
    g.running_step = playback.step;
}

void set_grad_value(GradientView& g, const Document& doc, const Computed& computed, int64_t c, int64_t oh,
                    int64_t ow, float value) {
    fit_grad_output(g, doc, computed);
    const Shape& s = g.grad_output.shape();
    if (!std::isfinite(value) || c < 0 || oh < 0 || ow < 0 || c >= s.c || oh >= s.h || ow >= s.w) return;
    g.grad_output.at(0, c, oh, ow) = value;
    g.stale = true;
}

void fill_grad_output(GradientView& g, const Document& doc, const Computed& computed, GradFill fill) {
    const Shape shape = grad_shape(computed);
    const int rank = doc.input.rank();
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
