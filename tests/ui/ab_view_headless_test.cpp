// The A/B view (issue 29) without a display, driven with the mouse: View → A/B settings opens it; what B
// changes is picked in its combo and stepped with its buttons; the grids' sizes and the reasons shown are the
// core's (compare_ab, worded by the same tables); pointing at a reason outlines its cells in both grids and
// pointing at a cell marks its reasons; a lesson step's "compare" opens it with its own A and B, and an open
// question keeps its cell as "?" and its reasons back until it is answered; presentation mode in Chinese at
// 1280 × 720 keeps the grids inside the window.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "headless_app.h"
#include "i18n/compare_text.h"
#include "model/ab_settings.h"
#include "model/lesson_player.h"
#include "model/quiz_session.h"
#include "model/view.h"
#include "panels/file_dialog_window.h"

namespace poolscope::app::testing {
namespace {

class AbView : public HeadlessApp {
  protected:
    std::string fact(const std::string& name) const {
        const auto it = a.probe.shown_text.find(name);
        return it == a.probe.shown_text.end() ? std::string("<none>") : it->second;
    }
    ImVec2 centre(const std::string& anchor) const {
        const ScreenRect& r = a.probe.anchors.at(anchor);
        return ImVec2(r.x + r.w / 2, r.y + r.h / 2);
    }
    void hover(ImVec2 at) {
        ImGui::GetIO().MousePos = at;
        frames(3);
    }
    // The reasons the window shows, in order.
    std::vector<std::string> reasons_shown() const {
        std::vector<std::string> out;
        for (int i = 0; a.probe.shown_text.count("abview.reason." + std::to_string(i)); ++i)
            out.push_back(fact("abview.reason." + std::to_string(i)));
        return out;
    }
    // The core's reasons for A and B on the window's input, worded as the window words them.
    std::vector<std::string> core_reasons(const LayerSpec& la, const LayerSpec& lb) const {
        const Result<AbComparison> cmp = compare_ab(a.state.doc.input, la, lb);
        EXPECT_TRUE(cmp.ok());
        std::vector<std::string> out;
        for (const AbReason& r : cmp->reasons)
            out.push_back(difference_text(r.text, "ab."));
        return out;
    }
    // One key press (Ctrl held when `ctrl`), as the GLFW backend reports it.
    void press(int key, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        frames(1);
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frames(1);
    }
    void type(const std::string& text) {
        for (char c : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
            frames(1);
        }
    }
    // A grid cell's text as the frame drew it (layout.screen_text), e.g. "?" or "2.67".
    std::string cell_text(const char* grid, int64_t row, int64_t col) {
        const nlohmann::json shown = report();
        for (const auto& item : shown["layout"]["screen_text"])
            if (item["panel"] == std::string(grid) + ".values" && item.contains("cell") &&
                item["cell"][0] == row && item["cell"][1] == col)
                return item["text"];
        return "<none>";
    }
};

TEST_F(AbView, OpensFromTheViewMenuAndShowsTheCoresReasonsForWhatBChanges) {
    frames(3);
    click_anchor_center("menu.view");
    click_anchor_center("menu.ab_settings");
    frames(3);
    ASSERT_TRUE(window_open(a.state.view, window_id::kAbSettings));
    // D2L's 4 x 4 arange with MaxPool2d(3, padding=1, stride=2); B flips ceil_mode.
    const LayerSpec la = layer_of(a.state.doc);
    EXPECT_EQ(fact("abview.mode"), "free");
    EXPECT_EQ(fact("abview.field"), "ceil_mode");
    EXPECT_EQ(fact("abview.a.shape"), "2x2");
    EXPECT_EQ(fact("abview.b.shape"), "3x3");
    EXPECT_EQ(fact("abview.b.code"), "nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True)");
    LayerSpec lb = la;
    lb.params.ceil_mode = true;
    EXPECT_EQ(reasons_shown(), core_reasons(la, lb));
    ASSERT_FALSE(reasons_shown().empty());

    // B changes the padding instead: the combo, then the entry; then one more row of padding with "+".
    click_anchor_center("abview.field");
    click_anchor_center("abview.field.padding");
    frames(2);
    EXPECT_EQ(fact("abview.field"), "padding");
    lb = la;
    lb.params.padding = Padding{};
    EXPECT_EQ(fact("abview.b.code"), layer_code(lb));
    EXPECT_EQ(reasons_shown(), core_reasons(la, lb));
    click_anchor_center("abview.value.w.plus");
    frames(2);
    lb.params.padding = Padding{0, 1, 0, 1};
    EXPECT_EQ(fact("abview.b.code"), layer_code(lb));
    EXPECT_EQ(reasons_shown(), core_reasons(la, lb));

    // Max against average: the same windows, another rule.
    click_anchor_center("abview.field");
    click_anchor_center("abview.field.mode");
    frames(2);
    lb = la;
    lb.params.op = PoolOp::kAvg;
    EXPECT_EQ(reasons_shown(), core_reasons(la, lb));
    EXPECT_NE(fact("abview.reason.0").find("max_pool2d"), std::string::npos);
}

TEST_F(AbView, PointingAtAReasonOutlinesItsCellsAndACellMarksItsReasons) {
    open_window(a.state.view, window_id::kAbSettings);
    frames(3);
    ASSERT_TRUE(a.probe.anchors.count("abview.reason.0"));
    hover(centre("abview.reason.0"));
    const std::string cells = fact("abview.reason.0.cells");  // "r,c;r,c" in B only (ceil_mode's extra cells)
    ASSERT_NE(cells, "<none>");
    std::string expected;
    for (size_t at = 0; at <= cells.size();) {
        const size_t end = std::min(cells.find(';', at), cells.size());
        expected += (expected.empty() ? "b:" : ";b:") + cells.substr(at, end - at);
        at = end + 1;
    }
    EXPECT_EQ(fact("abview.reason.0.place"), "only_b");
    EXPECT_EQ(fact("abview.highlight"), expected);

    // The bottom-right cell of B is in both of ceil_mode's reasons (the extra row and the extra column).
    const ScreenRect g = a.probe.anchors.at("abview.grid.b");
    hover(ImVec2(g.x + g.w * 5 / 6, g.y + g.h * 5 / 6));
    EXPECT_EQ(fact("abview.highlight"), "b:2,2");  // A has no such cell
    EXPECT_EQ(fact("abview.reason.0.marked"), "yes");
    EXPECT_EQ(fact("abview.reason.1.marked"), "yes");
    hover(ImVec2(g.x + g.w / 6, g.y + g.h / 6));  // (0, 0): the same in A and B, no reason
    EXPECT_EQ(fact("abview.reason.0.marked"), "<none>");
}

TEST_F(AbView, ALessonStepsCompareOpensItWithItsOwnAAndB) {
    const std::filesystem::path lesson = std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json";
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lesson, 5));
    frames(4);
    ASSERT_TRUE(window_open(a.state.view, window_id::kAbSettings));
    const LessonStep& step = *current_step(a.state.lessons.session);
    ASSERT_TRUE(step.compare.has_value());
    EXPECT_EQ(fact("abview.mode"), "lesson");
    EXPECT_EQ(fact("abview.a.code"), layer_code(step.compare->a));
    EXPECT_EQ(fact("abview.b.code"), layer_code(step.compare->b));
    EXPECT_EQ(reasons_shown(), core_reasons(step.compare->a, step.compare->b));

