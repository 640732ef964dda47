// The English sentences of the core's codes — validation errors, quiz prompts and hints, the compare view's
// and the A/B view's reasons — for the English table (see string_sections.h). They are written once, in the
// core (core/src/error_text.cpp, quiz_text.cpp, compare.cpp), and read from there, keyed "error.<code>",
// "quiz.<code>" and "compare.<code>"; the Chinese tables add their translations.
#include <deque>
#include <string>
#include <string_view>

#include "i18n/string_sections.h"
#include "poolscope/ab_compare.h"
#include "poolscope/compare.h"
#include "poolscope/error_text.h"
#include "poolscope/quiz.h"

namespace poolscope::app {
namespace {

// Keys and texts owned here (a deque keeps the strings where they are while it grows), and the entries
// pointing at them.
struct CoreSentences {
    std::deque<std::string> text;
    std::vector<TranslationEntry> entries;

    template <typename Templates>
    void add(const Templates& templates, std::string_view prefix) {
        for (const auto& t : templates) {
            const std::string& key = text.emplace_back(std::string(prefix) + std::string(t.code));
            const std::string& english = text.emplace_back(t.english);
            entries.push_back({key.c_str(), english.c_str()});
        }
    }
};

CoreSentences make_core_sentences() {
    CoreSentences sentences;
    sentences.add(error_templates(), "error.");
    sentences.add(compare_templates(), "compare.");
    sentences.add(quiz_templates(), "quiz.");
    sentences.add(ab_templates(), "ab.");
    sentences.add(ab_words(), "ab.word.");
    return sentences;
}

}  // namespace

std::span<const TranslationEntry> core_english_entries() {
    static const CoreSentences sentences = make_core_sentences();  // the core's tables, read once
    return sentences.entries;
}

}  // namespace poolscope::app
