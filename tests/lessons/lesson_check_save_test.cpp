// check_lesson (expected values against the core, conventions), narration markup, put_step and the atomic
// save_lesson round trip that keeps keys PoolScope does not know.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "lesson_test_util.h"
#include "poolscope/generators.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using test::doc;
using test::load_ok;

namespace fs = std::filesystem;

// A fresh empty directory under the test's temp dir.
fs::path scratch_dir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("poolscope_lesson_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(LessonCheck, EveryShippedLessonPasses) {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(POOLSCOPE_LESSONS_DIR)) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
        ++files;
        Result<Lesson> l = load_lesson_file(entry.path());
        ASSERT_TRUE(l.ok()) << entry.path() << ": " << l.error_text();
        EXPECT_TRUE(l->warnings.empty()) << entry.path() << ": " << join_errors(l->warnings);
        for (const CheckFailure& f : check_lesson(l.value()))
            ADD_FAILURE() << entry.path() << ": " << f.error.field << ": " << f.error.message;
        // Every shipped step is bilingual.
        for (const LessonStep& s : l->steps) {
            EXPECT_FALSE(s.narration.en.empty()) << entry.path() << s.path;
            EXPECT_FALSE(s.narration.zh.empty()) << entry.path() << s.path;
            EXPECT_FALSE(s.title.zh.empty()) << entry.path() << s.path;
        }
    }
    EXPECT_GE(files, 7);
}

