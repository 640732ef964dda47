// Quiz hints in the UI language: every quiz code of the core has an English sentence equal to the core's
// template and a Chinese one with the same placeholders, and a real hint reads in Chinese.
#include <gtest/gtest.h>

#include <string>

#include "core_text_tables.h"

#include "i18n/quiz_text.h"
#include "poolscope/quiz.h"

namespace poolscope::app {
namespace {

using testing::lookup;

TEST(QuizTextTables, EveryQuizCodeHasBothLanguages) {
    testing::expect_both_languages(quiz_templates(), "quiz.", "core/src/quiz_text.cpp");
}

TEST(QuizTextTables, ADivisorHintReadsInChinese) {
    const QuizText hint{"counted_padding", {"9"}};
    const Language before = current_language();
    set_language(Language::kChinese);
    EXPECT_EQ(quiz_text(hint),
              "你除以了 9，把填充也算进去了；count_include_pad=False 时只数窗口里真实的输入单元。");
    set_language(Language::kEnglish);
    EXPECT_EQ(quiz_text(hint), quiz_english(hint));
    set_language(before);
}

}  // namespace
}  // namespace poolscope::app
