// Every panel drawn for a few frames in an ImGui context with no display and no GL (the font atlas is
// built in memory): catches ImGui ID clashes/asserts, and checks what the frame shows through the state
// (anchors of real widgets, the error box in place of the output, keyboard stepping through io).
#include <gtest/gtest.h>

#include <GLFW/glfw3.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <cmath>
#include <set>

#include "frame.h"
#include "headless_app.h"
#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_player.h"
#include "model/playback.h"
#include "panels/panels.h"
#include "poolscope/generators.h"
#include "widgets/fonts.h"
#include "widgets/matrix_grid.h"

namespace poolscope::app {
namespace {

class HeadlessUi : public testing::HeadlessApp {
  protected:
    void SetUp() override {
        HeadlessApp::SetUp();
        map_keys_as_glfw();
    }

    // The window's own frame (app/frame.h), lesson player and Image view included.
    void frames(int n, int key = -1) {
        for (int i = 0; i < n; ++i) {
            ImGuiIO& io = ImGui::GetIO();
            io.DeltaTime = 1.0f / 60.0f;
            if (key >= 0) io.KeysDown[key] = (i == 0);
            FrameInput input;
            input.dt = io.DeltaTime;
            input.now = ImGui::GetTime();
            run_frame(a, std::move(input));
        }
    }

    AppState& state = a.state;
    Playback& playback = a.playback;
    std::map<std::string, ScreenRect>& anchors = a.probe.anchors;
};

TEST_F(HeadlessUi, DefaultStateDrawsEveryPanel) {
    frames(4);
    for (const char* anchor : {"param.op", "param.kernel_size.h", "param.padding.h", "param.ceil_mode",
                               "ui.play", "ui.scrubber", "grid.input0", "grid.output0", "ui.fill"})
        EXPECT_TRUE(anchors.count(anchor)) << anchor;
    EXPECT_FALSE(anchors.count("ui.error_box"));
    // The input grid holds the 4x4 input plus the padding ring: 6x6 cells, square.
    const ScreenRect grid = anchors["grid.input0"];
    EXPECT_NEAR(grid.w, grid.h, 0.5f);
    EXPECT_GT(grid.w, 6 * 18.0f - 1);
}

TEST_F(HeadlessUi, RightArrowStepsTheTimeline) {
    frames(2);
    frames(2, GLFW_KEY_RIGHT);
    EXPECT_EQ(playback.step, 1);
    EXPECT_EQ(state.computed.traced_step, 1);
    ASSERT_EQ(state.computed.traces.size(), 1u);
    EXPECT_EQ(state.computed.traces[0].cell.ow, 1);
}

TEST_F(HeadlessUi, RejectedConfigurationShowsTheErrorBoxInstead) {
    state.doc.params.padding = Padding::symmetric({5, 5});
    mark_changed(state.doc);
    frames(3);
    EXPECT_TRUE(anchors.count("ui.error_box"));
    EXPECT_FALSE(anchors.count("grid.output0"));
    EXPECT_TRUE(anchors.count("grid.input0"));  // the input is still shown and editable
}

// LPPool2d in the window: the p slider, PyTorch's value, and the step's sum of powers under the root.
TEST_F(HeadlessUi, LpPoolingShowsItsPAndTheRootOfTheSumOfPowers) {
    state.doc.input = make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value();
    state.doc.params = PoolParams{};
    state.doc.params.op = PoolOp::kLp;
    state.doc.params.kernel_size = {2, 2};
    state.doc.params.norm_type = 2.0;
    state.doc.stride_follows_kernel = true;
    mark_changed(state.doc);
    frames(3);
    EXPECT_TRUE(anchors.count("param.norm_type"));
    EXPECT_FALSE(anchors.count("ui.error_box"));
    ASSERT_TRUE(state.computed.plan);
    EXPECT_FLOAT_EQ(state.computed.output.values.at(0, 0, 0, 0),
                    6.4807405f);  // sqrt(0 + 1 + 16 + 25), as PyTorch
    ASSERT_EQ(state.computed.traces.size(), 1u);
    EXPECT_FLOAT_EQ(state.computed.traces[0].lp_scaled, 42.0f);
}

TEST_F(HeadlessUi, EveryOpAndChannelCountDraws) {
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg, PoolOp::kAdaptiveMax, PoolOp::kAdaptiveAvg, PoolOp::kLp}) {
        state = make_default_state();
        playback = {};
        resize_input(state.doc, state.interaction, 3, 7, 5);
        state.doc.params.op = op;
        state.doc.params.dilation = {2, 1};
        state.doc.params.ceil_mode = true;
        state.doc.params.output_size = {3, 2};
        state.doc.params.divisor_override = 5;
        mark_changed(state.doc);
        frames(2);
        jump_to(playback, step_count(state.computed) - 1, step_count(state.computed));
        frames(2);
        EXPECT_TRUE(state.computed.plan) << op_name(op) << ": " << join_errors(state.computed.errors);
        EXPECT_EQ(state.computed.traces.size(), 3u) << op_name(op);
    }
}

