// The quiz score store: counting tries, the per-lesson totals, and quiz_scores.json written atomically
// (no temp file left, an old file replaced whole), read back equal, range-checked, a broken file set aside.
#include <gtest/gtest.h>

#include <unistd.h>
#include <fstream>
#include <sstream>

#include "model/quiz_scores.h"

namespace poolscope::app {
namespace {

struct ScoresDir {
    std::filesystem::path path;
    ScoresDir() {
        path = std::filesystem::temp_directory_path() /
               ("poolscope_quiz_scores_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(path);
    }
    ~ScoresDir() { std::filesystem::remove_all(path); }
};

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

TEST(QuizScores, CountsTriesUntilRightAndKeepsARightAnswer) {
    QuizScores s;
    EXPECT_EQ(s.lesson("01"), nullptr);
    s.record("01", "2/0", false);
    s.record("01", "2/0", false);
    EXPECT_EQ(s.record("01", "2/0", true), (QuestionScore{3, true, false}));
    EXPECT_EQ(s.record("01", "2/0", false), (QuestionScore{3, true, false}));  // replaying keeps it
    EXPECT_EQ(s.record("01", "4/1", true), (QuestionScore{1, true, true}));
    s.record("01", "5/0", false);
    const LessonScore* l = s.lesson("01");
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->answered(), 3);
    EXPECT_EQ(l->right(), 2);
    EXPECT_EQ(l->right_first_try(), 1);
    s.reset("01");
    EXPECT_EQ(s.lesson("01"), nullptr);
    EXPECT_EQ(quiz_question_id(3, 0), "3/0");
}

TEST(QuizScores, SavesAtomicallyAndReadsBack) {
    ScoresDir dir;
    QuizScores s;
    s.record("08-exercises", "1/0", true);
    s.record("08-exercises", "3/1", false);
    s.record("中文 lesson", "0/0", false);
    s.record("中文 lesson", "0/0", true);
    std::string error;
    ASSERT_TRUE(save_quiz_scores(dir.path / "nested", s, error)) << error;  // creates the directory
    const LoadedQuizScores loaded = load_quiz_scores(dir.path / "nested");
    EXPECT_EQ(loaded.message, "");
    EXPECT_EQ(loaded.scores, s);
    // Saving again replaces the file whole and leaves no temp file behind.
    s.reset("中文 lesson");
    ASSERT_TRUE(save_quiz_scores(dir.path / "nested", s, error)) << error;
    EXPECT_EQ(load_quiz_scores(dir.path / "nested").scores, s);
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path / "nested")) {
        ++files;
        EXPECT_EQ(entry.path().filename(), "quiz_scores.json");
    }
    EXPECT_EQ(files, 1);
    EXPECT_NE(read(quiz_scores_file(dir.path / "nested")).find("poolscope-quiz-scores/1"), std::string::npos);
}

TEST(QuizScores, MissingFileIsNoScoresAndABrokenOneIsSetAside) {
    ScoresDir dir;
    LoadedQuizScores none = load_quiz_scores(dir.path);
    EXPECT_TRUE(none.scores.lessons().empty());
    EXPECT_EQ(none.message, "");
    write(quiz_scores_file(dir.path), "{ not json");
    const LoadedQuizScores broken = load_quiz_scores(dir.path);
    EXPECT_TRUE(broken.scores.lessons().empty());
    EXPECT_NE(broken.message.find("broken"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(dir.path / "quiz_scores.json.bad"));
    EXPECT_FALSE(std::filesystem::exists(quiz_scores_file(dir.path)));
    write(quiz_scores_file(dir.path), R"({"format": "something-else/9", "lessons": {}})");
    EXPECT_NE(load_quiz_scores(dir.path).message, "");
}

TEST(QuizScores, OutOfRangeEntriesAreSkipped) {
    QuizScores s;
    std::string error;
    ASSERT_TRUE(quiz_scores_from_json(R"({"format": "poolscope-quiz-scores/1", "lessons": {
        "a": {"0/0": {"attempts": 2, "correct": true, "first_try": true},
              "0/1": {"attempts": -1, "correct": true},
              "0/2": {"attempts": 99999999999},
              "0/3": {"attempts": "3"},
              "0/4": 7,
              "0/5": {"attempts": 0, "correct": true}},
        "b": [1, 2]}})",
                                      s, error))
        << error;
    const LessonScore* a = s.lesson("a");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->questions.size(), 2u);
    EXPECT_EQ(a->questions.at("0/0"), (QuestionScore{2, true, false}));  // right at try 2 is not a first try
    EXPECT_EQ(a->questions.at("0/5"), (QuestionScore{0, false, false}));
    EXPECT_EQ(s.lesson("b"), nullptr);
    EXPECT_FALSE(quiz_scores_from_json("[]", s, error));
}

TEST(QuizScores, SaveFailsWithAReason) {
    ScoresDir dir;
    write(dir.path / "file", "x");  // a file where the directory should be
    std::string error;
    EXPECT_FALSE(save_quiz_scores(dir.path / "file", QuizScores{}, error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(save_quiz_scores({}, QuizScores{}, error));
}

}  // namespace
}  // namespace poolscope::app
