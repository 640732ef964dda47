// The one file dialog in the app's own frame, driven with the mouse and keys (issue 29): Save lesson as with
// Ctrl+Shift+S, a click in the name field and typing that never reaches the app's shortcuts ("-" slower,
// End last step), a single click that selects, a double-click that enters a folder, the save, Cancel and
// Escape, "replace it?", a folder whose files are listed, and the export's "Choose…" coming back.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "headless_app.h"
#include "model/lesson_player.h"

namespace poolscope::app::testing {
namespace {
namespace fs = std::filesystem;

class FileDialogInTheWindow : public HeadlessApp {
  protected:
    void SetUp() override {
        HeadlessApp::SetUp();
        map_keys_as_glfw();
        a.shell.save_enabled = false;
        dir = fs::temp_directory_path() / ("poolscope-file-dialog-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "sub");
        fs::copy_file(fs::path(POOLSCOPE_LESSONS_DIR) / "04-ceil-mode.json", dir / "lesson.json");
        std::ofstream(dir / "sub" / "other.json") << "{}";
    }
    void TearDown() override {
        fs::remove_all(dir);
        HeadlessApp::TearDown();
    }

    void press(int key, bool ctrl = false, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        frames(1);
        io.KeysDown[key] = false;
        io.KeyCtrl = io.KeyShift = false;
        frames(1);
    }
    ImVec2 centre(const char* anchor) {
        EXPECT_TRUE(a.probe.anchors.count(anchor)) << anchor;
        const ScreenRect r = a.probe.anchors[anchor];
        return ImVec2(r.x + r.w * 0.5f, r.y + r.h * 0.5f);
    }
    void click(const char* anchor, bool twice = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = centre(anchor);
        frames(1);
        for (int i = 0; i < (twice ? 2 : 1); ++i) {
            io.MouseDown[0] = true;
            frames(1);
            io.MouseDown[0] = false;
            frames(1);
        }
        frames(2);
    }
    // Types `text` as a keyboard does: the key goes down (the shortcuts see it) and its character arrives.
    void type(const std::string& text) {
        ImGuiIO& io = ImGui::GetIO();
        for (char c : text) {
            const int key = c == '-' ? GLFW_KEY_MINUS : (c >= 'a' && c <= 'z') ? GLFW_KEY_A + (c - 'a') : 0;
            if (key) io.KeysDown[key] = true;
            io.AddInputCharacter(static_cast<unsigned>(c));
            frames(1);
            if (key) io.KeysDown[key] = false;
            frames(1);
        }
    }
    bool dialog_up() { return window_open(a.state.view, FileDialogWindow::kId); }
    FileDialogModel& model() { return file_dialog(a).model; }
    // Opens lesson.json and presses Ctrl+Shift+S.
    void save_as() {
        ASSERT_TRUE(open_lesson_now(a.state, a.playback, dir / "lesson.json"));
        frames(3);
        press(GLFW_KEY_S, true, true);
        frames(3);
        ASSERT_TRUE(dialog_up());
        ASSERT_EQ(file_dialog(a).asked_by, "save_lesson_as");
    }

    fs::path dir;
};

TEST_F(FileDialogInTheWindow, SaveAsIntoASubfolderWithTypingThatNeverReachesTheShortcuts) {
    save_as();
    EXPECT_EQ(model().dir, dir);
    EXPECT_EQ(model().name, "lesson.json");  // suggested: the lesson's own name
    const float speed = a.playback.speed;
    const int64_t step = a.playback.step;

    click("files.name");
    press(GLFW_KEY_A, true);  // select all, then type over it
    type("my-new-lesson");
    press(GLFW_KEY_END);
    type("-x");
    EXPECT_EQ(model().name, "my-new-lesson-x");
    EXPECT_EQ(a.playback.speed, speed) << "\"-\" in the name slowed playback";
    EXPECT_EQ(a.playback.step, step) << "End in the name moved the timeline";

    click("files.entry.sub");  // one click selects a folder, it does not enter it
    EXPECT_EQ(model().dir, dir);
    ASSERT_TRUE(model().selected);
    EXPECT_EQ(model().entries[*model().selected].name, "sub");
    EXPECT_EQ(model().name, "my-new-lesson-x");  // a folder's click leaves the name alone

    click("files.entry.sub", true);  // a double-click does
    EXPECT_EQ(model().dir, dir / "sub");
    ASSERT_TRUE(a.probe.anchors.count("files.entry.other.json"));  // the folder's file is listed
    EXPECT_FALSE(a.probe.anchors.count("files.empty"));

    // The field was cleared by entering the folder? No: the typed name stays for the new folder.
    click("files.name");
    press(GLFW_KEY_A, true);
    type("saved-here");
    click("files.confirm");
    EXPECT_FALSE(dialog_up());
    const fs::path saved = dir / "sub" / "saved-here.json";
    EXPECT_TRUE(fs::exists(saved));
    EXPECT_EQ(a.state.lessons.session.path, saved);
    EXPECT_FALSE(a.state.lessons.session.dirty);
}

TEST_F(FileDialogInTheWindow, CancelAndEscapeLeaveNothing) {
    save_as();
    click("files.name");
    type("never");
    click("files.cancel");
    EXPECT_FALSE(dialog_up());
    press(GLFW_KEY_S, true, true);
    frames(2);
    ASSERT_TRUE(dialog_up());
    type("never");
    press(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(dialog_up());
    EXPECT_FALSE(fs::exists(dir / "never.json"));
    EXPECT_FALSE(fs::exists(dir / "lesson.jsonnever.json"));
    EXPECT_EQ(a.state.lessons.session.path, dir / "lesson.json");
}

TEST_F(FileDialogInTheWindow, SavingOverAFileAsksFirst) {
    save_as();
    click("files.entry.lesson.json");  // a single click puts a file's name in the field
    EXPECT_EQ(model().name, "lesson.json");
    const auto before = fs::last_write_time(dir / "lesson.json");
    click("files.confirm");
    EXPECT_TRUE(dialog_up());
    ASSERT_TRUE(model().overwrite);
    click("files.keep");
    EXPECT_TRUE(dialog_up());
    EXPECT_EQ(fs::last_write_time(dir / "lesson.json"), before);
    press(GLFW_KEY_ENTER);  // the name field has the keyboard: Enter asks again
    ASSERT_TRUE(model().overwrite);
    click("files.replace");
    EXPECT_FALSE(dialog_up());
    EXPECT_EQ(a.state.lessons.session.path, dir / "lesson.json");
}

TEST_F(FileDialogInTheWindow, OpenLessonListsFilesAndEnterOpensTheHighlightedOne) {
    a.state.lessons.lessons_dir = dir / "sub";
    frames(2);
    press(GLFW_KEY_O, true);
    frames(2);
    ASSERT_TRUE(dialog_up());
    EXPECT_EQ(model().request.purpose, FilePurpose::kOpen);
    ASSERT_EQ(model().entries.size(), 1u);  // other.json: not "(empty folder)"
    press(GLFW_KEY_DOWN);
    ASSERT_TRUE(model().selected);
    press(GLFW_KEY_ENTER);  // {} is no lesson: the player says why, but the dialog's job is done
    EXPECT_FALSE(dialog_up());
    ASSERT_TRUE(a.state.lessons.failed_open.has_value());
    EXPECT_EQ(a.state.lessons.failed_open->path, dir / "sub" / "other.json");
}

// A modal dialog owns the keys even when none of its fields has them: "-" and End reach no shortcut.
TEST_F(FileDialogInTheWindow, NoShortcutFiresWhileAModalDialogIsUp) {
    frames(2);
    press(GLFW_KEY_RIGHT);  // the timeline's keys work without a dialog
    ASSERT_EQ(a.playback.step, 1);
    const float speed = a.playback.speed;
    open_window(a.state.view, "export");
    frames(3);
    ASSERT_TRUE(ImGui::GetIO().WantTextInput == false);
    press(GLFW_KEY_MINUS);
    press(GLFW_KEY_END);
    press(GLFW_KEY_RIGHT);
    EXPECT_EQ(a.playback.speed, speed);
    EXPECT_EQ(a.playback.step, 1);
    close_window(a.state.view, "export");
    frames(3);
    press(GLFW_KEY_MINUS);  // and back when it is gone
    EXPECT_LT(a.playback.speed, speed);
}

TEST_F(FileDialogInTheWindow, TheExportsChooseStepsAsideAndComesBackWithThePath) {
    frames(2);
    open_window(a.state.view, "export");
    frames(3);
    ASSERT_TRUE(a.probe.anchors.count("export.choose"));
    click("export.format.png");
    click("export.choose");
    frames(2);
    ASSERT_TRUE(dialog_up());
    EXPECT_FALSE(window_open(a.state.view, "export"));  // one dialog at a time
    EXPECT_EQ(model().request.purpose, FilePurpose::kExport);
    EXPECT_EQ(model().request.extensions, ".png");
    click("files.name");
    press(GLFW_KEY_A, true);
    type((dir / "sub" / "step").string());  // a path typed whole: relative or absolute both work
    press(GLFW_KEY_ENTER);
    frames(2);
    EXPECT_FALSE(dialog_up());
    ASSERT_TRUE(window_open(a.state.view, "export"));  // back, with the chosen path
    frames(2);
    click("export.go");
    const fs::path written = dir / "sub" / "step.png";
    // The export paints on a worker: frames go on until it is written (or a minute, on a loaded machine).
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (window_open(a.state.view, "export") && std::chrono::steady_clock::now() < give_up) {
        frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_TRUE(fs::exists(written)) << a.state.interaction.status;
}

}  // namespace
}  // namespace poolscope::app::testing
