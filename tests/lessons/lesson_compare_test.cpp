// A step's "compare" (issue 29): read on top of the step's layer, each side's problems at its own JSON path,
// not inherited, kept by fmt and by a save that edits the step, and checked by check_lesson (a comparison
// that shows nothing and explains nothing fails). The shipped lesson that uses it loads and checks.
#include <gtest/gtest.h>

#include <string>

#include "lesson_test_util.h"
#include "poolscope/ab_compare.h"
#include "poolscope/lesson.h"
#include "poolscope/lesson_text.h"

namespace poolscope {
namespace {

using test::doc;
using test::has_error;
using test::load_ok;

const std::string kFirst =
    R"({"input": {"arange": {"shape": [8, 8]}}, "op": "max_pool2d", "kernel_size": 3, "stride": 2)";

TEST(LessonCompare, SidesAreTheStepsLayerWithTheirKeysChanged) {
    const Lesson l = load_ok(doc(kFirst + R"(, "compare": {"b": {"ceil_mode": true}}}, {"padding": 1})"));
    ASSERT_TRUE(l.steps[0].compare.has_value());
    const StepCompare& c = *l.steps[0].compare;
    EXPECT_EQ(c.a, step_layer(l.steps[0]));  // "a" left out: the step's own layer
    EXPECT_TRUE(c.b.params.ceil_mode);
    EXPECT_EQ(c.b.params.kernel_size, (Pair{3, 3}));
    EXPECT_EQ(c.b.params.effective_stride(), (Pair{2, 2}));
    EXPECT_FALSE(l.steps[1].compare.has_value());  // not inherited
    EXPECT_TRUE(check_lesson(l).empty());
}

TEST(LessonCompare, ASideWithOpStartsANewLayer) {
    const Lesson l = load_ok(
        doc(kFirst + R"(, "compare": {"a": {"padding": 1}, "b": {"op": "avg_pool2d", "kernel_size": 2}}})"));
    const StepCompare& c = *l.steps[0].compare;
    EXPECT_EQ(c.a.params.padding, Padding::symmetric({1, 1}));
    EXPECT_EQ(c.b.params.op, PoolOp::kAvg);
    EXPECT_EQ(c.b.params.kernel_size, (Pair{2, 2}));
    EXPECT_FALSE(c.b.params.stride.has_value());  // PyTorch's default, not the step's stride 2
}

TEST(LessonCompare, BrokenBlocksAreErrorsAtTheirPaths) {
    Result<Lesson> r = load_lesson_string(doc(kFirst + R"(, "compare": {"b": {"padding": 2}}})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare/b/padding", "more than half")) << r.error_text();

    r = load_lesson_string(doc(kFirst + R"(, "compare": {"b": {"kernel_size": "big"}}})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare/b/kernel_size", "")) << r.error_text();

    r = load_lesson_string(doc(kFirst + R"(, "compare": {"a": {"ceil_mode": false}}})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare", "same layer")) << r.error_text();

    r = load_lesson_string(
        doc(R"({"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 2,
                                   "compare": {"b": {"stride": 2}}})"),
        "t.json");  // the default stride written out
    EXPECT_TRUE(has_error(r, "/steps/0/compare", "same layer")) << r.error_text();

    r = load_lesson_string(doc(kFirst + R"(, "compare": {"b": {"convention": "onnx"}}})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare/b/convention", "Compare frameworks")) << r.error_text();

    r = load_lesson_string(doc(kFirst + R"(, "compare": {"b": {"op": "conv2d"}}})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare/b/op", "expected max_pool2d")) << r.error_text();

    r = load_lesson_string(doc(kFirst + R"(, "compare": {"b": true}})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare/b", "expected the layer's keys")) << r.error_text();

    r = load_lesson_string(doc(kFirst + R"(, "compare": [1, 2]})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare", "expected {\"a\"")) << r.error_text();

    r = load_lesson_string(doc(kFirst + R"(, "compare": {}})"), "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare", "give \"a\" and/or \"b\"")) << r.error_text();

    r = load_lesson_string(
        doc(R"({"kind": "shape", "input_size": [5, 5], "op": "max_pool2d", "kernel_size": 2,
                                   "compare": {"b": {"ceil_mode": true}}})"),
        "t.json");
    EXPECT_TRUE(has_error(r, "/steps/0/compare", "a shape step has none")) << r.error_text();
}