TEST(LessonCheck, WrongValuesShapesAndErrorsAreReportedAtTheirPath) {
    Lesson l = load_ok(doc(R"(
        {"input": {"arange": {"shape": [3, 3]}}, "op": "max_pool2d", "kernel_size": 2, "stride": 1,
         "expected": {"output": [[4, 5], [7, 9]]}},
        {"expected": {"output": [[4, 5, 6]]}},
        {"kind": "shape", "expected": {"shape": [1, 2, 2]}},
        {"kind": "shape", "expected": {"shape": [3, 3]}},
        {"padding": 1, "expected": {"error": "more than half"}},
        {"kernel_size": 3, "padding": 2, "expected": {"error": {"field": "stride"}}},
        {"kernel_size": 3, "padding": 2, "expected": {"error": {"field": "padding", "contains": "kernel size 3"}}})"));
    std::vector<CheckFailure> f = check_lesson(l);
    ASSERT_EQ(f.size(), 5u);
    EXPECT_EQ(f[0].step, 0u);
    EXPECT_EQ(f[0].error.field, "/steps/0/expected/output");
    EXPECT_NE(f[0].error.message.find("first difference at [1, 1]: expected 9.0, got 8.0"),
              std::string::npos);
    EXPECT_EQ(f[1].error.field, "/steps/1/expected/output");
    EXPECT_NE(f[1].error.message.find("shaped [1, 3]"), std::string::npos);
    EXPECT_EQ(f[2].error.field, "/steps/3/expected/shape");  // [1, 2, 2] matches 1x1x2x2: leading 1s are fine
    EXPECT_EQ(f[3].error.field, "/steps/4/expected/error");
    EXPECT_NE(f[3].error.message.find("accepts it"), std::string::npos);
    EXPECT_EQ(f[4].error.field, "/steps/5/expected/error");
    EXPECT_NE(f[4].error.message.find("on stride"), std::string::npos);
}

TEST(LessonCheck, PrintedValuesMatchToTheTextbooksPrecision) {
    const std::string base = R"({"input": {"arange": {"shape": [4, 4]}}, "op": "avg_pool2d", "kernel_size": 3,
                                 "stride": 2, "padding": 1, "expected": {"output": )";
    EXPECT_TRUE(check_lesson(load_ok(doc(base + "[[1.1111, 2.6667], [5.6667, 10.0]]}}"))).empty());
    EXPECT_EQ(check_lesson(load_ok(doc(base + "[[1.12, 2.6667], [5.6667, 10.0]]}}"))).size(), 1u);
    EXPECT_EQ(check_lesson(load_ok(doc(base + "[[1.1111, 2.6667], [5.6667, \"nan\"]]}}"))).size(), 1u);
}

TEST(LessonCheck, MxnetConventionSkipsOnlyTheHalfKernelRule) {
    Lesson l = load_ok(doc(R"(
        {"input": {"arange": {"shape": [1, 1, 4, 4]}}, "convention": "mxnet", "op": "max_pool2d",
         "kernel_size": [2, 3], "padding": [1, 2], "stride": [2, 3], "expected": {"output": [[[[0, 3], [8, 11], [12, 15]]]]}},
        {"convention": "pytorch", "expected": {"error": {"field": "padding"}}},
        {"convention": "mxnet", "op": "avg_pool2d", "kernel_size": 2, "padding": 2, "stride": 2,
         "expected": {"shape": [1, 1, 4, 4]}})"));
    EXPECT_TRUE(check_lesson(l).empty());
    EXPECT_EQ(l.steps[0].convention, Convention::kMxnet);
    Result<PoolPlan> plan = plan_step(l.steps[0]);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->w.pad_begin, 2);
    EXPECT_EQ(plan->output, (Shape{1, 1, 3, 2}));

    LessonStep step = l.steps[0];
    step.params.padding = {1, 2, 0, 2};  // MXNet has no per-side padding
    EXPECT_EQ(plan_step(step).errors()[0].field, "padding");
    step.params.padding = Padding::symmetric({1, 2});
    step.params.stride = Pair{0, 3};  // the other rules still apply
    EXPECT_EQ(plan_step(step).errors()[0].field, "stride");
    step.params.stride = Pair{2, 3};
    step.params.ceil_mode = true;  // Gluon's ceil_mode=True is pooling_convention "full": 1 + ceil(...)
    Result<PoolPlan> full = plan_step(step);
    ASSERT_TRUE(full.ok()) << full.error_text();
    EXPECT_EQ(full->output, (Shape{1, 1, 3, 3}));
    EXPECT_EQ(full->convention(), Convention::kMxnet);
}

TEST(LessonCheck, ComputeStepRunsTheForwardPass) {
    Lesson l = load_ok(doc(R"(
        {"input": {"arange": {"shape": [3, 3]}}, "op": "max_pool2d", "kernel_size": 2, "stride": 1},
        {"kind": "shape", "input_size": 9})"));
    Result<PoolOutput> out = compute_step(l.steps[0]);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->values.data()[3], 8.0f);
    EXPECT_FALSE(compute_step(l.steps[1]).ok());
    EXPECT_EQ(plan_step(l.steps[1])->output, (Shape{1, 1, 8, 8}));
}

TEST(LessonNarration, ParagraphsEmphasisAndCode) {
    std::vector<Paragraph> p =
        parse_narration("One *two* `x[0]`\nsame paragraph.\n\n  \nNew \\*literal\\* and a lone * star");
    ASSERT_EQ(p.size(), 2u);
    ASSERT_EQ(p[0].size(), 5u);
    EXPECT_EQ(p[0][0].text, "One ");
    EXPECT_TRUE(p[0][1].emphasis);
    EXPECT_EQ(p[0][1].text, "two");
    EXPECT_TRUE(p[0][3].code);
    EXPECT_EQ(p[0][3].text, "x[0]");
    EXPECT_EQ(p[0][4].text, " same paragraph.");
    ASSERT_EQ(p[1].size(), 1u);
    EXPECT_EQ(p[1][0].text, "New *literal* and a lone * star");
    EXPECT_FALSE(p[1][0].emphasis);
    EXPECT_TRUE(parse_narration("").empty());
    EXPECT_EQ(parse_narration("`unclosed")[0][0].text, "`unclosed");
}

const char* kAuthored = R"({
  "format": "poolscope-lesson/1",
  "title": {"en": "Mine", "zh": "我的", "fr": "La mienne"},
  "x-classroom": {"room": 101},
  "steps": [
    {"narration": {"en": "Keep me"}, "input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d",
     "kernel_size": 3, "future_key": [1, 2, 3], "expected": {"output": [[10]]}},
    {"narration": "second", "padding": 1, "stride": 2}
  ]
})";

