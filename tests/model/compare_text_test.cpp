// The compare view's reasons in both languages: every core compare code has an English sentence equal to the
// core's template and a Chinese one with the same placeholders, and every word the core passes as an
// argument (height, width, end, start) has a compare.word entry.
#include <gtest/gtest.h>

#include <string>

#include "core_text_tables.h"

#include "i18n/compare_text.h"
#include "i18n/i18n.h"
#include "poolscope/ab_compare.h"
#include "poolscope/compare.h"
#include "poolscope/layer_translate.h"

namespace poolscope::app {
namespace {

using testing::lookup;

TEST(CompareTextTables, EveryCompareCodeHasBothLanguages) {
    testing::expect_both_languages(compare_templates(), "compare.", "core/src/compare.cpp");
    // What a framework cannot express (issue 28): the compare view's notes, the code lines' comments.
    testing::expect_both_languages(translation_templates(), "compare.", "core/src/layer_translate.cpp");
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

namespace poolscope::app {
namespace {

using testing::lookup;

// The A/B view's reasons (issue 29): every code in both languages with the same placeholders, every word token
// the core quotes translated, and a reason reads in the UI's language and in an export's.
TEST(AbTextTables, EveryAbCodeAndWordHasBothLanguages) {
    testing::expect_both_languages(ab_templates(), "ab.", "core/src/ab_text.cpp");
    for (const CompareTemplate& word : ab_words()) {
        const std::string key = "ab.word." + std::string(word.code);
        EXPECT_EQ(lookup(english_table(), key), word.english) << key;
        EXPECT_FALSE(lookup(chinese_table(), key).empty()) << key;
    }
}

TEST(AbTextTables, AReasonReadsInEitherLanguageWithItsWordsTranslated) {
    LayerSpec a;
    a.params.kernel_size = {3, 3};
    a.params.stride = Pair{2, 2};
    LayerSpec b = a;
    b.params.ceil_mode = true;
    const Result<AbComparison> cmp = compare_ab(Tensor(Shape{1, 1, 8, 8}, 1.0f, 2), a, b);
    ASSERT_TRUE(cmp.ok());
    ASSERT_FALSE(cmp->reasons.empty());
    const Difference& d = cmp->reasons[0].text;
    EXPECT_EQ(difference_text(d, "ab.", Language::kEnglish), d.english);
    const std::string zh = difference_text(d, "ab.", Language::kChinese);
    EXPECT_NE(zh.find("ceil_mode=True"), std::string::npos) << zh;
    EXPECT_NE(zh.find("列"), std::string::npos) << zh;  // "column" is a word the tables translate
    EXPECT_EQ(zh.find("column"), std::string::npos) << zh;
}

}  // namespace
}  // namespace poolscope::app
