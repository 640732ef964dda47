// The file dialog's rules without a window (model/file_dialog_model.h): the listing and its filter, a single
// click that selects, a double-click or Enter that enters or chooses, typed names and paths, "replace it?",
// and the problems it reports instead of failing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/file_dialog_model.h"

namespace poolscope::app {
namespace {
namespace fs = std::filesystem;

class FileDialogRules : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() /
              ("poolscope-file-dialog-model-" +
               std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir);
        fs::create_directories(dir / "lessons");
        fs::create_directories(dir / "pictures");
        write("a.json");
        write("b.json");
        write("notes.txt");
        write("pictures/cat.PNG");
        write("pictures/dog.gif");
        write("pictures/readme.txt");
    }
    void TearDown() override { fs::remove_all(dir); }
    void write(const std::string& name) const { std::ofstream(dir / name) << "{}"; }
    FileDialogModel started(FilePurpose purpose, const std::string& extensions = ".json",
                            const std::string& name = {}) {
        FileDialogModel m;
        FileRequest r;
        r.purpose = purpose;
        r.dir = dir;
        r.extensions = extensions;
        r.name = name;
        start_file_dialog(m, r);
        return m;
    }
    static size_t index_of(const FileDialogModel& m, const std::string& name) {
        for (size_t i = 0; i < m.entries.size(); ++i)
            if (m.entries[i].name == name) return i;
        ADD_FAILURE() << name << " is not listed";
        return 0;
    }

    fs::path dir;
};

TEST_F(FileDialogRules, ListsFoldersThenTheFilesThePurposeWantsAndCountsTheOthers) {
    FileDialogModel m = started(FilePurpose::kOpen);
    EXPECT_EQ(m.dir, dir);
    ASSERT_EQ(m.entries.size(), 4u);
    EXPECT_EQ(m.entries[0].name, "lessons");
    EXPECT_TRUE(m.entries[0].is_dir);
    EXPECT_EQ(m.entries[1].name, "pictures");
    EXPECT_EQ(m.entries[2].name, "a.json");
    EXPECT_EQ(m.entries[3].name, "b.json");
    EXPECT_EQ(m.other_files, 1u);  // notes.txt
    m.filter = false;
    refresh(m);
    EXPECT_EQ(m.entries.size(), 5u);

    FileDialogModel pictures = started(FilePurpose::kExport, ".png .gif");
    ASSERT_TRUE(enter_folder(pictures, dir / "pictures"));
    ASSERT_EQ(pictures.entries.size(), 2u);  // cat.PNG (any case), dog.gif
    EXPECT_EQ(pictures.other_files, 1u);
    ASSERT_TRUE(enter_folder(pictures, dir / "lessons"));
    EXPECT_TRUE(pictures.entries.empty());  // truly empty: nothing hidden either
    EXPECT_EQ(pictures.other_files, 0u);
}

TEST_F(FileDialogRules, ASingleClickSelectsADoubleClickEntersOrChooses) {
    FileDialogModel m = started(FilePurpose::kOpen);
    select_entry(m, index_of(m, "pictures"));
    EXPECT_EQ(m.dir, dir);  // a folder is selected, not entered
    EXPECT_EQ(m.name, "");  // and its name is not a file name
    select_entry(m, index_of(m, "b.json"));
    EXPECT_EQ(m.name, "b.json");
    EXPECT_TRUE(m.name_replaced);  // the field takes it even while it is being edited
    const FileOutcome entered = activate_entry(m, index_of(m, "pictures"));
    EXPECT_EQ(entered.step, FileStep::kEnteredFolder);
    EXPECT_EQ(m.dir, dir / "pictures");
    EXPECT_FALSE(m.selected);
    ASSERT_TRUE(go_up(m));
    EXPECT_EQ(m.dir, dir);
    const FileOutcome chosen = activate_entry(m, index_of(m, "a.json"));
    EXPECT_EQ(chosen.step, FileStep::kChosen);
    EXPECT_EQ(chosen.path, dir / "a.json");
}

