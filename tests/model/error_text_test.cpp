// PyTorch's reasons in the UI language: every core error code has an English sentence equal to the core's
// template and a Chinese one with the same placeholders, and a real rejection reads in Chinese.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "poolscope/error_text.h"
#include "poolscope/pool_plan.h"

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

TEST(ErrorTextTables, EveryCoreCodeHasBothLanguages) {
    for (const ErrorTemplate& t : error_templates()) {
        const std::string key = "error." + std::string(t.code);
        EXPECT_EQ(lookup(english_table(), key), t.english) << key << " must match core/src/error_text.cpp";
        const std::string zh = lookup(chinese_table(), key);
        ASSERT_FALSE(zh.empty()) << key << " has no Chinese sentence";
        EXPECT_NE(zh, std::string(t.english)) << key << " is not translated";
        EXPECT_EQ(placeholders(zh), placeholders(std::string(t.english))) << key;
    }
}

TEST(ErrorTextTables, ARejectedPaddingReadsInChinese) {
    PoolParams p;
    p.kernel_size = {3, 3};
    p.padding = Padding::symmetric({2, 0});
    Result<PoolPlan> plan = make_plan({1, 1, 4, 4}, p);
    ASSERT_FALSE(plan.ok());
    const Error& e = plan.errors()[0];
    const Language before = current_language();
    set_language(Language::kChinese);
    EXPECT_EQ(error_text(e), "高度方向的填充 2 超过了窗口大小 3 的一半（最多为 1）");
    set_language(Language::kEnglish);
    EXPECT_EQ(error_text(e), e.message);
    set_language(before);
}

TEST(ErrorTextTables, AnErrorWithoutCodeKeepsItsMessage) {
    Error e{"input", "something the core words only in English"};
    const Language before = current_language();
    set_language(Language::kChinese);
    EXPECT_EQ(error_text(e), e.message);
    set_language(before);
}

}  // namespace
}  // namespace poolscope::app
