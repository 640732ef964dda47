// PyTorch's reasons in the UI language: every core error code has an English sentence equal to the core's
// template and a Chinese one with the same placeholders, and a real rejection reads in Chinese.
#include <gtest/gtest.h>

#include <string>

#include "core_text_tables.h"

#include "i18n/error_text.h"
#include "poolscope/error_text.h"
#include "poolscope/pool_plan.h"

namespace poolscope::app {
namespace {

using testing::lookup;

TEST(ErrorTextTables, EveryCoreCodeHasBothLanguages) {
    testing::expect_both_languages(error_templates(), "error.", "core/src/error_text.cpp");
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