TEST(LessonSave, PutStepReplacesInputAndLayerButKeepsEverythingElse) {
    Lesson l = load_ok(kAuthored);
    StepEdit edit{make_constant({1, 1, 2, 2}, 3.0f, 2).value(), {}, Convention::kPyTorch, "nn.AvgPool2d(2)"};
    edit.params.op = PoolOp::kAvg;
    edit.params.kernel_size = {2, 2};
    edit.params.count_include_pad = false;
    Result<Lesson> r = put_step(l, edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(r.ok()) << r.error_text();
    const auto& step = r->document["steps"][0];
    EXPECT_EQ(step["narration"]["en"], "Keep me");
    EXPECT_EQ(step["future_key"], nlohmann::ordered_json::parse("[1, 2, 3]"));
    EXPECT_EQ(step["op"], "avg_pool2d");
    EXPECT_EQ(step["count_include_pad"], false);
    EXPECT_EQ(step["code"], "nn.AvgPool2d(2)");
    EXPECT_EQ(r->steps[0].input->data()[0], 3.0f);
    EXPECT_EQ(r->steps[0].params.op, PoolOp::kAvg);
    // The next step inherits the new input and layer.
    EXPECT_EQ(r->steps[1].input.get(), r->steps[0].input.get());
    EXPECT_EQ(r->steps[1].params.op, PoolOp::kAvg);
    // The old expected value stays (it is the author's), so check now reports it.
    EXPECT_EQ(check_lesson(r.value()).size(), 1u);
}

TEST(LessonSave, InsertAndAppendAddSteps) {
    Lesson l = load_ok(kAuthored);
    StepEdit edit{make_arange({1, 1, 3, 3}, 0.0f, 1.0f, 2).value(), {}, Convention::kMxnet, ""};
    edit.params.kernel_size = {2, 3};
    edit.params.padding = Padding::symmetric({1, 2});
    Result<Lesson> inserted = put_step(l, edit, StepPlacement::kInsertAfter, 0);
    ASSERT_TRUE(inserted.ok()) << inserted.error_text();
    ASSERT_EQ(inserted->steps.size(), 3u);
    EXPECT_EQ(inserted->steps[1].convention, Convention::kMxnet);
    EXPECT_EQ(inserted->steps[1].params.padding, Padding::symmetric({1, 2}));
    EXPECT_EQ(inserted->document["steps"][2]["narration"], "second");
    Result<Lesson> appended = put_step(l, edit, StepPlacement::kAppend);
    ASSERT_TRUE(appended.ok());
    EXPECT_EQ(appended->steps.size(), 3u);
    EXPECT_FALSE(put_step(l, edit, StepPlacement::kReplace, 7).ok());
    // An edit the loader rejects (PyTorch and padding 2 with kernel 3) is an error, not a broken lesson.
    edit.convention = Convention::kPyTorch;
    Result<Lesson> bad = put_step(l, edit, StepPlacement::kReplace, 1);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.errors()[0].field, "/steps/1/padding");
}

