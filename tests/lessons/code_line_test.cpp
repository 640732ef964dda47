// A step's code line read back and held against its layer (issue 29, item 3): the PyTorch calls lessons
// write, Python's binding of positional and keyword arguments, lines that cannot be read (never called
// stale), and the warning `poolscope check` prints for a hand-written line its layer left behind.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "poolscope/code_line.h"
#include "poolscope/generators.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

PoolParams read(const std::string& code) {
    std::optional<CodeLineCall> call = read_code_line(code);
    EXPECT_TRUE(call.has_value()) << code;
    return call ? call->params : PoolParams{};
}

TEST(CodeLine, ReadsTheCallsLessonsWrite) {
    PoolParams p = read("nn.MaxPool2d(3, padding=1, stride=2)");
    EXPECT_EQ(p.op, PoolOp::kMax);
    EXPECT_EQ(p.kernel_size, (Pair{3, 3}));
    EXPECT_EQ(p.stride, (Pair{2, 2}));
    EXPECT_EQ(p.padding, Padding::symmetric({1, 1}));

    p = read("pool2d = nn.MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))\npool2d(X)");
    EXPECT_EQ(p.kernel_size, (Pair{2, 3}));
    EXPECT_EQ(p.padding, Padding::symmetric({0, 1}));

    // F.max_pool2d's positional order differs from the class's: ceil_mode comes before return_indices.
    p = read("F.max_pool2d(X, 2, 1, 0, 1, True)");
    EXPECT_TRUE(p.ceil_mode);
    EXPECT_EQ(p.stride, (Pair{1, 1}));
    p = read("nn.MaxPool2d(2, 1, 0, 1, True)");
    EXPECT_TRUE(p.return_indices);
    EXPECT_FALSE(p.ceil_mode);

    p = read("torch.nn.functional.avg_pool2d(X, 3, stride=1, padding=1, count_include_pad=False)");
    EXPECT_EQ(p.op, PoolOp::kAvg);
    EXPECT_FALSE(p.count_include_pad);
    p = read("nn.AvgPool2d(3, stride=2, padding=1, divisor_override=4)(X)  # a comment: nn.MaxPool2d(9)");
    EXPECT_EQ(p.divisor_override, 4);
    p = read("nn.LPPool2d(1, 2, stride=2, ceil_mode=True)(X)");
    EXPECT_EQ(p.op, PoolOp::kLp);
    EXPECT_EQ(p.norm_type, 1.0);
    EXPECT_EQ(p.kernel_size, (Pair{2, 2}));
    p = read("nn.LPPool2d(float('inf'), 2)(X)");
    EXPECT_TRUE(std::isinf(p.norm_type));
    p = read("nn.AdaptiveAvgPool2d((1, 1))");
    EXPECT_EQ(p.op, PoolOp::kAdaptiveAvg);
    EXPECT_EQ(p.output_size, (Pair{1, 1}));
    // The same layer built and then written again is still one layer.
    EXPECT_TRUE(read_code_line("nn.MaxPool2d(2)(X); nn.MaxPool2d(2)(Y)").has_value());
    EXPECT_TRUE(read_code_line("Xp = F.pad(X, (2, 2, 1, 1))\nF.max_pool2d(Xp, 2)")->pads_input);
    EXPECT_TRUE(read_code_line("F.max_pool2d(F.pad(X, (0, 1, 0, 1)), 3, stride=2)")->pads_input);
}

TEST(CodeLine, NeverGuesses) {
    for (const char* code : {
             "pool2d(X, (2, 2), 'avg')",                        // D2L's own function
             "tf.keras.layers.MaxPool2D(pool_size=2)",          // another framework
             "nn.MaxPool2D(pool_size=2, strides=2)",            // MXNet's Gluon spells it with a D
             "nn.MaxPool2d(k)",                                 // a name, not a number
             "nn.MaxPool2d(3, stride=s)",                       //
             "F.max_pool2d(noise, 2), F.avg_pool2d(noise, 2)",  // two different layers
             "nn.MaxPool2d(3, strides=2)",                      // no such argument
             "nn.MaxPool2d(stride=2)",                          // no kernel_size
             "nn.MaxPool2d(3, stride=2",                        // unfinished
             "my.nn.MaxPool2d(3)",                              // someone else's nn
             "x = 'nn.MaxPool2d(3)'",                           // a string
             "nn.MaxPool2d(99999999999999999999)",              // past what a size can be
             "nn.AvgPool2d(2, divisor_override=2.5)",           // not a whole number
         })
        EXPECT_FALSE(read_code_line(code).has_value()) << code;
}