TEST_F(HeadlessUi, ChineseInterfaceDraws) {
    set_language(Language::kChinese);
    EXPECT_TRUE(a.fonts.has_cjk) << "WenQuanYi Micro Hei is needed for Chinese (fonts-wqy-microhei)";
    frames(3);
    EXPECT_TRUE(anchors.count("param.ceil_mode"));
}

TEST_F(HeadlessUi, UndoShortcutRestoresAnEdit) {
    frames(1);
    state.doc.input.at(0, 0, 0, 0) = 50.0f;
    commit_edit(state.doc);
    frames(1);
    EXPECT_EQ(state.computed.output.values.at(0, 0, 0, 0), 50.0f);
    ImGui::GetIO().KeyCtrl = true;
    frames(1, GLFW_KEY_Z);
    ImGui::GetIO().KeyCtrl = false;
    EXPECT_EQ(state.computed.output.values.at(0, 0, 0, 0), 5.0f);
}

TEST_F(HeadlessUi, AnOpenLessonDrawsItsColumnAndStepsWithPageDown) {
    ASSERT_TRUE(open_lesson_now(state, playback, std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json"));
    frames(3);
    EXPECT_TRUE(anchors.count("lesson.next"));
    EXPECT_TRUE(anchors.count("lesson.reset_step"));
    EXPECT_EQ(state.lessons.session.step, 0u);
    frames(2, GLFW_KEY_PAGE_DOWN);
    EXPECT_EQ(state.lessons.session.step, 1u);
    EXPECT_EQ(state.lessons.applied_generation, state.lessons.session.generation);  // the step is shown
}

TEST_F(HeadlessUi, ALessonThatDoesNotOpenShowsItsErrorsInTheWindow) {
    const std::string broken =
        std::string(POOLSCOPE_LESSONS_DIR) + "/../tests/lessons/fixtures/syntax_error.json";
    EXPECT_FALSE(open_lesson_now(state, playback, broken));
    frames(3);
    ASSERT_TRUE(state.lessons.failed_open);
    EXPECT_NE(state.lessons.failed_open->errors.at(0).field.find("syntax_error.json:4:9"), std::string::npos);
    EXPECT_TRUE(anchors.count("lesson.try_again"));  // the lesson column is up, with the errors
    EXPECT_TRUE(anchors.count("lesson.dismiss"));
    dismiss_failed_open(state.lessons);
    frames(2);
    anchors.clear();
    frames(1);
    EXPECT_FALSE(anchors.count("lesson.try_again"));
}

TEST_F(HeadlessUi, AnOpenPictureDrawsTheImageViewPooledOnTheCpu) {
    // No GL here: the pooler was never started on the GPU, so the core pools the picture.
    ASSERT_TRUE(open_picture(image_view(a), std::string(POOLSCOPE_ASSETS_DIR) + "/images/patterns.png"));
    frames(3);
    EXPECT_TRUE(anchors.count("image_view.original"));
    EXPECT_TRUE(anchors.count("image_view.result"));
    EXPECT_TRUE(anchors.count("image_view.as_matrix"));
}

// One value looks the same in every cell of a grid. Cells of 18.7 px have whole-pixel boxes 17 or 18 px wide,
// and a number sized from its own box came out a pixel larger in one cell than the next, or not at all where
// the narrower box put it under the smallest readable size: the Backward view's 8x8 grad_input at 1366x768
// showed "0.222" in some cells and left others empty.
TEST_F(HeadlessUi, OneValueIsDrawnTheSameInEveryCellOfAGrid) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 200));
    ImGui::Begin("cells");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    GridLayout grid{0, 0, 1, 8, 18.7f};
    grid.origin = ImVec2(20.3f, 40.6f);
    const CellStyle style{IM_COL32_WHITE, IM_COL32_BLACK, IM_COL32_BLACK};
    std::set<int> widths, vertex_counts, glyph_heights;
    for (int64_t col = 0; col < grid.cols; ++col) {
        const CellBox box = cell_box(grid, 0, col, style);
        widths.insert(int(box.max.x - box.min.x));
        const int first = draw->VtxBuffer.Size;
        draw_cell(draw, grid, 0, col, style, "0.222", a.fonts.numbers);
        vertex_counts.insert(draw->VtxBuffer.Size - first);
        const ImDrawVert& last = draw->VtxBuffer[draw->VtxBuffer.Size - 2];  // the last glyph's bottom right
        const ImDrawVert& top = draw->VtxBuffer[draw->VtxBuffer.Size - 4];   // ... and its top left
        glyph_heights.insert(int(std::lround(last.pos.y - top.pos.y)));
    }
    ImGui::End();
    ImGui::EndFrame();
    EXPECT_EQ(widths.size(), 2u) << "the boxes should differ by a pixel for this test to mean anything";
    ASSERT_EQ(vertex_counts.size(), 1u) << "some cells drew the value and some did not";
    EXPECT_GT(*vertex_counts.begin(), 5 * 4) << "no text: only the cell's five quads";
    EXPECT_EQ(glyph_heights.size(), 1u) << "the value drawn at two sizes";
}

}  // namespace
}  // namespace poolscope::app

