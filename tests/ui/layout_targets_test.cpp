// Issue 27's targets, over every shipped lesson step that draws a grid, in English and Chinese (label
// layout): the cells a classroom needs (presentation at 1280×720: 40 px for a padded grid up to 10×10 with
// one or two channels, else 28; the normal layout at 1366×768: 30 and 22, and at 1920×1080 no less; the
// browser's laptop viewport, 1366×650, held to the same in both modes: the web build draws this very frame),
// no key text clipped, the step's code whole and its focus panels drawn in presentation, and every step
// settling in a few frames, and no panel scrolling sideways (a label or a wrapped note wider than the panel
// put a scrollbar under the grids and cut what it hid). Then the layout's parts one by one: the timeline in
// the menu bar, the notes and the legend a big grid folds.
#include "layout_audit_fixture.h"

#include <map>

#include "model/app_options.h"
#include "model/playback.h"
#include "model/quiz_session.h"
#include "testing/screen_text.h"

namespace poolscope::app {
namespace {

struct Target {
    Screen screen;
    bool presentation;
    float small_grid, big_grid;  // px: a padded grid up to 10x10 with at most two channels, and any other
};

// The steps that do not reach their target yet, with the cells they get today: a ratchet (none may get
// smaller, and one that reaches its target must leave the list).
struct Short {
    const char* step;  // "05-output-size.json 2 (en, 1366x768)"
    float today;
};
constexpr Short kShort[] = {
    // The browser's laptop viewport, 118 px shorter than 1366x768 (the issue's targets are for 1366x768 and
    // 1280x720): lesson 05 step 2's 10x10 grid with an 8x8 output.
    {"05-output-size.json 2 (en, 1366x650)", 25.0f},
    {"05-output-size.json 2 (zh, 1366x650)", 25.0f},
    {"03-multiple-channels.json 2 (en, 1366x650 presentation)", 38.5f},
    {"05-output-size.json 2 (en, 1366x650 presentation)", 35.0f},
    {"05-output-size.json 2 (zh, 1366x650 presentation)", 35.0f},
};

class LayoutTargets : public LayoutAudit {
  protected:
    void SetUp() override {
        LayoutAudit::SetUp();
        record_screen_text(&a.probe);  // layout.screen_text, as --state-out records it
    }
    void TearDown() override {
        record_screen_text(nullptr);
        LayoutAudit::TearDown();
    }
    // Whether a text the frame drew contains `part` (or is it, when `whole`).
    static bool shown(const nlohmann::json& report, const std::string& part, bool whole = false) {
        for (const auto& item : report["layout"]["screen_text"]) {
            const std::string text = item["text"].get<std::string>();
            if (whole ? text == part : text.find(part) != std::string::npos) return true;
        }
        return false;
    }
    void click(const std::string& anchor) {
        ASSERT_TRUE(a.probe.anchors.count(anchor)) << anchor;
        const ScreenRect r = a.probe.anchors.at(anchor);
        click_at(ImVec2(r.x + r.w * 0.5f, r.y + r.h * 0.5f));
    }
    const std::string lessons = POOLSCOPE_LESSONS_DIR;
};

TEST_F(LayoutTargets, EveryStepGetsTheCellsAClassroomNeeds) {
    const Target targets[] = {{{1280, 720, 0.0f}, true, 40.0f, 28.0f},
                              {{1366, 768, 0.0f}, false, 30.0f, 22.0f},
                              {{1920, 1080, 0.0f}, false, 30.0f, 22.0f},
                              {{1366, 650, 0.0f}, false, 30.0f, 22.0f},
                              {{1366, 650, 0.0f}, true, 40.0f, 28.0f}};
    int checked = 0, code_checked = 0, focus_checked = 0;
    std::vector<std::string> problems;
    for (const Target& t : targets) {
        for (Language language : {Language::kEnglish, Language::kChinese}) {
            start(t.screen, language, t.presentation);
            for (const std::filesystem::path& file : shipped_lessons()) {
                for (size_t step = 0; step < 40; ++step) {
                    if (!open_lesson_now(a.state, a.playback, file, step) ||
                        a.state.lessons.session.step != step)
                        break;
                    const nlohmann::json report = settle_and_report();
                    // ("presentation" named where a screen is audited in both modes)
                    const std::string where =
                        file.filename().string() + " " + std::to_string(step + 1) + " (" +
                        language_code(language) + ", " + std::to_string(t.screen.width) + "x" +
                        std::to_string(t.screen.height) +
                        (t.presentation && t.screen.height != 720 ? " presentation" : "") + ")";
                    for (const auto& c : report["layout"]["clipped_text"])
                        problems.push_back(where + ": clipped in " + c["panel"].get<std::string>() + ": \"" +
                                           c["text"].get<std::string>() + "\"");
                    for (const std::string& panel : panels_scrolling_sideways())
                        problems.push_back(where + ": " + panel + " scrolls sideways");
                    if (frames_used > 24)
                        problems.push_back(where + ": still moving after " + std::to_string(frames_used) +
                                           " frames");
                    const MeasuredHeights& m = a.measured;
                    // Presentation shows the step's code whole: the column widens for it, or pins it under
                    // the narration.
                    if (t.presentation && m.lesson_code_bottom > 0.0f) {
                        ++code_checked;
                        if (m.lesson_code_bottom > m.lesson_visible_h + 1.0f)
                            problems.push_back(where + ": the code box ends at " +
                                               std::to_string(m.lesson_code_bottom) +
                                               ", under the column's " + std::to_string(m.lesson_visible_h));
                    }
                    // Presentation keeps what the step points at: its focus panels are drawn (the
                    // arithmetic's row of a refused layer gives way to the matrices' error box, which says
                    // the same).
                    const LessonStep* shown_step = current_step(a.state.lessons.session);
                    if (t.presentation && shown_step && shown_step->kind == StepKind::kPool) {
                        const nlohmann::json panels = report["layout"]["panels_shown"];
                        const auto has = [&](const char* name) {
                            return std::find(panels.begin(), panels.end(), name) != panels.end();
                        };
                        if (shown_step->focus.shows(Panel::kFormula) && !has("formula"))
                            problems.push_back(where + ": the step points at the walkthrough, not drawn");
                        if (shown_step->focus.shows(Panel::kArithmetic) && a.state.computed.plan &&
                            !has("step"))
                            problems.push_back(where + ": the step points at the arithmetic, not drawn");
                        if (shown_step->focus.shows(Panel::kChannels) && !has("matrices"))
                            problems.push_back(where + ": the step points at the channels, not drawn");
                        ++focus_checked;
                    }
                    const GridFitInput& g = m.grids;
                    const float cell = report["layout"]["cell_px"].get<float>();
                    if (g.in_rows <= 0 || cell <= 0.0f) continue;  // a network step, the Image view
                    const float target =
                        g.in_rows <= 10 && g.in_cols <= 10 && g.channels <= 2 ? t.small_grid : t.big_grid;
                    ++checked;
                    const Short* listed = nullptr;
                    for (const Short& k : kShort)
                        if (where == k.step) listed = &k;
                    if (listed && cell >= target)
                        problems.push_back(where + " reaches " + std::to_string(target) +
                                           " px now: take it off the list");
                    else if (listed && cell < listed->today)
                        problems.push_back(where + ": " + std::to_string(cell) + " px, smaller than the " +
                                           std::to_string(listed->today) + " it had");
                    else if (!listed && cell < target)
                        problems.push_back(where + ": " + std::to_string(cell) + " px < " +
                                           std::to_string(target));
                }
            }
        }
    }
    EXPECT_GT(checked, 10 * 50);
    EXPECT_GT(code_checked, 2 * 40);
    EXPECT_GT(focus_checked, 2 * 40);
    EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s):\n" << joined(problems);
}

// Presentation at 1280x720 (and the normal layout, where it fits too): the timeline sits in the menu bar (its
// row's height goes to the cells), works there, and a status message beside it moves none of its buttons.
TEST_F(LayoutTargets, PresentationPutsTheTimelineInTheMenuBar) {
    start({1280, 720, 0.0f}, Language::kEnglish, true);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lessons + "/05-output-size.json", 1));
    nlohmann::json report = settle_and_report();
    ASSERT_TRUE(a.measured.timeline_in_bar);
    const ScreenRect play = a.probe.anchors.at("ui.play");
    const float bar_h = ImGui::GetFrameHeight();
    EXPECT_LE(play.y + play.h, bar_h + 1.0f) << "the Play button is in the menu bar";
    EXPECT_GT(play.x, ImGui::CalcTextSize("File Edit View Language Help").x) << "right of the menus";
    const nlohmann::json panels = report["layout"]["panels_shown"];
    EXPECT_NE(std::find(panels.begin(), panels.end(), "timeline"), panels.end()) << panels;
    EXPECT_TRUE(report["layout"]["clipped_text"].empty()) << report["layout"]["clipped_text"];
    // The cells the bar gave: lesson 05 step 2's 10x10 grid and 8x8 output, 26 px with the timeline's row.
    EXPECT_GE(report["layout"]["cell_px"].get<float>(), 40.0f);

    const std::map<std::string, ScreenRect> before = a.probe.anchors;
    a.state.interaction.status = "Copied a link to this step (a long message for the menu bar)";
    settle_and_report();
    for (const char* name : {"ui.play", "ui.forward", "ui.scrubber"})
        EXPECT_EQ(a.probe.anchors.at(name).x, before.at(name).x) << name << " moved with the status message";

    click("ui.play");
    EXPECT_TRUE(a.playback.playing) << "Play, clicked in the menu bar";
}

