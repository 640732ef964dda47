// The translation tables as the issue states them: every key in both English and Chinese, no empty value,
// and every tr("key") named in panel and widget code present. Fails on a key missing in either table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "i18n/i18n.h"
#include "i18n/lesson_strings.h"

namespace poolscope::app {
namespace {

std::set<std::string> keys(std::span<const TranslationEntry> table) {
    std::set<std::string> out;
    for (const TranslationEntry& e : table) {
        EXPECT_NE(e.text, nullptr) << e.key;
        EXPECT_STRNE(e.text, "") << "empty text for " << e.key;
        out.insert(e.key);
    }
    return out;
}

TEST(TranslationTables, EveryKeyIsInBothTablesWithText) {
    const std::set<std::string> en = keys(english_table()), zh = keys(chinese_table());
    for (const std::string& k : en)
        EXPECT_TRUE(zh.count(k)) << "missing in strings_zh.cpp: " << k;
    for (const std::string& k : zh)
        EXPECT_TRUE(en.count(k)) << "missing in strings_en.cpp: " << k;
    const std::set<std::string> len = keys(lesson_english_table()), lzh = keys(lesson_chinese_table());
    for (const std::string& k : len)
        EXPECT_TRUE(lzh.count(k)) << "missing in lesson_strings_zh.cpp: " << k;
    for (const std::string& k : lzh)
        EXPECT_TRUE(len.count(k)) << "missing in lesson_strings_en.cpp: " << k;
}

// Everything tr() can find: the main tables and the lesson player's.
std::set<std::string> all_keys(Language language) {
    std::set<std::string> out = keys(translation_table(language));
    for (const std::string& k :
         keys(language == Language::kChinese ? lesson_chinese_table() : lesson_english_table()))
        out.insert(k);
    return out;
}

// tr("...") in the panel and widget sources, including tr(c ? "a.b" : "c.d").
TEST(TranslationTables, EveryKeyThePanelsAskForExists) {
    const std::set<std::string> en = all_keys(Language::kEnglish), zh = all_keys(Language::kChinese);
    static const std::regex call(R"(\btr\(([^;]*?)\))");
    static const std::regex literal(R"re("([a-z][a-z0-9_]*(\.[a-z0-9_]+)+)")re");
    int checked = 0;
    for (const char* sub : {"panels", "widgets"}) {
        for (const auto& entry :
             std::filesystem::directory_iterator(std::filesystem::path(POOLSCOPE_APP_DIR) / sub)) {
            if (entry.path().extension() != ".cpp") continue;
            std::ifstream file(entry.path());
            std::stringstream ss;
            ss << file.rdbuf();
            const std::string text = ss.str();
            for (auto c = std::sregex_iterator(text.begin(), text.end(), call); c != std::sregex_iterator();
                 ++c) {
                const std::string args = (*c)[1].str();
                for (auto l = std::sregex_iterator(args.begin(), args.end(), literal);
                     l != std::sregex_iterator(); ++l) {
                    const std::string key = (*l)[1].str();
                    ++checked;
                    EXPECT_TRUE(en.count(key))
                        << entry.path().filename() << ": tr(\"" << key << "\") not in English";
                    EXPECT_TRUE(zh.count(key))
                        << entry.path().filename() << ": tr(\"" << key << "\") not in Chinese";
                }
            }
        }
    }
    EXPECT_GT(checked, 50) << "the scan found too few tr() calls to be looking at the right files";
}

TEST(TranslationTables, ShellStringsAreTranslated) {
    for (const char* key : {"menu.presentation", "menu.language", "help_overlay.title",
                            "help_overlay.reading_text", "status.no_cjk_font", "shortcut.presentation"}) {
        set_language(Language::kEnglish);
        const std::string en = tr(key);
        set_language(Language::kChinese);
        const std::string zh = tr(key);
        set_language(Language::kEnglish);
        EXPECT_NE(en, key) << key;
        EXPECT_NE(zh, key) << key;
        EXPECT_NE(en, zh) << key;
    }
}

}  // namespace
}  // namespace poolscope::app
