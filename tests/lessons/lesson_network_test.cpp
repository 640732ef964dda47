// Network steps: the "network" key (whole, inherited, changed), focus, expected table / shapes / parameters /
// error checked by check_lesson, the network quiz kinds, load errors at their paths, expected_of_step, and
// writing back (put_step_network, put_step over a network step, the canonical format).
#include <gtest/gtest.h>

#include "lesson_test_util.h"
#include "poolscope/lesson.h"
#include "poolscope/lesson_text.h"

namespace poolscope {
namespace {

using test::doc;

const char* kLeNetStep = R"json({"network": {"input": [1, 1, 28, 28], "layers": [
    {"type": "Conv2d", "in_channels": 1, "out_channels": 6, "kernel_size": 5, "padding": 2}, {"type": "Sigmoid"},
    {"type": "AvgPool2d", "kernel_size": 2, "stride": 2},
    {"type": "Conv2d", "in_channels": 6, "out_channels": 16, "kernel_size": 5}, {"type": "Sigmoid"},
    {"type": "AvgPool2d", "kernel_size": 2, "stride": 2}, {"type": "Flatten"},
    {"type": "Linear", "in_features": 400, "out_features": 120}]},
  "focus": {"layer": 5, "cell": [0, 2, 2]},
  "quiz": [{"kind": "layer_shape", "layer": 2, "answer": [1, 6, 14, 14]},
           {"kind": "parameter_count", "layer": 0, "answer": 156},
           {"kind": "receptive_field", "answer": [16, 16]}],
  "expected": {"table": ["Conv2d output shape:\t torch.Size([1, 6, 28, 28])",
                         "Sigmoid output shape:\t torch.Size([1, 6, 28, 28])",
                         "AvgPool2d output shape:\t torch.Size([1, 6, 14, 14])",
                         "Conv2d output shape:\t torch.Size([1, 16, 10, 10])",
                         "Sigmoid output shape:\t torch.Size([1, 16, 10, 10])",
                         "AvgPool2d output shape:\t torch.Size([1, 16, 5, 5])",
                         "Flatten output shape:\t torch.Size([1, 400])",
                         "Linear output shape:\t torch.Size([1, 120])"],
               "parameters": 50692}})json";

TEST(LessonNetwork, ReadsANetworkStepAndItsExpectations) {
    Result<Lesson> r = load_lesson_string(doc(kLeNetStep));
    ASSERT_TRUE(r) << r.error_text();
    const LessonStep& step = r->steps[0];
    EXPECT_EQ(step.kind, StepKind::kNetwork);
    ASSERT_TRUE(step.network);
    EXPECT_EQ(step.network->layers.size(), 8u);
    EXPECT_EQ(step.focus.layer, (std::vector<size_t>{5}));
    EXPECT_EQ(step.expected.table->size(), 8u);
    EXPECT_EQ(step.input_shape, (Shape{1, 1, 28, 28}));
    EXPECT_TRUE(check_lesson(*r).empty());
    Result<NetworkShapes> shapes = step_network_shapes(step);
    ASSERT_TRUE(shapes);
    EXPECT_EQ(shapes->parameters, 50692);
    // What "Record expected" would write: the table and the parameters.
    const nlohmann::ordered_json expected = expected_of_step(step);
    EXPECT_EQ(expected["table"][6], "Flatten output shape:\t torch.Size([1, 400])");
    EXPECT_EQ(expected["parameters"], 50692);
}

