// Questions written from the app (issue 29): added with the core's answer, prompts changed, moved and
// deleted; the lesson still passes check_lesson() and its text keeps what it had.
#include <gtest/gtest.h>

#include "poolscope/lesson.h"

namespace poolscope {
namespace {

const char* kLesson = R"json({"format": "poolscope-lesson/1", "title": "t", "steps": [
    {"input": [[1, 2, 0], [4, 8, 1], [0, 3, 9]], "op": "avg_pool2d", "kernel_size": 2, "stride": 1,
     "focus": {"cell": [1, 1]}, "quiz": {"kind": "divisor", "answer": 4}},
    {"kind": "shape", "input_size": [5, 5], "op": "max_pool2d", "kernel_size": 2, "stride": 2}]})json";

Lesson load_ok(const char* text) {
    Result<Lesson> r = load_lesson_string(text, "t.json");
    EXPECT_TRUE(r.ok()) << r.error_text();
    return r.ok() ? r.value() : Lesson{};
}

TEST(QuizEdit, AQuestionGetsTheCoresAnswerAndTheLessonStillChecks) {
    const Lesson l = load_ok(kLesson);
    QuestionDraft value;
    value.cell = {0, 1};
    Result<Lesson> one = add_step_question(l, 0, value);
    ASSERT_TRUE(one.ok()) << one.error_text();
    const auto& quiz = one->document["steps"][0]["quiz"];
    ASSERT_TRUE(quiz.is_array());  // the lone question became a list
    ASSERT_EQ(quiz.size(), 2u);
    EXPECT_EQ(quiz[1]["kind"], "value");
    EXPECT_EQ(quiz[1]["answer"], 2.75);  // (2 + 0 + 8 + 1) / 4, never typed
    EXPECT_TRUE(check_lesson(one.value()).empty());

    QuestionDraft argmax_on_avg;  // the core refuses what the op cannot answer
    argmax_on_avg.kind = QuestionKind::kArgmax;
    EXPECT_FALSE(add_step_question(l, 0, argmax_on_avg).ok());

    QuestionDraft shape;  // a shape step asks output_shape
    shape.kind = QuestionKind::kOutputShape;
    shape.prompt = {"How big is the output?", "输出有多大？"};
    Result<Lesson> two = add_step_question(one.value(), 1, shape);
    ASSERT_TRUE(two.ok()) << two.error_text();
    EXPECT_EQ(two->document["steps"][1]["quiz"][0]["answer"], nlohmann::ordered_json::parse("[2, 2]"));
    EXPECT_EQ(two->steps[1].quiz[0].prompt.zh, "输出有多大？");
    EXPECT_TRUE(check_lesson(two.value()).empty());
}

TEST(QuizEdit, AChoiceKeepsItsOptionsWhysAndRightOption) {
    const Lesson l = load_ok(kLesson);
    QuestionDraft choice;
    choice.kind = QuestionKind::kChoice;
    choice.prompt = {"Which divisor?", "除数是多少？"};
    choice.options = {{"4", "4"}, {"3", "3"}};
    choice.option_why = {{}, {"Padding is not counted here: there is none.", "这里没有填充。"}};
    choice.correct_choice = 0;
    Result<Lesson> r = add_step_question(l, 0, choice);
    ASSERT_TRUE(r.ok()) << r.error_text();
    const StepQuestion& q = r->steps[0].quiz[1];
    EXPECT_EQ(q.options.size(), 2u);
    EXPECT_EQ(q.option_why[1].en, "Padding is not counted here: there is none.");
    EXPECT_EQ(r->document["steps"][0]["quiz"][1]["answer"], 0);
    choice.correct_choice = 2;
    EXPECT_FALSE(add_step_question(l, 0, choice).ok());
    choice.correct_choice = 0;
    choice.options.pop_back();
    EXPECT_FALSE(add_step_question(l, 0, choice).ok());
}

TEST(QuizEdit, PromptsMoveAndDelete) {
    const Lesson l = load_ok(kLesson);
    QuestionDraft value;
    Result<Lesson> two = add_step_question(l, 0, value);
    ASSERT_TRUE(two.ok()) << two.error_text();
    Result<Lesson> prompted = set_question_prompt(two.value(), 0, 1, {"And its value?", "它的值呢？"});
    ASSERT_TRUE(prompted.ok()) << prompted.error_text();
    EXPECT_EQ(prompted->steps[0].quiz[1].prompt.en, "And its value?");
    Result<Lesson> moved = move_step_question(prompted.value(), 0, 1, 0);
    ASSERT_TRUE(moved.ok()) << moved.error_text();
    EXPECT_EQ(moved->steps[0].quiz[0].kind, QuestionKind::kValue);
    EXPECT_EQ(moved->steps[0].quiz[1].kind, QuestionKind::kDivisor);
    EXPECT_TRUE(check_lesson(moved.value()).empty());
    Result<Lesson> core_prompt = set_question_prompt(moved.value(), 0, 0, {});
    ASSERT_TRUE(core_prompt.ok());
    EXPECT_FALSE(core_prompt->document["steps"][0]["quiz"][0].contains("prompt"));
    EXPECT_FALSE(move_step_question(moved.value(), 0, 0, 5).ok());
    Result<Lesson> one = remove_step_question(moved.value(), 0, 0);
    ASSERT_TRUE(one.ok());
    Result<Lesson> none = remove_step_question(one.value(), 0, 0);
    ASSERT_TRUE(none.ok()) << none.error_text();
    EXPECT_FALSE(none->document["steps"][0].contains("quiz"));
    EXPECT_FALSE(remove_step_question(none.value(), 0, 0).ok());
    EXPECT_FALSE(remove_step_question(none.value(), 9, 0).ok());
}

}  // namespace
}  // namespace poolscope
