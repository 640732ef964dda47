// The `picture` step key: read into LessonStep::picture, inherited by later steps, cleared by null, and
// every malformed part reported with its JSON path.
#include <gtest/gtest.h>

#include "poolscope/lesson.h"

namespace poolscope {
namespace {

Result<Lesson> load(const std::string& steps) {
    return load_lesson_string(R"({"format": "poolscope-lesson/1", "title": "t", "steps": )" + steps + "}");
}

const char* kStep = R"("input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2)";

TEST(LessonPicture, ReadAndInherited) {
    Result<Lesson> lesson =
        load(std::string("[{") + kStep +
             R"(, "picture": {"file": "landscape.png", "view": "red", "crop": [154, 64, 6, 6]}},
                                   {}, {"picture": null}])");
    ASSERT_TRUE(lesson.ok()) << lesson.error_text();
    EXPECT_TRUE(lesson->warnings.empty());
    ASSERT_TRUE(lesson->steps[0].picture.has_value());
    EXPECT_EQ(lesson->steps[0].picture->file, "landscape.png");
    EXPECT_EQ(lesson->steps[0].picture->view, "red");
    EXPECT_EQ(lesson->steps[0].picture->crop, (std::array<int64_t, 4>{154, 64, 6, 6}));
    EXPECT_EQ(lesson->steps[1].picture, lesson->steps[0].picture);
    EXPECT_FALSE(lesson->steps[2].picture.has_value());
}

TEST(LessonPicture, DefaultsToTheRgbView) {
    Result<Lesson> lesson = load(std::string("[{") + kStep + R"(, "picture": {"file": "a.png"}}])");
    ASSERT_TRUE(lesson.ok()) << lesson.error_text();
    EXPECT_EQ(lesson->steps[0].picture->view, "rgb");
    EXPECT_FALSE(lesson->steps[0].picture->crop.has_value());
}

TEST(LessonPicture, MalformedPartsAreErrorsWithTheirPath) {
    const std::pair<const char*, const char*> cases[] = {
        {R"("picture": "a.png")", "/steps/0/picture"},
        {R"("picture": {"view": "red"})", "/steps/0/picture/file"},
        {R"("picture": {"file": "a.png", "view": "purple"})", "/steps/0/picture/view"},
        {R"("picture": {"file": "a.png", "crop": [0, 0, 0, 4]})", "/steps/0/picture/crop"},
        {R"("picture": {"file": "a.png", "crop": [0, 0, 4]})", "/steps/0/picture/crop"},
    };
    for (const auto& [json, field] : cases) {
        Result<Lesson> lesson = load(std::string("[{") + kStep + ", " + json + "}]");
        ASSERT_FALSE(lesson.ok()) << json;
        EXPECT_EQ(lesson.errors()[0].field, field) << json;
    }
}

TEST(LessonPicture, UnknownKeyInsideIsAWarning) {
    Result<Lesson> lesson =
        load(std::string("[{") + kStep + R"(, "picture": {"file": "a.png", "zoom": 2}}])");
    ASSERT_TRUE(lesson.ok());
    ASSERT_EQ(lesson->warnings.size(), 1u);
    EXPECT_EQ(lesson->warnings[0].field, "/steps/0/picture/zoom");
}

TEST(LessonPicture, ShippedPictureLessonNamesItsPicture) {
    Result<Lesson> lesson = load_lesson_file(std::string(POOLSCOPE_LESSONS_DIR) + "/pooling_a_picture.json");
    ASSERT_TRUE(lesson.ok()) << lesson.error_text();
    EXPECT_TRUE(lesson->warnings.empty()) << join_errors(lesson->warnings);
    for (const LessonStep& step : lesson->steps) {
        ASSERT_TRUE(step.picture.has_value()) << step.path;
        EXPECT_EQ(step.picture->file, "landscape.png");
    }
}

}  // namespace
}  // namespace poolscope