// A free 8x8 input with three channels and padding 1 (the wave's projector complaint): in presentation at
// 1280x720 the fit gave ~25 px cells, the minimum then drew 26.4 px and the third channel's output went
// behind a scrollbar. Every output the step has filled is drawn now, in both languages, on the classroom
// screens.
// Three 8x8 channels of small whole numbers, as --input reads them.
std::string three_channels_8x8() {
    std::string input = "[";
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < 8; ++r)
            for (int k = 0; k < 8; ++k)
                input += std::string(r == 0 && k == 0 ? (c == 0 ? "[[" : ",[[")
                                     : k == 0         ? ",["
                                                      : ",") +
                         std::to_string((c * 64 + r * 8 + k) % 17) + (k == 7 ? (r == 7 ? "]]" : "]") : "");
    return input + "]";
}

TEST_F(LayoutTargets, AThreeChannelPaddedInputShowsEveryOutputInPresentation) {
    AppOptions options;
    options.input_text = three_channels_8x8();
    options.params_text = R"({"op":"max_pool2d","kernel_size":3,"stride":2,"padding":1})";
    for (const Screen screen : {Screen{1280, 720, 0.0f}, Screen{1366, 768, 0.0f}})
        for (const Language language : {Language::kEnglish, Language::kChinese}) {
            Result<AppState> state = initial_state(options);
            ASSERT_TRUE(state.ok()) << state.error_text();
            a.state = std::move(state.value());
            start(screen, language, true);
            settle_and_report();
            ASSERT_EQ(a.state.doc.input.shape().c, 3);
            jump_to(a.playback, 3, 16);  // window 4: output (0, 3), at the right edge
            const nlohmann::json report = settle_and_report();
            const std::string where = std::to_string(screen.width) + "x" + std::to_string(screen.height) +
                                      (language == Language::kChinese ? " zh" : " en");
            for (int c = 0; c < 3; ++c)
                for (int col = 0; col < 4; ++col) {
                    bool drawn = false;
                    for (const auto& item : report["layout"]["screen_text"])
                        drawn |= item["panel"] == "grid.output" + std::to_string(c) &&
                                 item.contains("cell") && item["cell"] == nlohmann::json::array({0, col});
                    EXPECT_TRUE(drawn) << where << ": channel " << c << "'s output (0, " << col << ")";
                }
            EXPECT_TRUE(report["layout"]["clipped_text"].empty())
                << where << report["layout"]["clipped_text"];
            EXPECT_GE(report["layout"]["cell_px"].get<float>(), 24.0f) << where;
        }
}

