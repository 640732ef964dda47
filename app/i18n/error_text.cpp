#include "i18n/error_text.h"

#include <cstring>

#include "i18n/i18n.h"
#include "poolscope/error_text.h"

namespace poolscope::app {

std::string error_text(const Error& error, Language language) {
    if (error.code.empty()) return error.message;
    const std::string key = "error." + error.code;
    const char* sentence = tr_in(language, key.c_str());
    if (key == sentence) return error.message;  // no entry in the table: the core's English is still right
    // Words the core passes as arguments ("height", "left" ...) have their own entries.
    std::vector<std::string> args = error.args;
    for (std::string& arg : args) {
        const std::string word_key = "error.word." + arg;
        const char* word = tr_in(language, word_key.c_str());
        if (word_key != word) arg = word;
    }
    return fill_template(sentence, args);
}

}  // namespace poolscope::app
