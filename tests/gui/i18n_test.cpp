// The translation tables: both complete, same keys, same printf placeholders; every key the app's sources
// name exists. A missing key would show on screen as the key itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "i18n/i18n.h"
#if __has_include("i18n/lesson_strings.h")
#include "i18n/lesson_strings.h"
#define POOLSCOPE_HAS_LESSON_STRINGS 1
#endif

namespace poolscope::app {
namespace {

// Every table tr() consults: the main one plus the parts' own tables.
std::vector<TranslationEntry> all_entries(Language language) {
    std::vector<TranslationEntry> out;
    for (const TranslationEntry& e : translation_table(language))
        out.push_back(e);
#ifdef POOLSCOPE_HAS_LESSON_STRINGS
    for (const TranslationEntry& e :
         language == Language::kChinese ? lesson_chinese_table() : lesson_english_table())
        out.push_back(e);
#endif
    return out;
}

std::set<std::string> keys_of(Language language) {
    std::set<std::string> keys;
    for (const TranslationEntry& e : all_entries(language)) {
        EXPECT_TRUE(keys.insert(e.key).second) << "duplicate key " << e.key;
        EXPECT_NE(std::string(e.text), "") << e.key;
    }
    return keys;
}

// The printf conversions of a format, in order ("%d", "%s", ...).
std::vector<std::string> placeholders(const std::string& text) {
    std::vector<std::string> out;
    static const std::regex conversion("%[-+ #0]*[0-9]*(\\.[0-9]+)?[a-zA-Z%]");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), conversion); it != std::sregex_iterator();
         ++it)
        out.push_back(it->str());
    return out;
}

TEST(Translations, BothTablesHaveTheSameKeys) {
    const std::set<std::string> en = keys_of(Language::kEnglish);
    const std::set<std::string> zh = keys_of(Language::kChinese);
    for (const std::string& k : en)
        EXPECT_TRUE(zh.count(k)) << "missing in Chinese: " << k;
    for (const std::string& k : zh)
        EXPECT_TRUE(en.count(k)) << "missing in English: " << k;
    EXPECT_GT(en.size(), 100u);
}

TEST(Translations, PlaceholdersMatchAcrossLanguages) {
    for (const TranslationEntry& e : all_entries(Language::kEnglish)) {
        set_language(Language::kChinese);
        const std::string zh = tr(e.key);
        set_language(Language::kEnglish);
        EXPECT_EQ(placeholders(e.text), placeholders(zh)) << e.key;
        const bool is_format = std::string(e.key).ends_with("_fmt");
        EXPECT_EQ(is_format, !placeholders(e.text).empty())
            << e.key << ": only _fmt keys may hold placeholders";
    }
}

TEST(Translations, ChineseIsReallyTranslated) {
    // Code-like labels may read the same in both languages; anything else equal is an untranslated copy.
    int same = 0;
    std::string which;
    for (const TranslationEntry& e : all_entries(Language::kEnglish)) {
        set_language(Language::kChinese);
        if (std::string(tr(e.key)) == e.text) ++same, which += std::string(" ") + e.key;
    }
    set_language(Language::kEnglish);
    EXPECT_LE(same, 8) << "Chinese strings equal to the English ones:" << which;
}

TEST(Translations, MissingKeyShowsTheKey) {
    EXPECT_STREQ(tr("no.such.key"), "no.such.key");
    EXPECT_EQ(parse_language("zh"), Language::kChinese);
    EXPECT_EQ(parse_language("fr"), std::nullopt);
}

// Every string literal in app/ (outside cli/) shaped like one of our keys must be in the tables.
TEST(Translations, EveryKeyUsedInTheSourcesExists) {
    const std::set<std::string> en = keys_of(Language::kEnglish);
    std::set<std::string> prefixes;
    for (const std::string& k : en)
        prefixes.insert(k.substr(0, k.find('.')));
    static const std::regex literal("\"([a-z_]+)\\.([a-z_.]+)\"");
    int checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(POOLSCOPE_APP_DIR)) {
        const std::string path = entry.path().string();
        if (entry.path().extension() != ".cpp" || path.find("/cli/") != std::string::npos ||
            path.find("/i18n/") != std::string::npos)
            continue;
        std::ifstream file(path);
        std::stringstream ss;
        ss << file.rdbuf();
        // Widget anchor names (remember_item) are not shown text.
        static const std::regex anchor("remember_item\\([^)]*\\)");
        const std::string text = std::regex_replace(ss.str(), anchor, "");
        for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator();
             ++it) {
            const std::string prefix = (*it)[1].str();
            const std::string key = prefix + "." + (*it)[2].str();
            if (!prefixes.count(prefix) || key.ends_with(".h") || key.ends_with(".w")) continue;
            if (prefix == "param" || prefix == "grid") continue;  // widget anchor names, not text
            ++checked;
            EXPECT_TRUE(en.count(key)) << path << " uses " << key << ", which no table has";
        }
    }
    EXPECT_GT(checked, 80);
}

}  // namespace
}  // namespace poolscope::app
