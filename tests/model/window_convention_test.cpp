// The window follows a layer's framework (issue 11 item 1, issue 17 "In the window"), without a display:
// a lesson step's convention comes into AppState and the plan, the badge says "matches" for another
// framework's step only because the window shows it, switching frameworks rewrites the layer, undo brings
// the framework back, --params takes a framework's layer, and the compare view's data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "model/app_options.h"
#include "model/app_state.h"
#include "model/convention_switch.h"
#include "model/framework_compare.h"
#include "model/lesson_session.h"
#include "model/playback.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

const fs::path kPaddingLesson = fs::path(POOLSCOPE_LESSONS_DIR) / "02-padding-and-stride.json";

Result<AppState> state_from_params(std::string params) {
    std::string name = "poolscope", option = "--params";
    std::vector<char*> argv = {name.data(), option.data(), params.data()};
    Result<AppOptions> o = parse_app_options(static_cast<int>(argv.size()), argv.data());
    if (!o) return o.errors();
    return initial_state(*o);
}

bool has_code(const std::vector<Error>& errors, const std::string& code) {
    for (const Error& e : errors)
        if (e.code == code) return true;
    return false;
}

TEST(WindowConvention, LessonTwoStepFourShowsMxnetsOutputAndStepFivePyTorchsRefusal) {
    LessonSession session;
    ASSERT_TRUE(open_lesson(session, kPaddingLesson, 3));  // step 4: D2L's first-edition MXNet example
    AppState state = make_default_state();
    Playback playback;
    apply_step(session, state, playback);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(state.doc.convention, Convention::kMxnet);
    ASSERT_TRUE(state.computed.plan) << (state.computed.errors.empty()
                                             ? ""
                                             : state.computed.errors.front().message);
    EXPECT_EQ(state.computed.plan->convention(), Convention::kMxnet);
    EXPECT_EQ(state.computed.plan->output.h, 3);
    EXPECT_EQ(state.computed.plan->output.w, 2);
    EXPECT_EQ(state.computed.output.values.values(), (std::vector<float>{0, 3, 8, 11, 12, 15}));
    EXPECT_TRUE(window_shows_step(session, state.doc, state.gradient));
    EXPECT_EQ(window_badge(session, state.doc, state.gradient), StepBadge::kMatches);

    ASSERT_TRUE(next_step(session));  // step 5: the same layer in PyTorch
    apply_step(session, state, playback);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(state.doc.convention, Convention::kPyTorch);
    EXPECT_FALSE(state.computed.plan);
    EXPECT_TRUE(has_code(state.computed.errors, "padding_half_kernel"));
    EXPECT_EQ(window_badge(session, state.doc, state.gradient),
              StepBadge::kMatches);  // the expected error is on screen
}

TEST(WindowConvention, ChangingTheFrameworkAwayFromTheStepIsNotShownAndUndoBringsItBack) {
    LessonSession session;
    ASSERT_TRUE(open_lesson(session, kPaddingLesson, 3));
    AppState state = make_default_state();
    Playback playback;
    apply_step(session, state, playback);
    recompute(state.doc, state.computed, state.interaction, playback);
    set_convention(state.doc, Convention::kPyTorch);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_TRUE(differs_from_step(session, state.doc));
    EXPECT_EQ(window_badge(session, state.doc, state.gradient), StepBadge::kNotShown);
    EXPECT_FALSE(state.computed.plan);  // PyTorch refuses padding 2 for kernel 3
    ASSERT_TRUE(undo(state.doc, state.interaction));
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(state.doc.convention, Convention::kMxnet);
    EXPECT_EQ(window_badge(session, state.doc, state.gradient), StepBadge::kMatches);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_EQ(state.computed.plan->output.h, 3);
}