// The Backward and MaxUnpool views of three padded 8x8 channels put the channels side by side where the panel
// is wide: at 1920x1080 every grid on screen in cells a back row reads (they went one under another in 22 px
// cells, the right half of the panel empty). On every screen, in both languages, nothing is clipped and no
// panel scrolls sideways (a block beside another, or its share note, wider than the room left).
TEST_F(LayoutTargets, TheBackwardAndUnpoolViewsUseThePanelsWidth) {
    const struct {
        PassView pass;
        const char* params;
    } views[] = {{PassView::kBackward, R"({"op":"avg_pool2d","kernel_size":3,"stride":2,"padding":1})"},
                 {PassView::kBackward, R"({"op":"max_pool2d","kernel_size":3,"stride":2,"padding":1})"},
                 {PassView::kUnpool, R"({"op":"max_pool2d","kernel_size":3,"stride":2,"padding":1})"}};
    const Target targets[] = {{{1920, 1080, 0.0f}, false, 0.0f, 30.0f},
                              {{1366, 768, 0.0f}, false, 0.0f, 0.0f},
                              {{1280, 800, 0.0f}, false, 0.0f, 0.0f},
                              {{1366, 650, 0.0f}, false, 0.0f, 0.0f},
                              {{1280, 720, 0.0f}, true, 0.0f, 0.0f}};
    std::vector<std::string> problems;
    for (const auto& view : views)
        for (const Target& t : targets)
            for (const Language language : {Language::kEnglish, Language::kChinese}) {
                AppOptions options;
                options.input_text = three_channels_8x8();
                options.params_text = view.params;
                options.pass = view.pass;
                Result<AppState> state = initial_state(options);
                ASSERT_TRUE(state.ok()) << state.error_text();
                a.state = std::move(state.value());
                start(t.screen, language, t.presentation);
                settle_and_report();
                jump_to(a.playback, 5, 16);  // window 6: output (1, 1), its window inside the input
                const nlohmann::json report = settle_and_report();
                const std::string where =
                    std::string(view.pass == PassView::kBackward ? "Backward " : "MaxUnpool ") +
                    (std::string(view.params).find("avg") != std::string::npos ? "avg" : "max") + " at " +
                    std::to_string(t.screen.width) + "x" + std::to_string(t.screen.height) +
                    (t.presentation ? " presentation " : " ") + language_code(language);
                EXPECT_EQ(report["gradient"]["pass"],
                          view.pass == PassView::kBackward ? "backward" : "unpool");
                for (const auto& c : report["layout"]["clipped_text"])
                    problems.push_back(where + ": clipped in " + c["panel"].get<std::string>() + ": \"" +
                                       c["text"].get<std::string>() + "\"");
                for (const std::string& panel : panels_scrolling_sideways())
                    problems.push_back(where + ": " + panel + " scrolls sideways");
                const float cell = report["layout"]["cell_px"].get<float>();
                std::printf("%s: %.1f px cells\n", where.c_str(), cell);
                if (t.big_grid <= 0.0f) continue;
                if (cell < t.big_grid)
                    problems.push_back(where + ": " + std::to_string(cell) + " px < " +
                                       std::to_string(t.big_grid));
                for (const ImGuiWindow* w : GImGui->Windows)
                    if (w->WasActive && w->ScrollbarY &&
                        std::string(w->Name).find("##center") != std::string::npos)
                        problems.push_back(where + ": the centre scrolls down, a channel out of sight");
            }
    EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s):\n" << joined(problems);
}