    // A step without "compare" closes the window the lesson opened; coming back opens it with the lesson's.
    go_to_step(a.state.lessons.session, 4);
    frames(3);
    EXPECT_FALSE(window_open(a.state.view, window_id::kAbSettings));
    go_to_step(a.state.lessons.session, 5);
    frames(3);
    EXPECT_TRUE(window_open(a.state.view, window_id::kAbSettings));
    EXPECT_EQ(fact("abview.mode"), "lesson");
    // "Choose B's setting yourself": A is the window's layer, B keeps the lesson's one change (ceil_mode).
    click_anchor_center("abview.own_b");
    frames(2);
    EXPECT_EQ(fact("abview.mode"), "free");
    EXPECT_EQ(fact("abview.field"), "ceil_mode");
    EXPECT_EQ(fact("abview.a.code"), "nn.MaxPool2d(3, stride=2, ceil_mode=True)");  // the window's layer
    EXPECT_EQ(fact("abview.b.code"), "nn.MaxPool2d(3, stride=2)");                  // so B is floor
    go_to_step(a.state.lessons.session, 4);  // the student's own B: the window stays as they left it
    frames(3);
    EXPECT_TRUE(window_open(a.state.view, window_id::kAbSettings));
}

// Lesson 06 step 2 asks the top-left window's divisor and value: both grids show "?" there and every reason
// that quotes a divisor waits; revealed, the values and the reasons are there.
TEST_F(AbView, AnOpenQuestionKeepsItsCellAndItsReasonsBack) {
    const std::filesystem::path lesson = std::string(POOLSCOPE_LESSONS_DIR) + "/06-average-pooling.json";
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lesson, 1));
    frames(4);
    ASSERT_TRUE(window_open(a.state.view, window_id::kAbSettings));
    ASSERT_FALSE(a.state.quiz.cards.empty());
    EXPECT_EQ(cell_text("abview.grid.a", 0, 0), "?");
    EXPECT_EQ(cell_text("abview.grid.b", 0, 0), "?");
    EXPECT_EQ(cell_text("abview.grid.b", 1, 1), "10");
    EXPECT_TRUE(reasons_shown().empty());
    EXPECT_EQ(fact("abview.reasons_held_back"), "2");
    for (size_t i = 0; i < a.state.quiz.cards.size(); ++i)
        reveal_card(a.state.quiz, i);
    frames(3);
    EXPECT_EQ(cell_text("abview.grid.b", 0, 0), "2.5");
    EXPECT_EQ(fact("abview.reasons_held_back"), "0");
    const LessonStep& step = *current_step(a.state.lessons.session);
    EXPECT_EQ(reasons_shown(), core_reasons(step.compare->a, step.compare->b));
    EXPECT_NE(fact("abview.reason.0").find("divides by 4, not 9"), std::string::npos)
        << fact("abview.reason.0");
}

