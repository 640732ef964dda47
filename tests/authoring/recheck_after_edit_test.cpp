// Edits that break later steps (issue 29): on a copy of lesson 04, step 1's kernel changed to 2 and saved
// over the step breaks step 2, which inherits it (its expected output and its quiz answer); the app says
// which step, and one click re-records it from the core (the lesson then checks) or takes the edit back.
#include <gtest/gtest.h>

#include "lesson_folder.h"
#include "model/app_options.h"
#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "model/lesson_step_edits.h"
#include "model/playback.h"

namespace poolscope::app {
namespace {

class RecheckAfterEdit : public testing::LessonFolderTest {
  protected:
    void SetUp() override {
        make_folder("recheck");
        std::filesystem::copy_file(std::filesystem::path(POOLSCOPE_LESSONS_DIR) / "04-ceil-mode.json", path_);
        Result<AppState> s = initial_state(AppOptions{});
        ASSERT_TRUE(s) << s.error_text();
        state = std::move(s).value();
        ASSERT_TRUE(open_lesson_now(state, playback, path_, 0));
        recompute(state.doc, state.computed, state.interaction, playback);
        ASSERT_TRUE(check_lesson(*state.lessons.session.lesson).empty());
        // Step 1's kernel becomes 2 in the window, and is saved over the step.
        state.doc.params.kernel_size = {2, 2};
        mark_changed(state.doc);
        recompute(state.doc, state.computed, state.interaction, playback);
        ASSERT_TRUE(save_window_as_step(state, StepPlacement::kReplace));
    }

    AppState state;
    Playback playback;
};

TEST_F(RecheckAfterEdit, SaysWhichLaterStepsTheEditBroke) {
    const LessonSession& s = state.lessons.session;
    // Step 2 inherits the kernel; step 1's own expected output and quiz answers were recorded for kernel 3.
    EXPECT_EQ(s.broken_by_edit, (std::vector<size_t>{0, 1}));
    EXPECT_FALSE(check_lesson(*s.lesson).empty());
}

TEST_F(RecheckAfterEdit, ReRecordingMakesTheLessonCheckAgain) {
    ASSERT_TRUE(rerecord_broken_steps(state, playback));
    const LessonSession& s = state.lessons.session;
    EXPECT_TRUE(s.broken_by_edit.empty());
    EXPECT_TRUE(check_lesson(*s.lesson).empty());
    EXPECT_EQ(s.lesson->steps[0].params.kernel_size, (Pair{2, 2}));  // the edit itself stays
    // Saved and loaded again, the file checks too.
    ASSERT_TRUE(save_session(state.lessons.session));
    Result<Lesson> reloaded = load_lesson_file(path_);
    ASSERT_TRUE(reloaded) << reloaded.error_text();
    EXPECT_TRUE(check_lesson(*reloaded).empty());
}

TEST_F(RecheckAfterEdit, UndoTakesTheEditBack) {
    ASSERT_TRUE(undo_breaking_edit(state, playback));
    const LessonSession& s = state.lessons.session;
    EXPECT_TRUE(s.broken_by_edit.empty());
    EXPECT_TRUE(check_lesson(*s.lesson).empty());
    EXPECT_EQ(s.lesson->steps[0].params.kernel_size, (Pair{3, 3}));
}

}  // namespace
}  // namespace poolscope::app