// F5 and F5 again come back to the layout the step had when the window first showed it: the cells, the rows'
// placement, the notes. (Every height had been measured in presentation's font, and the rows settled from
// those: lesson 05 step 2 came back at 1280x720 with 29.5 px cells instead of 28.3.)
TEST_F(LayoutTargets, PresentationAndBackLaysOutAsTheStepFirstDid) {
    for (const Screen screen : {Screen{1280, 720, 0.0f}, Screen{1366, 768, 0.0f}, Screen{1920, 1080, 0.0f}})
        for (const auto& [file, step] : {std::pair<const char*, int>{"05-output-size.json", 1},
                                         {"03-multiple-channels.json", 2},
                                         {"02-padding-and-stride.json", 2}}) {
            start(screen, Language::kEnglish, false);
            a.measured = MeasuredHeights{};  // as a window opened on this step
            ASSERT_TRUE(open_lesson_now(a.state, a.playback, lessons + "/" + file, step));
            const nlohmann::json before = settle_and_report()["layout"];
            const bool folded = a.measured.notes_folded;
            toggle_presentation(a.shell, a.state.view);
            settle_and_report();
            toggle_presentation(a.shell, a.state.view);
            const nlohmann::json after = settle_and_report()["layout"];
            const std::string where = std::string(file) + " " + std::to_string(step) + " at " +
                                      std::to_string(screen.width) + "x" + std::to_string(screen.height);
            // Lesson 05 step 2 at 1366x768 settles two ways: opened, the rows go beside the grids (30.6 px)
            // before the notes under them fold; from scratch in the new font they fold first and the rows
            // stay under (33.8 px). The round trip may only gain cells there.
            if (std::string(file) == "05-output-size.json" && screen.width == 1366) {
                EXPECT_GE(after["cell_px"].get<float>(), before["cell_px"].get<float>()) << where;
                continue;
            }
            EXPECT_FLOAT_EQ(after["cell_px"].get<float>(), before["cell_px"].get<float>()) << where;
            EXPECT_EQ(after["rows_beside"], before["rows_beside"]) << where;
            EXPECT_EQ(after["panels_shown"], before["panels_shown"]) << where;
            EXPECT_EQ(a.measured.notes_folded, folded) << where;
        }
}

