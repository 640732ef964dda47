// AppState behaviour: recompute on dirty, edits with undo, the step <-> output cell mapping, animation.
#include "model/app_state.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "poolscope/generators.h"

namespace poolscope::app {
namespace {

void restore(AppState& state, const EditSnapshot& s) {
    state.input = s.input;
    state.params = s.params;
    state.stride_follows_kernel = s.stride_follows_kernel;
    state.convention = s.convention;
    state.pad_mode = s.pad_mode;
    state.storage_order = s.storage_order;
    state.editor = {};
    state.dirty = true;
}

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

void apply_focus(const AppState& state, Playback& playback, const FocusRequest& focus) {
    const int64_t steps = step_count(state);
    if (focus.cell) jump_to(playback, step_of_cell(state, focus.cell->first, focus.cell->second), steps);
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

LayerSpec layer_of(const AppState& state) {
    LayerSpec layer;
    layer.convention = state.convention;
    layer.params = state.params;
    if (state.stride_follows_kernel) layer.params.stride.reset();
    layer.pad_mode = state.pad_mode;
    layer.storage_order = state.storage_order;
    return layer;
}

EditSnapshot snapshot_of(const AppState& state) {
    EditSnapshot s{state.input, state.params, state.stride_follows_kernel};
    s.convention = state.convention;
    s.pad_mode = state.pad_mode;
    s.storage_order = state.storage_order;
    return s;
}

AppState make_default_state() {
    AppState state;
    state.input = make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value();
    state.params.op = PoolOp::kMax;
    state.params.kernel_size = {3, 3};
    state.params.stride = Pair{2, 2};
    state.params.padding = Padding::symmetric({1, 1});
    state.stride_follows_kernel = false;
    state.history.reset(snapshot_of(state));
    return state;
}

int64_t step_count(const AppState& state) {
    return state.plan ? state.plan->output.h * state.plan->output.w : 0;
}

OutputCell cell_of_step(const AppState& state, int64_t step, int64_t channel) {
    if (!state.plan || state.plan->output.w <= 0) return {};
    const int64_t w = state.plan->output.w;
    return {0, channel, step / w, step % w};
}

int64_t step_of_cell(const AppState& state, int64_t oh, int64_t ow) {
    return state.plan ? oh * state.plan->output.w + ow : 0;
}

void recompute(AppState& state, Playback& playback) {
    if (!state.dirty) return;
    state.dirty = false;
    ++state.generation;
    if (state.stride_follows_kernel) state.params.stride.reset();
    // Remember which output cell was on screen so it stays there when it still exists.
    std::optional<OutputCell> kept;
    if (state.plan && step_count(state) > 0) kept = cell_of_step(state, playback.step);

    // Every framework through plan_layer() (PyTorch: exactly make_plan()), so forward(), the traces and the
    // walkthrough all follow the convention the window shows.
    Result<PoolPlan> plan = plan_layer(state.input.shape(), layer_of(state));
    state.traced_step = -1;
    state.traces.clear();
    if (!plan) {
        state.plan.reset();
        state.errors = plan.errors();
        state.output = {};
        state.focus.reset();
        playback.playing = false;
        return;
    }
    state.errors.clear();
    state.plan = std::move(plan).value();
    state.output = forward(*state.plan, state.input);
    const int64_t steps = step_count(state);
    int64_t step = playback.step;
    if (kept && kept->oh < state.plan->output.h && kept->ow < state.plan->output.w)
        step = step_of_cell(state, kept->oh, kept->ow);
    playback.step = std::clamp<int64_t>(step, 0, std::max<int64_t>(steps - 1, 0));
    if (state.focus) apply_focus(state, playback, *state.focus);
    state.focus.reset();
    if (state.editor.selected) {
        const InputCellRef& s = *state.editor.selected;
        const Shape& shape = state.input.shape();
        if (s.c >= shape.c || s.h >= shape.h || s.w >= shape.w) state.editor = {};
    }
}

void update_traces(AppState& state, const Playback& playback) {
    if (!state.plan || step_count(state) == 0) {
        state.traces.clear();
        state.traced_step = -1;
        return;
    }
    if (state.traced_step == playback.step &&
        static_cast<int64_t>(state.traces.size()) == state.input.shape().c)
        return;
    state.traces.resize(static_cast<size_t>(state.input.shape().c));
    for (int64_t c = 0; c < state.input.shape().c; ++c)
        trace_cell(*state.plan, state.input, cell_of_step(state, playback.step, c),
                   state.traces[static_cast<size_t>(c)]);
    state.traced_step = playback.step;
}

void commit_edit(AppState& state, const std::string& merge_key) {
    if (state.stride_follows_kernel) state.params.stride.reset();
    state.dirty = true;
    state.history.record(snapshot_of(state), merge_key);
}

void set_input(AppState& state, Tensor input, const std::string& merge_key) {
    input.set_rank(input.shape().c > 1 ? 3 : 2);
    state.input = std::move(input);
    state.editor = {};
    commit_edit(state, merge_key);
}

bool undo(AppState& state) {
    const EditSnapshot* s = state.history.undo();
    if (!s) return false;
    restore(state, *s);
    return true;
}

bool redo(AppState& state) {
    const EditSnapshot* s = state.history.redo();
    if (!s) return false;
    restore(state, *s);
    return true;
}

void resize_input(AppState& state, int64_t channels, int64_t height, int64_t width) {
    channels = std::clamp<int64_t>(channels, 1, kMaxEditChannels);
    height = std::clamp<int64_t>(height, 1, kMaxEditSize);
    width = std::clamp<int64_t>(width, 1, kMaxEditSize);
    const Shape& old = state.input.shape();
    if (old.c == channels && old.h == height && old.w == width) return;
    Tensor resized(Shape{1, channels, height, width}, 0.0f);
    for (int64_t c = 0; c < std::min(channels, old.c); ++c)
        for (int64_t h = 0; h < std::min(height, old.h); ++h)
            for (int64_t w = 0; w < std::min(width, old.w); ++w)
                resized.at(0, c, h, w) = state.input.at(0, c, h, w);
    set_input(state, std::move(resized), "resize");
}

void set_status(AppState& state, std::string text, bool is_error) {
    state.status = std::move(text);
    state.status_is_error = is_error;
    state.status_since = -1;  // a new line: its time starts when the next frame sees it
}

void animate(AppState& state, const Playback& playback, float dt) {
    Animation& a = state.anim;
    float target_row = a.window_row, target_col = a.window_col;
    float target_rows = 0, target_cols = 0;
    if (state.plan && step_count(state) > 0) {
        const OutputCell cell = cell_of_step(state, playback.step);
        if (is_adaptive(state.params.op)) {
            target_row =
                static_cast<float>(adaptive_start(cell.oh, state.plan->input.h, state.plan->output.h));
            target_col =
                static_cast<float>(adaptive_start(cell.ow, state.plan->input.w, state.plan->output.w));
        } else {
            target_row = static_cast<float>(state.plan->h.window_start(cell.oh));
            target_col = static_cast<float>(state.plan->w.window_start(cell.ow));
        }
        target_rows = static_cast<float>(state.plan->output.h);
        target_cols = static_cast<float>(state.plan->output.w);
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
