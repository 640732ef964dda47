// The quiz score store: counting answers, and quiz_scores.json read (range-checked, a broken file set aside)
// and written (temp file in the same directory, flushed, renamed over the old one).
#include "model/quiz_scores.h"
#include "model/paths.h"

#include <unistd.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace poolscope::app {

int LessonScore::answered() const {
    int n = 0;
    for (const auto& [id, q] : questions)
        n += q.attempts > 0;
    return n;
}

int LessonScore::right() const {
    int n = 0;
    for (const auto& [id, q] : questions)
        n += q.correct;
    return n;
}

int LessonScore::right_first_try() const {
    int n = 0;
    for (const auto& [id, q] : questions)
        n += q.first_try;
    return n;
}

const QuestionScore& QuizScores::record(const std::string& lesson, const std::string& question,
                                        bool correct) {
    QuestionScore& q = lessons_[lesson].questions[question];
    if (q.correct) return q;
    if (q.attempts < kMaxQuizAttempts) ++q.attempts;
    if (correct) {
        q.correct = true;
        q.first_try = q.attempts == 1;
    }
    return q;
}

const LessonScore* QuizScores::lesson(const std::string& lesson) const {
    auto it = lessons_.find(lesson);
    return it == lessons_.end() ? nullptr : &it->second;
}

void QuizScores::reset(const std::string& lesson) {
    lessons_.erase(lesson);
}

std::string quiz_question_id(size_t step, size_t question) {
    return std::to_string(step) + "/" + std::to_string(question);
}

std::filesystem::path quiz_scores_file(const std::filesystem::path& dir) {
    return dir / "quiz_scores.json";
}

std::string quiz_scores_to_json(const QuizScores& scores) {
    nlohmann::json lessons = nlohmann::json::object();
    for (const auto& [name, lesson] : scores.lessons()) {
        nlohmann::json questions = nlohmann::json::object();
        for (const auto& [id, q] : lesson.questions)
            questions[id] = {{"attempts", q.attempts}, {"correct", q.correct}, {"first_try", q.first_try}};
        lessons[name] = std::move(questions);
    }
    const nlohmann::json doc = {{"format", kQuizScoresFormat}, {"lessons", std::move(lessons)}};
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool quiz_scores_from_json(const std::string& text, QuizScores& out, std::string& error) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = "not a JSON object";
        return false;
    }
    if (doc.value("format", std::string()) != kQuizScoresFormat) {
        error = std::string("expected \"format\": \"") + kQuizScoresFormat + "\"";
        return false;
    }
    auto lessons = doc.find("lessons");
    if (lessons == doc.end() || !lessons->is_object()) {
        error = "no \"lessons\" object";
        return false;
    }
    QuizScores scores;
    for (const auto& [name, questions] : lessons->items()) {
        if (!questions.is_object()) continue;
        LessonScore lesson;
        for (const auto& [id, q] : questions.items()) {
            if (!q.is_object()) continue;
            const auto attempts = q.find("attempts");
            if (attempts == q.end() || !attempts->is_number_integer()) continue;
            const int64_t n = attempts->get<int64_t>();
            if (n < 0 || n > kMaxQuizAttempts) continue;
            QuestionScore s;
            s.attempts = static_cast<int>(n);
            s.correct = q.value("correct", false) && n > 0;
            s.first_try = q.value("first_try", false) && s.correct && n == 1;
            lesson.questions[id] = s;
        }
        if (!lesson.questions.empty()) scores.lessons_[name] = std::move(lesson);
    }
    out = std::move(scores);
    return true;
}

LoadedQuizScores load_quiz_scores(const std::filesystem::path& dir) {
    LoadedQuizScores loaded;
    if (dir.empty()) return loaded;
    const std::filesystem::path file = quiz_scores_file(dir);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return loaded;
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    if (!in.bad() && quiz_scores_from_json(text.str(), loaded.scores, error)) return loaded;
    if (error.empty()) error = "cannot be read";
    const std::filesystem::path bad = file.string() + ".bad";  // kept for the curious, out of the way
    std::filesystem::rename(file, bad, ec);
    loaded.message = "The quiz scores file " + file.string() + " is broken (" + error + "); starting afresh" +
                     (ec ? std::string() : " (the old file is kept as " + bad.filename().string() + ")");
    return loaded;
}

bool save_quiz_scores(const std::filesystem::path& dir, const QuizScores& scores, std::string& error) {
    return write_config_file(dir, quiz_scores_file(dir), quiz_scores_to_json(scores), error);
}

}  // namespace poolscope::app
