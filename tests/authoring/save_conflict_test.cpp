// The external-change question, without a window: a save of a lesson whose file another editor changed asks
// instead of writing, and each answer (keep both, take the file's, overwrite, save as, cancel) does what it
// says, including after the quit dialog's Save.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "lesson_folder.h"
#include "model/app_state.h"
#include "model/lesson_conflict.h"
#include "model/lesson_player.h"
#include "model/lesson_session.h"
#include "model/playback.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kConflictLesson = R"({
    "format": "poolscope-lesson/1",
    "title": {"en": "Conflict", "zh": "冲突"},
    "steps": [
        {"title": {"en": "one"}, "input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2,
         "x-notes": "老师的注释"},
        {"title": {"en": "two"}, "narration": {"en": "second"}, "kernel_size": 1},
        {"title": {"en": "three"}, "narration": {"en": "third"}, "kernel_size": 1}
    ]
}
)";

class SaveConflict : public testing::LessonFolderTest {
  protected:
    void SetUp() override {
        make_folder("conflict");
        write(kConflictLesson);
        state_ = make_default_state();
        state_.doc.params.padding = Padding{};
        ASSERT_TRUE(open_lesson(session(), path_, 0));
    }
    LessonSession& session() { return state_.lessons.session; }
    void write(const std::string& text) {
        write_lesson(text);
        static int bump = 0;  // a visible change even on coarse clocks
        fs::last_write_time(path_, fs::file_time_type::clock::now() + std::chrono::seconds(++bump));
    }
    std::string read(const fs::path& path) const {
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    // The app changes step `index` (the editor's 4x4 input and MaxPool2d(3, stride=2) over it).
    void edit_in_app(size_t index) {
        go_to_step(session(), index);
        Result<bool> put = put_current(session(), edit_from_document(state_.doc), StepPlacement::kReplace);
        ASSERT_TRUE(put) << put.error_text();
        ASSERT_TRUE(session().dirty);
    }
    // Another editor changes a step's narration on disk.
    std::string edit_on_disk(const std::string& from, const std::string& to) {
        std::string text = read(path_);
        text.replace(text.find(from), from.size(), to);
        write(text);
        return text;
    }

    AppState state_;
    Playback playback_;
};

TEST_F(SaveConflict, SaveAsksInsteadOfOverwritingTheEditorsChange) {
    edit_in_app(0);
    const std::string theirs = edit_on_disk("third", "third, edited outside");
    EXPECT_TRUE(changed_on_disk(session()));
    EXPECT_FALSE(save_lesson(state_.lessons, state_.view));
    EXPECT_TRUE(window_open(state_.view, window_id::kConflictQuestion));
    EXPECT_EQ(read(path_), theirs);
    EXPECT_TRUE(session().dirty);
}

TEST_F(SaveConflict, KeepBothMergesTheAppsStepIntoTheFilesVersion) {
    edit_in_app(0);
    const std::string theirs = edit_on_disk("third", "third, edited outside");
    ASSERT_TRUE(answer_save_conflict(state_, playback_, ConflictChoice::kKeepBoth)) << state_.lessons.message;
    const std::string merged = read(path_);
    EXPECT_NE(merged.find("third, edited outside"), std::string::npos);
    EXPECT_NE(merged.find("\"input\": [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]]"),
              std::string::npos)
        << merged;
    EXPECT_NE(merged.find("\"x-notes\": \"老师的注释\""), std::string::npos);
    // The editor's bytes after the app's step are untouched.
    const size_t two = theirs.find("        {\"title\": {\"en\": \"two\"}");
    EXPECT_EQ(merged.substr(merged.size() - (theirs.size() - two)), theirs.substr(two));
    EXPECT_FALSE(session().dirty);
    EXPECT_FALSE(changed_on_disk(session()));
    EXPECT_EQ(session().lesson->steps[2].narration.en, "third, edited outside");
    EXPECT_EQ(session().lesson->steps[0].params.kernel_size, (Pair{3, 3}));
    // The next save splices into what was just written: nothing changes.
    ASSERT_TRUE(save_lesson(state_.lessons, state_.view));
    EXPECT_EQ(read(path_), merged);
}

TEST_F(SaveConflict, KeepBothRefusesWhenBothChangedTheSameStep) {
    edit_in_app(2);
    const std::string theirs = edit_on_disk("third", "third, edited outside");
    EXPECT_FALSE(answer_save_conflict(state_, playback_, ConflictChoice::kKeepBoth));
    EXPECT_NE(state_.lessons.message.find("/steps/2"), std::string::npos) << state_.lessons.message;
    EXPECT_EQ(read(path_), theirs);
    EXPECT_TRUE(session().dirty);  // nothing lost: another choice can still be made
}

TEST_F(SaveConflict, TakeTheFilesVersionDropsTheAppsChanges) {
    edit_in_app(0);
    const std::string theirs = edit_on_disk("third", "third, edited outside");
    ASSERT_TRUE(answer_save_conflict(state_, playback_, ConflictChoice::kTakeFile));
    EXPECT_EQ(read(path_), theirs);
    EXPECT_FALSE(session().dirty);
    EXPECT_EQ(session().lesson->steps[2].narration.en, "third, edited outside");
    EXPECT_EQ(session().lesson->steps[0].params.kernel_size, (Pair{2, 2}));
}

TEST_F(SaveConflict, OverwriteWritesTheAppsVersion) {
    edit_in_app(0);
    edit_on_disk("third", "third, edited outside");
    ASSERT_TRUE(answer_save_conflict(state_, playback_, ConflictChoice::kOverwrite));
    const std::string text = read(path_);
    EXPECT_EQ(text.find("edited outside"), std::string::npos);
    EXPECT_NE(text.find("[12, 13, 14, 15]"), std::string::npos);
    EXPECT_FALSE(session().dirty);
}

TEST_F(SaveConflict, SaveAsLeavesTheChangedFileAlone) {
    edit_in_app(0);
    const std::string theirs = edit_on_disk("third", "third, edited outside");
    const fs::path other = dir_ / "mine.json";
    ASSERT_TRUE(answer_save_conflict(state_, playback_, ConflictChoice::kSaveAs, other));
    EXPECT_EQ(read(path_), theirs);
    EXPECT_NE(read(other).find("[12, 13, 14, 15]"), std::string::npos);
    EXPECT_EQ(session().path, other);
    EXPECT_FALSE(session().dirty);
}

TEST_F(SaveConflict, TheQuitDialogsSaveWaitsForTheAnswer) {
    edit_in_app(0);
    const std::string theirs = edit_on_disk("third", "third, edited outside");
    EXPECT_FALSE(lesson_allows_quit(state_));
    answer_unsaved_question(state_, playback_, UnsavedAnswer::kSave);
    EXPECT_TRUE(window_open(state_.view, window_id::kConflictQuestion));
    EXPECT_EQ(state_.lessons.pending, PendingAction::kQuit);
    EXPECT_FALSE(state_.interaction.quit_requested);
    EXPECT_EQ(read(path_), theirs);
    // Cancel: nothing written, no quit.
    EXPECT_FALSE(answer_save_conflict(state_, playback_, ConflictChoice::kCancel));
    EXPECT_FALSE(state_.interaction.quit_requested);
    EXPECT_EQ(read(path_), theirs);
    // Asked again, keep both: saved, then the quit goes on.
    EXPECT_FALSE(lesson_allows_quit(state_));
    answer_unsaved_question(state_, playback_, UnsavedAnswer::kSave);
    ASSERT_TRUE(answer_save_conflict(state_, playback_, ConflictChoice::kKeepBoth));
    EXPECT_TRUE(state_.interaction.quit_requested);
    EXPECT_NE(read(path_).find("edited outside"), std::string::npos);
}

}  // namespace
}  // namespace poolscope::app
