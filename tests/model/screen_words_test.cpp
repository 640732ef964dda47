// The screen's sentences in both languages: the window position is never called a "Step" (the lesson's
// word), there is one clear line without output, and floor's dropped cells are named by kind.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "i18n/i18n.h"
#include "i18n/screen_words.h"
#include "poolscope/pool_plan.h"

namespace poolscope::app {
namespace {

class ScreenWords : public ::testing::TestWithParam<Language> {
  protected:
    void SetUp() override { set_language(GetParam()); }
    void TearDown() override { set_language(Language::kEnglish); }
    // The lesson's own step counter, as the lesson column shows it.
    static std::string lesson_step(int step, int total) {
        char text[128];
        std::snprintf(text, sizeof text, tr("lesson.step_of_fmt"), step, total);
        return text;
    }
};

TEST_P(ScreenWords, TheWindowPositionIsNotTheLessonStep) {
    const std::string window = window_position_text(1, 4, OutputCell{0, 0, 0, 1});
    const std::string step = lesson_step(2, 4);
    // The lesson's "Step 2 of 4" (第 2 步，共 4 步) must not be how the window position reads.
    EXPECT_EQ(window.find(step), std::string::npos) << window;
    const std::string step_word = step.substr(0, step.find(' '));  // "Step" / "第"
    EXPECT_NE(window.rfind(step_word, 0), 0u) << window << " starts like the lesson's " << step;
    EXPECT_NE(window.find("(0, 1)"), std::string::npos) << window;
    EXPECT_NE(window.find('2'), std::string::npos);
    EXPECT_NE(window.find('4'), std::string::npos);
    // The step panel's header starts with the same words as the timeline.
    char header[256];
    std::snprintf(header, sizeof header, tr("step.header_fmt"), 2, 4, 0, 1, 0, 2, 1, 3);
    EXPECT_EQ(std::string(header).rfind(window, 0), 0u) << header << " vs " << window;
    EXPECT_EQ(timeline_label(1, 4, OutputCell{0, 0, 0, 1}, true), window);
}

TEST_P(ScreenWords, NoOutputIsOneLineWithoutNumbers) {
    const std::string label = timeline_label(4, 0, OutputCell{}, false);
    EXPECT_EQ(label, tr("window.no_output"));
    EXPECT_EQ(label.find('/'), std::string::npos) << label;  // not "no output 5 / 0"
    EXPECT_EQ(label.find('\n'), std::string::npos);
    EXPECT_EQ(label.find_first_of("0123456789"), std::string::npos) << label;

    PoolParams p;
    p.kernel_size = {5, 5};
    Result<PoolPlan> plan = make_plan(Shape{1, 1, 4, 4}, p);
    ASSERT_FALSE(plan);
    const std::string reason = no_output_text(plan.errors());
    EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
    EXPECT_GT(reason.size(), label.size()) << "the line carries PyTorch's first reason: " << reason;
}

TEST_P(ScreenWords, FloorNamesWhatItDrops) {
    // D2L: 4 wide, kernel 3, stride 2, padding 1: floor drops the end padding only.
    const std::string padding = floor_drop_text(explain_axis(4, 3, 2, 1, 1, 1, false));
    char expected[256];
    std::snprintf(expected, sizeof expected, tr("formula.floor_drops_padding_fmt"), 1);
    EXPECT_EQ(padding, expected);
    // 5 wide, kernel 2, stride 2: input cell 4 is never read.
    std::snprintf(expected, sizeof expected, tr("formula.floor_drops_input_fmt"), 1);
    EXPECT_EQ(floor_drop_text(explain_axis(5, 2, 2, 0, 0, 1, false)), expected);
    // 6 wide, kernel 2, stride 4, padding 1: windows -1..0 and 3..4; input 5 and the end padding are left.
    std::snprintf(expected, sizeof expected, tr("formula.floor_drops_both_fmt"), 1, 1);
    EXPECT_EQ(floor_drop_text(explain_axis(6, 2, 4, 1, 1, 1, false)), expected);
    // Nothing dropped, and ceil_mode (which reaches the end) say nothing.
    EXPECT_EQ(floor_drop_text(explain_axis(4, 2, 2, 0, 0, 1, false)), "");
    EXPECT_EQ(floor_drop_text(explain_axis(5, 2, 2, 0, 0, 1, true)), "");
    EXPECT_NE(padding, floor_drop_text(explain_axis(5, 2, 2, 0, 0, 1, false)));
}

INSTANTIATE_TEST_SUITE_P(BothLanguages, ScreenWords,
                         ::testing::Values(Language::kEnglish, Language::kChinese),
                         [](const auto& info) { return std::string(language_code(info.param)); });

}  // namespace
}  // namespace poolscope::app
