// Quiz scores per lesson, kept per user in the settings directory (quiz_scores.json): for each question
// (a lesson's "step/question" id) how many tries it took and whether it was right at the first. GUI-free;
// written atomically (temp file + rename) like settings.json, range-checked when read.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace poolscope::app {

inline constexpr const char* kQuizScoresFormat = "poolscope-quiz-scores/1";
inline constexpr int kMaxQuizAttempts = 1000000;  // a count past this in the file is not ours

struct QuestionScore {
    int attempts = 0;        // answers given until the first right one (inclusive)
    bool correct = false;    // answered right at some try
    bool first_try = false;  // right at the first try
    bool operator==(const QuestionScore&) const = default;
};

struct LessonScore {
    std::map<std::string, QuestionScore> questions;  // by question id, e.g. "3/0" (step 3, question 0)
    int answered() const;                            // questions answered at least once
    int right() const;                               // questions answered right
    int right_first_try() const;                     //
    bool operator==(const LessonScore&) const = default;
};

class QuizScores {
  public:
    // Counts one answer. Once a question is right, later answers do not change its score (a student may
    // replay a lesson without losing it); reset() starts a lesson over.
    const QuestionScore& record(const std::string& lesson, const std::string& question, bool correct);
    // nullptr when the lesson has no score yet.
    const LessonScore* lesson(const std::string& lesson) const;
    void reset(const std::string& lesson);
    const std::map<std::string, LessonScore>& lessons() const { return lessons_; }
    bool operator==(const QuizScores&) const = default;

  private:
    friend bool quiz_scores_from_json(const std::string& text, QuizScores& out, std::string& error);
    std::map<std::string, LessonScore> lessons_;
};

// The question id the lesson player uses: "<step index>/<question index>".
std::string quiz_question_id(size_t step, size_t question);

std::filesystem::path quiz_scores_file(const std::filesystem::path& dir);  // dir / "quiz_scores.json"

std::string quiz_scores_to_json(const QuizScores& scores);
// False (with `error`) for text that is not a scores document; entries out of range are skipped.
bool quiz_scores_from_json(const std::string& text, QuizScores& out, std::string& error);

struct LoadedQuizScores {
    QuizScores scores;
    std::string message;  // non-empty when a broken file was set aside (kept as quiz_scores.json.bad)
};
// A missing file (or an empty dir) is no scores yet, without a message.
LoadedQuizScores load_quiz_scores(const std::filesystem::path& dir);
// Writes dir/quiz_scores.json atomically, creating dir. False (with `error`) when it cannot.
bool save_quiz_scores(const std::filesystem::path& dir, const QuizScores& scores, std::string& error);

}  // namespace poolscope::app