TEST(LessonNetwork, LaterStepsInheritAndChangeTheNetwork) {
    const std::string steps = std::string(kLeNetStep) + R"json(,
      {"title": "stride 1", "network": {"change": {"2": {"stride": 1}}},
       "expected": {"error": {"field": "/layers/7", "contains": "(1x1936 and 400x120)"}}},
      {"kind": "network", "expected": {"error": "mat1 and mat2"}},
      {"network": {"change": {"7": {"type": "LazyLinear", "out_features": 3}, "2": {"stride": null}}},
       "expected": {"shapes": [[1, 6, 28, 28], [1, 6, 28, 28], [1, 6, 14, 14], [1, 16, 10, 10],
                               [1, 16, 10, 10], [1, 16, 5, 5], [1, 400], [1, 3]]}},
      {"network": {"input": [1, 1, 32, 32]}, "expected": {"shapes": [[1, 6, 32, 32], [1, 6, 32, 32],
        [1, 6, 16, 16], [1, 16, 12, 12], [1, 16, 12, 12], [1, 16, 6, 6], [1, 576], [1, 3]]}})json";
    Result<Lesson> r = load_lesson_string(doc(steps));
    ASSERT_TRUE(r) << r.error_text();
    ASSERT_EQ(r->steps.size(), 5u);
    EXPECT_EQ(r->steps[1].network->layers[2].pool.stride, (Pair{1, 1}));
    EXPECT_EQ(r->steps[2].network->layers[2].pool.stride, (Pair{1, 1}));   // inherited, changed
    EXPECT_FALSE(r->steps[3].network->layers[2].pool.stride.has_value());  // null removed it
    EXPECT_TRUE(r->steps[3].network->layers[7].linear.lazy);
    EXPECT_EQ(r->steps[4].network->input, (std::vector<int64_t>{1, 1, 32, 32}));
    EXPECT_TRUE(check_lesson(*r).empty());
}

TEST(LessonNetwork, ABrokenNetworkIsALoadErrorUnlessExpected) {
    Result<Lesson> r = load_lesson_string(doc(R"({"network": {"input": [1, 16, 5, 5], "layers": [
        {"type": "Flatten"}, {"type": "Linear", "in_features": 16, "out_features": 5}]}})"));
    ASSERT_FALSE(r);
    EXPECT_EQ(
        r.error_text(),
        "/steps/0/network/layers/1: PyTorch raises RuntimeError: mat1 and mat2 shapes cannot be multiplied "
        "(1x400 and 16x5) (a step that teaches this expects it: \"expected\": {\"error\": ...})");
    Result<Lesson> typo = load_lesson_string(doc(R"({"network": {"input": [1, 1, 4, 4], "layers": [
        {"type": "MaxPool2d", "kernel": 2}]}})"));
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.errors()[0].field, "/steps/0/network/layers/0/kernel");
    Result<Lesson> orphan = load_lesson_string(doc(R"({"kind": "network"})"));
    ASSERT_FALSE(orphan);
    EXPECT_EQ(orphan.errors()[0].field, "/steps/0/network");
    Result<Lesson> change = load_lesson_string(doc(std::string(kLeNetStep) + R"(,
        {"network": {"change": {"9": {"stride": 1}}}})"));
    ASSERT_FALSE(change);
    EXPECT_EQ(change.error_text(), "/steps/1/network/change/9: no layer 9 in the network to change");
}

TEST(LessonNetwork, CheckReportsWhatTheCoreComputesInstead) {
    std::string step = kLeNetStep;
    step.replace(step.find("\"parameters\": 50692"), 19, "\"parameters\": 50000");
    step.replace(step.find("torch.Size([1, 16, 5, 5])"), 25, "torch.Size([1, 16, 4, 4])");
    step.replace(step.find("\"answer\": [16, 16]"), 18, "\"answer\": [10, 10]");
    Result<Lesson> r = load_lesson_string(doc(step));
    ASSERT_TRUE(r) << r.error_text();
    const std::vector<CheckFailure> failures = check_lesson(*r);
    ASSERT_EQ(failures.size(), 3u);
    EXPECT_EQ(failures[0].error.field, "/steps/0/quiz/2/answer");
    EXPECT_EQ(failures[1].error.field, "/steps/0/expected/table/5");
    EXPECT_EQ(failures[1].error.message,
              "expected \"AvgPool2d output shape:\t torch.Size([1, 16, 4, 4])\", D2L's loop prints "
              "\"AvgPool2d output shape:\t torch.Size([1, 16, 5, 5])\"");
    EXPECT_EQ(failures[2].error.message, "expected 50000 parameters, the core counts 50692");
}