namespace poolscope::app {
namespace {

// A lesson in a script the fonts lack (here Ethiopic, and an emoji beyond ImGui's 16-bit characters) is drawn
// with '?' or '�': the status line says how many, once; text the fonts have (Cyrillic, Chinese) does not
// count.
TEST_F(HeadlessUi, CharactersNoFontHasAreCountedAndNamedInTheStatusLine) {
    EXPECT_TRUE(request_glyphs(a.fonts, "Привет 池化"));
    load_fonts(a.fonts, 1.0f);
    EXPECT_EQ(a.fonts.unshowable, 0);
    note_unshowable_glyphs(a.fonts, a.state.interaction);
    EXPECT_TRUE(a.state.interaction.status.empty());

    EXPECT_TRUE(request_glyphs(a.fonts, "ሰላም 😀"));
    load_fonts(a.fonts, 1.0f);
    EXPECT_EQ(a.fonts.unshowable, 4);  // ሰ ላ ም and the emoji
    note_unshowable_glyphs(a.fonts, a.state.interaction);
    EXPECT_EQ(
        a.state.interaction.status,
        "4 characters of this text are in none of the app's fonts and cannot be drawn (shown as ? or �)");
    EXPECT_TRUE(a.state.interaction.status_is_error);
    a.state.interaction.status.clear();
    load_fonts(a.fonts, 1.25f);  // a rebuild at another scale: nothing new to say
    note_unshowable_glyphs(a.fonts, a.state.interaction);
    EXPECT_TRUE(a.state.interaction.status.empty());
}

// A cell's value is drawn from the numbers font loaded nearest its size, at that font's own size: one atlas
// texel per pixel, on whole pixels. Shrinking a larger size skipped texels of the mipmap-less atlas (a 32-px
// digit drawn 9 px high in a big grid's 17-px cell lost strokes: a 3 looked like a 2), and a glyph between
// pixels needs the bilinear filter, which the renderer spares glyphs on whole texels (draw_renderer.h).
TEST_F(HeadlessUi, CellValuesAreDrawnFromTheNumbersFontNearestTheirSize) {
    ASSERT_NE(a.fonts.numbers, a.fonts.ui) << "no DejaVu Sans: the numbers have no font of their own";
    const SizedFont ui = font_for_size(a.fonts.ui, 9.0f);
    EXPECT_EQ(ui.font, a.fonts.ui);  // one size only: itself, at the size asked for
    EXPECT_EQ(ui.size, 9.0f);
    const SizedFont huge = font_for_size(a.fonts.numbers, 90.0f);
    EXPECT_EQ(huge.font, a.fonts.numbers);  // above every size: the largest, scaled
    EXPECT_EQ(huge.size, 90.0f);
    const SizedFont between = font_for_size(a.fonts.numbers, 25.5f);
    EXPECT_EQ(between.size, between.font->FontSize);  // the nearest size, at its own size
    EXPECT_LE(between.size, 25.5f * 1.05f);
    EXPECT_GE(between.size, 25.5f * 0.95f);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(200, 200));
    ImGui::Begin("cells");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    for (float cell : {17.0f, 22.0f, 30.0f, 40.0f, 61.0f}) {
        const int first = draw->VtxBuffer.Size;
        draw_fitted_text(draw, a.fonts.numbers, ImVec2(20, 40), ImVec2(20 + cell, 40 + cell), IM_COL32_BLACK,
                         "7");
        ASSERT_EQ(draw->VtxBuffer.Size, first + 4) << cell;  // one glyph quad
        const ImDrawVert& top_left = draw->VtxBuffer[first];
        const ImDrawVert& bottom_right = draw->VtxBuffer[first + 2];
        // One atlas texel per pixel, each way, from a whole pixel.
        const float texels = (bottom_right.uv.y - top_left.uv.y) * float(atlas.TexHeight);
        const float pixels = bottom_right.pos.y - top_left.pos.y;
        EXPECT_EQ(texels, pixels) << "a " << cell << "-px cell";
        EXPECT_EQ((bottom_right.uv.x - top_left.uv.x) * float(atlas.TexWidth),
                  bottom_right.pos.x - top_left.pos.x)
            << "a " << cell << "-px cell";
        EXPECT_EQ(top_left.pos.x, std::floor(top_left.pos.x)) << "a " << cell << "-px cell";
        EXPECT_EQ(top_left.pos.y, std::floor(top_left.pos.y)) << "a " << cell << "-px cell";
        EXPECT_GT(pixels, cell * 0.3f) << "a " << cell << "-px cell";  // still a readable digit
    }
    ImGui::End();
    ImGui::EndFrame();
}

}  // namespace
}  // namespace poolscope::app