TEST_F(FileDialogRules, EnterFollowsTheHighlightUntilTheNameIsTyped) {
    FileDialogModel m = started(FilePurpose::kSave, ".json", "new.json");
    move_selection(m, 1);  // Down from nothing: the first entry, the lessons folder
    ASSERT_TRUE(m.selected);
    EXPECT_EQ(*m.selected, 0u);
    EXPECT_EQ(m.name, "new.json");
    EXPECT_EQ(press_enter(m).step, FileStep::kEnteredFolder);
    EXPECT_EQ(m.dir, dir / "lessons");
    ASSERT_TRUE(go_up(m));
    move_selection(m, 1);
    name_typed(m);  // the user typed after moving: Enter means the name
    m.name = "new";
    const FileOutcome saved = press_enter(m);
    EXPECT_EQ(saved.step, FileStep::kChosen);
    EXPECT_EQ(saved.path, dir / "new.json");  // the purpose's extension added
    move_selection(m, -1);
    move_selection(m, -1);
    EXPECT_EQ(*m.selected, 0u);  // clamped at the top
}

TEST_F(FileDialogRules, SavingOverAFileAsksAndOnlyYesChoosesIt) {
    FileDialogModel m = started(FilePurpose::kSave, ".json", "a.json");
    const FileOutcome asked = confirm_name(m);
    EXPECT_EQ(asked.step, FileStep::kAskOverwrite);
    ASSERT_TRUE(m.overwrite);
    EXPECT_EQ(answer_overwrite(m, false).step, FileStep::kNothing);
    EXPECT_FALSE(m.overwrite);
    confirm_name(m);
    const FileOutcome yes = answer_overwrite(m, true);
    EXPECT_EQ(yes.step, FileStep::kChosen);
    EXPECT_EQ(yes.path, dir / "a.json");
    FileDialogModel open = started(FilePurpose::kOpen, ".json", "a.json");
    EXPECT_EQ(confirm_name(open).step, FileStep::kChosen);  // opening never asks
}

TEST_F(FileDialogRules, ProblemsAreReportedNotThrown) {
    FileDialogModel m = started(FilePurpose::kSave);
    m.name.clear();
    EXPECT_EQ(confirm_name(m).step, FileStep::kProblem);
    EXPECT_EQ(m.problem, FileProblem::kNoName);
    m.name = "nowhere/x.json";
    EXPECT_EQ(confirm_name(m).step, FileStep::kProblem);
    EXPECT_EQ(m.problem, FileProblem::kNoSuchFolder);
    EXPECT_EQ(m.detail, (dir / "nowhere").string());
    m.name = "tab\there.json";
    EXPECT_EQ(confirm_name(m).step, FileStep::kProblem);
    EXPECT_EQ(m.problem, FileProblem::kBadName);
    name_typed(m);
    EXPECT_EQ(m.problem, FileProblem::kNone);  // typing clears it
    m.name = "pictures/";                      // a folder typed is a way there
    EXPECT_EQ(confirm_name(m).step, FileStep::kEnteredFolder);
    EXPECT_EQ(m.dir, dir / "pictures");
    EXPECT_FALSE(enter_folder(m, dir / "missing"));
    EXPECT_EQ(m.problem, FileProblem::kUnreadableFolder);
    EXPECT_EQ(m.dir, dir / "pictures");  // the folder shown stays

    FileDialogModel open = started(FilePurpose::kOpen, ".json", "missing.json");
    EXPECT_EQ(confirm_name(open).step, FileStep::kProblem);
    EXPECT_EQ(open.problem, FileProblem::kNoSuchFile);
    open.name = "/dev/null";
    EXPECT_EQ(confirm_name(open).step, FileStep::kProblem);
    EXPECT_EQ(open.problem, FileProblem::kNotAFile);

    FileRequest gone;  // a start folder that is not there: the working folder, and why
    gone.dir = dir / "gone";
    FileDialogModel fallback;
    start_file_dialog(fallback, gone);
    EXPECT_EQ(fallback.dir, fs::current_path());
    EXPECT_EQ(fallback.problem, FileProblem::kUnreadableFolder);
}

TEST(FileDialogExtensions, TheFirstOneIsAddedToASavedName) {
    EXPECT_EQ(first_extension(".png .gif"), ".png");
    EXPECT_EQ(first_extension(".json"), ".json");
    EXPECT_EQ(first_extension(""), "");
}

}  // namespace
}  // namespace poolscope::app