TEST(LessonNetwork, QuestionsAreAskedAndCheckedByTheCore) {
    Result<Lesson> r = load_lesson_string(doc(kLeNetStep));
    ASSERT_TRUE(r) << r.error_text();
    const LessonStep& step = r->steps[0];
    Result<Question> shape = make_step_question(step, 0);
    ASSERT_TRUE(shape) << shape.error_text();
    EXPECT_EQ(shape->prompt, (QuizText{"prompt_layer_shape", {"net[2]", "AvgPool2d"}}));
    QuizAnswer typed;
    typed.text = "torch.Size([1, 6, 14, 14])";
    EXPECT_TRUE(check_answer(*shape, typed).correct);
    typed.text = "1, 6, 28, 28";  // what arrives
    EXPECT_EQ(check_answer(*shape, typed).hint, (QuizText{"size_is_input", {"net[2]"}}));
    Result<Question> field = make_step_question(step, 2);  // the focus layer and cell
    ASSERT_TRUE(field) << field.error_text();
    EXPECT_EQ(field->network.span, (Pair{16, 16}));
    // A question that does not fit the step is a load error at its path.
    Result<Lesson> bad = load_lesson_string(doc(R"({"network": {"input": [1, 1, 4, 4], "layers": [
        {"type": "MaxPool2d", "kernel_size": 2}]},
        "quiz": [{"kind": "value", "cell": [0, 0], "answer": 1}, {"kind": "layer_shape", "layer": 3, "answer": [1]}]})"));
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.errors().size(), 2u);
    EXPECT_EQ(bad.errors()[0].field, "/steps/0/quiz/0/kind");
    EXPECT_EQ(bad.errors()[1].field, "/steps/0/quiz/1/layer");
    // And a network kind on a pool step.
    Result<Lesson> pool = load_lesson_string(doc(R"({"input": [[1, 2], [3, 4]], "op": "max_pool2d",
        "kernel_size": 2, "quiz": {"kind": "parameter_count", "answer": 0}})"));
    ASSERT_FALSE(pool);
    EXPECT_EQ(pool.errors()[0].field, "/steps/0/quiz/kind");
}

TEST(LessonNetwork, WritingBack) {
    const std::string text = doc(std::string(kLeNetStep) + R"(,
      {"title": "T2", "network": {"change": {"2": {"stride": 1}}}, "expected": {"error": true}})");
    Result<Lesson> r = load_lesson_string(text);
    ASSERT_TRUE(r) << r.error_text();
    // A Network view's edit: step 1's network written in full, its other keys kept.
    Network edited = *r->steps[1].network;
    edited.layers[7].linear.in_features = 1936;
    Result<Lesson> put = put_step_network(*r, 1, edited);
    ASSERT_TRUE(put) << put.error_text();
    EXPECT_TRUE(put->document["steps"][1]["network"].contains("layers"));
    EXPECT_EQ(put->document["steps"][1]["title"], "T2");
    EXPECT_EQ(put->steps[1].network->layers[7].linear.in_features, 1936);
    // The saved text keeps step 0 byte for byte.
    const std::string saved = lesson_to_string(*put);
    EXPECT_NE(saved.find("\"focus\": {\"layer\": 5, \"cell\": [0, 2, 2]}"), std::string::npos) << saved;
    // Saving a pool step over it drops the network.
    StepEdit edit;
    edit.input = Tensor(Shape{1, 1, 2, 2}, 1.0f, 2);
    Result<Lesson> pool = put_step(*r, edit, StepPlacement::kReplace, 1);
    ASSERT_TRUE(pool) << pool.error_text();
    EXPECT_FALSE(pool->document["steps"][1].contains("network"));
    EXPECT_EQ(pool->steps[1].kind, StepKind::kPool);
}

TEST(LessonNetwork, ShippedLessonsHaveNetworkSteps) {
    for (const char* name : {"11-lenet-shapes.json", "12-receptive-field.json"}) {
        Result<Lesson> r = load_lesson_file(std::string(POOLSCOPE_LESSONS_DIR) + "/" + name);
        ASSERT_TRUE(r) << name << ": " << r.error_text();
        EXPECT_TRUE(check_lesson(*r).empty()) << name;
        int network_steps = 0, questions = 0;
        for (const LessonStep& step : r->steps) {
            network_steps += step.kind == StepKind::kNetwork;
            for (size_t i = 0; i < step.quiz.size(); ++i) {
                ASSERT_TRUE(make_step_question(step, i)) << name << step.path;
                ++questions;
            }
            EXPECT_FALSE(step.title.en.empty() || step.title.zh.empty()) << step.path;
            EXPECT_FALSE(step.narration.en.empty() || step.narration.zh.empty()) << step.path;
        }
        EXPECT_EQ(network_steps, static_cast<int>(r->steps.size())) << name;
        EXPECT_GE(questions, 5) << name;
    }
}

}  // namespace
}  // namespace poolscope
