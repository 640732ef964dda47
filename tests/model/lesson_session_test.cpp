// LessonSession without a window: load, step navigation, the badge, apply/reset step, dirty tracking, saving
// a step over / after the current one, reload on change keeping the step, a broken reload keeping the last
// good version, and unsaved edits never overwritten by a reload.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "model/app_state.h"
#include "model/lesson_session.h"
#include "model/playback.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTiny = R"({
  "format": "poolscope-lesson/1",
  "title": {"en": "Tiny", "zh": "小"},
  "x_teacher_note": "keep me",
  "steps": [
    {"title": {"en": "one"}, "narration": {"en": "first *step*"}, "input": [[1, 2], [3, 4]],
     "op": "max_pool2d", "kernel_size": 2, "expected": {"output": [[4]]}},
    {"title": {"en": "two"}, "narration": {"en": "second"}, "kernel_size": 1,
     "focus": {"cell": [1, 0]}, "expected": {"output": [[1, 2], [3, 4]]}},
    {"title": {"en": "three"}, "narration": {"en": "third"}, "kernel_size": 2, "stride": 1,
     "expected": {"output": [[9]]}},
    {"title": {"en": "four"}, "narration": {"en": "no expectation"}, "kernel_size": 1},
    {"kind": "shape", "title": {"en": "five"}, "narration": {"en": "sizes"}, "input_size": [7, 7],
     "kernel_size": 3, "stride": 3, "expected": {"shape": [2, 2]}}
  ]
}
)";

// What a teacher has in the editor: D2L's 4x4 arange with MaxPool2d(3, stride=2) (no padding, so the steps
// after it, which inherit, stay valid).
AppState authored_state() {
    AppState state = make_default_state();
    state.doc.params.padding = Padding{};
    return state;
}

class LessonSessionTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ =
            fs::temp_directory_path() /
            ("poolscope-lesson-session-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        path_ = dir_ / "tiny.json";
        write(kTiny);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Writes the lesson file and moves its mtime on, so a change is seen even on coarse clocks.
    void write(const std::string& text) {
        {
            std::ofstream out(path_);
            out << text;
        }
        static int bump = 0;
        fs::last_write_time(path_, fs::file_time_type::clock::now() + std::chrono::seconds(++bump));
    }
    std::string read() const {
        std::ifstream in(path_);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }

    fs::path dir_, path_;
};

TEST_F(LessonSessionTest, OpensAtTheAskedStepAndClampsNavigation) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 1));
    EXPECT_TRUE(is_open(s));
    EXPECT_EQ(step_total(s), 5u);
    EXPECT_EQ(s.step, 1u);
    EXPECT_EQ(current_step(s)->title.en, "two");
    EXPECT_FALSE(s.dirty);
    EXPECT_TRUE(next_step(s));
    EXPECT_EQ(s.step, 2u);
    EXPECT_TRUE(go_to_step(s, 99));
    EXPECT_EQ(s.step, 4u);
    EXPECT_FALSE(next_step(s));  // already at the last step
    EXPECT_TRUE(go_to_step(s, 0));
    EXPECT_FALSE(previous_step(s));
    EXPECT_EQ(s.step, 0u);
}

TEST_F(LessonSessionTest, AFailedOpenLeavesTheOpenLessonAlone) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 2));
    Result<bool> bad = open_lesson(s, dir_ / "missing.json");
    EXPECT_FALSE(bad);
    EXPECT_EQ(s.path, path_);
    EXPECT_EQ(s.step, 2u);
}

TEST_F(LessonSessionTest, BadgeComesFromTheChecker) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_));
    EXPECT_EQ(step_badge(s, 0), StepBadge::kMatches);
    EXPECT_EQ(step_badge(s, 1), StepBadge::kMatches);
    EXPECT_EQ(step_badge(s, 2), StepBadge::kDiffers);  // expects 9, the core gives 4
    ASSERT_EQ(step_failures(s, 2).size(), 1u);
    EXPECT_NE(step_failures(s, 2)[0].find("/steps/2/expected/output"), std::string::npos);
    EXPECT_EQ(step_badge(s, 3), StepBadge::kNoExpectation);
    EXPECT_EQ(step_badge(s, 4), StepBadge::kMatches);  // shape step: 2x2
}

