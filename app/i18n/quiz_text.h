// Quiz prompts, hints and explanations in the UI language: QuizText::code picks "quiz.<code>" from the
// translation tables and its args fill {0}, {1}...; a code without an entry falls back to the core's English.
#pragma once

#include <string>

#include "poolscope/language.h"
#include "poolscope/quiz.h"

namespace poolscope::app {

std::string quiz_text(const QuizText& text);
// The same in a given language (the authoring fields show the core's prompt in the field's language).
std::string quiz_text_in(Language language, const QuizText& text);

}  // namespace poolscope::app
