// The lesson writer: a one-step edit of a hand-formatted lesson (comments, Chinese, odd spacing) keeps every
// other byte; added, removed, reordered and duplicated steps keep theirs; the canonical style is idempotent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "poolscope/generators.h"
#include "poolscope/lesson.h"
#include "poolscope/lesson_text.h"

namespace poolscope {
namespace {

using Json = nlohmann::ordered_json;

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Lesson fixture() {
    const std::filesystem::path path =
        std::filesystem::path(POOLSCOPE_AUTHORING_FIXTURES) / "hand_formatted.json";
    Result<Lesson> lesson = load_lesson_string(read_text(path), path.string());
    EXPECT_TRUE(lesson.ok()) << lesson.error_text();
    return lesson.value();
}

// The bytes of step `i` as written in the fixture (found by its unique title).
std::string step_bytes(const std::string& text, const std::string& first, const std::string& last) {
    const size_t begin = text.find(first), end = text.find(last, begin);
    EXPECT_NE(begin, std::string::npos);
    EXPECT_NE(end, std::string::npos);
    return text.substr(begin, end + last.size() - begin);
}

TEST(LessonWriter, UnchangedLessonIsWrittenBackByteForByte) {
    const Lesson lesson = fixture();
    EXPECT_EQ(lesson_to_string(lesson), lesson.text);
}

TEST(LessonWriter, OneStepEditKeepsEveryOtherByte) {
    const Lesson lesson = fixture();
    StepEdit edit{make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value(), {}, Convention::kPyTorch, ""};
    edit.params.op = PoolOp::kAvg;
    edit.params.kernel_size = {2, 2};
    edit.params.stride = {2, 2};
    Result<Lesson> edited = put_step(lesson, edit, StepPlacement::kReplace, 1);
    ASSERT_TRUE(edited.ok()) << edited.error_text();
    const std::string text = lesson_to_string(edited.value());
    // Everything before the edited step and after it is the teacher's, unchanged.
    const std::string& old = lesson.text;
    const size_t second = old.find("        {\n            \"title\": {\"en\": \"Average\"");
    const size_t third = old.find("        {\"title\": {\"en\": \"Padding\"");
    ASSERT_NE(second, std::string::npos);
    ASSERT_NE(third, std::string::npos);
    EXPECT_EQ(text.substr(0, second), old.substr(0, second));
    EXPECT_EQ(text.substr(text.size() - (old.size() - third)), old.substr(third));
    // The edited step: canonical style at the file's indent, its comment in Chinese kept.
    EXPECT_NE(text.find("\"x-notes\": \"这一步演示平均池化\""), std::string::npos);
    EXPECT_NE(
        text.find("            \"input\": [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]],\n"),
        std::string::npos)
        << text;
    Result<Lesson> reread = load_lesson_string(text);
    ASSERT_TRUE(reread.ok()) << reread.error_text();
    EXPECT_EQ(nlohmann::json(reread->document), nlohmann::json(edited->document));
}

TEST(LessonWriter, AddedRemovedReorderedAndDuplicatedStepsKeepTheirBytes) {
    const Lesson lesson = fixture();
    const std::string first = step_bytes(lesson.text, "{\n            \"x-notes\": \"keep this comment\"",
                                         "\"expected\": {\"output\": [[5, 6], [8, 9]]}\n        }");
    const std::string last = step_bytes(lesson.text, "{\"title\": {\"en\": \"Padding\"", "[1, 1]}}");
    Json document = lesson.document;
    Json& steps = document["steps"];
    const Json a = steps[0], b = steps[1], c = steps[2];
    for (const Json& order : {Json::array({c, a}), Json::array({a, a, c}), Json::array({c, b, a})}) {
        document["steps"] = order;
        const std::string text = splice_lesson_text(lesson.text, document);
        EXPECT_NE(text.find(first), std::string::npos) << text;
        EXPECT_NE(text.find(last), std::string::npos) << text;
        EXPECT_EQ(nlohmann::json(Json::parse(text)), nlohmann::json(document));
    }
    // A new step is written in the canonical style.
    document["steps"] =
        Json::array({a, b, c, Json{{"title", {{"en", "New"}}}, {"op", "max_pool2d"}, {"kernel_size", 1}}});
    const std::string text = splice_lesson_text(lesson.text, document);
    EXPECT_NE(
        text.find(
            ",\n        {\n            \"title\": {\"en\": \"New\"},\n            \"op\": \"max_pool2d\",\n"
            "            \"kernel_size\": 1\n        }\n    ]"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find(first), std::string::npos);
}

TEST(LessonWriter, ChangedLessonTitleKeepsTheSteps) {
    const Lesson lesson = fixture();
    Json document = lesson.document;
    document["title"]["zh"] = "新标题";
    const std::string text = splice_lesson_text(lesson.text, document);
    EXPECT_NE(text.find("\"title\": {\"en\": \"Hand-written\", \"zh\": \"新标题\"}"), std::string::npos)
        << text;
    EXPECT_NE(text.find("{\"title\": {\"en\": \"Padding\", \"zh\": \"填充\"}, \"op\": \"max_pool2d\", "
                        "\"kernel_size\": 3, "
                        "\"padding\": 1,\n         \"expected\""),
              std::string::npos)
        << text;
    EXPECT_EQ(nlohmann::json(Json::parse(text)), nlohmann::json(document));
}

TEST(LessonWriter, NoOriginalTextMeansTheCanonicalStyle) {
    const Lesson lesson = fixture();
    EXPECT_EQ(splice_lesson_text("", lesson.document), format_lesson_text(lesson.document));
    EXPECT_EQ(splice_lesson_text("not json", lesson.document), format_lesson_text(lesson.document));
}

TEST(CanonicalStyle, RowsOnOneLineKnownKeysInOrderChineseAsIs) {
    const Json document =
        Json::parse(R"({"steps": [{"expected": {"shape": [1, 1]}, "x-notes": "注", "op": "max_pool2d",
        "input": [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27],
                  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]],
        "title": {"en": "T", "zh": "标题"}, "kernel_size": 2}], "title": {"en": "L"}, "format": "poolscope-lesson/1"})");
    const std::string row =
        "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, "
        "27]";
    const std::string expected =
        "{\n"
        "  \"format\": \"poolscope-lesson/1\",\n"
        "  \"title\": {\"en\": \"L\"},\n"
        "  \"steps\": [\n"
        "    {\n"
        "      \"title\": {\"en\": \"T\", \"zh\": \"标题\"},\n"
        "      \"input\": [\n"
        "        " +
        row +
        ",\n"
        "        " +
        row +
        "\n"
        "      ],\n"
        "      \"op\": \"max_pool2d\",\n"
        "      \"kernel_size\": 2,\n"
        "      \"expected\": {\"shape\": [1, 1]},\n"
        "      \"x-notes\": \"注\"\n"
        "    }\n"
        "  ]\n"
        "}\n";
    EXPECT_EQ(format_lesson_text(document), expected);
}

