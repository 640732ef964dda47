// difference_text() (see compare_text.h): the same scheme as error_text.cpp for errors.
#include "i18n/compare_text.h"

#include "i18n/i18n.h"
#include "poolscope/error_text.h"

namespace poolscope::app {

std::string difference_text(const Difference& d) {
    return difference_text(d, "compare.");
}

std::string difference_text(const Difference& d, const std::string& prefix) {
    return difference_text(d, prefix, current_language());
}

std::string difference_text(const Difference& d, const std::string& prefix, Language language) {
    const std::string key = prefix + d.code;
    const char* sentence = tr_in(language, key.c_str());
    if (key == sentence) return d.english;  // no entry: the core's English is still right
    std::vector<std::string> args = d.args;
    for (std::string& arg : args) {
        const std::string word_key = prefix + "word." + arg;
        const char* word = tr_in(language, word_key.c_str());
        if (word_key != word) arg = word;
    }
    return fill_template(sentence, args);
}

}  // namespace poolscope::app
