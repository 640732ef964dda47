// A step's "quiz": reading each kind with its stored answer, load errors at the question's path (a kind that
// does not fit the op, a cell outside the output, a malformed answer), check_lesson verifying stored answers
// against the core, and make_step_question on the step's input or on new numbers.
#include <gtest/gtest.h>

#include "lesson_test_util.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using test::doc;

// D2L's X (0..8) through nn.MaxPool2d(2, stride=1), then the same input through avg pooling with padding.
const char* kMaxStep = R"json({"input": {"arange": {"shape": [3, 3]}}, "op": "max_pool2d", "kernel_size": 2,
    "stride": 1, "quiz": [
      {"kind": "value", "cell": [0, 1], "answer": 5},
      {"kind": "argmax", "cell": [1, 1], "answer": [2, 2]},
      {"kind": "output_shape", "answer": [2, 2]},
      {"kind": "window_cells", "answer": [[0, 0], [0, 1], [1, 0], [1, 1]]},
      {"kind": "choice", "prompt": {"en": "Is max pooling linear?", "zh": "最大池化是线性的吗？"},
       "options": [{"en": "yes", "zh": "是"}, {"en": "no", "zh": "否"}], "answer": 1,
       "explanation": {"en": "max(a+b) is not max(a)+max(b)", "zh": "max(a+b) 不等于 max(a)+max(b)"}}]})json";

const char* kAvgStep = R"({"op": "avg_pool2d", "kernel_size": 3, "stride": 1, "padding": 1,
    "count_include_pad": false, "quiz": {"kind": "divisor", "cell": [0, 0], "answer": 4}})";

TEST(LessonQuiz, ReadsEveryKindAndPassesCheck) {
    Result<Lesson> r = load_lesson_string(doc(std::string(kMaxStep) + "," + kAvgStep));
    ASSERT_TRUE(r) << r.error_text();
    const LessonStep& step = r->steps[0];
    ASSERT_EQ(step.quiz.size(), 5u);
    EXPECT_EQ(step.quiz[0].path, "/steps/0/quiz/0");
    EXPECT_EQ(step.quiz[4].options.size(), 2u);
    EXPECT_EQ(step.quiz[4].explanation.get(Language::kChinese), "max(a+b) 不等于 max(a)+max(b)");
    EXPECT_EQ(r->steps[1].quiz[0].path, "/steps/1/quiz");  // a lone question object
    EXPECT_TRUE(r->steps[1].quiz.size() == 1 && r->steps[1].quiz[0].kind == QuestionKind::kDivisor);
    EXPECT_TRUE(check_lesson(*r).empty());
    // The questions as the app asks them, answered with the stored answers.
    for (size_t j = 0; j < step.quiz.size(); ++j) {
        Result<Question> q = make_step_question(step, j);
        ASSERT_TRUE(q) << q.error_text();
        EXPECT_TRUE(check_answer(*q, stored_answer(step.quiz[j]).value()).correct) << j;
    }
    EXPECT_FALSE(make_step_question(step, 5));
}

TEST(LessonQuiz, CheckReportsAWrongStoredAnswerWithTheHint) {
    Result<Lesson> r = load_lesson_string(doc(R"({"input": {"arange": {"shape": [4, 4]}}, "op": "avg_pool2d",
        "kernel_size": 3, "stride": 1, "padding": 1, "count_include_pad": false,
        "quiz": [{"kind": "value", "answer": 2.5}, {"kind": "value", "answer": 1.11},
                 {"kind": "divisor", "answer": 9}]})"));
    ASSERT_TRUE(r) << r.error_text();
    const std::vector<CheckFailure> failures = check_lesson(*r);
    ASSERT_EQ(failures.size(), 2u);
    EXPECT_EQ(failures[0].error.field, "/steps/0/quiz/1/answer");
    EXPECT_NE(failures[0].error.message.find("The answer is 2.5"), std::string::npos)
        << failures[0].error.message;
    EXPECT_NE(failures[0].error.message.find("You divided by 9"), std::string::npos)
        << failures[0].error.message;
    EXPECT_EQ(failures[1].error.field, "/steps/0/quiz/2/answer");
}

TEST(LessonQuiz, LoadErrorsAtTheQuestionsPath) {
    auto first_error = [](const std::string& quiz) {
        Result<Lesson> r =
            load_lesson_string(doc(R"({"input": {"arange": {"shape": [3, 3]}}, "op": "avg_pool2d",
            "kernel_size": 2, "quiz": )" +
                                   quiz + "}"));
        return r ? Error{} : r.errors()[0];
    };
    EXPECT_EQ(first_error(R"({"kind": "argmax", "answer": [0, 0]})").field, "/steps/0/quiz/kind");
    EXPECT_EQ(first_error(R"([{"kind": "value", "cell": [3, 0], "answer": 1}])").field,
              "/steps/0/quiz/0/cell");
    EXPECT_EQ(first_error(R"([{"kind": "guess", "answer": 1}])").field, "/steps/0/quiz/0/kind");
    EXPECT_EQ(first_error(R"([{"kind": "value"}])").field, "/steps/0/quiz/0/answer");
    EXPECT_EQ(first_error(R"([{"kind": "value", "answer": "lots"}])").field, "/steps/0/quiz/0/answer");
    EXPECT_EQ(first_error(R"([{"kind": "window_cells", "answer": [[0, 0], [1]]}])").field,
              "/steps/0/quiz/0/answer");
    EXPECT_EQ(first_error(R"([{"kind": "choice", "prompt": "?", "options": ["a"], "answer": 0}])").field,
              "/steps/0/quiz/0/options");
    EXPECT_EQ(first_error(R"([{"kind": "choice", "prompt": "?", "options": ["a", "b"], "answer": 2}])").field,
              "/steps/0/quiz/0/answer");
    EXPECT_EQ(first_error(R"([{"kind": "value", "options": ["a", "b"], "answer": 1}])").field,
              "/steps/0/quiz/0/options");
    EXPECT_EQ(first_error("7").field, "/steps/0/quiz");
    // A shape step has no matrix: only output_shape and choice fit.
    Result<Lesson> shape =
        load_lesson_string(doc(R"({"kind": "shape", "input_size": [6, 6], "op": "max_pool2d",
        "kernel_size": 3, "quiz": [{"kind": "output_shape", "answer": [2, 2]}, {"kind": "value", "answer": 1}]})"));
    ASSERT_FALSE(shape);
    EXPECT_EQ(shape.errors()[0].field, "/steps/0/quiz/1/kind");
}

