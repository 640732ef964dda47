// The lesson column's banner after an edit that breaks later steps (issue 29), with the mouse: Save over
// this step on a copy of lesson 04 with kernel 2 names steps 1 and 2, and its "Re-record them" button makes
// the lesson check again.
#include <imgui.h>

#include <filesystem>
#include <string>

#include "headless_app.h"
#include "model/lesson_player.h"

namespace poolscope::app::testing {
namespace {

class BrokenStepsBanner : public HeadlessApp {
  protected:
    // Whether the screen shows `part` (texts joined: wrapped text is drawn a word at a time).
    bool on_screen(const std::string& part) {
        const nlohmann::json shown = report();
        std::string all;
        for (const auto& item : shown["layout"]["screen_text"])
            all += item["text"].get<std::string>();
        return all.find(part) != std::string::npos;
    }
};

TEST_F(BrokenStepsBanner, NamesTheBrokenStepsAndReRecordsThem) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "poolscope-broken-banner";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(std::filesystem::path(POOLSCOPE_LESSONS_DIR) / "04-ceil-mode.json",
                               dir / "04.json");
    a.shell.save_enabled = false;
    ImGui::GetIO().DisplaySize = ImVec2(1366, 900);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, dir / "04.json", 0));
    a.state.lessons.author_open = true;
    frames(3);
    a.state.doc.params.kernel_size = {2, 2};
    mark_changed(a.state.doc);
    frames(3);
    click_anchor_center("lesson.save_over_step");
    frames(3);
    EXPECT_EQ(a.state.lessons.session.broken_by_edit, (std::vector<size_t>{0, 1}));
    EXPECT_TRUE(on_screen("step 1, step 2"));
    click_anchor_center("lesson.rerecord_broken");
    frames(3);
    EXPECT_TRUE(a.state.lessons.session.broken_by_edit.empty());
    EXPECT_TRUE(check_lesson(*a.state.lessons.session.lesson).empty());
    EXPECT_FALSE(on_screen("step 1, step 2"));
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace poolscope::app::testing
