// Quiz hints in the UI language: every quiz code of the core has an English sentence equal to the core's
// template and a Chinese one with the same placeholders, and a real hint reads in Chinese.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "i18n/i18n.h"
#include "i18n/quiz_text.h"
#include "poolscope/quiz.h"

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

TEST(QuizTextTables, EveryQuizCodeHasBothLanguages) {
    for (const QuizTemplate& t : quiz_templates()) {
        const std::string key = "quiz." + std::string(t.code);
        EXPECT_EQ(lookup(english_table(), key), t.english) << key << " must match core/src/quiz_text.cpp";
        const std::string zh = lookup(chinese_table(), key);
        ASSERT_FALSE(zh.empty()) << key << " has no Chinese sentence";
        EXPECT_NE(zh, std::string(t.english)) << key << " is not translated";
        EXPECT_EQ(placeholders(zh), placeholders(std::string(t.english))) << key;
    }
}

TEST(QuizTextTables, ADivisorHintReadsInChinese) {
    const QuizText hint{"counted_padding", {"9", "4"}};
    const Language before = current_language();
    set_language(Language::kChinese);
    EXPECT_EQ(quiz_text(hint), "你除以了 9；count_include_pad=False 时只算 4 个真实单元。");
    set_language(Language::kEnglish);
    EXPECT_EQ(quiz_text(hint), quiz_english(hint));
    set_language(before);
}

}  // namespace
}  // namespace poolscope::app