TEST(WindowConvention, TensorFlowSamePadsAtTheEndAndTheOutputFollows) {
    Playback playback;
    AppState state = make_default_state();  // MaxPool2d(3, padding=1, stride=2) on arange(16) 4x4
    set_convention(state.doc, Convention::kTensorFlow);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(state.doc.pad_mode, PadMode::kSameUpper);  // PyTorch padded, so "same"
    EXPECT_EQ(state.doc.params.padding, Padding{});
    ASSERT_TRUE(state.computed.plan);
    // SAME: out = ceil(4/2) = 2, padding (2-1)*2 + 3 - 4 = 1, all of it after: windows rows/cols 0..2, 2..4.
    EXPECT_EQ(state.computed.plan->h.pad_begin, 0);
    EXPECT_EQ(state.computed.plan->h.pad_end, 1);
    EXPECT_EQ(state.computed.output.values.values(), (std::vector<float>{10, 11, 14, 15}));
    update_traces(state.computed, state.doc, playback);
    ASSERT_EQ(state.computed.traces.size(), 1u);
    EXPECT_EQ(state.computed.traces[0].h_start, 0);

    set_pad_mode(state.doc, PadMode::kValid);  // "valid": floor-like, no padding
    recompute(state.doc, state.computed, state.interaction, playback);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_EQ(state.computed.plan->output.h, 1);
    EXPECT_EQ(state.computed.output.values.values(), (std::vector<float>{10}));

    state.doc.params.ceil_mode = true;  // Keras has no ceil_mode: the framework's own refusal, with its code
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_FALSE(state.computed.plan);
    EXPECT_TRUE(has_code(state.computed.errors, "convention_no_param"));
}

TEST(WindowConvention, AverageDivisorFollowsEachFrameworksDefault) {
    Playback playback;
    AppState state = make_default_state();
    state.doc.params.op = PoolOp::kAvg;
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_TRUE(state.computed.plan->params.count_include_pad);  // PyTorch counts padding
    const float pytorch_corner = state.computed.output.values.values()[0];
    set_convention(state.doc, Convention::kOnnx);
    recompute(state.doc, state.computed, state.interaction, playback);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_FALSE(state.doc.params.count_include_pad);  // ONNX's default
    EXPECT_EQ(state.computed.plan->h.pad_begin, 1);    // explicit pads carried over
    // Window rows/cols -1..1 holds 0, 1, 4, 5: PyTorch divides by 9, ONNX by the 4 real cells.
    EXPECT_FLOAT_EQ(pytorch_corner, 10.0f / 9.0f);
    EXPECT_FLOAT_EQ(state.computed.output.values.values()[0], 2.5f);
    set_convention(state.doc, Convention::kMxnet);
    EXPECT_TRUE(state.doc.params.count_include_pad);  // MXNet's default again
}

TEST(WindowConvention, StrideNotGivenMeansEachFrameworksDefault) {
    Playback playback;
    AppState state = make_default_state();
    state.doc.params.kernel_size = {2, 2};
    state.doc.params.padding = {};
    state.doc.stride_follows_kernel = true;
    commit_edit(state.doc);
    set_convention(state.doc, Convention::kMxnet);  // both default to the kernel size: still "not given"
    EXPECT_TRUE(state.doc.stride_follows_kernel);
    EXPECT_EQ(shown_stride(state.doc), (Pair{2, 2}));
    set_convention(state.doc, Convention::kOnnx);  // ONNX's default is 1: the stride is written out instead
    EXPECT_FALSE(state.doc.stride_follows_kernel);
    EXPECT_EQ(state.doc.params.stride, (Pair{2, 2}));
    recompute(state.doc, state.computed, state.interaction, playback);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_EQ(state.computed.plan->output.h, 2);
    state.doc.stride_follows_kernel = true;  // "strides not given" in ONNX: 1
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(shown_stride(state.doc), (Pair{1, 1}));
    ASSERT_TRUE(state.computed.plan);
    EXPECT_EQ(state.computed.plan->output.h, 3);
}

