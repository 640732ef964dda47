// Status lines expire on an injected clock, a new line restarts its time, and a lesson file that stops
// loading replaces the old green "reloaded" with its red errors instead of showing both.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_player.h"
#include "model/status_line.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

TEST(StatusLine, AProblemStaysLongerThanAResultAndThenClears) {
    AppState state = make_default_state();
    set_status(state.interaction, "Could not paste: line 1:3: expected a number", true);
    expire_messages(state.interaction, state.lessons, 100.0);  // first seen now
    expire_messages(state.interaction, state.lessons, 100.0 + kErrorStatusSeconds - 0.1);
    EXPECT_FALSE(state.interaction.status.empty());
    expire_messages(state.interaction, state.lessons, 100.0 + kErrorStatusSeconds);
    EXPECT_TRUE(state.interaction.status.empty());

    set_status(state.interaction, "Took a 8 x 8 crop", false);
    expire_messages(state.interaction, state.lessons, 200.0);
    expire_messages(state.interaction, state.lessons, 200.0 + kStatusSeconds - 0.1);
    EXPECT_FALSE(state.interaction.status.empty());
    expire_messages(state.interaction, state.lessons, 200.0 + kStatusSeconds);
    EXPECT_TRUE(state.interaction.status.empty());
    EXPECT_LT(kStatusSeconds, kErrorStatusSeconds);
}

TEST(StatusLine, ANewLineRestartsItsTime) {
    AppState state = make_default_state();
    set_status(state.interaction, "Input copied as text", false);
    expire_messages(state.interaction, state.lessons, 10.0);
    expire_messages(state.interaction, state.lessons, 13.0);
    set_status(state.interaction, "Output copied as text", false);  // posted at 13: lives until 17
    expire_messages(state.interaction, state.lessons, 13.5);
    expire_messages(state.interaction, state.lessons, 15.0);
    EXPECT_EQ(state.interaction.status, "Output copied as text");
    expire_messages(state.interaction, state.lessons, 13.5 + kStatusSeconds);
    EXPECT_TRUE(state.interaction.status.empty());
}

TEST(StatusLine, TheLoopKnowsWhenTheFirstLineOnScreenExpires) {
    AppState state = make_default_state();
    EXPECT_LT(seconds_to_next_expiry(state.interaction, state.lessons, 5.0), 0.0);  // nothing shown
    set_status(state.interaction, "Input copied as text", false);
    EXPECT_DOUBLE_EQ(seconds_to_next_expiry(state.interaction, state.lessons, 5.0),
                     kStatusSeconds);  // not seen yet
    expire_messages(state.interaction, state.lessons, 10.0);
    EXPECT_DOUBLE_EQ(seconds_to_next_expiry(state.interaction, state.lessons, 11.0), kStatusSeconds - 1.0);
    state.lessons.message = "reloaded";
    state.lessons.message_since = 9.0;  // the lesson column's line, older: it goes first
    EXPECT_DOUBLE_EQ(seconds_to_next_expiry(state.interaction, state.lessons, 11.0), kStatusSeconds - 2.0);
    EXPECT_DOUBLE_EQ(seconds_to_next_expiry(state.interaction, state.lessons, 30.0), 0.0);  // overdue: now
    expire_messages(state.interaction, state.lessons, 30.0);
    EXPECT_LT(seconds_to_next_expiry(state.interaction, state.lessons, 30.0), 0.0);
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(StatusLine, ABrokenReloadShowsItsErrorsNotTheOldReloaded) {
    const fs::path dir = fs::temp_directory_path() / "poolscope-status-line-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    const fs::path lesson = dir / "lesson.json";
    const std::string text = read_text(std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json");
    std::ofstream(lesson) << text;
    set_language(Language::kEnglish);
    AppState state = make_default_state();
    Playback playback;
    ASSERT_TRUE(open_lesson_now(state, playback, lesson));

    std::ofstream(lesson) << text << "\n\n";  // changed on disk (another size), still valid
    update_lesson(state, playback, 1.0);
    EXPECT_EQ(state.lessons.message, tr("lesson.reloaded"));
    EXPECT_FALSE(state.lessons.message_is_error);

    std::ofstream(lesson) << text.substr(0, text.size() / 2);  // a JSON error
    update_lesson(state, playback, 2.0);
    EXPECT_FALSE(state.lessons.session.load_errors.empty());
    EXPECT_TRUE(state.lessons.message.empty()) << "green beside red: " << state.lessons.message;

    // A lesson message expires like the status line.
    set_lesson_message(state.lessons, tr("lesson.saved"), false);
    expire_messages(state.interaction, state.lessons, 3.0);
    expire_messages(state.interaction, state.lessons, 3.0 + kStatusSeconds);
    EXPECT_TRUE(state.lessons.message.empty());
    unsetenv("XDG_CONFIG_HOME");
    fs::remove_all(dir);
}

}  // namespace
}  // namespace poolscope::app