TEST(LessonCompare, UnknownKeysInASideAreWarnedWithAHint) {
    Result<Lesson> r =
        load_lesson_string(doc(kFirst + R"(, "compare": {"b": {"ceil_mod": true, "stride": 1}}})"), "t.json");
    ASSERT_TRUE(r.ok()) << r.error_text();
    bool warned = false;
    for (const Error& w : r->warnings)
        warned |=
            w.field == "/steps/0/compare/b/ceil_mod" && w.message.find("ceil_mode") != std::string::npos;
    EXPECT_TRUE(warned);
}

// The comparison runs in check: settings that change nothing on the step's input, with nothing to say why,
// fail; settings that change nothing but have a reason (floor and ceil agree) pass.
TEST(LessonCompare, CheckFailsAComparisonThatShowsNothing) {
    // Max pooling of ones: padding 1 moves the windows, but every window's maximum is still 1.
    Lesson l = load_ok(doc(R"({"input": {"constant": {"shape": [4, 4], "value": 1}}, "op": "max_pool2d",
                              "kernel_size": 3, "stride": 3, "compare": {"b": {"stride": 1}}})"));
    std::vector<CheckFailure> failures = check_lesson(l);
    EXPECT_TRUE(failures.empty());  // stride 1 adds cells: a difference
    l = load_ok(doc(R"({"input": {"constant": {"shape": [4, 4], "value": 1}}, "op": "max_pool2d",
                       "kernel_size": 2, "compare": {"b": {"dilation": [1, 1], "return_indices": true}}})"));
    failures = check_lesson(l);
    ASSERT_EQ(failures.size(), 1u);
    EXPECT_EQ(failures[0].error.field, "/steps/0/compare");
    EXPECT_NE(failures[0].error.message.find("give the same output"), std::string::npos);
    l = load_ok(doc(R"({"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 2,
                       "compare": {"b": {"ceil_mode": true}}})"));
    EXPECT_TRUE(check_lesson(l).empty());  // "floor and ceil_mode give the same count" is the lesson
}

// fmt puts "compare" after the focus and keeps it; a save that edits the step keeps it too.
TEST(LessonCompare, FmtAndSaveKeepTheBlock) {
    const Lesson l = load_ok(doc(kFirst + R"(, "compare": {"b": {"ceil_mode": true}}, "code": "x"})"));
    const std::string text = format_lesson_text(l.document);
    EXPECT_NE(text.find(R"("code": "x",)"), std::string::npos) << text;
    EXPECT_LT(text.find(R"("code")"), text.find(R"("compare")")) << text;
    EXPECT_NE(text.find(R"("compare": {"b": {"ceil_mode": true}})"), std::string::npos) << text;
    EXPECT_EQ(format_lesson_text(load_ok(text).document), text);  // a second run changes nothing

    StepEdit edit;
    edit.input = *l.steps[0].input;
    edit.params = l.steps[0].params;
    edit.params.padding = Padding::symmetric({1, 1});
    Result<Lesson> saved = put_step(l, edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(saved.ok()) << saved.error_text();
    ASSERT_TRUE(saved->steps[0].compare.has_value());
    EXPECT_EQ(saved->steps[0].compare->b.params.padding, Padding::symmetric({1, 1}));  // on the new layer
    EXPECT_TRUE(saved->steps[0].compare->b.params.ceil_mode);
}

TEST(LessonCompare, ShippedLessonStepsWithACompareLoadAndCheck) {
    int found = 0;
    for (const char* name : {"04-ceil-mode.json", "06-average-pooling.json"}) {
        Result<Lesson> l = load_lesson_file(std::string(POOLSCOPE_LESSONS_DIR) + "/" + name);
        ASSERT_TRUE(l.ok()) << l.error_text();
        EXPECT_TRUE(check_lesson(*l).empty());
        for (const LessonStep& step : l->steps) {
            if (!step.compare) continue;
            ++found;
            const Result<AbComparison> cmp = compare_ab(*step.input, step.compare->a, step.compare->b);
            ASSERT_TRUE(cmp.ok());
            EXPECT_TRUE(cmp->any_difference()) << name << " " << step.path;
            EXPECT_FALSE(cmp->reasons.empty());
        }
    }
    EXPECT_EQ(found, 2);
}

}  // namespace
}  // namespace poolscope