TEST(LessonQuiz, QuestionsOnNewNumbersHaveTheCoresNewAnswers) {
    Result<Lesson> r = load_lesson_string(doc(kMaxStep));
    ASSERT_TRUE(r) << r.error_text();
    const LessonStep& step = r->steps[0];
    const Tensor fresh = quiz_new_numbers(*step.input, 42).value();
    const Question q = make_step_question(step, 0, &fresh).value();  // value of output cell (0, 1)
    const float expected = std::max(std::max(fresh.at(0, 0, 0, 1), fresh.at(0, 0, 0, 2)),
                                    std::max(fresh.at(0, 0, 1, 1), fresh.at(0, 0, 1, 2)));
    EXPECT_EQ(q.value, expected);
    const Tensor wrong_shape(Shape{1, 1, 4, 4});
    EXPECT_FALSE(make_step_question(step, 0, &wrong_shape));
}

// A step's reveal, and choice options with why they are wrong: read, and the choice's hint and answer named
// by the option's text in the student's language.
TEST(LessonQuiz, RevealAndOptionWhys) {
    Result<Lesson> r =
        load_lesson_string(doc(R"({"input": [[1, 0], [0, 1]], "op": "max_pool2d", "kernel_size": 2,
        "narration": "Pool a + b.", "reveal": {"en": "Not *linear*.", "zh": "不是*线性*的。"},
        "quiz": {"kind": "choice", "prompt": "Linear?", "answer": 1,
                 "options": [{"text": {"en": "yes", "zh": "是"}, "why": {"en": "Try a + b.", "zh": "试试 a + b。"}},
                             {"en": "no", "zh": "不是"}, {"text": "maybe"}]}})"));
    ASSERT_TRUE(r) << r.error_text();
    EXPECT_TRUE(r->warnings.empty());
    const LessonStep& step = r->steps[0];
    EXPECT_EQ(step.reveal.get(Language::kEnglish), "Not *linear*.");
    const StepQuestion& q = step.quiz[0];
    ASSERT_EQ(q.options.size(), 3u);
    ASSERT_EQ(q.option_why.size(), 3u);
    EXPECT_EQ(q.options[0].get(Language::kChinese), "是");
    EXPECT_TRUE(q.option_why[1].empty() && q.option_why[2].empty());
    EXPECT_EQ(q.options[2].get(Language::kEnglish), "maybe");

    const Question question = make_step_question(step, 0).value();
    QuizAnswer picked;
    picked.choice = 0;
    const Verdict v = check_answer(question, picked);
    EXPECT_EQ(lesson_quiz_text(q, v.hint, Language::kEnglish),
              (QuizText{"choice_wrong_why", {"yes", "Try a + b."}}));
    EXPECT_EQ(quiz_english(lesson_quiz_text(q, v.hint, Language::kEnglish)),
              "“yes” is not right: Try a + b.");
    EXPECT_EQ(lesson_quiz_text(q, v.hint, Language::kChinese),
              (QuizText{"choice_wrong_why", {"是", "试试 a + b。"}}));
    picked.choice = 2;  // no why: a general reason, still naming the option
    EXPECT_EQ(lesson_quiz_text(q, check_answer(question, picked).hint, Language::kEnglish),
              (QuizText{"choice_wrong_text", {"maybe"}}));
    EXPECT_EQ(lesson_quiz_text(q, v.reveal, Language::kChinese), (QuizText{"answer_choice_text", {"不是"}}));
    const QuizText other{"counted_padding", {"9"}};
    EXPECT_EQ(lesson_quiz_text(q, other, Language::kEnglish), other);  // not a choice's: unchanged

    // An option object needs its text; a misspelt key is a warning like any other.
    Result<Lesson> bad = load_lesson_string(doc(R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1,
        "quiz": {"kind": "choice", "prompt": "P", "answer": 0, "options": [{"text": "a", "wy": "b"}, "c"]}})"));
    ASSERT_TRUE(bad) << bad.error_text();
    ASSERT_EQ(bad->warnings.size(), 1u);
    EXPECT_EQ(bad->warnings[0].field, "/steps/0/quiz/options/0/wy");
}

}  // namespace
}  // namespace poolscope
