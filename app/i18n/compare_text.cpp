// difference_text() (see compare_text.h): the same scheme as error_text.cpp for errors.
#include "i18n/compare_text.h"

#include "i18n/i18n.h"
#include "poolscope/error_text.h"

namespace poolscope::app {

std::string difference_text(const Difference& d) {
    const std::string key = "compare." + d.code;
    const char* sentence = tr(key.c_str());
    if (key == sentence) return d.english;  // no entry: the core's English is still right
    std::vector<std::string> args = d.args;
    for (std::string& arg : args) {
        const std::string word_key = "compare.word." + arg;
        const char* word = tr(word_key.c_str());
        if (word_key != word) arg = word;
    }
    return fill_template(sentence, args);
}

}  // namespace poolscope::app
