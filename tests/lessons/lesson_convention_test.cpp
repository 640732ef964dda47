// Lesson steps under every convention: TensorFlow's padding words and ONNX's attributes in a step, the
// framework's defaults when a step starts a layer, a convention switch that keeps the layer, the plan the app
// gets from plan_step(), and put_step() writing a TensorFlow/ONNX step back so it reloads the same.
#include <gtest/gtest.h>

#include "lesson_test_util.h"
#include "poolscope/generators.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using test::doc;
using test::load_ok;

TEST(LessonConvention, KerasSameAndOnnxCountIncludePad) {
    Lesson l = load_ok(doc(R"(
        {"input": {"arange": {"shape": [3, 3], "start": 1}}, "convention": "tensorflow", "op": "avg_pool2d",
         "pool_size": 2, "strides": 2, "padding": "same", "expected": {"output": [[3.0, 4.5], [7.5, 9.0]]}},
        {"convention": "onnx", "op": "avg_pool2d", "kernel_shape": 2, "strides": 2, "pads": [0, 0, 1, 1],
         "expected": {"output": [[3.0, 4.5], [7.5, 9.0]]}},
        {"count_include_pad": 1, "expected": {"output": [[3.0, 2.25], [3.75, 2.25]]}},
        {"convention": "pytorch", "op": "avg_pool2d", "kernel_size": 2, "stride": 2, "padding": [0, 0, 1, 1],
         "expected": {"output": [[3.0, 2.25], [3.75, 2.25]]}})"));
    ASSERT_EQ(l.steps.size(), 4u);
    EXPECT_TRUE(check_lesson(l).empty()) << check_lesson(l)[0].error.message;
    EXPECT_EQ(l.steps[0].pad_mode, PadMode::kSameUpper);
    EXPECT_FALSE(l.steps[1].params.count_include_pad);  // ONNX's default, not PyTorch's
    EXPECT_TRUE(l.steps[2].params.count_include_pad);
    Result<PoolPlan> plan = plan_step(l.steps[0]);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->convention(), Convention::kTensorFlow);
    EXPECT_EQ(plan->h.pad_end, 1);
    EXPECT_EQ(layer_code(step_layer(l.steps[0])), "tf.keras.layers.AvgPool2D(pool_size=2, padding=\"same\")");
}

// Switching the convention keeps the layer; defaults that differ follow the new framework.
TEST(LessonConvention, SwitchingKeepsTheLayer) {
    Lesson l = load_ok(doc(R"(
        {"input": {"arange": {"shape": [4, 4]}}, "convention": "mxnet", "op": "max_pool2d",
         "kernel_size": [2, 3], "padding": [1, 2], "stride": [2, 3], "expected": {"shape": [3, 2]}},
        {"pooling_convention": "full", "expected": {"shape": [3, 3]}},
        {"convention": "pytorch", "expected": {"error": {"field": "padding"}}},
        {"convention": "tensorflow", "op": "avg_pool2d", "kernel_size": 3, "stride": 2, "expected": {"shape": [1, 1]}},
        {"padding": "same", "expected": {"shape": [2, 2]}},
        {"convention": "onnx", "expected": {"shape": [2, 2]}},
        {"padding": "same_lower", "expected": {"shape": [2, 2]}},
        {"padding": [1, 1, 0, 0], "expected": {"shape": [2, 2]}})"));
    EXPECT_TRUE(check_lesson(l).empty()) << check_lesson(l)[0].error.message;
    EXPECT_TRUE(l.steps[1].params.ceil_mode);
    EXPECT_EQ(l.steps[3].pad_mode, PadMode::kValid);
    EXPECT_FALSE(l.steps[3].params.count_include_pad);
    // TensorFlow's "same" is ONNX's SAME_UPPER; numbers then mean auto_pad NOTSET.
    EXPECT_EQ(l.steps[5].pad_mode, PadMode::kSameUpper);
    EXPECT_EQ(l.steps[6].pad_mode, PadMode::kSameLower);
    EXPECT_EQ(l.steps[7].pad_mode, PadMode::kExplicit);
    EXPECT_EQ(l.steps[7].params.padding, (Padding{1, 1, 0, 0}));
}

TEST(LessonConvention, KeysOfAnotherFrameworkAreErrors) {
    Result<Lesson> r = load_lesson_string(doc(R"(
        {"input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2, "pooling_convention": "full"})"),
                                          "t.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error_text().find("/steps/0/pooling_convention"), std::string::npos) << r.error_text();
}

TEST(LessonConvention, PutStepWritesTheFrameworksPadding) {
    Lesson l = load_ok(doc(R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1})"));
    StepEdit edit{make_arange({1, 1, 3, 3}, 0.0f, 1.0f, 2).value(), {}, Convention::kOnnx, ""};
    edit.params.op = PoolOp::kAvg;
    edit.params.kernel_size = {2, 2};
    edit.params.count_include_pad = true;
    edit.pad_mode = PadMode::kSameLower;
    Result<Lesson> put = put_step(l, edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(put.ok()) << put.error_text();
    const LessonStep& step = put->steps[0];
    EXPECT_EQ(step.convention, Convention::kOnnx);
    EXPECT_EQ(step.pad_mode, PadMode::kSameLower);
    EXPECT_TRUE(step.params.count_include_pad);
    EXPECT_EQ(put->document["steps"][0]["padding"], "same_lower");
    EXPECT_EQ(put->document["steps"][0]["count_include_pad"], true);

    StepEdit tf{make_arange({1, 1, 3, 3}, 0.0f, 1.0f, 2).value(), {}, Convention::kTensorFlow, ""};
    tf.params.op = PoolOp::kAvg;
    tf.params.count_include_pad = false;
    tf.pad_mode = PadMode::kSameUpper;
    Result<Lesson> put_tf = put_step(l, tf, StepPlacement::kReplace, 0);
    ASSERT_TRUE(put_tf.ok()) << put_tf.error_text();
    EXPECT_EQ(put_tf->document["steps"][0]["padding"], "same");
    EXPECT_FALSE(put_tf->document["steps"][0].contains("count_include_pad"));  // TensorFlow's only behaviour
    EXPECT_EQ(put_tf->steps[0].pad_mode, PadMode::kSameUpper);
}

}  // namespace
}  // namespace poolscope
