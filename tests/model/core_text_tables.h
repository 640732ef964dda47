// Shared check for the core's message templates (errors, quiz hints, compare reasons): each code has an
// English sentence in the UI table equal to the core's template, and a translated Chinese one with the same
// {placeholders}.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <span>
#include <string>

#include "i18n/i18n.h"

namespace poolscope::app::testing {

inline std::string lookup(std::span<const TranslationEntry> table, const std::string& key) {
    for (const TranslationEntry& e : table)
        if (key == e.key) return e.text;
    return {};
}

inline std::set<std::string> brace_placeholders(const std::string& text) {
    std::set<std::string> found;
    for (size_t i = text.find('{'); i != std::string::npos; i = text.find('{', i + 1))
        found.insert(text.substr(i, text.find('}', i) - i + 1));
    return found;
}

// `templates` holds {code, english} pairs; UI keys are `prefix` + code; `source` names the core file to fix.
template <typename Templates>
void expect_both_languages(const Templates& templates, const std::string& prefix, const char* source) {
    for (const auto& t : templates) {
        const std::string key = prefix + std::string(t.code);
        EXPECT_EQ(lookup(english_table(), key), t.english) << key << " must match " << source;
        const std::string zh = lookup(chinese_table(), key);
        ASSERT_FALSE(zh.empty()) << key << " has no Chinese sentence";
        EXPECT_NE(zh, std::string(t.english)) << key << " is not translated";
        EXPECT_EQ(brace_placeholders(zh), brace_placeholders(std::string(t.english))) << key;
    }
}

}  // namespace poolscope::app::testing
