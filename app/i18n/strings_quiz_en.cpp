// English strings of the quiz cards and quiz mode (see string_sections.h), and the core's quiz codes
// ("quiz.<code>": prompts, hints, answers, explanations) taken from its templates, so each English sentence
// is written once, in core/src/quiz_text.cpp.
#include <string>
#include <vector>

#include "i18n/string_sections.h"
#include "poolscope/quiz.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kQuizEnglish[] = {
    {"quizui.mode", "Quiz me"},
    {"quizui.mode_help", "Predict, then reveal: answer each window's value before PoolScope shows it."},
    {"quizui.question", "Question:"},
    {"quizui.check", "Check"},
    {"quizui.reveal", "Reveal"},
    {"quizui.hidden_until_answered", "Hidden until the question is answered or revealed"},
    {"quizui.right", "Right!"},
    {"quizui.wrong", "Not yet."},
    {"quizui.new_numbers", "Try again with new numbers"},
    {"quizui.score_fmt", "Score: %d right of %d answered (%d at the first try)"},
    {"quizui.answer_first",
     "A question in the lesson asks about this window: answer it (or reveal) to see the arithmetic."},
};

}  // namespace

std::span<const TranslationEntry> quiz_english_entries() {
    // Built once; the keys live as long as the table (the templates are string literals).
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const QuizTemplate& t : quiz_templates())
            k.push_back("quiz." + std::string(t.code));
        return k;
    }();
    static const std::vector<TranslationEntry> all = [] {
        std::vector<TranslationEntry> entries(std::begin(kQuizEnglish), std::end(kQuizEnglish));
        const std::vector<QuizTemplate> templates = quiz_templates();
        for (size_t i = 0; i < templates.size(); ++i)
            entries.push_back({keys[i].c_str(), templates[i].english.data()});
        return entries;
    }();
    return all;
}

}  // namespace poolscope::app
