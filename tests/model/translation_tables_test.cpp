// The translation tables: every key in both English and Chinese with text, the same printf placeholders in
// both, Chinese really translated, and every key the app's sources name (tr("key"), or any literal shaped
// like one of our keys) present. Fails on a key missing in either table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <span>
#include <sstream>
#include <string>

#include "i18n/i18n.h"

namespace poolscope::app {
namespace {

// Every entry tr() consults: the sections are joined into one table per language (string_sections.h).
std::vector<TranslationEntry> all_entries(Language language) {
    const std::span<const TranslationEntry> table = translation_table(language);
    return {table.begin(), table.end()};
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
        EXPECT_TRUE(zh.count(k)) << "missing in the Chinese tables: " << k;
    for (const std::string& k : zh)
        EXPECT_TRUE(en.count(k)) << "missing in the English tables: " << k;
}

// The sections are joined (string_sections.h): a key in two of them would be shadowed without a word.
TEST(TranslationTables, NoKeyIsInTwoSections) {
    for (Language language : {Language::kEnglish, Language::kChinese}) {
        std::set<std::string> seen;
        for (const TranslationEntry& e : translation_table(language))
            EXPECT_TRUE(seen.insert(e.key).second) << e.key << " appears twice";
    }
}

// Everything tr() can find.
std::set<std::string> all_keys(Language language) {
    return keys(translation_table(language));
}

// tr("...") in the app's UI and model sources, including tr(c ? "a.b" : "c.d").
TEST(TranslationTables, EveryKeyThePanelsAskForExists) {
    const std::set<std::string> en = all_keys(Language::kEnglish), zh = all_keys(Language::kChinese);
    static const std::regex call(R"(\btr\(([^;]*?)\))");
    static const std::regex literal(R"re("([a-z][a-z0-9_]*(\.[a-z0-9_]+)+)")re");
    int checked = 0;
    for (const char* sub : {"panels", "widgets", "shell", "model", "testing", "i18n"}) {
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

TEST(TranslationTables, PlaceholdersMatchAcrossLanguages) {
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

// Every bracket a sentence opens it closes, in order ("(count_include_pad=True: padding counts" lost its
// ")" once); Chinese full-width brackets count as brackets too, and "[a, b)" is a half-open interval.
TEST(TranslationTables, BracketsAreBalanced) {
    for (Language language : {Language::kEnglish, Language::kChinese})
        for (const TranslationEntry& e : all_entries(language)) {
            const std::string text = e.text;
            std::string open;
            bool ok = true;
            for (size_t i = 0; i < text.size() && ok; ++i) {
                const std::string rest = text.substr(i);
                if (rest.starts_with("(") || rest.starts_with("[")) open += text[i];
                if (rest.starts_with("（")) open += 'f';
                if (rest.starts_with(")") || rest.starts_with("]")) {
                    // ")" may close a half-open interval "[a, b)" too.
                    ok = !open.empty() && (open.back() == '[' || (text[i] == ')' && open.back() == '('));
                    if (ok) open.pop_back();
                }
                if (rest.starts_with("）")) {
                    ok = !open.empty() && open.back() == 'f';
                    if (ok) open.pop_back();
                }
            }
            EXPECT_TRUE(ok && open.empty()) << language_code(language) << " " << e.key << ": " << text;
        }
}

TEST(TranslationTables, ChineseIsReallyTranslated) {
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

TEST(TranslationTables, MissingKeyShowsTheKey) {
    EXPECT_STREQ(tr("no.such.key"), "no.such.key");
    EXPECT_EQ(parse_language("zh"), Language::kChinese);
    EXPECT_EQ(parse_language("fr"), std::nullopt);
}

// Every string literal in app/ (outside cli/) shaped like one of our keys must be in the tables.
TEST(TranslationTables, EveryKeyShapedLiteralInTheSourcesExists) {
    const std::set<std::string> en = all_keys(Language::kEnglish);
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
        static const std::regex anchor("remember_(item|rect)\\([^)]*\\)");
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