// The framework is written only where it changes what the step inherits (issue 29).
TEST(LessonSave, TheConventionIsWrittenOnlyWhereItChanges) {
    Lesson l = load_ok(kAuthored);
    StepEdit edit{make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value(), {}, Convention::kPyTorch, ""};
    edit.params.kernel_size = {2, 2};
    Result<Lesson> same = put_step(l, edit, StepPlacement::kReplace, 1);
    ASSERT_TRUE(same.ok()) << same.error_text();
    EXPECT_FALSE(same->document["steps"][1].contains("convention")) << same->document["steps"][1].dump();
    EXPECT_FALSE(lesson_to_string(same.value()).find("\"convention\"") != std::string::npos);
    edit.convention = Convention::kMxnet;  // a switch is written, and the step after it inherits it
    Result<Lesson> mxnet = put_step(l, edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(mxnet.ok()) << mxnet.error_text();
    EXPECT_EQ(mxnet->document["steps"][0]["convention"], "mxnet");
    edit.convention = Convention::kPyTorch;  // back to PyTorch after an MXNet step: written again
    Result<Lesson> back = put_step(mxnet.value(), edit, StepPlacement::kReplace, 1);
    ASSERT_TRUE(back.ok()) << back.error_text();
    EXPECT_EQ(back->document["steps"][1]["convention"], "pytorch");
    EXPECT_EQ(back->steps[1].convention, Convention::kPyTorch);
}

// A code line PoolScope wrote follows the step's new layer; a hand-written one stays (issue 29, item 3).
TEST(LessonSave, AGeneratedCodeLineFollowsTheLayerAndAHandWrittenOneStays) {
    Lesson l = load_ok(R"json({"format": "poolscope-lesson/1", "title": "t", "steps": [
        {"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 3, "code": "nn.MaxPool2d(3)"},
        {"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 3, "code": "F.max_pool2d(X, 3)"},
        {"code": "X = torch.ones(4, 4)\nnn.MaxPool2d(3)(X)"}]})json");
    EXPECT_TRUE(step_code_is_generated(l.steps[0]));
    EXPECT_FALSE(step_code_is_generated(l.steps[1]));
    EXPECT_TRUE(step_code_is_generated(l.steps[2]));
    StepEdit edit{make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value(), {}, Convention::kPyTorch, ""};
    edit.params.kernel_size = {2, 2};
    Result<Lesson> generated = put_step(l, edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(generated.ok()) << generated.error_text();
    EXPECT_EQ(generated->steps[0].code, "nn.MaxPool2d(2)");
    EXPECT_TRUE(step_code_is_generated(generated->steps[0]));
    Result<Lesson> hand = put_step(l, edit, StepPlacement::kReplace, 1);
    ASSERT_TRUE(hand.ok()) << hand.error_text();
    EXPECT_EQ(hand->steps[1].code, "F.max_pool2d(X, 3)");
    EXPECT_FALSE(step_code_is_generated(hand->steps[1]));
    // Step 3 inherits step 2's layer: its own generated line follows too; the line above it stays.
    edit.params.kernel_size = {3, 3};
    edit.params.padding = Padding::symmetric({1, 1});
    Result<Lesson> inherited = put_step(l, edit, StepPlacement::kReplace, 1);
    ASSERT_TRUE(inherited.ok()) << inherited.error_text();
    EXPECT_EQ(inherited->steps[2].code, "X = torch.ones(4, 4)\nnn.MaxPool2d(3, padding=1)(X)");
}

// The lesson 04 scenario (issue 29, item 2): kernel 2 saved over step 1 breaks step 2, which inherits it;
// the edit names both, and re-recording them from the core makes the lesson pass again.
TEST(LessonSave, AnEditNamesTheLaterStepsItBrokeAndReRecordingFixesThem) {
    Result<Lesson> before = load_lesson_file(std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json");
    ASSERT_TRUE(before.ok()) << before.error_text();
    ASSERT_TRUE(check_lesson(before.value()).empty());
    StepEdit edit{*before->steps[0].input, before->steps[0].params, Convention::kPyTorch, ""};
    edit.params.kernel_size = {2, 2};
    Result<Lesson> after = put_step(before.value(), edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(after.ok()) << after.error_text();
    EXPECT_EQ(after->steps[0].code, "nn.MaxPool2d(2)(X)");
    EXPECT_EQ(after->steps[1].code, "nn.MaxPool2d(2, ceil_mode=True)(X)");  // it inherits the kernel
    const std::vector<size_t> broken = newly_failing_steps(before.value(), after.value());
    EXPECT_EQ(broken, (std::vector<size_t>{0, 1}));
    Result<Lesson> fixed = rerecord_steps(after.value(), broken);
    ASSERT_TRUE(fixed.ok()) << fixed.error_text();
    EXPECT_TRUE(check_lesson(fixed.value()).empty());
    EXPECT_EQ(fixed->document["steps"][1]["quiz"]["answer"], nlohmann::ordered_json::parse("[3, 3]"));
    EXPECT_EQ(fixed->document["steps"][0]["expected"]["output"],
              nlohmann::ordered_json::parse("[[2, 3], [5, 3]]"));
    // An inserted step is new, not broken; the steps after it are compared with where they were.
    edit.params = before->steps[0].params;
    Result<Lesson> inserted = put_step(before.value(), edit, StepPlacement::kInsertAfter, 0);
    ASSERT_TRUE(inserted.ok()) << inserted.error_text();
    EXPECT_TRUE(newly_failing_steps(before.value(), inserted.value(), 1).empty());
}

// Each kind's answer as a lesson writes it, read back by stored_answer() and accepted by the core.
TEST(LessonSave, RecordedAnswersReadBackAsRight) {
    Lesson l = load_ok(R"json({"format": "poolscope-lesson/1", "title": "t", "steps": [
        {"input": [[1, 2, 0], [4, 8, 1], [0, 3, 9]], "op": "avg_pool2d", "kernel_size": 2, "stride": 1, "padding": 1,
         "quiz": [{"kind": "value", "cell": [1, 1], "answer": 0}, {"kind": "divisor", "cell": [0, 0], "answer": 1},
                  {"kind": "output_shape", "answer": [1, 1]}, {"kind": "window_cells", "cell": [1, 1], "answer": [[0, 0]]}]},
        {"op": "max_pool2d", "kernel_size": 2, "stride": 1, "quiz": {"kind": "argmax", "cell": [1, 1], "answer": [0, 0]}}]})json");
    Result<Lesson> fixed = rerecord_steps(l, {0, 1});
    ASSERT_TRUE(fixed.ok()) << fixed.error_text();
    EXPECT_TRUE(check_lesson(fixed.value()).empty());
    const auto& quiz = fixed->document["steps"][0]["quiz"];
    EXPECT_EQ(quiz[0]["answer"], 3.75);  // (1 + 2 + 4 + 8) / 4
    EXPECT_EQ(quiz[1]["answer"], 4);     // count_include_pad: padding counts
    EXPECT_EQ(quiz[2]["answer"], nlohmann::ordered_json::parse("[4, 4]"));
    EXPECT_EQ(quiz[3]["answer"], nlohmann::ordered_json::parse("[[0, 0], [0, 1], [1, 0], [1, 1]]"));
    EXPECT_EQ(fixed->document["steps"][1]["quiz"]["answer"], nlohmann::ordered_json::parse("[2, 2]"));
}

TEST(LessonSave, RoundTripPreservesUnknownKeysAndKeyOrder) {
    const fs::path dir = scratch_dir("roundtrip");
    const fs::path file = dir / "mine.json";
    Lesson l = load_ok(kAuthored);
    ASSERT_TRUE(save_lesson(l, file).ok());
    Result<Lesson> again = load_lesson_file(file);
    ASSERT_TRUE(again.ok()) << again.error_text();
    EXPECT_EQ(again->document, l.document);
    const std::string text = read_all(file);
    EXPECT_NE(text.find("\"room\": 101"), std::string::npos);
    EXPECT_NE(text.find("\"La mienne\""), std::string::npos);
    EXPECT_NE(text.find("\"future_key\""), std::string::npos);
    EXPECT_LT(text.find("\"format\""), text.find("\"title\""));  // the author's order, not alphabetical
    EXPECT_LT(text.find("\"title\""), text.find("\"steps\""));
    EXPECT_EQ(again->steps.size(), 2u);
    EXPECT_EQ(again->steps[1].params.padding, Padding::symmetric({1, 1}));
    fs::remove_all(dir);
}

TEST(LessonSave, SaveReplacesAtomicallyAndLeavesNoTemporaryFiles) {
    const fs::path dir = scratch_dir("atomic");
    const fs::path file = dir / "lesson.json";
    { std::ofstream(file) << "old contents"; }
    Lesson l = load_ok(kAuthored);
    ASSERT_TRUE(save_lesson(l, file).ok());
    EXPECT_EQ(read_all(file), lesson_to_string(l));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++entries;
    EXPECT_EQ(entries, 1);  // the temporary file was renamed, not left behind

    // A target that cannot be replaced (a non-empty directory): error, and nothing left behind.
    const fs::path blocked = dir / "blocked.json";
    fs::create_directories(blocked / "inside");
    Result<bool> r = save_lesson(l, blocked);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, blocked.string());
    EXPECT_NE(r.errors()[0].message.find("is a directory, not a file"), std::string::npos);
    entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++entries;
    EXPECT_EQ(entries, 2);
    EXPECT_EQ(read_all(file), lesson_to_string(l));

    EXPECT_FALSE(save_lesson(l, dir / "missing" / "x.json").ok());
    fs::remove_all(dir);
}

}  // namespace
}  // namespace poolscope