// A step's reveal sits after its quiz, and a choice option's {"text", "why"} keeps its keys; fmt writes them
// back unchanged in meaning, and a second run changes nothing.
TEST(CanonicalStyle, RevealAfterTheQuizAndOptionWhysRoundTrip) {
    const Json document = Json::parse(R"({"format": "poolscope-lesson/1", "title": "L", "steps": [{
        "reveal": {"en": "It is *not* linear.", "zh": "不是线性的。"}, "expected": {"output": [[1]]},
        "quiz": {"kind": "choice", "prompt": "Linear?", "answer": 1,
                 "options": [{"why": {"en": "Try a counterexample.", "zh": "找个反例。"}, "text": "yes"}, "no"]},
        "input": [[1, 0], [0, 1]], "narration": "Pool a + b.", "title": "T", "op": "max_pool2d", "kernel_size": 2}]})");
    const std::string once = format_lesson_text(document);
    const size_t title = once.find("\"title\": \"T\""), narration = once.find("\"narration\""),
                 quiz = once.find("\"quiz\""), reveal = once.find("\"reveal\""),
                 expected = once.find("\"expected\"");
    EXPECT_TRUE(title < narration && narration < quiz && quiz < reveal && reveal < expected) << once;
    EXPECT_NE(once.find(R"({"why": {"en": "Try a counterexample.", "zh": "找个反例。"}, "text": "yes"})"),
              std::string::npos)
        << once;
    Result<Lesson> lesson = load_lesson_string(once);
    ASSERT_TRUE(lesson) << lesson.error_text();
    EXPECT_TRUE(lesson->warnings.empty());
    EXPECT_EQ(lesson->steps[0].reveal.get(Language::kChinese), "不是线性的。");
    EXPECT_EQ(lesson->steps[0].quiz[0].option_why[0].get(Language::kEnglish), "Try a counterexample.");
    EXPECT_EQ(nlohmann::json(Json::parse(once)), nlohmann::json(document));
    EXPECT_EQ(format_lesson_text(lesson->document), once);
    // "Save over step" writes the editor's layer and keeps the step's words, reveal and options included.
    StepEdit edit;
    edit.input = lesson->steps[0].input ? *lesson->steps[0].input : Tensor();
    edit.params = lesson->steps[0].params;
    Result<Lesson> saved = put_step(*lesson, edit, StepPlacement::kReplace, 0);
    ASSERT_TRUE(saved) << saved.error_text();
    EXPECT_EQ(saved->steps[0].reveal.get(Language::kEnglish), "It is *not* linear.");
    EXPECT_EQ(saved->steps[0].quiz[0].option_why[0].get(Language::kChinese), "找个反例。");
}

