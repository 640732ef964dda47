// Derived data and the timeline's mapping (see computed.h).
#include "model/computed.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace poolscope::app {
namespace {

// Moves `value` toward `target` with a time constant that makes a step take about a quarter second.
bool approach(float& value, float target, float dt) {
    const float k = 1.0f - std::exp(-dt * 14.0f);
    value += (target - value) * k;
    if (std::fabs(target - value) < 0.01f) {
        value = target;
        return false;
    }
    return true;
}

void apply_focus(const Computed& computed, Playback& playback, const FocusRequest& focus) {
    const int64_t steps = step_count(computed);
    if (focus.cell) jump_to(playback, step_of_cell(computed, focus.cell->first, focus.cell->second), steps);
    if (focus.step) jump_to(playback, *focus.step, steps);
    if (focus.play == FocusRequest::Play::kToggle) toggle_play(playback, steps);
    // Autoplay runs on from the start cell; from the last cell there is nothing left, so it replays.
    if (focus.play == FocusRequest::Play::kAutoplay) {
        if (playback.step + 1 < steps)
            playback.playing = true;
        else
            toggle_play(playback, steps);
    }
}

}  // namespace

bool is_stale(const Document& doc, const Computed& computed) {
    return computed.made_from != doc.revision;
}

int64_t step_count(const Computed& computed) {
    return computed.plan ? computed.plan->output.h * computed.plan->output.w : 0;
}

OutputCell cell_of_step(const Computed& computed, int64_t step, int64_t channel) {
    if (!computed.plan || computed.plan->output.w <= 0) return {};
    const int64_t w = computed.plan->output.w;
    return {0, channel, step / w, step % w};
}

int64_t step_of_cell(const Computed& computed, int64_t oh, int64_t ow) {
    return computed.plan ? oh * computed.plan->output.w + ow : 0;
}

void recompute(Document& doc, Computed& computed, Interaction& interaction, Playback& playback) {
    recompute_network(doc, computed.network,
                      interaction);  // cheap when neither the network nor the cell moved
    if (!is_stale(doc, computed)) return;
    computed.made_from = doc.revision;
    ++computed.generation;
    if (doc.stride_follows_kernel) doc.params.stride.reset();
    // Remember which output cell was on screen so it stays there when it still exists.
    std::optional<OutputCell> kept;
    if (computed.plan && step_count(computed) > 0) kept = cell_of_step(computed, playback.step);

    // Every framework through plan_layer() (PyTorch: exactly make_plan()), so forward(), the traces and the
    // walkthrough all follow the convention the window shows.
    Result<PoolPlan> plan = plan_layer(doc.input.shape(), layer_of(doc));
    computed.traced_step = -1;
    computed.traces.clear();
    if (!plan) {
        computed.plan.reset();
        computed.errors = plan.errors();
        computed.output = {};
        interaction.focus.reset();
        playback.playing = false;
        return;
    }
    computed.errors.clear();
    computed.plan = std::move(plan).value();
    computed.output = forward(*computed.plan, doc.input);
    const int64_t steps = step_count(computed);
    int64_t step = playback.step;
    if (kept && kept->oh < computed.plan->output.h && kept->ow < computed.plan->output.w)
        step = step_of_cell(computed, kept->oh, kept->ow);
    playback.step = std::clamp<int64_t>(step, 0, std::max<int64_t>(steps - 1, 0));
    if (interaction.focus) apply_focus(computed, playback, *interaction.focus);
    interaction.focus.reset();
    if (interaction.editor.selected) {
        const InputCellRef& s = *interaction.editor.selected;
        const Shape& shape = doc.input.shape();
        if (s.c >= shape.c || s.h >= shape.h || s.w >= shape.w) interaction.editor = {};
    }
}

void update_traces(Computed& computed, const Document& doc, const Playback& playback) {
    if (!computed.plan || step_count(computed) == 0) {
        computed.traces.clear();
        computed.traced_step = -1;
        return;
    }
    const int64_t channels = doc.input.shape().c;
    if (computed.traced_step == playback.step && static_cast<int64_t>(computed.traces.size()) == channels)
        return;
    computed.traces.resize(static_cast<size_t>(channels));
    for (int64_t c = 0; c < channels; ++c)
        trace_cell(*computed.plan, doc.input, cell_of_step(computed, playback.step, c),
                   computed.traces[static_cast<size_t>(c)]);
    computed.traced_step = playback.step;
}

void animate(Animation& a, const Document& doc, const Computed& computed, const Playback& playback,
             float dt) {
    float target_row = a.window_row, target_col = a.window_col;
    float target_rows = 0, target_cols = 0;
    if (computed.plan && step_count(computed) > 0) {
        const PoolPlan& plan = *computed.plan;
        const OutputCell cell = cell_of_step(computed, playback.step);
        if (is_adaptive(doc.params.op)) {
            target_row = static_cast<float>(adaptive_start(cell.oh, plan.input.h, plan.output.h));
            target_col = static_cast<float>(adaptive_start(cell.ow, plan.input.w, plan.output.w));
        } else {
            target_row = static_cast<float>(plan.h.window_start(cell.oh));
            target_col = static_cast<float>(plan.w.window_start(cell.ow));
        }
        target_rows = static_cast<float>(plan.output.h);
        target_cols = static_cast<float>(plan.output.w);
    }
    if (!a.initialised) {
        a.window_row = target_row;
        a.window_col = target_col;
        a.out_rows = target_rows;
        a.out_cols = target_cols;
        a.initialised = true;
    }
    bool moving = false;
    moving |= approach(a.window_row, target_row, dt);
    moving |= approach(a.window_col, target_col, dt);
    moving |= approach(a.out_rows, target_rows, dt);
    moving |= approach(a.out_cols, target_cols, dt);
    a.active = moving;
}

}  // namespace poolscope::app
