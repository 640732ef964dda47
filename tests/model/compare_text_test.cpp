// The compare view's reasons in both languages: every core compare code has an English sentence equal to the
// core's template and a Chinese one with the same placeholders, and every word the core passes as an
// argument (height, width, end, start) has a compare.word entry.
#include <gtest/gtest.h>

#include <string>

#include "core_text_tables.h"

#include "poolscope/compare.h"

namespace poolscope::app {
namespace {

using testing::lookup;

TEST(CompareTextTables, EveryCompareCodeHasBothLanguages) {
    testing::expect_both_languages(compare_templates(), "compare.", "core/src/compare.cpp");
    for (const char* word : {"height", "width", "end", "start"}) {
        const std::string key = std::string("compare.word.") + word;
        EXPECT_EQ(lookup(english_table(), key), word);
        EXPECT_FALSE(lookup(chinese_table(), key).empty()) << key;
    }
}

}  // namespace
}  // namespace poolscope::app
