// Messages about a broken lesson quote the author's text as UTF-8: a failed (re)load of a lesson with
// Chinese narration used to show "\xe6\x88..." escapes (issue 12, item 7). Broken bytes stay escaped.
#include <gtest/gtest.h>

#include "poolscope/lesson.h"

namespace poolscope {
namespace {

TEST(LessonMessageText, SyntaxErrorsQuoteChineseAsText) {
    // A Chinese title whose closing quote is missing (the line break ends it): nlohmann quotes the string
    // it last read, which must reach the message as the author wrote it.
    Result<Lesson> r =
        load_lesson_string("{\"format\": \"poolscope-lesson/1\", \"title\": \"池化\n}", "zh.json");
    ASSERT_FALSE(r);
    const std::string text = r.error_text();
    EXPECT_NE(text.find("池化"), std::string::npos) << text;
    EXPECT_EQ(text.find("\\xe6"), std::string::npos) << text;
}

TEST(LessonMessageText, InvalidBytesAreStillEscaped) {
    Result<Lesson> r = load_lesson_string("{\"title\": \xff\xfe}", "bad.json");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error_text().find("\\xff"), std::string::npos) << r.error_text();
}

}  // namespace
}  // namespace poolscope
