// The compare view's reasons in both languages: every core compare code has an English sentence equal to the
// core's template and a Chinese one with the same placeholders, and every word the core passes as an
// argument (height, width, end, start) has a compare.word entry.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "i18n/compare_text.h"
#include "i18n/i18n.h"
#include "poolscope/compare.h"

namespace poolscope::app {
namespace {

std::string lookup(std::span<const TranslationEntry> table, const std::string& key) {
    for (const TranslationEntry& e : table)
        if (key == e.key) return e.text;
    return {};
}

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> found;
    for (size_t i = text.find('{'); i != std::string::npos; i = text.find('{', i + 1))
        found.insert(text.substr(i, text.find('}', i) - i + 1));
    return found;
}

TEST(CompareTextTables, EveryCompareCodeHasBothLanguages) {
    for (const CompareTemplate& t : compare_templates()) {
        const std::string key = "compare." + std::string(t.code);
        EXPECT_EQ(lookup(english_table(), key), t.english) << key << " must match core/src/compare.cpp";
        const std::string zh = lookup(chinese_table(), key);
        ASSERT_FALSE(zh.empty()) << key;
        EXPECT_NE(zh, std::string(t.english)) << key;
        EXPECT_EQ(placeholders(zh), placeholders(std::string(t.english))) << key;
    }
    for (const char* word : {"height", "width", "end", "start"}) {
        const std::string key = std::string("compare.word.") + word;
        EXPECT_EQ(lookup(english_table(), key), word);
        EXPECT_FALSE(lookup(chinese_table(), key).empty()) << key;
    }
}

TEST(CompareTextTables, AReasonReadsInTheUiLanguageWithItsWordsTranslated) {
    Difference d;
    d.code = "padding_same";
    d.args = {"TensorFlow", "height", "0", "1", "end"};
    d.english = "TensorFlow pads 0 before and 1 after along the height: SAME puts the extra cell at the end";
    set_language(Language::kEnglish);
    EXPECT_EQ(difference_text(d), d.english);
    set_language(Language::kChinese);
    const std::string zh = difference_text(d);
    set_language(Language::kEnglish);
    EXPECT_NE(zh, d.english);
    EXPECT_NE(zh.find("TensorFlow"), std::string::npos);
    EXPECT_EQ(zh.find("height"), std::string::npos) << zh;  // the word is translated too
    d.code = "no_such_code";                                // unknown to the tables: the core's English
    EXPECT_EQ(difference_text(d), d.english);
}

}  // namespace
}  // namespace poolscope::app
