// Step-list edits on the open lesson (move, duplicate, delete) mark it unsaved, undo and redo exactly, refuse
// what would break the lesson, and save through the byte-preserving writer into a file that loads and checks.
#include <gtest/gtest.h>

#include <sstream>

#include "lesson_folder.h"
#include "model/lesson_session.h"
#include "model/lesson_step_edits.h"

namespace poolscope::app {
namespace {

constexpr const char* kEditsLesson = R"({
    "format": "poolscope-lesson/1",
    "title": {"en": "Edits", "zh": "编辑"},
    "steps": [
        {"title": {"en": "one"}, "input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2},
        {"title": {"en": "two"}, "input": [[5, 6], [7, 8]], "op": "avg_pool2d", "kernel_size": 1},
        {"title": {"en": "three"}, "narration": {"en": "inherits"}, "kernel_size": 2}
    ]
}
)";

std::vector<std::string> titles(const LessonSession& session) {
    std::vector<std::string> out;
    for (const LessonStep& step : session.lesson->steps)
        out.push_back(step.title.en);
    return out;
}

class LessonStepEdits : public testing::LessonFolderTest {
  protected:
    void SetUp() override {
        make_folder("step-edits");
        write_lesson(kEditsLesson);
        ASSERT_TRUE(open_lesson(session_, path_, 0));
    }

    LessonSession session_;
};

TEST_F(LessonStepEdits, MoveDownAndUpKeepsTheStepCurrentAndMarksUnsaved) {
    ASSERT_TRUE(move_current_step(session_, +1));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"two", "one", "three"}));
    EXPECT_EQ(session_.step, 1u);
    EXPECT_TRUE(session_.dirty);
    ASSERT_TRUE(move_current_step(session_, -1));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "two", "three"}));
    EXPECT_EQ(session_.step, 0u);
}

TEST_F(LessonStepEdits, MoveRefusesTheEndsAndBrokenInheritance) {
    EXPECT_FALSE(move_current_step(session_, -1));  // already first
    go_to_step(session_, 2);
    EXPECT_FALSE(move_current_step(session_, +1));  // already last
    EXPECT_FALSE(session_.dirty);
    // "three" inherits its input from the step before: second is fine, first has nothing to inherit.
    ASSERT_TRUE(move_current_step(session_, -1));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "three", "two"}));
    const uint64_t generation = session_.generation;
    EXPECT_FALSE(move_current_step(session_, -1));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "three", "two"}));
    EXPECT_EQ(session_.generation, generation);
    EXPECT_EQ(session_.history.undo.size(), 1u);
}

TEST_F(LessonStepEdits, DuplicateInsertsACopyThatBecomesCurrent) {
    go_to_step(session_, 1);
    ASSERT_TRUE(duplicate_current_step(session_));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "two", "two", "three"}));
    EXPECT_EQ(session_.step, 2u);
    EXPECT_TRUE(session_.dirty);
}

TEST_F(LessonStepEdits, DeleteKeepsAtLeastOneStep) {
    go_to_step(session_, 2);
    ASSERT_TRUE(delete_current_step(session_));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "two"}));
    EXPECT_EQ(session_.step, 1u);
    ASSERT_TRUE(delete_current_step(session_));
    EXPECT_FALSE(delete_current_step(session_));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one"}));
}

TEST_F(LessonStepEdits, UndoAndRedoRestoreLessonStepAndUnsavedMark) {
    EXPECT_FALSE(undo_lesson_edit(session_));
    go_to_step(session_, 1);
    ASSERT_TRUE(delete_current_step(session_));
    ASSERT_TRUE(duplicate_current_step(session_));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "three", "three"}));
    ASSERT_TRUE(undo_lesson_edit(session_));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "three"}));
    ASSERT_TRUE(undo_lesson_edit(session_));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "two", "three"}));
    EXPECT_EQ(session_.step, 1u);
    EXPECT_FALSE(session_.dirty);  // back to the file as loaded
    EXPECT_FALSE(can_undo_lesson_edit(session_));
    ASSERT_TRUE(redo_lesson_edit(session_));
    EXPECT_EQ(titles(session_), (std::vector<std::string>{"one", "three"}));
    EXPECT_TRUE(session_.dirty);
    // A new edit drops what could be redone.
    ASSERT_TRUE(duplicate_current_step(session_));
    EXPECT_FALSE(can_redo_lesson_edit(session_));
}

TEST_F(LessonStepEdits, SavedEditLoadsAndChecks) {
    ASSERT_TRUE(duplicate_current_step(session_));
    ASSERT_TRUE(save_session(session_));
    EXPECT_FALSE(session_.dirty);
    Result<Lesson> reloaded = load_lesson_file(path_);
    ASSERT_TRUE(reloaded);
    ASSERT_EQ(reloaded->steps.size(), 4u);
    EXPECT_EQ(reloaded->steps[1].title.en, "one");
    EXPECT_TRUE(check_lesson(*reloaded).empty());
}

}  // namespace
}  // namespace poolscope::app
