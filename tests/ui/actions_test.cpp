// The one bindings table (app/panels/actions_table.h) drives the keys, the menus' hints and the F1 help: the
// help lists every key the table binds (PgUp/PgDn, Ctrl+O, Ctrl+S included), keys pressed in a real frame run
// their command, and no other app file reads a key or writes a shortcut down by itself.
#include <gtest/gtest.h>

#include <GLFW/glfw3.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "frame.h"
#include "headless_app.h"
#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/lesson_player.h"
#include "shell/actions.h"
#include "shell/shell.h"

namespace poolscope::app {
namespace {

std::string keys_text(const Binding& b) {
    return std::string(b.keys).starts_with("keys.") ? tr(b.keys) : b.keys;
}

TEST(BindingsTable, TheHelpListsEveryBindingWithItsKeys) {
    for (Language language : {Language::kEnglish, Language::kChinese}) {
        set_language(language);
        const std::vector<HelpRow> rows = help_rows();
        for (const Binding& b : bindings()) {
            const auto row = std::find_if(rows.begin(), rows.end(),
                                          [&](const HelpRow& r) { return std::string(r.help) == b.help; });
            ASSERT_NE(row, rows.end()) << b.help;
            EXPECT_NE(row->keys.find(keys_text(b)), std::string::npos) << row->keys << " lacks " << b.keys;
            EXPECT_STRNE(tr(b.help), b.help) << "no text for " << b.help;
        }
    }
    set_language(Language::kEnglish);
    std::string all;
    for (const HelpRow& r : help_rows())
        all += r.keys + "\n";
    for (const char* key :
         {"PgUp / PgDn", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Ctrl+Z", "Ctrl+V", "F1", "F5"})
        EXPECT_NE(all.find(key), std::string::npos) << key << " missing from\n" << all;
    EXPECT_STREQ(shortcut_hint(Command::kOpenLesson), "Ctrl+O");
}

// No app file outside the table and the cell editor reads a key, and no menu writes a shortcut itself.
TEST(BindingsTable, NoKeyIsReadOrWrittenDownElsewhere) {
    static const std::regex glfw_key(R"(GLFW_KEY_[A-Z0-9_]+)");
    static const std::regex hint_literal(R"re("(Ctrl[ +][^"]*|F[0-9]+)")re");
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(POOLSCOPE_APP_DIR)) {
        const std::filesystem::path& path = entry.path();
        if (path.extension() != ".cpp") continue;
        const std::string name = path.filename().string();
        if (name == "actions_table.cpp" || path.parent_path().filename() == "platform" ||
            path.parent_path().filename() == "cli" || path.parent_path().filename() == "i18n")
            continue;
        std::ifstream in(path);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        ++files;
        // actions.cpp reads keys for the cell editor (typing, Enter, arrows inside the grid) only.
        if (name != "actions.cpp") {
            EXPECT_FALSE(std::regex_search(text, glfw_key)) << name << " reads a key outside the table";
        }
        EXPECT_FALSE(std::regex_search(text, hint_literal)) << name << " writes a shortcut outside the table";
    }
    EXPECT_GT(files, 20);
}

class KeysInAFrame : public testing::HeadlessApp {
  protected:
    // One frame with `key` held (with Ctrl/Shift as given), then one with it released.
    void press(int key, bool ctrl = false, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        for (int i = 0; i < 2; ++i) {
            io.DeltaTime = 1.0f / 60.0f;
            io.KeysDown[key] = i == 0;
            io.KeyCtrl = ctrl && i == 0;
            io.KeyShift = shift && i == 0;
            FrameInput input;
            input.now = ImGui::GetTime();
            run_frame(a, std::move(input));
        }
    }
};

TEST_F(KeysInAFrame, EveryKindOfBindingRunsItsCommand) {
    press(GLFW_KEY_F1);
    EXPECT_TRUE(window_open(a.state.view, window_id::kHelp));
    press(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(window_open(a.state.view, window_id::kHelp));
    press(GLFW_KEY_RIGHT);
    EXPECT_EQ(a.playback.step, 1);
    press(GLFW_KEY_EQUAL, true);
    EXPECT_GT(a.state.view.zoom, 1.0f);
    press(GLFW_KEY_0, true);
    EXPECT_EQ(a.state.view.zoom, 1.0f);
    ASSERT_TRUE(
        open_lesson_now(a.state, a.playback, std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json"));
    press(GLFW_KEY_PAGE_DOWN);
    EXPECT_EQ(a.state.lessons.session.step, 1u);
    press(GLFW_KEY_PAGE_UP);
    EXPECT_EQ(a.state.lessons.session.step, 0u);
    EXPECT_EQ(file_dialog(a).asked_by, "");
    press(GLFW_KEY_O, true);
    EXPECT_EQ(file_dialog(a).asked_by,
              "open_lesson");  // the dialog was asked for (and shown in the same frame)
    EXPECT_EQ(file_dialog(a).model.request.purpose, FilePurpose::kOpen);
}

TEST_F(KeysInAFrame, TheStartCardShowsUntilDismissedAndNotInTestModes) {
    AppOptions options;
    EXPECT_TRUE(wants_start_card(Settings{}, options));
    options.state_out = "state.json";
    EXPECT_FALSE(wants_start_card(Settings{}, options));  // GUI tests drive the window with --state-out
    options.first_start = true;
    EXPECT_TRUE(wants_start_card(Settings{}, options));
    Settings dismissed;
    dismissed.start_card = false;
    EXPECT_TRUE(wants_start_card(dismissed, options));  // --first-start: even when dismissed
    options.first_start = false;
    options.state_out.reset();
    EXPECT_FALSE(wants_start_card(dismissed, options));

    open_window(a.state.view, window_id::kStartCard);
    a.shell.save_enabled = false;
    for (Language language : {Language::kEnglish, Language::kChinese}) {
        set_language(language);
        press(GLFW_KEY_F20);  // two frames, no binding
        EXPECT_TRUE(a.probe.anchors.count("start_card.browse"));
        EXPECT_TRUE(a.probe.anchors.count("start_card.dismiss"));
    }
    set_language(Language::kEnglish);
    close_window(a.state.view, window_id::kStartCard);  // "Got it": the next frame saves that it went
    press(GLFW_KEY_F20);
    EXPECT_FALSE(a.shell.settings.start_card);
    a.probe.anchors.clear();
    press(GLFW_KEY_F20);
    EXPECT_FALSE(a.probe.anchors.count("start_card.dismiss"));
}

}  // namespace
}  // namespace poolscope::app
