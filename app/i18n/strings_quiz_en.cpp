// English strings of the quiz cards and quiz mode (see string_sections.h); the hints themselves are the
// core's quiz codes ("quiz.<code>"), whose English the core writes (core_sentences.cpp).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kQuizEnglish[] = {
    {"quizui.mode", "Quiz me"},
    {"quizui.mode_help", "Predict, then reveal: answer each window's value before PoolScope shows it."},
    {"quizui.question", "Question:"},
    {"quizui.check", "Check"},
    {"quizui.reveal", "Reveal"},
    {"quizui.backward_waits",
     "Backward and MaxUnpool wait for the open question: where the gradient goes and which values come back "
     "would answer it. Answer or reveal it first."},
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
    return kQuizEnglish;
}

}  // namespace poolscope::app
