// Lookup for tr(): each table is indexed once into a hash map on first use.
#include "i18n/i18n.h"

#include <string>
#include <unordered_map>

namespace poolscope::app {
namespace {

using Index = std::unordered_map<std::string_view, const char*>;

struct Translations {
    Language language = Language::kEnglish;
    Index english;
    Index chinese;
};

Translations& translations() {
    static Translations t;  // process-wide like ImGui's own context; filled lazily
    return t;
}

const Index& index_for(Language language) {
    Translations& t = translations();
    Index& index = language == Language::kChinese ? t.chinese : t.english;
    if (index.empty()) {
        for (const TranslationEntry& e : translation_table(language))
            index.emplace(e.key, e.text);
    }
    return index;
}

}  // namespace

std::span<const TranslationEntry> translation_table(Language language) {
    return language == Language::kChinese ? chinese_table() : english_table();
}

std::optional<Language> parse_language(std::string_view code) {
    if (code == "en" || code == "en_US" || code == "en-US" || code == "english") return Language::kEnglish;
    if (code == "zh" || code == "zh_CN" || code == "zh-CN" || code == "chinese") return Language::kChinese;
    return std::nullopt;
}

const char* language_code(Language language) {
    return language == Language::kChinese ? "zh" : "en";
}

void set_language(Language language) {
    translations().language = language;
}

Language current_language() {
    return translations().language;
}

const char* tr(const char* key) {
    return tr_in(translations().language, key);
}

const char* tr_in(Language language, const char* key) {
    const Index& index = index_for(language);
    auto it = index.find(key);
    return it == index.end() ? key : it->second;
}

}  // namespace poolscope::app
