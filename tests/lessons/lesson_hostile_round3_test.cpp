// Issue 28 on the lesson loader and saver: a key written twice is reported with its JSON path and both lines
// (it used to load, and `fmt` silently dropped the first); the quiz's window reads share one budget per
// lesson, refused at load time before anything is traced; and a save never writes text the loader would
// refuse (over the size limit once formatted), keeping the file as it was.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "poolscope/json_guard.h"
#include "poolscope/lesson.h"
#include "poolscope/lesson_text.h"

namespace poolscope {
namespace {

namespace fs = std::filesystem;

TEST(DuplicateKeys, AreFoundWithTheirPathAndBothLines) {
    const std::string text =
        "{\"format\": \"poolscope-lesson/1\",\n"
        " \"title\": \"T\",\n"
        " \"steps\": [{\"input\": [[1, 2], [3, 4]], \"kernel_size\": 2,\n"
        "   \"kernel_size\": 1, \"fo~o/\": 1, \"fo\\u007eo/\": 2}],\n"
        " \"title\": \"again\"}";
    const std::vector<DuplicateKey> found = duplicate_keys(text);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].path, "/steps/0/kernel_size");
    EXPECT_EQ(found[0].first_line, 3);
    EXPECT_EQ(found[0].line, 4);
    EXPECT_EQ(found[1].path, "/steps/0/fo~0o~1");  // escapes decoded, JSON pointer escaping applied
    EXPECT_EQ(found[2].path, "/title");
    EXPECT_EQ(found[2].first_line, 2);
    EXPECT_EQ(found[2].line, 5);
    EXPECT_TRUE(
        duplicate_keys("{\"a\": {\"b\": 1}, \"c\": {\"b\": 2}, \"s\": \"{\\\"a\\\": 1, \\\"a\\\": 2}\"}")
            .empty());
}

TEST(DuplicateKeys, FailTheLessonSoCheckAndFmtSayWhere) {
    const std::string text =
        "{\"format\": \"poolscope-lesson/1\", \"title\": \"T\", \"steps\": [\n"
        "  {\"input\": [[1, 2], [3, 4]], \"kernel_size\": 2,\n"
        "   \"kernel_size\": 1}]}";
    Result<Lesson> r = load_lesson_string(text, "d.json");
    ASSERT_FALSE(r);
    ASSERT_EQ(r.errors().size(), 1u);
    EXPECT_EQ(r.errors()[0].field, "/steps/0/kernel_size");
    EXPECT_NE(r.errors()[0].message.find("written twice in this object, on lines 2 and 3"), std::string::npos)
        << r.errors()[0].message;
}

// One "value" question on a 1024 x 1024 window traces a million taps; 32 of them on every step of a lesson
// was hours of `poolscope check` and gigabytes in the window (issue 28 items 7 and 14). A step's questions
// share the step's window-read budget.
std::string big_quiz_lesson(int questions, int64_t size) {
    std::string quiz;
    for (int i = 0; i < questions; ++i)
        quiz += std::string(i ? "," : "") + "{\"kind\": \"value\", \"answer\": 0}";
    return "{\"format\": \"poolscope-lesson/1\", \"title\": \"T\", \"steps\": [{\"op\": \"avg_pool2d\", "
           "\"input\": {\"constant\": {\"shape\": [" +
           std::to_string(size) + ", " + std::to_string(size) +
           "]}}, \"kernel_size\": " + std::to_string(size) + ", \"quiz\": [" + quiz + "]}]}";
}

TEST(QuizBudget, ALessonWhoseQuestionsNeedTooManyWindowReadsIsRefusedAtLoad) {
    const auto start = std::chrono::steady_clock::now();
    Result<Lesson> r = load_lesson_string(big_quiz_lesson(32, 1024), "q.json");
    ASSERT_FALSE(r);
    bool said = false;
    for (const Error& e : r.errors())
        said = said || (e.field.rfind("/steps/0/quiz/", 0) == 0 &&
                        e.message.find("more window reads than a lesson step may spend (67108864)") !=
                            std::string::npos);
    EXPECT_TRUE(said) << r.error_text();
    EXPECT_EQ(r.errors().size(), 1u);  // said once, at the question that crosses the budget (the first)
    EXPECT_EQ(r.errors()[0].field, "/steps/0/quiz/0");
    // Refused without tracing a window (a trace of this one alone takes a good part of a second).
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
    // A few questions on a smaller window are within it, and check_lesson verifies them.
    Result<Lesson> small = load_lesson_string(big_quiz_lesson(3, 64), "q.json");
    ASSERT_TRUE(small) << small.error_text();
    EXPECT_TRUE(check_lesson(*small).empty());
}

TEST(QuizBudget, QuestionWorkCountsTheTraceAndTheHintPlanes) {
    PoolParams p;
    p.op = PoolOp::kAvg;
    p.kernel_size = {1024, 1024};
    const PoolPlan plan = make_plan({1, 1, 1024, 1024}, p).value();
    const int64_t work = question_work(QuestionKind::kValue, plan, {});
    EXPECT_GE(work, int64_t{1024} * 1024 * kTracedTapReads);
    EXPECT_GT(work, kMaxLessonWork);  // a third of a second and 50 MB for one question: too much for a step
    EXPECT_LT(question_work(QuestionKind::kOutputShape, plan, {}), 1000);  // nothing traced
    p.kernel_size = {64, 64};
    const PoolPlan small = make_plan({1, 1, 1024, 1024}, p).value();
    // A 64 x 64 window of the same picture: its trace, and the 16 x 16 output plane kept for hints (which
    // copies the input plane): 16 such questions fit in a step.
    EXPECT_LT(16 * question_work(QuestionKind::kValue, small, {}), kMaxLessonWork);
}

TEST(SaveLesson, NeverWritesWhatTheLoaderCouldNotReadBack) {
    const fs::path dir = fs::temp_directory_path() / ("poolscope_save_limit_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "big.json";
    { std::ofstream(file) << "original"; }
    const std::string too_big(static_cast<size_t>(kMaxLessonBytes) + 1, ' ');
    Result<bool> r = save_lesson_text(too_big, file);
    ASSERT_FALSE(r);
    EXPECT_NE(
        r.error_text().find("more than the 4194304 a lesson may have, so it could not be opened again; the "
                            "file is left as it was"),
        std::string::npos)
        << r.error_text();
    Result<bool> broken = save_lesson_text("{\"format\": \"poolscope-lesson/1\"}", file);
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error_text().find("would not load again"), std::string::npos) << broken.error_text();
    std::ifstream in(file);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "original");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace poolscope