TEST(WindowConvention, OnnxAutoPadClearsTypedPadsAndStorageOrderIsKept) {
    Playback playback;
    AppState state = make_default_state();
    set_convention(state.doc, Convention::kOnnx);
    EXPECT_EQ(state.doc.params.padding, Padding::symmetric({1, 1}));
    set_pad_mode(state.doc, PadMode::kSameLower);
    EXPECT_EQ(state.doc.params.padding, Padding{});  // ONNX refuses pads next to an auto_pad
    state.doc.storage_order = 1;
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_EQ(state.computed.plan->h.pad_begin, 1);  // SAME_LOWER: the odd cell at the start
    EXPECT_EQ(state.computed.plan->h.pad_end, 0);
    const StepEdit edit = edit_from_document(state.doc);
    EXPECT_EQ(edit.convention, Convention::kOnnx);
    EXPECT_EQ(edit.pad_mode, PadMode::kSameLower);
    EXPECT_EQ(edit.storage_order, 1);
    ASSERT_TRUE(undo(state.doc, state.interaction));
    EXPECT_EQ(state.doc.storage_order, 0);
    EXPECT_EQ(state.doc.pad_mode, PadMode::kSameLower);
}

TEST(WindowConvention, ParamsOptionTakesAFrameworksLayer) {
    Result<AppState> state =
        state_from_params(R"({"convention":"tensorflow","pool_size":2,"strides":1,"padding":"same"})");
    ASSERT_TRUE(state) << state.error_text();
    Playback playback;
    recompute(state.value().doc, state.value().computed, state.value().interaction, playback);
    EXPECT_EQ(state->doc.convention, Convention::kTensorFlow);
    EXPECT_EQ(state->doc.pad_mode, PadMode::kSameUpper);
    ASSERT_TRUE(state->computed.plan);
    EXPECT_EQ(state->computed.plan->output.h, 4);  // SAME keeps 4 with stride 1
    EXPECT_FALSE(state->doc.history.can_undo());
    // TensorFlow has no ceil_mode: the window opens and shows the refusal, with its code. (A dilation is
    // tf.nn.pool's, which the window takes.)
    Result<AppState> dilated =
        state_from_params(R"({"convention":"tensorflow","pool_size":2,"ceil_mode":true})");
    ASSERT_TRUE(dilated) << dilated.error_text();
    recompute(dilated.value().doc, dilated.value().computed, dilated.value().interaction, playback);
    EXPECT_FALSE(dilated->computed.plan);
    EXPECT_TRUE(has_code(dilated->computed.errors, "convention_no_param"));
    Result<AppState> pool =
        state_from_params(R"({"convention":"tensorflow","pool_size":2,"dilations":2,"padding":"same"})");
    ASSERT_TRUE(pool) << pool.error_text();
    recompute(pool.value().doc, pool.value().computed, pool.value().interaction, playback);
    ASSERT_TRUE(pool->computed.plan);
    EXPECT_EQ(pool->computed.plan->params.effective_stride(), (Pair{1, 1}));  // tf.nn.pool's default
    // A key the framework does not have at all is refused when read.
    EXPECT_FALSE(state_from_params(R"({"convention":"tensorflow","pool_size":2,"pads":[1,1,1,1]})"));
}

