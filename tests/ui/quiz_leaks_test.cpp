// Predict, then reveal, in the window (issue 26): while a question is open its answer is in no tooltip, the
// hover does not move the timeline (which would fill in the cells before the asked one), Copy output refuses,
// and Compare shows "?" for the cell; once revealed, all of it is back. Headless, with the mouse.
#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "headless_app.h"
#include "model/lesson_player.h"
#include "model/number_text.h"
#include "model/quiz_session.h"
#include "model/view.h"
#include "panels/edit_commands.h"

namespace poolscope::app::testing {
namespace {

class QuizLeaks : public HeadlessApp {
  protected:
    // Puts the mouse over output cell (oh, ow) of channel 0 and draws.
    void hover_output(int64_t oh, int64_t ow) {
        frames(2);
        ASSERT_TRUE(a.probe.anchors.count("grid.output0"));
        const auto& r = a.probe.anchors.at("grid.output0");
        const Shape out = a.state.computed.plan->output;
        ImGui::GetIO().MousePos =
            ImVec2(r.x + (static_cast<float>(ow) + 0.5f) * r.w / static_cast<float>(out.w),
                   r.y + (static_cast<float>(oh) + 0.5f) * r.h / static_cast<float>(out.h));
        frames(2);
    }
    bool on_screen(const std::string& text) {
        const nlohmann::json shown = report();
        for (const auto& item : shown["layout"]["screen_text"])
            if (item["text"] == text) return true;
        return false;
    }
};

TEST_F(QuizLeaks, AnOpenQuestionsValueIsNowhereUntilRevealed) {
    a.shell.save_enabled = false;
    a.state.quiz.quiz_mode = true;
    frames(3);
    ASSERT_EQ(a.state.quiz.cards.size(), 1u);
    const OutputCell asked = a.state.quiz.cards[0].question.cell;
    const float value = a.state.computed.output.values.at(0, asked.c, asked.oh, asked.ow);
    const std::string exact = exact_value_text(value, a.fonts.has_symbols);
    const int64_t step = a.playback.step;

    hover_output(asked.oh, asked.ow);  // the asked cell: no value in its tooltip
    std::string tip = report()["layout"]["cell_tooltip"];
    EXPECT_EQ(tip, "Hidden until the question is answered or revealed");
    const Shape out = a.state.computed.plan->output;
    hover_output(out.h - 1, out.w - 1);  // the last cell: the timeline stays on the question
    EXPECT_EQ(a.playback.step, step);

    ImGui::SetClipboardText("before");
    copy_output(a.state.computed, a.state.quiz, a.state.view, a.state.interaction);
    EXPECT_EQ(std::string(ImGui::GetClipboardText()), "before");
    EXPECT_TRUE(a.state.interaction.status_is_error);

    reveal_card(a.state.quiz, 0);  // revealed: the value is back everywhere
    copy_output(a.state.computed, a.state.quiz, a.state.view, a.state.interaction);
    EXPECT_NE(std::string(ImGui::GetClipboardText()), "before");
    EXPECT_FALSE(a.state.interaction.status_is_error);
    hover_output(asked.oh, asked.ow);  // (quiz mode may ask about the next window by now: not this one)
    tip = report()["layout"]["cell_tooltip"];
    EXPECT_EQ(tip, exact);
}

// File → Export draws every output into the picture: while a question is open the dialog says why it waits
// and its Export button does nothing; once revealed it exports.
TEST_F(QuizLeaks, ExportWaitsUntilTheQuestionIsAnswered) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "poolscope-quiz-export";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::filesystem::path was = std::filesystem::current_path();
    std::filesystem::current_path(dir);  // the dialog's first path is ./poolscope-export.gif
    a.shell.save_enabled = false;
    a.state.quiz.quiz_mode = true;
    frames(3);
    ASSERT_EQ(a.state.quiz.cards.size(), 1u);
    open_window(a.state.view, "export");
    frames(3);
    const std::string why =
        "Not exported: the picture would show the answer to an open question (answer or "
        "reveal it first)";
    EXPECT_TRUE(on_screen(why));
    click_anchor_center("export.go");
    for (int i = 0; i < 100; ++i) {  // as long as the export below takes, and more
        frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "poolscope-export.gif"));

    reveal_card(a.state.quiz, 0);
    a.state.quiz.quiz_mode = false;  // (quiz mode would ask about the next window)
    frames(3);
    EXPECT_FALSE(on_screen(why));
    click_anchor_center("export.go");
    for (int i = 0; i < 500 && !std::filesystem::exists(dir / "poolscope-export.gif"); ++i) {
        frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // the export runs on a worker thread
    }
    EXPECT_TRUE(std::filesystem::exists(dir / "poolscope-export.gif")) << a.state.interaction.status;
    std::filesystem::current_path(was);
    std::filesystem::remove_all(dir);
}

// The step's reveal appears under its cards, below the lesson column's fold at 1280x800: once the last
// question is revealed the column scrolls so the whole explanation is on screen.
TEST_F(QuizLeaks, TheRevealScrollsIntoViewWhenItAppears) {
    a.shell.save_enabled = false;
    ASSERT_TRUE(open_lesson_now(a.state, a.playback,
                                std::string(POOLSCOPE_LESSONS_DIR) + "/06-average-pooling.json", 0));
    frames(5);
    ASSERT_EQ(a.state.quiz.cards.size(), 2u);
    EXPECT_FALSE(a.probe.anchors.count("lesson.reveal"));
    reveal_card(a.state.quiz, 0);
    reveal_card(a.state.quiz, 1);
    frames(5);
    ASSERT_TRUE(a.probe.anchors.count("lesson.reveal"));
    const ScreenRect r = a.probe.anchors.at("lesson.reveal");
    EXPECT_GE(r.y, 0.0f);
    EXPECT_LE(r.y + r.h, ImGui::GetIO().DisplaySize.y);
}

}  // namespace
}  // namespace poolscope::app::testing
