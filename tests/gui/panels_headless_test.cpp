// Every panel drawn for a few frames in an ImGui context with no display and no GL (the font atlas is
// built in memory): catches ImGui ID clashes/asserts, and checks what the frame shows through the state
// (anchors of real widgets, the error box in place of the output, keyboard stepping through io).
#include <gtest/gtest.h>

#include <GLFW/glfw3.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include "app_state.h"
#include "fonts.h"
#include "i18n/i18n.h"
#include "panels/panels.h"
#include "playback.h"

namespace poolscope::app {
namespace {

class HeadlessUi : public ::testing::Test {
  protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
        load_fonts(fonts, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    void TearDown() override {
        ImGui::DestroyContext();
        set_language(Language::kEnglish);
        FcFini();  // fontconfig keeps its parsed configuration until told otherwise (LeakSanitizer)
    }

    void frames(AppState& state, Playback& playback, int n, int key = -1) {
        for (int i = 0; i < n; ++i) {
            ImGuiIO& io = ImGui::GetIO();
            io.DeltaTime = 1.0f / 60.0f;
            if (key >= 0) io.KeysDown[key] = (i == 0);
            ImGui::NewFrame();
            PanelContext ctx{state, playback, fonts};
            handle_shortcuts(ctx);
            advance(playback, io.DeltaTime, step_count(state));
            recompute(state, playback);
            update_traces(state, playback);
            animate(state, playback, io.DeltaTime);
            draw_main_window(ctx);
            recompute(state, playback);
            ImGui::Render();
        }
    }

    FontSet fonts;
};

TEST_F(HeadlessUi, DefaultStateDrawsEveryPanel) {
    Playback playback;
    AppState state = make_default_state();
    frames(state, playback, 4);
    for (const char* anchor : {"param.op", "param.kernel_size.h", "param.padding.h", "param.ceil_mode",
                               "ui.play", "ui.scrubber", "grid.input0", "grid.output0", "ui.fill"})
        EXPECT_TRUE(state.anchors.count(anchor)) << anchor;
    EXPECT_FALSE(state.anchors.count("ui.error_box"));
    // The input grid holds the 4x4 input plus the padding ring: 6x6 cells, square.
    const ScreenRect grid = state.anchors["grid.input0"];
    EXPECT_NEAR(grid.w, grid.h, 0.5f);
    EXPECT_GT(grid.w, 6 * 18.0f - 1);
}

TEST_F(HeadlessUi, RightArrowStepsTheTimeline) {
    Playback playback;
    AppState state = make_default_state();
    frames(state, playback, 2);
    frames(state, playback, 2, GLFW_KEY_RIGHT);
    EXPECT_EQ(playback.step, 1);
    EXPECT_EQ(state.traced_step, 1);
    ASSERT_EQ(state.traces.size(), 1u);
    EXPECT_EQ(state.traces[0].cell.ow, 1);
}

TEST_F(HeadlessUi, RejectedConfigurationShowsTheErrorBoxInstead) {
    Playback playback;
    AppState state = make_default_state();
    state.params.padding = Padding::symmetric({5, 5});
    state.dirty = true;
    frames(state, playback, 3);
    EXPECT_TRUE(state.anchors.count("ui.error_box"));
    EXPECT_FALSE(state.anchors.count("grid.output0"));
    EXPECT_TRUE(state.anchors.count("grid.input0"));  // the input is still shown and editable
}

TEST_F(HeadlessUi, EveryOpAndChannelCountDraws) {
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg, PoolOp::kAdaptiveMax, PoolOp::kAdaptiveAvg}) {
        Playback playback;
        AppState state = make_default_state();
        resize_input(state, 3, 7, 5);
        state.params.op = op;
        state.params.dilation = {2, 1};
        state.params.ceil_mode = true;
        state.params.output_size = {3, 2};
        state.params.divisor_override = 5;
        state.dirty = true;
        frames(state, playback, 2);
        jump_to(playback, step_count(state) - 1, step_count(state));
        frames(state, playback, 2);
        EXPECT_TRUE(state.plan) << op_name(op) << ": " << join_errors(state.errors);
        EXPECT_EQ(state.traces.size(), 3u) << op_name(op);
    }
}

TEST_F(HeadlessUi, ChineseInterfaceDraws) {
    set_language(Language::kChinese);
    EXPECT_TRUE(fonts.has_cjk) << "WenQuanYi Micro Hei is needed for Chinese (fonts-wqy-microhei)";
    Playback playback;
    AppState state = make_default_state();
    state.language = Language::kChinese;
    frames(state, playback, 3);
    EXPECT_TRUE(state.anchors.count("param.ceil_mode"));
}

TEST_F(HeadlessUi, UndoShortcutRestoresAnEdit) {
    Playback playback;
    AppState state = make_default_state();
    frames(state, playback, 1);
    state.input.at(0, 0, 0, 0) = 50.0f;
    commit_edit(state);
    frames(state, playback, 1);
    EXPECT_EQ(state.output.values.at(0, 0, 0, 0), 50.0f);
    ImGui::GetIO().KeyCtrl = true;
    frames(state, playback, 1, GLFW_KEY_Z);
    ImGui::GetIO().KeyCtrl = false;
    EXPECT_EQ(state.output.values.at(0, 0, 0, 0), 5.0f);
}

}  // namespace
}  // namespace poolscope::app