// The class of bug behind issue 11 item 1: for every shipped lesson step the window can hold, what the
// window computes after apply_step is what the step expects (values of the first image, the output size,
// or a refusal), whatever the step's framework.
TEST(WindowConvention, EveryShippedStepShowsItsExpectedResultInTheWindow) {
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(POOLSCOPE_LESSONS_DIR)) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
        LessonSession session;
        ASSERT_TRUE(open_lesson(session, entry.path())) << entry.path();
        for (size_t i = 0; i < step_total(session); ++i) {
            go_to_step(session, i);
            const LessonStep& step = *current_step(session);
            if (!step.expected.any() || !step_input_for_window(step)) continue;
            AppState state = make_default_state();
            Playback playback;
            apply_step(session, state, playback);
            recompute(state.doc, state.computed, state.interaction, playback);
            const std::string where = entry.path().filename().string() + " step " + std::to_string(i + 1);
            EXPECT_EQ(state.doc.convention, step.convention) << where;
            if (step.expected.error) {
                EXPECT_FALSE(state.computed.plan) << where;
                ++checked;
                continue;
            }
            ASSERT_TRUE(state.computed.plan)
                << where << ": " << (state.computed.errors.empty() ? "" : state.computed.errors[0].message);
            if (step.expected.output && step.input && step.input->shape().n == 1) {
                const std::vector<float>& want = step.expected.output->values();
                const std::vector<float>& got = state.computed.output.values.values();
                ASSERT_EQ(got.size(), want.size()) << where;
                for (size_t k = 0; k < want.size(); ++k)  // avg: to float rounding, as the checker allows
                    EXPECT_NEAR(got[k], want[k], 1e-4f * std::max(1.0f, std::fabs(want[k])))
                        << where << " value " << k;
            }
            if (step.expected.shape) {
                const std::vector<int64_t>& shape = *step.expected.shape;
                ASSERT_GE(shape.size(), 2u) << where;
                EXPECT_EQ(state.computed.plan->output.h, shape[shape.size() - 2]) << where;
                EXPECT_EQ(state.computed.plan->output.w, shape[shape.size() - 1]) << where;
            }
            EXPECT_NE(window_badge(session, state.doc, state.gradient), StepBadge::kNotShown) << where;
            ++checked;
        }
    }
    EXPECT_GT(checked, 30);
}

TEST(FrameworkCompare, TheSameLayerInFourFrameworksWithTheReasonsItDiffers) {
    AppState state = make_default_state();
    state.doc.params.op = PoolOp::kAvg;  // AvgPool2d(3, stride=2, padding=1) on arange(16) 4x4
    const FrameworkCompare c = compare_frameworks(state.doc);
    ASSERT_EQ(c.columns.size(), 4u);
    EXPECT_EQ(c.reference, 0u);  // PyTorch, the window's framework
    for (const FrameworkColumn& column : c.columns)
        ASSERT_TRUE(column.plan) << column.code;
    // TensorFlow: SAME pads 0 before and 1 after, and never counts padding.
    const FrameworkColumn& tf = c.columns[1];
    EXPECT_EQ(tf.layer.convention, Convention::kTensorFlow);
    EXPECT_EQ(tf.output.values.values(), (std::vector<float>{5, 6.5f, 11, 12.5f}));
    ASSERT_EQ(tf.differences.size(), 3u);
    EXPECT_EQ(tf.differences[0].code, "padding_same");
    EXPECT_EQ(tf.differences[2].code, "divisor_excludes_padding");
    EXPECT_EQ(std::count(tf.value_differs.begin(), tf.value_differs.end(), true), 4);
    // ONNX: the same pads, count_include_pad 0: only the bottom-right window (no padding) agrees.
    const FrameworkColumn& onnx = c.columns[2];
    ASSERT_EQ(onnx.differences.size(), 1u);
    EXPECT_EQ(onnx.differences[0].code, "divisor_excludes_padding");
    EXPECT_EQ(onnx.value_differs, (std::vector<bool>{true, true, true, false}));
    // MXNet: symmetric padding and count_include_pad true, like PyTorch.
    EXPECT_TRUE(c.columns[3].differences.empty());
    EXPECT_FALSE(c.columns[3].shape_differs);

    // From the window's MXNet step (lesson 02 step 4), PyTorch refuses: its column says so.
    state = make_default_state();
    state.doc.convention = Convention::kMxnet;
    state.doc.params.kernel_size = {2, 3};
    state.doc.params.padding = Padding::symmetric({1, 2});
    state.doc.params.stride = Pair{2, 3};
    const FrameworkCompare m = compare_frameworks(state.doc);
    EXPECT_EQ(m.reference, 3u);
    EXPECT_FALSE(m.columns[0].plan);
    EXPECT_TRUE(has_code(m.columns[0].errors, "padding_half_kernel"));
    EXPECT_TRUE(m.columns[0].shape_differs);
}

}  // namespace
}  // namespace poolscope::app
