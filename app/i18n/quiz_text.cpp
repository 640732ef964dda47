#include "i18n/quiz_text.h"

#include "i18n/i18n.h"
#include "poolscope/error_text.h"

namespace poolscope::app {

std::string quiz_text(const QuizText& text) {
    return quiz_text_in(current_language(), text);
}

std::string quiz_text_in(Language language, const QuizText& text) {
    if (text.code.empty()) return {};
    const std::string key = "quiz." + text.code;
    const char* sentence = tr_in(language, key.c_str());
    if (key == sentence) return quiz_english(text);  // no entry: the core's English is still right
    return fill_template(sentence, text.args);
}

}  // namespace poolscope::app