// Revealing a shape question changes the timeline's label ("Window ? of ?" back to "Window 1 of 9: ..."), not
// where its buttons are.
TEST_F(LayoutTargets, RevealingAShapeQuestionMovesNoTimelineButton) {
    for (const bool presentation : {true, false}) {
        start({1280, 720, 0.0f}, Language::kEnglish, presentation);
        ASSERT_TRUE(open_lesson_now(a.state, a.playback, lessons + "/05-output-size.json", 3));
        settle_and_report();
        ASSERT_TRUE(quiz_hidden(a.state.quiz).output_shape) << "lesson 05 step 4 asks the output's shape";
        const std::map<std::string, ScreenRect> before = a.probe.anchors;
        for (size_t i = 0; i < a.state.quiz.cards.size(); ++i)
            reveal_card(a.state.quiz, i);
        settle_and_report();
        ASSERT_FALSE(quiz_hidden(a.state.quiz).output_shape);
        for (const char* name : {"ui.play", "ui.forward", "ui.scrubber"})
            EXPECT_EQ(a.probe.anchors.at(name).x, before.at(name).x)
                << name << " moved when the question was revealed (presentation " << presentation << ")";
    }
}

// A big grid in presentation folds the notes under the arithmetic behind one button; a click opens them.
TEST_F(LayoutTargets, ABigGridFoldsTheStepNotesInPresentation) {
    start({1280, 720, 0.0f}, Language::kEnglish, true);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lessons + "/05-output-size.json", 1));
    nlohmann::json report = settle_and_report();
    ASSERT_TRUE(a.probe.anchors.count("step.notes_toggle"));
    EXPECT_FALSE(shown(report, "return_indices")) << "the argmax note is folded";
    EXPECT_TRUE(shown(report, "max(")) << "the arithmetic itself stays";
    click("step.notes_toggle");
    a.probe.anchors.clear();  // (anchors stay until drawn again)
    report = settle_and_report();
    EXPECT_TRUE(shown(report, "return_indices")) << "opened by the click";
    // A 4x4 step keeps its notes open.
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lessons + "/05-output-size.json", 0));
    a.probe.anchors.clear();
    report = settle_and_report();
    EXPECT_FALSE(a.probe.anchors.count("step.notes_toggle"));
    EXPECT_TRUE(shown(report, "return_indices"));
}

// The normal layout with a grid of more than 8 cells a side folds the legend to one button beside the view
// switch (its swatches in the tooltip); a click opens it, and a small grid shows it open.
TEST_F(LayoutTargets, ABigGridFoldsTheLegend) {
    start({1366, 768, 0.0f}, Language::kEnglish, false);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lessons + "/05-output-size.json", 1));
    nlohmann::json report = settle_and_report();
    ASSERT_TRUE(a.probe.anchors.count("matrices.legend_toggle"));
    EXPECT_FALSE(shown(report, tr("legend.overhang"), true));
    click("matrices.legend_toggle");
    a.probe.anchors.clear();  // (anchors stay until drawn again)
    report = settle_and_report();
    EXPECT_TRUE(shown(report, tr("legend.overhang"), true));
    EXPECT_FALSE(a.probe.anchors.count("matrices.legend_toggle"));
    // A 4x4 grid shows the legend open.
    a.measured.legend_open = false;
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, lessons + "/05-output-size.json", 0));
    report = settle_and_report();
    EXPECT_TRUE(shown(report, tr("legend.overhang"), true));
}

}  // namespace
}  // namespace poolscope::app
