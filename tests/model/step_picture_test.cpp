// A lesson step's picture is looked up next to the lesson first, then among the sample pictures.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "model/lesson_session.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

TEST(LessonPicture, ResolvedNextToTheLessonThenAmongSamples) {
    const fs::path root = fs::temp_directory_path() / "poolscope_lesson_picture_test";
    fs::remove_all(root);
    fs::create_directories(root / "course");
    fs::create_directories(root / "samples");
    std::ofstream(root / "samples" / "cat.png") << "x";
    std::ofstream(root / "samples" / "dog.png") << "x";
    std::ofstream(root / "course" / "dog.png") << "x";

    LessonSession session;
    session.path = root / "course" / "lesson.json";
    StepPicture picture;
    picture.file = "dog.png";
    EXPECT_EQ(resolve_step_picture(session, picture, root / "samples"), root / "course" / "dog.png");
    picture.file = "cat.png";
    EXPECT_EQ(resolve_step_picture(session, picture, root / "samples"), root / "samples" / "cat.png");
    picture.file = "bird.png";
    EXPECT_TRUE(resolve_step_picture(session, picture, root / "samples").empty());
    fs::remove_all(root);
}

TEST(LessonPicture, ShippedPictureLessonFindsItsSamplePicture) {
    LessonSession session;
    ASSERT_TRUE(open_lesson(session, fs::path(POOLSCOPE_LESSONS_DIR) / "pooling_a_picture.json").ok());
    const LessonStep* step = current_step(session);
    ASSERT_TRUE(step && step->picture);
    const fs::path samples = fs::path(POOLSCOPE_LESSONS_DIR).parent_path() / "assets" / "images";
    EXPECT_EQ(resolve_step_picture(session, *step->picture, samples), samples / "landscape.png");
}

}  // namespace
}  // namespace poolscope::app