TEST(CanonicalStyle, IsIdempotentOnEveryShippedLessonAndTheFixture) {
    std::vector<std::filesystem::path> files = {std::filesystem::path(POOLSCOPE_AUTHORING_FIXTURES) /
                                                "hand_formatted.json"};
    for (const auto& entry : std::filesystem::directory_iterator(POOLSCOPE_LESSONS_DIR))
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json")
            files.push_back(entry.path());
    ASSERT_GT(files.size(), 5u);
    for (const auto& path : files) {
        Result<Lesson> lesson = load_lesson_file(path);
        ASSERT_TRUE(lesson.ok()) << lesson.error_text();
        const std::string once = format_lesson_text(lesson->document);
        const Json reread = Json::parse(once);
        EXPECT_EQ(nlohmann::json(reread), nlohmann::json(lesson->document)) << path;
        EXPECT_EQ(format_lesson_text(reread), once) << path;
        for (size_t start = 0, end; (end = once.find('\n', start)) != std::string::npos; start = end + 1) {
            const std::string line = once.substr(start, end - start);
            // A long line is a string, a number list or a row; never several structured values.
            const auto chars =
                std::count_if(line.begin(), line.end(), [](char ch) { return (ch & 0xC0) != 0x80; });
            if (static_cast<size_t>(chars) > kLessonTextWidth) {
                EXPECT_EQ(line.find("{\""), std::string::npos) << path << ": " << line;
            }
        }
    }
}

}  // namespace
}  // namespace poolscope

namespace poolscope {
namespace {

// "Save as new step": its own title, the code line of its own layer, and what the core computes as expected.
TEST(NewStep, GetsATitleItsOwnCodeAndTheComputedExpectation) {
    Result<Lesson> lesson =
        load_lesson_string(R"j({"format": "poolscope-lesson/1", "title": {"en": "L"}, "steps": [
        {"input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2, "code": "nn.MaxPool2d(2)"}]
})j");
    ASSERT_TRUE(lesson.ok()) << lesson.error_text();
    StepEdit edit{make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value(), {}, Convention::kPyTorch, ""};
    edit.params.kernel_size = {3, 3};
    edit.params.stride = {1, 1};
    edit.params.padding = Padding::symmetric({1, 1});
    edit.params.ceil_mode = true;
    Result<Lesson> added = put_step(lesson.value(), edit, StepPlacement::kAppend);
    ASSERT_TRUE(added.ok()) << added.error_text();
    const LessonStep& step = added->steps[1];
    EXPECT_EQ(step.title.en, "Step 2");
    EXPECT_EQ(step.title.zh, "第 2 步");
    EXPECT_EQ(step.code, "nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True)");
    ASSERT_TRUE(step.expected.output.has_value());
    EXPECT_TRUE(check_lesson(added.value()).empty());
    // MXNet's form for an MXNet step; a layer PyTorch rejects records the error.
    edit.convention = Convention::kMxnet;
    Result<Lesson> mxnet = put_step(lesson.value(), edit, StepPlacement::kInsertAfter, 0);
    ASSERT_TRUE(mxnet.ok()) << mxnet.error_text();
    EXPECT_NE(mxnet->steps[1].code.find("nn.MaxPool2D"), std::string::npos) << mxnet->steps[1].code;
    edit.convention = Convention::kPyTorch;
    edit.params.padding = Padding::symmetric({2, 2});  // more than half the kernel
    Result<Lesson> rejected = put_step(lesson.value(), edit, StepPlacement::kAppend);
    ASSERT_TRUE(rejected.ok()) << rejected.error_text();
    EXPECT_TRUE(rejected->steps[1].expected.error);
    EXPECT_TRUE(check_lesson(rejected.value()).empty());
    // A teacher's own code line wins.
    edit.code = "my_pool(X)";
    Result<Lesson> own = put_step(lesson.value(), edit, StepPlacement::kAppend);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own->steps[1].code, "my_pool(X)");
}

}  // namespace
}  // namespace poolscope
