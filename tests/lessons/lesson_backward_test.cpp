// Lesson steps with a backward pass: grad_output (values or "ones") resolved and checked against the output's
// shape at load, expected.grad_input verified by check_lesson, and the mistakes an author can make.
#include <gtest/gtest.h>

#include "lesson_test_util.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using test::doc;

const char* kStep = R"("input": [[1, 3], [4, 2]], "op": "max_pool2d", "kernel_size": 2, "stride": 1)";

std::string step(const std::string& extra) {
    return std::string("{") + kStep + ", " + extra + "}";
}

TEST(LessonBackward, OnesAreShapedLikeTheOutputAndCheckPasses) {
    Result<Lesson> r = load_lesson_string(
        doc(step(R"("grad_output": "ones", "expected": {"grad_input": [[0, 0], [1, 0]]})")), "t.json");
    ASSERT_TRUE(r.ok()) << r.error_text();
    const LessonStep& s = r->steps[0];
    ASSERT_TRUE(s.grad_output.has_value());
    EXPECT_EQ(s.grad_output->shape(), (Shape{1, 1, 1, 1}));
    EXPECT_EQ(s.grad_output->rank(), 2);
    EXPECT_TRUE(check_lesson(*r).empty());
    const Result<BackwardOutput> b = compute_step_backward(s);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->grad_input.at(0, 0, 1, 0), 1.0f);
}

TEST(LessonBackward, WrongGradInputIsReportedAtItsPath) {
    const Lesson lesson =
        load_lesson_string(doc(step(R"("grad_output": [[2]], "expected": {"grad_input": [[0, 0], [1, 0]]})")),
                           "t.json")
            .value();
    const std::vector<CheckFailure> f = check_lesson(lesson);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].error.field, "/steps/0/expected/grad_input");
    EXPECT_NE(f[0].error.message.find("expected 1.0, got 2.0"), std::string::npos) << f[0].error.message;
}

TEST(LessonBackward, AuthorMistakesAreErrors) {
    struct Case {
        std::string text;
        std::string field;
    };
    const std::vector<Case> cases = {
        {doc(step(R"("grad_output": [[1, 2]])")), "/steps/0/grad_output"},  // not the output's shape
        {doc(step(R"("expected": {"grad_input": [[0, 0], [1, 0]]})")), "/steps/0/expected/grad_input"},
        {doc(step(R"("grad_output": "twos")")), "/steps/0/grad_output"},
        {doc(R"({"kind": "shape", "input_size": [4, 4], "op": "max_pool2d", "kernel_size": 2, "grad_output": "ones"})"),
         "/steps/0/grad_output"},
    };
    for (const Case& c : cases) {
        Result<Lesson> r = load_lesson_string(c.text, "t.json");
        ASSERT_FALSE(r.ok()) << c.text;
        EXPECT_EQ(r.errors()[0].field, c.field) << r.error_text();
    }
}

TEST(LessonBackward, GradOutputIsNotInherited) {
    const Lesson lesson =
        load_lesson_string(doc(step(R"("grad_output": "ones")") + R"(, {"stride": 2})"), "t.json").value();
    EXPECT_TRUE(lesson.steps[0].grad_output.has_value());
    EXPECT_FALSE(lesson.steps[1].grad_output.has_value());
    EXPECT_FALSE(compute_step_backward(lesson.steps[1]).ok());
}

}  // namespace
}  // namespace poolscope
