// Every user-visible string goes through tr("key"): English and Simplified Chinese tables
// (strings_en.cpp, strings_zh.cpp). A key missing from a table shows as the key itself and is caught by
// tests/gui/i18n_test.cpp, which also checks that both languages use the same printf placeholders.
#pragma once

#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "poolscope/language.h"

namespace poolscope::app {

using poolscope::Language;  // one enum for lesson text and UI tables

struct TranslationEntry {
    const char* key;
    const char* text;  // printf-style when the key ends in "_fmt"
};

std::span<const TranslationEntry> translation_table(Language language);
// The tables themselves (strings_en.cpp, strings_zh.cpp).
std::span<const TranslationEntry> english_table();
std::span<const TranslationEntry> chinese_table();

// "en" / "zh" (also "zh_CN", "zh-CN"); nullopt for anything else.
std::optional<Language> parse_language(std::string_view code);
const char* language_code(Language language);

void set_language(Language language);
Language current_language();

// The text for `key` in the current language; the key itself when a table lacks it (visible, never null).
const char* tr(const char* key);

// printf through a translated format ("_fmt" keys).
template <typename... Args>
std::string tr_fmt(const char* key, Args... args) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, tr(key), args...);
    return buffer;
}
// The same in a given language: words made for something with its own language (an export), which
// leave the window's language alone.
const char* tr_in(Language language, const char* key);

}  // namespace poolscope::app
