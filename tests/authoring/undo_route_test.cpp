// Ctrl+Z / Ctrl+Y routing between the lesson's step-list history and the matrix editor's: the most recent
// kind of edit is undone first, and a matrix edit after a lesson edit takes undo back to the matrix.
#include <gtest/gtest.h>

#include "lesson_folder.h"
#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_step_edits.h"
#include "model/playback.h"
#include "model/undo_route.h"

namespace poolscope::app {
namespace {

constexpr const char* kRouteLesson = R"({
    "format": "poolscope-lesson/1",
    "title": {"en": "Route"},
    "steps": [
        {"title": {"en": "one"}, "input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2},
        {"title": {"en": "two"}, "input": [[5, 6], [7, 8]], "op": "avg_pool2d", "kernel_size": 1}
    ]
}
)";

class UndoRoute : public testing::LessonFolderTest {
  protected:
    void SetUp() override {
        make_folder("undo-route");
        write_lesson(kRouteLesson);
        state_ = make_default_state();
        ASSERT_TRUE(open_lesson(state_.lessons.session, path_, 0));
    }
    size_t steps() const { return state_.lessons.session.lesson->steps.size(); }

    AppState state_;
    Playback playback_;
};

TEST_F(UndoRoute, LessonEditIsUndoneFirstThenTheMatrix) {
    set_input(state_.doc, state_.interaction, Tensor(Shape{1, 1, 2, 2}, 9.0f));
    ASSERT_TRUE(duplicate_current_step(state_.lessons.session));
    note_lesson_edit(state_.lessons.session, state_.doc);
    EXPECT_TRUE(lesson_owns_undo(state_.lessons.session, state_.doc));
    ASSERT_TRUE(undo_any(state_, playback_));
    EXPECT_EQ(steps(), 2u);
    EXPECT_EQ(state_.doc.input.at(0, 0, 0, 0), 9.0f);  // the matrix untouched
    ASSERT_TRUE(redo_any(state_, playback_));
    EXPECT_EQ(steps(), 3u);
    ASSERT_TRUE(undo_any(state_, playback_));
    ASSERT_TRUE(undo_any(state_, playback_));  // no lesson edit left: the matrix edit goes
    EXPECT_NE(state_.doc.input.at(0, 0, 0, 0), 9.0f);
    EXPECT_EQ(steps(), 2u);
}

TEST_F(UndoRoute, MatrixEditAfterLessonEditTakesUndoBack) {
    ASSERT_TRUE(duplicate_current_step(state_.lessons.session));
    note_lesson_edit(state_.lessons.session, state_.doc);
    set_input(state_.doc, state_.interaction, Tensor(Shape{1, 1, 2, 2}, 7.0f));
    EXPECT_FALSE(lesson_owns_undo(state_.lessons.session, state_.doc));
    ASSERT_TRUE(undo_any(state_, playback_));
    EXPECT_NE(state_.doc.input.at(0, 0, 0, 0), 7.0f);
    EXPECT_EQ(steps(), 3u);  // the lesson edit stays
}

}  // namespace
}  // namespace poolscope::app
