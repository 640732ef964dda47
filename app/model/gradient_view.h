// The window's Backward pass: the gradient arriving at the output (grad_output, which the student edits),
// and where it goes as PyTorch 1.13's autograd routes it — the whole grad_input, and the running grad_input
// after the output cells the timeline has reached so far, window by window. GUI-free: panels draw it.
// Everything here comes from one computation: the plan, input and forward output it was made from are kept
// with it, so the views never mix its tensors with the document's (an edit made while drawing changes
// Document::input at once, but the plan and these tensors only at the next recompute()).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "poolscope/backward_trace.h"
#include "poolscope/max_unpool.h"
#include "poolscope/pool_backward.h"
#include "poolscope/pool_forward.h"
#include "poolscope/pool_plan.h"
#include "poolscope/tensor.h"

namespace poolscope::app {

struct Computed;
struct Document;
struct Playback;

enum class PassView {
    kForward,   // the output, window by window (the default)
    kBackward,  // the gradient flowing back, window by window
    kUnpool,    // max pooling with indices, then MaxUnpool2d putting each maximum back
};

enum class GradFill { kOnes, kArange, kRandom };

struct GradientView {
    PassView pass = PassView::kForward;
    Tensor grad_output;  // shaped like plan->output at the input's rank; ones again when that shape changes
    uint32_t seed = 0;   // "random": the next fill's seed

    // What the pass below was computed from (a copy: the document may already hold the next edit). The views
    // draw these, never Document::input or Computed::output / plan.
    std::optional<PoolPlan> plan;  // nullopt: the framework rejected the layer (`errors` says why)
    Tensor input;                  // plan->input's shape
    PoolOutput pooled;             // forward(plan, input): the values and indices the Unpool view shows

    // Derived by update_gradients() (valid when `result`):
    std::optional<BackwardOutput> result;      // grad_input of the whole pass (the core's backward())
    std::vector<Error> errors;                 // why there is no backward (LP pooling, no output)
    Tensor running;                            // grad_input after the output cells up to `running_step`
    int64_t running_step = -1;                 // the playback step `running` and `step_traces` belong to
    std::vector<OutputGradTrace> step_traces;  // the current output cell's routing, one per channel
    // MaxUnpool2d of the forward output with its indices, back to the input's size (Unpool view).
    std::optional<Tensor> unpooled;        // zeros where no maximum came from
    bool unpool_applies = false;           // max_pool2d with symmetric padding: what MaxUnpool2d undoes
    std::vector<Error> unpool_errors;      // PyTorch's refusal, when it refuses
    std::optional<Tensor> pending;         // a lesson step's grad_output, taken once the plan is made
    bool stale = true;                     // grad_output edited since `result` was made
    uint64_t computed_for = ~uint64_t{0};  // Computed::generation `result` was made from
};

// Recomputes what is stale: the backward pass when the plan, input or grad_output changed, the running sum
// and step traces when the playback step moved. Call after recompute() and update_traces(); while an edit
// waits for recompute() (is_stale()) it keeps what it has, which stays consistent.
void update_gradients(GradientView& g, const Document& doc, const Computed& computed,
                      const Playback& playback);

// True when every tensor of the view has the shape its plan gives (the invariant the panels rely on).
bool gradient_view_consistent(const GradientView& view);

// Edits (each marks the backward pass stale), in the shapes the view shows. `value` must be finite.
void set_grad_value(GradientView& g, const Document& doc, const Computed& computed, int64_t c, int64_t oh,
                    int64_t ow, float value);
void fill_grad_output(GradientView& g, const Document& doc, const Computed& computed, GradFill fill);
// A lesson step's grad_output: taken by the next update_gradients() when its shape is the new output's.
void set_grad_output(GradientView& g, Tensor grad_output);

// The running grad_input after output cells [0, step] of every channel, adding each cell's shares in
// PyTorch's order, so at the last step it equals the core's grad_input bit for bit (strays aside: those
// use the core's result). Exposed for tests.
Tensor running_grad_input(const PoolPlan& plan, const Tensor& input, const Tensor& grad_output, int64_t step,
                          int64_t steps_per_channel);

}  // namespace poolscope::app