TEST_F(LessonSessionTest, ShippedLessonsAllMatch) {
    for (const char* name : {"01-pool2d-from-scratch.json", "04-ceil-mode.json"}) {
        LessonSession s;
        ASSERT_TRUE(open_lesson(s, fs::path(POOLSCOPE_LESSONS_DIR) / name)) << name;
        for (size_t i = 0; i < step_total(s); ++i)
            EXPECT_NE(step_badge(s, i), StepBadge::kDiffers) << name << i;
    }
}

TEST_F(LessonSessionTest, ApplyStepSetsInputParamsAndFocusAndResetUndoesFreePlay) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 1));
    AppState state = make_default_state();
    Playback playback;
    apply_step(s, state, playback);
    recompute(state.doc, state.computed, state.interaction,
              playback);  // the frame's recompute goes to the step's focus cell
    EXPECT_EQ(state.doc.input.shape(), (Shape{1, 1, 2, 2}));
    EXPECT_EQ(state.doc.input.at(0, 0, 1, 1), 4.0f);
    EXPECT_EQ(state.doc.params.kernel_size, (Pair{1, 1}));
    EXPECT_EQ(playback.step, 2);  // focus cell [1, 0] in a 2x2 output
    EXPECT_FALSE(differs_from_step(s, state.doc));

    state.doc.input.at(0, 0, 0, 0) = 42.0f;  // the student plays
    state.doc.params.ceil_mode = true;
    EXPECT_TRUE(differs_from_step(s, state.doc));
    apply_step(s, state, playback);  // "reset step"
    EXPECT_FALSE(differs_from_step(s, state.doc));
    EXPECT_EQ(state.doc.input.at(0, 0, 0, 0), 1.0f);
    EXPECT_FALSE(state.doc.params.ceil_mode);
}

TEST_F(LessonSessionTest, AShapeStepBringsItsLayerAndSizesIntoTheWindow) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 4));
    const LessonStep& step = *current_step(s);
    ASSERT_EQ(step.kind, StepKind::kShape);
    AppState state = make_default_state();
    Playback playback;
    apply_step(s, state, playback);
    EXPECT_EQ(state.doc.input.shape().h, step.input_shape.h);
    EXPECT_EQ(state.doc.input.shape().w, step.input_shape.w);
    EXPECT_EQ(state.doc.params, step.params);
    EXPECT_FALSE(differs_from_step(s, state.doc));
    EXPECT_TRUE(window_shows_step(s, state.doc, state.gradient));
    state.doc.params.ceil_mode = !state.doc.params.ceil_mode;  // the student changes the layer
    EXPECT_TRUE(differs_from_step(s, state.doc));
    EXPECT_FALSE(window_shows_step(s, state.doc, state.gradient));
}

TEST_F(LessonSessionTest, SavingOverAndAfterAStepTracksDirtyAndKeepsUnknownKeys) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 0));
    AppState state = authored_state();
    {
        Result<bool> put = put_current(s, edit_from_document(state.doc), StepPlacement::kReplace);
        ASSERT_TRUE(put) << put.error_text();
    }
    EXPECT_TRUE(s.dirty);
    EXPECT_EQ(s.step, 0u);
    EXPECT_EQ(current_step(s)->input->shape(), (Shape{1, 1, 4, 4}));
    EXPECT_EQ(current_step(s)->params.kernel_size, (Pair{3, 3}));
    EXPECT_EQ(read().find("15"), std::string::npos);  // not on disk yet (the arange's last value)

    {
        Result<bool> put = put_current(s, edit_from_document(state.doc), StepPlacement::kInsertAfter);
        ASSERT_TRUE(put) << put.error_text();
    }
    EXPECT_EQ(step_total(s), 6u);
    EXPECT_EQ(s.step, 1u);  // the new step is current
    EXPECT_EQ(current_step(s)->params.effective_stride(), (Pair{2, 2}));

    ASSERT_TRUE(save_session(s));
    EXPECT_FALSE(s.dirty);
    const std::string text = read();
    EXPECT_NE(text.find("x_teacher_note"), std::string::npos);
    EXPECT_NE(text.find("15"), std::string::npos);
    // Our own save is not a change from outside.
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kUnchanged);
    LessonSession again;
    ASSERT_TRUE(open_lesson(again, path_));
    EXPECT_EQ(step_total(again), 6u);
    EXPECT_EQ(again.lesson->steps[1].params.kernel_size, (Pair{3, 3}));
}

