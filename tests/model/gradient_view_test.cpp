// The Backward and Unpool views' model without a window: the running grad_input equals the core's backward
// bit for bit once every window has passed, partial sums are PyTorch's partial sums, grad_output follows the
// output's shape, edits and fills, a lesson's gradient step puts the window in the Backward view, and
// MaxUnpool2d puts the maxima back.
#include <gtest/gtest.h>

#include <cstring>

#include "model/app_state.h"
#include "model/gradient_view.h"
#include "model/lesson_session.h"
#include "model/playback.h"
#include "poolscope/generators.h"

namespace poolscope::app {
namespace {

bool same_bits(const Tensor& a, const Tensor& b) {
    return a.shape() == b.shape() &&
           std::memcmp(a.data(), b.data(), static_cast<size_t>(a.numel()) * sizeof(float)) == 0;
}

// Runs the window's derivations as the frame does.
void settle(AppState& state, Playback& playback) {
    recompute(state.doc, state.computed, state.interaction, playback);
    update_traces(state.computed, state.doc, playback);
    update_gradients(state.gradient, state.doc, state.computed, playback);
}

AppState backward_state(PoolParams params, Shape shape = {1, 2, 5, 6}) {
    AppState state = make_default_state();
    state.doc.input = make_random_integers(shape, -4, 9, 7, 3).value();
    state.doc.params = params;
    state.doc.stride_follows_kernel = false;
    mark_changed(state.doc);
    state.gradient.pass = PassView::kBackward;
    return state;
}

TEST(GradientView, RunningSumAtTheLastWindowIsTheCoresGradInputBitForBit) {
    std::vector<PoolParams> layers;
    PoolParams p;
    p.op = PoolOp::kAvg;
    p.kernel_size = {3, 2};
    p.stride = Pair{1, 1};
    p.padding = Padding::symmetric({1, 1});
    layers.push_back(p);  // overlapping, padding counted
    p.count_include_pad = false;
    p.ceil_mode = true;
    p.stride = Pair{2, 1};
    layers.push_back(p);  // padding not counted, ceil_mode overhang
    p.divisor_override = 3;
    layers.push_back(p);
    p = {};
    p.op = PoolOp::kMax;
    p.kernel_size = {2, 3};
    p.stride = Pair{1, 2};
    p.dilation = {2, 1};
    p.padding = Padding::symmetric({1, 1});
    layers.push_back(p);  // overlapping max windows sharing winners
    p = {};
    p.op = PoolOp::kAdaptiveAvg;
    p.output_size = {3, 4};
    layers.push_back(p);
    p.op = PoolOp::kAdaptiveMax;
    layers.push_back(p);
    for (const PoolParams& layer : layers) {
        AppState state = backward_state(layer);
        state.gradient.seed = 3;
        Playback playback;
        settle(state, playback);
        fill_grad_output(state.gradient, state.doc, state.computed, GradFill::kRandom);
        settle(state, playback);
        ASSERT_TRUE(state.gradient.result) << op_name(layer.op);
        const int64_t steps = step_count(state.computed);
        const Tensor full = running_grad_input(*state.computed.plan, state.doc.input,
                                               state.gradient.grad_output, steps - 1, steps);
        EXPECT_TRUE(same_bits(full, state.gradient.result->grad_input)) << op_name(layer.op);
        EXPECT_TRUE(same_bits(
            full, backward(*state.computed.plan, state.doc.input, state.gradient.grad_output).grad_input));
        playback.step = steps - 1;
        settle(state, playback);
        EXPECT_TRUE(same_bits(state.gradient.running, full));
    }
}

TEST(GradientView, TheFirstWindowOfOverlappingAveragesGivesAQuarterToItsFourCells) {
    PoolParams p;
    p.op = PoolOp::kAvg;
    p.kernel_size = {2, 2};
    p.stride = Pair{1, 1};
    AppState state = backward_state(p, {1, 1, 4, 4});
    Playback playback;
    settle(state, playback);
    const Tensor& g = state.gradient.running;
    EXPECT_EQ(state.gradient.grad_output.shape(), (Shape{1, 1, 3, 3}));  // ones by default
    for (int64_t r = 0; r < 4; ++r)
        for (int64_t c = 0; c < 4; ++c)
            EXPECT_EQ(g.at(0, 0, r, c), (r < 2 && c < 2) ? 0.25f : 0.0f) << r << "," << c;
    ASSERT_EQ(state.gradient.step_traces.size(), 1u);
    EXPECT_FLOAT_EQ(state.gradient.step_traces[0].delta, 0.25f);
    playback.step = 1;  // the second window overlaps the first in column 1
    settle(state, playback);
    EXPECT_EQ(state.gradient.running.at(0, 0, 0, 1), 0.5f);
    EXPECT_EQ(state.gradient.running.at(0, 0, 0, 2), 0.25f);
    EXPECT_EQ(state.gradient.running.at(0, 0, 0, 0), 0.25f);
}

TEST(GradientView, GradOutputFollowsTheOutputShapeAndTakesEdits) {
    AppState state = make_default_state();  // MaxPool2d(3, stride=2, padding=1) on 4x4 arange -> 2x2
    state.gradient.pass = PassView::kBackward;
    Playback playback;
    settle(state, playback);
    ASSERT_EQ(state.gradient.grad_output.shape(), (Shape{1, 1, 2, 2}));
    set_grad_value(state.gradient, state.doc, state.computed, 0, 1, 0, 3.5f);
    set_grad_value(state.gradient, state.doc, state.computed, 0, 9, 9, 1.0f);           // outside: ignored
    set_grad_value(state.gradient, state.doc, state.computed, 0, 0, 0, std::nanf(""));  // not finite: ignored
    settle(state, playback);
    EXPECT_EQ(state.gradient.grad_output.at(0, 0, 1, 0), 3.5f);
    EXPECT_EQ(state.gradient.grad_output.at(0, 0, 0, 0), 1.0f);
    // The maxima of the four windows are 5, 7, 13, 15: each gets its window's whole gradient.
    const Tensor& g = state.gradient.result->grad_input;
    EXPECT_EQ(g.at(0, 0, 1, 1), 1.0f);
    EXPECT_EQ(g.at(0, 0, 3, 1), 3.5f);
    EXPECT_EQ(g.at(0, 0, 0, 0), 0.0f);
    // The same output shape keeps the edit; another shape starts again from ones.
    state.doc.input.at(0, 0, 0, 0) = 9.0f;
    commit_edit(state.doc);
    settle(state, playback);
    EXPECT_EQ(state.gradient.grad_output.at(0, 0, 1, 0), 3.5f);
    state.doc.params.stride = Pair{1, 1};
    commit_edit(state.doc);
    settle(state, playback);
    EXPECT_EQ(state.gradient.grad_output.shape(), (Shape{1, 1, 4, 4}));
    EXPECT_EQ(state.gradient.grad_output.at(0, 0, 1, 0), 1.0f);
    fill_grad_output(state.gradient, state.doc, state.computed, GradFill::kArange);
    settle(state, playback);
    EXPECT_EQ(state.gradient.grad_output.at(0, 0, 3, 3), 16.0f);
}

TEST(GradientView, LpPoolingHasNoBackwardAndSaysSo) {
    PoolParams p;
    p.op = PoolOp::kLp;
    p.kernel_size = {2, 2};
    AppState state = backward_state(p);
    Playback playback;
    settle(state, playback);
    EXPECT_FALSE(state.gradient.result);
    ASSERT_EQ(state.gradient.errors.size(), 1u);
    EXPECT_EQ(state.gradient.errors[0].code, "poolscope_unsupported");
}

TEST(GradientView, UnpoolPutsEachMaximumBackAndZerosElsewhere) {
    AppState state = make_default_state();
    state.gradient.pass = PassView::kUnpool;
    Playback playback;
    settle(state, playback);
    ASSERT_TRUE(state.gradient.unpool_applies);
    ASSERT_TRUE(state.gradient.unpooled);
    const Tensor& u = *state.gradient.unpooled;
    ASSERT_EQ(u.shape(), (Shape{1, 1, 4, 4}));  // back to the input's size
    for (int64_t r = 0; r < 4; ++r)
        for (int64_t c = 0; c < 4; ++c) {
            const bool max = (r == 1 || r == 3) && (c == 1 || c == 3);
            EXPECT_EQ(u.at(0, 0, r, c), max ? static_cast<float>(r * 4 + c) : 0.0f) << r << "," << c;
        }
    state.doc.params.op = PoolOp::kAvg;
    commit_edit(state.doc);
    settle(state, playback);
    EXPECT_FALSE(state.gradient.unpool_applies);
    EXPECT_FALSE(state.gradient.unpooled);
}

TEST(GradientView, ALessonsGradientStepOpensTheBackwardViewWithItsGradOutput) {
    LessonSession session;
    ASSERT_TRUE(open_lesson(session, std::string(POOLSCOPE_LESSONS_DIR) + "/09-backward.json", 1).ok());
    const LessonStep* step = current_step(session);
    ASSERT_TRUE(step && step->grad_output);
    AppState state = make_default_state();
    Playback playback;
    apply_step(session, state, playback);
    EXPECT_TRUE(window_shows_step(session, state.doc,
                                  state.gradient));  // the step's gradient is waiting for the plan
    settle(state, playback);
    EXPECT_EQ(state.gradient.pass, PassView::kBackward);
    EXPECT_TRUE(state.gradient.grad_output.identical(*step->grad_output));
    EXPECT_TRUE(window_shows_step(session, state.doc, state.gradient));
    EXPECT_EQ(window_badge(session, state.doc, state.gradient), StepBadge::kMatches);
    playback.step = step_count(state.computed) - 1;
    settle(state, playback);
    EXPECT_TRUE(state.gradient.running.identical(*step->expected.grad_input));
    // Another view, or another gradient, is not what the step shows.
    state.gradient.pass = PassView::kForward;
    EXPECT_FALSE(window_shows_step(session, state.doc, state.gradient));
    state.gradient.pass = PassView::kBackward;
    set_grad_value(state.gradient, state.doc, state.computed, 0, 0, 0, 7.0f);
    EXPECT_FALSE(window_shows_step(session, state.doc, state.gradient));
}

// Issue 28, item 1: a size edited in the sidebar changes state.input while the frame is drawing, before the
// next recompute(). The Backward and Unpool views (and the pass switch's update_gradients() in the same
// frame) must go on with the tensors of the last computation, all of one shape, until then.
TEST(GradientView, AnEditWhileDrawingNeverMixesShapes) {
    for (PassView pass : {PassView::kBackward, PassView::kUnpool}) {
        AppState state = make_default_state();  // 4x4 -> 2x2
        state.gradient.pass = pass;
        Playback playback;
        settle(state, playback);
        ASSERT_TRUE(gradient_view_consistent(state.gradient));
        resize_input(state.doc, state.interaction, 3, 2,
                     2);  // smaller and more channels: a stale read would run past the end
        update_gradients(state.gradient, state.doc, state.computed, playback);  // what the pass switch does
        const GradientView& g = state.gradient;
        EXPECT_TRUE(gradient_view_consistent(g));
        EXPECT_EQ(g.input.shape(), (Shape{1, 1, 4, 4}));  // still the picture the grids draw
        fill_grad_output(state.gradient, state.doc, state.computed,
                         GradFill::kArange);  // a fill button drawn after the edit
        set_grad_value(state.gradient, state.doc, state.computed, 0, 1, 1, 5.0f);
        EXPECT_EQ(g.grad_output.shape(), (Shape{1, 1, 2, 2}));
        EXPECT_TRUE(gradient_view_consistent(g));
        settle(state, playback);  // the next frame: everything follows the new input
        EXPECT_TRUE(gradient_view_consistent(g));
        EXPECT_TRUE(g.input.identical(state.doc.input));
        ASSERT_TRUE(g.plan);
        EXPECT_EQ(g.plan->input, (Shape{1, 3, 2, 2}));
        EXPECT_EQ(g.grad_output.shape(), state.computed.plan->output);
    }
}

}  // namespace
}  // namespace poolscope::app