// Presentation mode in Chinese at 1280 x 720: the window and both grids fit, the reasons read in Chinese.
TEST_F(AbView, PresentationInChineseFitsAt1280x720) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    set_language(Language::kChinese);
    a.state.view.presentation = true;
    const std::filesystem::path lesson = std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json";
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lesson, 5));
    frames(8);
    ASSERT_TRUE(a.probe.anchors.count("abview.window"));
    const ScreenRect w = a.probe.anchors.at("abview.window");
    EXPECT_GE(w.x, 0);
    EXPECT_LE(w.x + w.w, 1280);
    EXPECT_LE(w.y + w.h, 720);
    for (const char* grid : {"abview.grid.a", "abview.grid.b"}) {
        ASSERT_TRUE(a.probe.anchors.count(grid)) << grid;
        const ScreenRect g = a.probe.anchors.at(grid);
        EXPECT_GE(g.x, w.x) << grid;
        EXPECT_LE(g.x + g.w, w.x + w.w) << grid;
        EXPECT_LE(g.y + g.h, w.y + w.h) << grid;
    }
    ASSERT_FALSE(reasons_shown().empty());
    EXPECT_NE(reasons_shown()[0].find("增加了输出的第"), std::string::npos) << reasons_shown()[0];
    const nlohmann::json shown = report();
    EXPECT_TRUE(shown["layout"]["clipped_text"].empty()) << shown["layout"]["clipped_text"].dump();
}

// "Export slide…" asks where (the one file dialog) and writes the slide `poolscope export --ab` writes; not
// while a question is open, since the slide shows every value.
TEST_F(AbView, ExportSlideWritesTheSlideWhereTheFileDialogSays) {
    map_keys_as_glfw();
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "poolscope-ab-view-export";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    open_window(a.state.view, window_id::kAbSettings);
    frames(3);
    click_anchor_center("abview.export");
    frames(2);
    ASSERT_TRUE(window_open(a.state.view, FileDialogWindow::kId));
    click_anchor_center("files.name");
    press(GLFW_KEY_A, true);  // select all, then type over it
    type((dir / "slide.svg").string());
    press(GLFW_KEY_ENTER);
    frames(3);
    EXPECT_FALSE(window_open(a.state.view, FileDialogWindow::kId));
    std::ifstream in(dir / "slide.svg");
    std::stringstream svg;
    svg << in.rdbuf();
    EXPECT_NE(svg.str().find("ceil_mode=True adds output column 2"), std::string::npos)
        << a.state.interaction.status;
    EXPECT_NE(a.state.interaction.status.find("slide.svg"), std::string::npos) << a.state.interaction.status;

    const std::filesystem::path lesson = std::string(POOLSCOPE_LESSONS_DIR) + "/06-average-pooling.json";
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lesson, 1));  // its questions are open
    frames(4);
    click_anchor_center("abview.export");
    frames(2);
    EXPECT_FALSE(window_open(a.state.view, FileDialogWindow::kId));
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace poolscope::app::testing
