// Loader tests: inheritance, generators, narration fallback, warnings, every error class with its location,
// and hostile inputs (deep nesting, huge shapes, huge files, invalid UTF-8, wrong types everywhere).
#include <gtest/gtest.h>

#include <string>

#include "lesson_test_util.h"
#include "poolscope/generators.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using test::has_error;
using test::load_ok;

// A lesson document around the given steps (a JSON array's inside).
std::string bilingual_doc(const std::string& steps) {
    return R"({"format": "poolscope-lesson/1", "title": {"en": "T", "zh": "标题"}, "steps": [)" + steps +
           "]}";
}

TEST(LessonLoader, StepsInheritInputAndLayer) {
    Lesson l = load_ok(bilingual_doc(R"(
        {"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 3, "code": "a"},
        {"padding": 1, "stride": 2},
        {"op": "avg_pool2d", "kernel_size": 2},
        {"input": [[1, 2], [3, 4]], "code": "b"})"));
    ASSERT_EQ(l.steps.size(), 4u);
    EXPECT_EQ(l.steps[1].input.get(), l.steps[0].input.get());  // shared, not copied
    EXPECT_EQ(l.steps[1].params.kernel_size, (Pair{3, 3}));
    EXPECT_EQ(l.steps[1].params.padding, Padding::symmetric({1, 1}));
    EXPECT_EQ(l.steps[1].params.effective_stride(), (Pair{2, 2}));
    EXPECT_EQ(l.steps[1].code, "a");
    // A new op starts a fresh layer: padding and stride fall back to PyTorch's defaults.
    EXPECT_EQ(l.steps[2].params.op, PoolOp::kAvg);
    EXPECT_EQ(l.steps[2].params.padding, Padding{});
    EXPECT_FALSE(l.steps[2].params.stride.has_value());
    EXPECT_EQ(l.steps[3].input->shape(), (Shape{1, 1, 2, 2}));
    EXPECT_EQ(l.steps[3].params.op, PoolOp::kAvg);
    EXPECT_EQ(l.steps[3].code, "b");
    EXPECT_EQ(l.steps[2].path, "/steps/2");
}

// The lesson browser shows the description on a click (issue 29): kept in both languages, or English alone.
TEST(LessonLoader, TheDescriptionIsKept) {
    const std::string step =
        R"({"input": {"arange": {"shape": [2, 2]}}, "op": "max_pool2d", "kernel_size": 2})";
    Lesson both = load_ok(R"({"format": "poolscope-lesson/1", "title": "T",
        "description": {"en": "What it is about", "zh": "简介"}, "steps": [)" +
                          step + "]}");
    EXPECT_EQ(both.description.en, "What it is about");
    EXPECT_EQ(both.description.zh, "简介");
    Lesson plain = load_ok(
        R"({"format": "poolscope-lesson/1", "title": "T", "description": "Plain", "steps": [)" + step + "]}");
    EXPECT_EQ(plain.description.en, "Plain");
    EXPECT_TRUE(load_ok(bilingual_doc(step)).description.en.empty());
}

TEST(LessonLoader, FocusPanelsCarryOverButCellAndAutoplayDoNot) {
    Lesson l = load_ok(bilingual_doc(R"(
        {"input": {"arange": {"shape": [3, 3]}}, "op": "max_pool2d", "kernel_size": 2, "stride": 1,
         "focus": {"cell": [1, 0], "autoplay": true, "panels": ["channels"]}},
        {})"));
    EXPECT_EQ(l.steps[0].focus.start_cell, (std::vector<int64_t>{1, 0}));
    EXPECT_TRUE(l.steps[0].focus.autoplay);
    EXPECT_TRUE(l.steps[0].focus.shows(Panel::kChannels));
    EXPECT_FALSE(l.steps[0].focus.shows(Panel::kFormula));
    EXPECT_TRUE(l.steps[1].focus.start_cell.empty());
    EXPECT_FALSE(l.steps[1].focus.autoplay);
    EXPECT_TRUE(l.steps[1].focus.shows(Panel::kChannels));
}

TEST(LessonLoader, GeneratorsMatchTheCoreGenerators) {
    Lesson l = load_ok(bilingual_doc(R"(
        {"input": {"arange": {"shape": [2, 3], "start": 5, "step": 0.5}}, "op": "max_pool2d", "kernel_size": 1},
        {"input": {"constant": {"shape": [2, 2, 2], "value": 7}}},
        {"input": {"random_integers": {"shape": [1, 1, 5, 5], "low": -3, "high": 3, "seed": 42}}},
        {"input": {"vertical_edge": {"shape": [6, 8], "zero_columns": [2, 6]}}},
        {"input": {"cat_offset": {"offset": 1}}},
        {"input": {"cat_offset": {"of": {"arange": {"shape": [2, 2]}}, "offset": 10}}})"));
    ASSERT_EQ(l.steps.size(), 6u);
    EXPECT_TRUE(l.steps[0].input->identical(make_arange({1, 1, 2, 3}, 5.0f, 0.5f, 2).value()));
    EXPECT_EQ(l.steps[0].input->data()[5], 7.5f);
    EXPECT_EQ(l.steps[0].input_rank, 2);
    EXPECT_TRUE(l.steps[1].input->identical(make_constant({1, 2, 2, 2}, 7.0f, 3).value()));
    EXPECT_EQ(l.steps[1].input_rank, 3);
    EXPECT_TRUE(l.steps[2].input->identical(make_random_integers({1, 1, 5, 5}, -3, 3, 42, 4).value()));
    const Tensor edge = make_vertical_edge({1, 1, 6, 8}, 2, 6, 2).value();
    EXPECT_TRUE(l.steps[3].input->identical(edge));
    EXPECT_EQ(l.steps[3].input->at(0, 0, 0, 1), 1.0f);
    EXPECT_EQ(l.steps[3].input->at(0, 0, 0, 2), 0.0f);
    // cat_offset without "of" concatenates the previous step's input: D2L's cat((X, X + 1), 1).
    EXPECT_TRUE(l.steps[4].input->identical(cat_with_offset(edge, 1.0f).value()));
    EXPECT_EQ(l.steps[4].input->shape().c, 2);
    EXPECT_EQ(l.steps[5].input->at(0, 1, 1, 1), 13.0f);
}

TEST(LessonLoader, ExplicitValuesKeepTheirRankAndNonFiniteStrings) {
    Lesson l = load_ok(
        bilingual_doc(R"({"input": [[["-inf", 1], [2, "nan"]]], "op": "max_pool2d", "kernel_size": 1})"));
    EXPECT_EQ(l.steps[0].input_rank, 3);
    EXPECT_TRUE(std::isinf(l.steps[0].input->data()[0]));
    EXPECT_TRUE(std::isnan(l.steps[0].input->data()[3]));
}

TEST(LessonLoader, NarrationFallsBackToTheOtherLanguage) {
    Lesson l = load_ok(bilingual_doc(R"(
        {"input": [[1]], "op": "max_pool2d", "kernel_size": 1, "narration": {"zh": "只有中文"}},
        {"narration": {"en": "English only"}},
        {"narration": "A plain string is English", "title": {"en": "E", "zh": "中"}})"));
    EXPECT_EQ(l.steps[0].narration.get(Language::kEnglish), "只有中文");
    EXPECT_EQ(l.steps[1].narration.get(Language::kChinese), "English only");
    EXPECT_EQ(l.steps[2].narration.get(Language::kChinese), "A plain string is English");
    EXPECT_EQ(l.steps[2].title.get(Language::kChinese), "中");
    EXPECT_EQ(l.title.get(Language::kChinese), "标题");
    EXPECT_TRUE(l.steps[0].title.empty());
}

TEST(LessonLoader, UnknownKeysAreWarningsWithPathsAndHints) {
    std::vector<Error> warnings;
    Result<Lesson> r = load_lesson_string(
        R"({"format": "poolscope-lesson/1", "$schema": "x", "x-note": 1, "title": "T", "autor": "me",
            "steps": [{"input": {"arange": {"shape": [2, 2], "stpe": 2}}, "op": "max_pool2d",
                       "kernel_size": 1, "paddng": 0, "focus": {"celll": [0, 0]},
                       "expected": {"outptu": 1}}]})",
        "t.json", &warnings);
    ASSERT_TRUE(r.ok()) << r.error_text();
    EXPECT_EQ(r->warnings.size(), warnings.size());
    auto warned = [&](const std::string& field, const std::string& part) {
        for (const Error& w : warnings)
            if (w.field == field && w.message.find(part) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(warned("/autor", "unknown key"));
    EXPECT_TRUE(warned("/steps/0/paddng", "did you mean \"padding\"?"));
    EXPECT_TRUE(warned("/steps/0/input/arange/stpe", "did you mean \"step\"?"));
    EXPECT_TRUE(warned("/steps/0/focus/celll", "did you mean \"cell\"?"));
    EXPECT_TRUE(warned("/steps/0/expected/outptu", "did you mean \"output\"?"));
    EXPECT_EQ(warnings.size(), 5u);  // $schema and x- keys are the author's own, not typos
}

TEST(LessonLoader, WarningsAreReportedEvenWhenLoadingFails) {
    std::vector<Error> warnings;
    Result<Lesson> r = load_lesson_string(
        bilingual_doc(R"({"input": [[1]], "op": "max_pool2d", "colour": 1})"), "t.json", &warnings);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(has_error(r, "/steps/0/kernel_size", "required"));
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].field, "/steps/0/colour");
}

TEST(LessonErrors, SyntaxErrorsGiveFileLineAndColumn) {
    Result<Lesson> r =
        load_lesson_string("{\n  \"format\": \"poolscope-lesson/1\",\n  \"title\": tru\n}", "a.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, "a.json:3:15");
    EXPECT_NE(r.errors()[0].message.find("JSON syntax error"), std::string::npos);
    Result<Lesson> empty = load_lesson_string("", "e.json");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.errors()[0].field, "e.json:1:1");
}

TEST(LessonErrors, ColumnsCountCharactersNotBytes) {
    // "中文" is 6 bytes but 2 characters; the stray 'x' is at character column 24 (byte column 28).
    Result<Lesson> r = load_lesson_string("{\"title\": \"中文\", \"a\": 1 x}", "u.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, "u.json:1:24");
}

TEST(LessonErrors, InvalidUtf8IsASyntaxErrorWithAPrintableMessage) {
    Result<Lesson> r = load_lesson_string("{\"title\": \"caf\xe9\xff\"}", "b.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field.rfind("b.json:1:", 0), 0u);
    for (unsigned char ch : r.errors()[0].message)
        EXPECT_LT(ch, 0x80) << "the message must stay printable ASCII";
}

std::string repeat(const std::string& part, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += part;
    return out;
}

// {"cat_offset": {"of": ... {"cat_offset": {}} ...}} with `levels` generators.
std::string nested_cat(int levels) {
    return repeat(R"({"cat_offset": {"of": )", levels - 1) + R"({"cat_offset": {}})" +
           repeat("}}", levels - 1);
}

TEST(LessonErrors, SemanticErrorsGiveTheJsonPathAndWhatWasExpected) {
    const std::string first =
        R"({"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 3},)";
    struct Case {
        std::string step, field, part;
    };
    const Case cases[] = {
        {R"({"padding": 2})", "/steps/1/padding", "height padding 2 is more than half of the kernel size 3"},
        {R"({"padding": 1, "stride": 0})", "/steps/1/stride", "must not be zero"},
        {R"({"op": "median_pool2d"})", "/steps/1/op", "expected max_pool2d, avg_pool2d"},
        {R"({"kind": "shape", "input_size": [0, 3]})", "/steps/1/input_size",
         "every size must be at least 1"},
        {R"({"focus": {"cell": [5, 5]}})", "/steps/1/focus/cell", "outside the output"},
        {R"({"convention": "caffe"})", "/steps/1/convention", "expected \"pytorch\", \"tensorflow\""},
        {R"({"kernel_size": 9})", "/steps/1/output", "too small"},
        {R"({"op": "avg_pool2d", "kernel_size": 2, "dilation": 2})", "/steps/1/dilation", "has no dilation"},
        {R"({"input": )" + nested_cat(10) + "}", "/steps/1/input" + repeat("/cat_offset/of", 9),
         "nested more than 8"},
        {R"({"input": {"sawtooth": {}}})", "/steps/1/input", "unknown input generator"},
        {R"({"input": {"random_integers": {"shape": [2, 2], "low": 5, "high": 1}}})",
         "/steps/1/input/random_integers", "must not exceed"},
        {R"({"expected": {"output": [[10]], "shape": [1, 1]}})", "/steps/1/expected", "not both"},
        {R"({"kind": "shape", "expected": {"output": [[10]]}})", "/steps/1/expected/output", "no matrix"},
    };
    for (const Case& c : cases) {
        Result<Lesson> r = load_lesson_string(bilingual_doc(first + c.step), "s.json");
        EXPECT_TRUE(has_error(r, c.field, c.part)) << c.step << " gave: " << r.error_text();
    }
}

TEST(LessonErrors, LaterStepsAreNotBlamedForAnEarlierMistake) {
    Result<Lesson> r = load_lesson_string(bilingual_doc(R"(
        {"input": {"arange": {"shape": [4, 4]}}, "op": "max_pool2d", "kernel_size": 3, "padding": 2},
        {"stride": 1}, {"code": "x"})"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors().size(), 2u) << r.error_text();  // height and width padding of step 0 only
    for (const Error& e : r.errors())
        EXPECT_EQ(e.field, "/steps/0/padding");
}

TEST(LessonErrors, NumberOverflowIsReportedWithItsPosition) {
    Result<Lesson> r = load_lesson_string("{\n  \"title\": 1e400\n}", "n.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, "n.json:2:12");
    EXPECT_NE(r.errors()[0].message.find("overflow"), std::string::npos);
}

TEST(LessonErrors, DocumentLevelProblems) {
    EXPECT_TRUE(has_error(load_lesson_string("[]"), "/", "expected a lesson object"));
    EXPECT_TRUE(has_error(load_lesson_string(R"({"title": "t", "steps": []})"), "/format", "missing"));
    EXPECT_TRUE(
        has_error(load_lesson_string(R"({"format": "poolscope-lesson/2", "title": "t", "steps": []})"),
                  "/format", "does not read"));
    EXPECT_TRUE(has_error(load_lesson_string(R"({"format": 1, "title": "t", "steps": []})"), "/format",
                          "expected \"poolscope-lesson/1\""));
    EXPECT_TRUE(has_error(load_lesson_string(R"({"format": "poolscope-lesson/1", "steps": []})"), "/title",
                          "missing"));
    EXPECT_TRUE(
        has_error(load_lesson_string(R"({"format": "poolscope-lesson/1", "title": "t", "steps": []})"),
                  "/steps", "non-empty"));
    EXPECT_TRUE(has_error(load_lesson_string(bilingual_doc(R"({"kernel_size": 2, "input": [[1]]})")),
                          "/steps/0/op", "no layer yet"));
    EXPECT_TRUE(has_error(load_lesson_string(bilingual_doc(R"({"op": "max_pool2d", "kernel_size": 2})")),
                          "/steps/0/input", "needs an input matrix"));
    EXPECT_TRUE(
        has_error(load_lesson_string(bilingual_doc(R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1,
                                                    "input_size": 3})")),
                  "/steps/0/input_size", "for shape steps"));
}

TEST(LessonErrors, WrongTypesEverywhereAreErrorsNotCrashes) {
    const char* values[] = {"null",
                            "true",
                            "-1",
                            "1e308",
                            "\"x\"",
                            "[]",
                            "{}",
                            "[[[]]]",
                            "18446744073709551615",
                            "[1e400]",
                            "{\"a\": {\"b\": []}}"};
    const char* keys[] = {"input",
                          "op",
                          "kernel_size",
                          "stride",
                          "padding",
                          "dilation",
                          "ceil_mode",
                          "count_include_pad",
                          "divisor_override",
                          "output_size",
                          "focus",
                          "expected",
                          "kind",
                          "convention",
                          "code",
                          "title",
                          "narration",
                          "input_size"};
    for (const char* key : keys)
        for (const char* value : values) {
            const std::string text = bilingual_doc(
                std::string(R"({"input": [[1, 2], [3, 4]], "op": "avg_pool2d", "kernel_size": 1, ")") + key +
                "\": " + value + "}");
            Result<Lesson> r = load_lesson_string(text);  // must return, ok or not
            if (!r.ok()) {
                EXPECT_FALSE(r.errors()[0].field.empty()) << text;
            }
        }
}

TEST(LessonHostile, MillionDeepNestingIsRefusedBeforeParsing) {
    const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    Result<Lesson> r = load_lesson_string(deep, "deep.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, "deep.json:1:65");
    EXPECT_NE(r.errors()[0].message.find("nested more than 64"), std::string::npos);
    // Brackets inside strings are text, not nesting.
    const std::string in_string =
        bilingual_doc(R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1, "code": ")" +
                      std::string(1000, '[') + "\"}");
    EXPECT_TRUE(load_lesson_string(in_string).ok());
}

TEST(LessonHostile, DeepDocumentsBuiltInMemoryAreRefusedToo) {
    nlohmann::ordered_json deep = nlohmann::ordered_json::array();
    for (int i = 0; i < 200; ++i)
        deep = nlohmann::ordered_json::array({deep});
    Result<Lesson> r = load_lesson_json(deep);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errors()[0].message.find("nested more than"), std::string::npos);
}

TEST(LessonHostile, HugeDeclaredShapesAreRefusedWithoutAllocating) {
    Result<Lesson> r = load_lesson_string(bilingual_doc(R"(
        {"input": {"arange": {"shape": [1000000000, 1000000000]}}, "op": "max_pool2d", "kernel_size": 1})"));
    EXPECT_TRUE(has_error(r, "/steps/0/input/arange/shape", "the limit for a lesson"));
    r = load_lesson_string(bilingual_doc(R"(
        {"input": {"constant": {"shape": [9223372036854775807, 9223372036854775807, 2, 2]}}, "op": "max_pool2d", "kernel_size": 1})"));
    EXPECT_TRUE(has_error(r, "/steps/0/input/constant/shape", "the limit for a lesson"));
    // cat_offset doubling past the limit.
    r = load_lesson_string(bilingual_doc(R"(
        {"input": {"cat_offset": {"of": {"constant": {"shape": [1, 1, 1024, 1024]}}}}, "op": "max_pool2d", "kernel_size": 1})"));
    EXPECT_TRUE(has_error(r, "/steps/0/input/cat_offset", "the limit for a lesson"));
}

TEST(LessonHostile, HugeOutputsAreRefused) {
    // Each is small to write; the core alone would allocate up to 2^26 floats for the output.
    Result<Lesson> r = load_lesson_string(bilingual_doc(R"(
        {"input": [[1]], "op": "adaptive_max_pool2d", "output_size": [8192, 8192]})"));
    EXPECT_TRUE(has_error(r, "/steps/0/output_size", "the limit for a lesson"));
    r = load_lesson_string(bilingual_doc(R"(
        {"input": [[1]], "convention": "mxnet", "op": "max_pool2d", "kernel_size": 1, "padding": 4000})"));
    EXPECT_TRUE(has_error(r, "/steps/0/padding", "the limit for a lesson"));
}

TEST(LessonHostile, RaggedArraysThatClaimHugeExtentsAreRefused) {
    // The first element of every level claims 100 items, so the extents multiply to 10^8, but the file is
    // tiny.
    std::string row = "[" + std::string(99 * 2, ' ');
    std::string level = "[1";
    for (int i = 1; i < 100; ++i)
        level += ",1";
    level += "]";
    std::string nest = level;
    for (int d = 0; d < 3; ++d) {
        std::string next = "[" + nest;
        for (int i = 1; i < 100; ++i)
            next += ",1";
        nest = next + "]";
    }
    Result<Lesson> r =
        load_lesson_string(bilingual_doc(R"({"op": "max_pool2d", "kernel_size": 1, "input": )" + nest + "}"));
    EXPECT_TRUE(has_error(r, "/steps/0/input", "the limit for a lesson"));
    r = load_lesson_string(bilingual_doc(
        R"({"op": "max_pool2d", "kernel_size": 1, "input": [[1]], "expected": {"output": )" + nest + "}}"));
    EXPECT_TRUE(has_error(r, "/steps/0/expected/output", "the limit for a lesson"));
}

TEST(LessonHostile, OversizedFilesAreRefused) {
    const std::string big =
        bilingual_doc(R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1, "code": ")" +
                      std::string(static_cast<size_t>(kMaxLessonBytes), 'a') + "\"}");
    Result<Lesson> r = load_lesson_string(big, "big.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, "big.json");
    EXPECT_NE(r.errors()[0].message.find("limit"), std::string::npos);
}

TEST(LessonHostile, GiganticArraysWithinTheFileLimitAreHandled) {
    std::string row = "[0";
    for (int i = 1; i < 500000; ++i)
        row += ",0";
    row += "]";
    Result<Lesson> r =
        load_lesson_string(bilingual_doc(R"({"op": "max_pool2d", "kernel_size": 1, "input": )" + row + "}"));
    EXPECT_TRUE(has_error(r, "/steps/0/input", "flat list"));
    r = load_lesson_string(
        bilingual_doc(R"({"op": "max_pool2d", "kernel_size": [1, 1000], "input": [)" + row + "]}"));
    EXPECT_TRUE(r.ok()) << r.error_text();
}

TEST(LessonHostile, ManyStepsAreCapped) {
    std::string steps = R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1})";
    for (int64_t i = 0; i < kMaxLessonSteps; ++i)
        steps += ",{}";
    EXPECT_TRUE(has_error(load_lesson_string(bilingual_doc(steps)), "/steps", "more than the limit"));
}

TEST(LessonFiles, MissingFilesAndDirectoriesAreErrors) {
    Result<Lesson> r = load_lesson_file("/nonexistent/lesson.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, "/nonexistent/lesson.json");
    EXPECT_FALSE(load_lesson_file(POOLSCOPE_LESSONS_DIR).ok());
    EXPECT_FALSE(load_lesson_file("/dev/zero").ok());  // endless: read stops past the size limit
}

}  // namespace
}  // namespace poolscope

namespace poolscope {
namespace {

// A code line whose comment is words comes in both languages (issue 27); it is inherited like a string.
TEST(LessonLoader, ACodeLineCanCarryItsCommentInChinese) {
    Result<Lesson> l = load_lesson_string(R"json({"format": "poolscope-lesson/1", "title": "t", "steps": [
        {"input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2,
         "code": {"en": "nn.MaxPool2d(2)  # input 2×2", "zh": "nn.MaxPool2d(2)  # 输入 2×2"}},
        {"stride": 1},
        {"code": "nn.MaxPool2d(2, stride=1)"}]})json",
                                          "t.json");
    ASSERT_TRUE(l.ok()) << l.error_text();
    EXPECT_EQ(step_code(l->steps[0], Language::kEnglish), "nn.MaxPool2d(2)  # input 2×2");
    EXPECT_EQ(step_code(l->steps[0], Language::kChinese), "nn.MaxPool2d(2)  # 输入 2×2");
    EXPECT_EQ(step_code(l->steps[1], Language::kChinese), "nn.MaxPool2d(2)  # 输入 2×2");
    EXPECT_EQ(step_code(l->steps[2], Language::kChinese), "nn.MaxPool2d(2, stride=1)");  // a string: one line
    Result<Lesson> bad = load_lesson_string(
        R"({"format": "poolscope-lesson/1", "title": "t", "steps": [{"input": [[1]], "op": "max_pool2d",
            "kernel_size": 1, "code": 3}]})",
        "t.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error_text().find("/steps/0/code"), std::string::npos) << bad.error_text();
}

}  // namespace
}  // namespace poolscope