Lesson load_ok(const char* text) {
    Result<Lesson> l = load_lesson_string(text);
    EXPECT_TRUE(l.ok()) << l.error_text();
    return l.ok() ? l.value() : Lesson{};
}

TEST(CodeLine, AStepsLineAgainstItsLayer) {
    Lesson l = load_ok(R"json({"format": "poolscope-lesson/1", "title": "t", "steps": [
        {"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 2, "code": "F.max_pool2d(X, 3)"},
        {"kernel_size": 3, "stride": 1},
        {"op": "avg_pool2d", "kernel_size": 3, "stride": 1, "padding": 1, "count_include_pad": false,
         "divisor_override": 2, "code": "nn.AvgPool2d(3, stride=1, padding=1, divisor_override=2)(X)"},
        {"code": "pool2d(X, (2, 2), 'avg')"},
        {"convention": "tensorflow", "op": "max_pool2d", "kernel_size": 2, "code": "nn.MaxPool2d(3)"}]})json");
    const std::vector<CodeMismatch> first = code_line_mismatches(l.steps[0]);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].argument, "kernel_size");
    EXPECT_EQ(first[0].in_code, "3");
    EXPECT_EQ(first[0].in_layer, "2");
    // Step 2 inherits step 1's line: kernel 3 now agrees, the stride of 1 does not.
    const std::vector<CodeMismatch> second = code_line_mismatches(l.steps[1]);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].argument, "stride");
    EXPECT_EQ(mismatch_text(second), "stride 3 in the code line, 1 in the layer");
    // With a divisor_override, count_include_pad changes nothing.
    EXPECT_TRUE(code_line_mismatches(l.steps[2]).empty());
    EXPECT_TRUE(code_line_mismatches(l.steps[3]).empty());  // unreadable: never stale
    EXPECT_TRUE(code_line_mismatches(l.steps[4]).empty());  // not PyTorch's: not read

    const std::vector<Error> warnings = find_stale_code_lines(l);
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0].field, "/steps/0/code");
    EXPECT_NE(warnings[0].message.find("kernel_size 3 in the code line, 2 in the layer"), std::string::npos);
    EXPECT_EQ(warnings[1].field, "/steps/1");  // it shows the line it inherits
    EXPECT_NE(warnings[1].message.find("inherits"), std::string::npos);
}

// The teacher's scenario: a generated line follows the new kernel; a hand-written one stays and is stale.
TEST(CodeLine, AHandWrittenLineGoesStaleWhereAGeneratedOneFollows) {
    Lesson l = load_ok(R"json({"format": "poolscope-lesson/1", "title": "t", "steps": [
        {"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 3, "code": "nn.MaxPool2d(3)(X)"},
        {"code": "pool = nn.MaxPool2d(3)\npool(X)"}]})json");
    EXPECT_TRUE(find_stale_code_lines(l).empty());
    StepEdit edit{make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value(), {}, Convention::kPyTorch, ""};
    edit.params.kernel_size = {2, 2};
    Result<Lesson> after = put_step(l, edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(after.ok()) << after.error_text();
    EXPECT_EQ(after->steps[0].code, "nn.MaxPool2d(2)(X)");
    EXPECT_TRUE(code_line_mismatches(after->steps[0]).empty());
    EXPECT_EQ(after->steps[1].code, "pool = nn.MaxPool2d(3)\npool(X)");  // the teacher's own: kept
    const std::vector<Error> warnings = find_stale_code_lines(after.value());
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].field, "/steps/1/code");
}

// The shipped lessons' PyTorch lines agree with their layers, and the reader does read most of them (so
// the agreement means something).
TEST(CodeLine, TheShippedLessonsAgreeWithTheirLines) {
    int read_lines = 0;
    for (const char* name :
         {"01-pool2d-from-scratch", "02-padding-and-stride", "03-multiple-channels", "04-ceil-mode",
          "05-output-size", "06-average-pooling", "07-why-pool", "08-exercises", "09-backward"}) {
        Result<Lesson> l = load_lesson_file(std::string(POOLSCOPE_LESSONS_DIR) + "/" + name + ".json");
        ASSERT_TRUE(l.ok()) << l.error_text();
        EXPECT_TRUE(find_stale_code_lines(l.value()).empty()) << name;
        for (const LessonStep& step : l->steps)
            if (read_code_line(step.code)) ++read_lines;
    }
    EXPECT_GE(read_lines, 40);
}

}  // namespace
}  // namespace poolscope