TEST_F(LessonSessionTest, SaveAsMovesTheSessionToTheNewFile) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_));
    {
        Result<bool> put = put_current(s, edit_from_document(authored_state().doc), StepPlacement::kReplace);
        ASSERT_TRUE(put) << put.error_text();
    }
    const fs::path other = dir_ / "copy.json";
    ASSERT_TRUE(save_session(s, other));
    EXPECT_EQ(s.path, other);
    EXPECT_FALSE(s.dirty);
    EXPECT_TRUE(fs::exists(other));
    EXPECT_EQ(read().find("15"), std::string::npos);  // the original is untouched
}

TEST_F(LessonSessionTest, ReloadsAChangedFileKeepingTheStep) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 3));
    const uint64_t generation = s.generation;
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kUnchanged);
    std::string changed = kTiny;
    changed.replace(changed.find("no expectation"), 14, "edited outside");
    write(changed);
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kReloaded);
    EXPECT_EQ(s.step, 3u);
    EXPECT_EQ(current_step(s)->narration.en, "edited outside");
    EXPECT_GT(s.generation, generation);
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kUnchanged);
}

TEST_F(LessonSessionTest, ABrokenEditKeepsTheLastGoodVersionAndSaysWhere) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 2));
    std::string broken = kTiny;
    broken.replace(broken.find("\"kernel_size\": 1,"), 17, "\"kernel_size\": 1,,");
    write(broken);
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kFailed);
    ASSERT_FALSE(s.load_errors.empty());
    EXPECT_NE(s.load_errors[0].field.find("tiny.json:"), std::string::npos);  // file:line:column
    EXPECT_EQ(step_total(s), 5u);
    EXPECT_EQ(s.step, 2u);
    EXPECT_EQ(current_step(s)->title.en, "three");
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kFailed);  // reported once, not reloaded again

    // A semantic error: the JSON pointer of the bad value.
    std::string semantic = kTiny;
    semantic.replace(semantic.find("\"kernel_size\": 1,"), 17, "\"kernel_size\": \"x\",");
    write(semantic);
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kFailed);
    ASSERT_FALSE(s.load_errors.empty());
    EXPECT_NE(s.load_errors[0].field.find("/steps/1"), std::string::npos);

    write(kTiny);  // fixed
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kReloaded);
    EXPECT_TRUE(s.load_errors.empty());
    EXPECT_EQ(s.step, 2u);
}

TEST_F(LessonSessionTest, UnsavedEditsAreNeverReplacedByTheFile) {
    LessonSession s;
    ASSERT_TRUE(open_lesson(s, path_, 0));
    {
        Result<bool> put = put_current(s, edit_from_document(authored_state().doc), StepPlacement::kReplace);
        ASSERT_TRUE(put) << put.error_text();
    }
    std::string changed = kTiny;
    changed.replace(changed.find("no expectation"), 14, "edited outside");
    write(changed);
    EXPECT_EQ(reload_if_changed(s), ReloadOutcome::kConflict);
    EXPECT_TRUE(s.dirty);
    EXPECT_EQ(current_step(s)->params.kernel_size, (Pair{3, 3}));
}

TEST(DropRouting, LessonsToThePlayerPicturesToTheImageView) {
    EXPECT_EQ(route_dropped_path("/a/b/lesson.json"), DropTarget::kLesson);
    EXPECT_EQ(route_dropped_path("LESSON.JSON"), DropTarget::kLesson);
    EXPECT_EQ(route_dropped_path("cat.png"), DropTarget::kPicture);
    EXPECT_EQ(route_dropped_path("cat.JPeG"), DropTarget::kPicture);
    EXPECT_EQ(route_dropped_path("cat.bmp"), DropTarget::kPicture);
    EXPECT_EQ(route_dropped_path("notes.txt"), DropTarget::kUnknown);
    EXPECT_EQ(route_dropped_path("json"), DropTarget::kUnknown);
}

}  // namespace
}  // namespace poolscope::app
