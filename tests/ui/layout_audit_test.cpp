// The layout audit (label layout): every shipped lesson step, in English and Chinese, at 1280×720 and
// 1920×1080, drawn by the window's own frame without a display, then read back through the state report
// (--state-out's JSON). Fails on any clipped key text (layout.clipped_text), on a step whose window shows
// something other than its expected result (the lesson badge), on normal-mode input cells under 1.6× the UI
// font for one-channel grids up to 8×8 with their ring (at 1280×720, 1366×768, 1280×800, 1920×1080), and on
// presentation-mode cells below the sizes a classroom needs (36 px at 1280×720, 48 px at 1920×1080, 4×4).
#include "layout_audit_fixture.h"

namespace poolscope::app {
namespace {

TEST_F(LayoutAudit, EveryLessonStepFitsEveryScreenInBothLanguages) {
    int drawn = 0;
    std::vector<std::string> problems;
    for (const Screen& screen : kScreens) {
        for (Language language : {Language::kEnglish, Language::kChinese}) {
            start(screen, language, false);
            if (language == Language::kChinese) {
                ASSERT_TRUE(a.fonts.has_cjk) << "a Chinese font is needed (fonts-wqy-microhei)";
            }
            for (std::string& p : audit_lessons(screen, language, false, 1000, drawn))
                problems.push_back(std::move(p));
        }
    }
    EXPECT_GT(drawn, 8 * 40);  // every shipped step, eight times
    EXPECT_GT(readable_checked, 8 * 20) << "the readable-cell minimum went unchecked";
    EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s) in " << drawn << " drawn steps:\n"
                                  << joined(problems);
}

TEST_F(LayoutAudit, PresentationModeIsReadableFromTheBackOfTheRoom) {
    int drawn = 0;
    std::vector<std::string> problems;
    for (const Screen& screen : kScreens) {
        if (screen.min_presentation_cell <= 0) continue;
        for (Language language : {Language::kEnglish, Language::kChinese}) {
            start(screen, language, true);
            for (std::string& p : audit_lessons(screen, language, true, 3, drawn))  // the first steps
                problems.push_back(std::move(p));
        }
    }
    EXPECT_GT(drawn, 4 * 20);
    EXPECT_GT(cells_checked, 4) << "no 4x4 input step among those drawn: the cell size went unchecked";
    EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s) in " << drawn << " drawn steps:\n"
                                  << joined(problems);
}

// The audit must be able to fail: a window far smaller than any classroom screen cuts the walkthrough, and
// the report says so.
TEST_F(LayoutAudit, ASmallWindowReportsItsClippedText) {
    start({700, 420, 0.0f}, Language::kEnglish, false);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback,
                                std::string(POOLSCOPE_LESSONS_DIR) + "/02-padding-and-stride.json", 3));
    const nlohmann::json report = settle_and_report();
    EXPECT_FALSE(report["layout"]["clipped_text"].empty()) << report["layout"].dump(1);
    EXPECT_GT(report["layout"]["cell_px"].get<float>(), 0.0f);
}

// Lesson 02 step 4 (MXNet, a 6×8 grid with its ring) at 1280×720: the matrices keep readable cells because
// the walkthrough's side notes fold; opened again by the student (the panel's toggle), they show whole.
TEST_F(LayoutAudit, TheWalkthroughNotesFoldForTheCellsAndOpenWhole) {
    start({1280, 720, 0.0f}, Language::kEnglish, false);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback,
                                std::string(POOLSCOPE_LESSONS_DIR) + "/02-padding-and-stride.json", 3));
    nlohmann::json report = settle_and_report();
    EXPECT_TRUE(a.measured.notes_folded);
    EXPECT_GE(report["layout"]["cell_px"].get<float>(), kReadableFonts * a.fonts.ui->FontSize);
    a.measured.notes_folded = false, a.measured.notes_user = true;  // what the toggle does
    report = settle_and_report();
    EXPECT_FALSE(a.measured.notes_folded);
    EXPECT_TRUE(report["layout"]["clipped_text"].empty()) << report["layout"].dump(1);
}

// The Image view is docked: a tab in the centre, between the timeline and the bottom row, beside the
// parameters; "As matrix" brings the matrices forward; File → Open picture is the app's one file dialog.
TEST_F(LayoutAudit, TheImageViewIsATabBesideTheMatrices) {
    start({1280, 800, 0.0f}, Language::kEnglish, false);
    ImageView& pictures = image_view(a);
    pictures.sample_dir = std::filesystem::path(POOLSCOPE_LESSONS_DIR) / ".." / "assets" / "images";
    ASSERT_TRUE(open_picture(pictures, pictures.sample_dir / "landscape.png"));
    settle_and_report();
    a.probe.anchors.clear();
    settle_and_report();
    ASSERT_TRUE(a.probe.anchors.count("image_view.as_matrix"));
    EXPECT_FALSE(a.probe.anchors.count("grid.input0"));  // the Image view's tab is in front
    const ScreenRect button = a.probe.anchors["image_view.as_matrix"];
    const ScreenRect sidebar = a.probe.anchors["param.op"], play = a.probe.anchors["ui.play"];
    EXPECT_GT(button.x, sidebar.x + sidebar.w);      // not floating over the parameters
    EXPECT_GT(button.y, play.y + play.h);            // under the timeline
    EXPECT_LT(button.y + button.h, 800.0f * 0.75f);  // above the bottom row

    pictures.show_matrices = true;  // what "As matrix" sets after taking the crop
    settle_and_report();
    a.probe.anchors.clear();
    settle_and_report();
    EXPECT_TRUE(a.probe.anchors.count("grid.input0"));
    EXPECT_FALSE(a.probe.anchors.count("image_view.as_matrix"));

    // In presentation's narrow card (the browser's 1366x650) the display options fold behind one button
    // inside the panel (they once ran off its right edge, "Fit" and the zoom unreachable, then took two
    // lines of the picture's height); its popup holds them, Fit on screen.
    start({1366, 650, 0.0f}, Language::kEnglish, true);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback,
                                std::string(POOLSCOPE_LESSONS_DIR) + "/pooling_a_picture.json", 4));
    pictures.bring_forward = true;  // the Image view's tab in front again, beside the lesson column
    for (int i = 0; i < 2; ++i)
        a.probe.anchors.clear(), settle_and_report();
    ASSERT_TRUE(a.probe.anchors.count("image_view.options"));
    EXPECT_FALSE(a.probe.anchors.count("image_view.fit"));
    const ScreenRect options = a.probe.anchors["image_view.options"];
    const ScreenRect content = a.probe.anchors["image_view.content"];
    EXPECT_LE(options.x + options.w, content.x + content.w + 0.5f) << "Options ends past the panel's edge";
    EXPECT_LT(options.y, content.y + ImGui::GetFrameHeight()) << "on the tools' one line";
    click_at(ImVec2(options.x + options.w * 0.5f, options.y + options.h * 0.5f));
    a.probe.anchors.clear(), settle_and_report();
    ASSERT_TRUE(a.probe.anchors.count("image_view.fit")) << "the options' popup did not open";
    const ScreenRect fit = a.probe.anchors["image_view.fit"];
    EXPECT_LE(fit.x + fit.w, 1366.0f);
    EXPECT_LE(fit.y + fit.h, 650.0f);
    ImGui::ClosePopupsExceptModals();
    ASSERT_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));  // (the picker's check below means it)

    PanelContext ctx{a.state, a.playback, a.fonts, a.measured, a.shell.dir, a.probe, a.windows};
    show_open_picture(ctx);  // File → Open picture
    settle_and_report();
    bool lists_the_sample = false;
    for (const DirEntry& e : file_dialog(a).model.entries)
        lists_the_sample |= e.name == "landscape.png";
    EXPECT_TRUE(lists_the_sample);
    EXPECT_EQ(file_dialog(a).asked_by, "open_picture");
    EXPECT_TRUE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));  // the picker is up
}

// The picture in front on the browser's laptop screen (1366x650): the rows under it leave its panes room
// (their text scrolls), and presentation drops the panel's heading, as it does the rows', and folds the
// display options behind one button. The picture was 142-172 px high in the normal layout and 40-62 px in
// presentation, under its own tools.
TEST_F(LayoutAudit, ThePictureKeepsItsRoomOnALaptopScreen) {
    ImageView& pictures = image_view(a);
    pictures.sample_dir = std::filesystem::path(POOLSCOPE_LESSONS_DIR) / ".." / "assets" / "images";
    for (const bool presentation : {false, true})
        for (const Language language : {Language::kEnglish, Language::kChinese}) {
            start({1366, 650, 0.0f}, language, presentation);
            ASSERT_TRUE(open_lesson_now(a.state, a.playback,
                                        std::string(POOLSCOPE_LESSONS_DIR) + "/pooling_a_picture.json", 0));
            pictures.bring_forward = true;
            for (int i = 0; i < 2; ++i)
                a.probe.anchors.clear(), settle_and_report();
            const std::string where =
                std::string(presentation ? "presentation " : "") + language_code(language);
            ASSERT_TRUE(a.probe.anchors.count("image_view.original")) << where;
            const ScreenRect pane = a.probe.anchors["image_view.original"];
            EXPECT_GE(pane.h, presentation ? 150.0f : 200.0f) << where;
            for (const ImGuiWindow* w : GImGui->Windows)
                if (w->WasActive && std::string(w->Name).find("##image_view") != std::string::npos) {
                    EXPECT_FALSE(w->ScrollbarY) << where << ": the Image view scrolls";
                }
            EXPECT_TRUE(a.measured.step > 0.0f) << where << ": the step row is still drawn";
        }
}

// The grids' fit on its own: cells follow the room and the channel count.
TEST(GridFit, CellsFollowTheRoomAndTheChannels) {
    GridFitInput room;
    room.width = 800, room.height = 400, room.gap = 32, room.label_h = 24, room.output_label_w = 200;
    room.in_rows = 6, room.in_cols = 6, room.out_rows = 2, room.out_cols = 2;
    const GridFit one = fit_grids(room);
    room.channels = 3;
    const GridFit three = fit_grids(room);
    EXPECT_LT(three.cell, one.cell);
    room.channels = 1, room.width *= 1.5f, room.height *= 1.5f;
    EXPECT_GT(fit_grids(room).cell, one.cell);  // a bigger screen, bigger cells
    // Tall and narrow: channels wrap into rows rather than shrinking to a strip.
    GridFitInput tall = room;
    tall.width = 400, tall.height = 1600, tall.channels = 4;
    EXPECT_LT(fit_grids(tall).per_row, 4);
    // Wide and short: the output goes beside its input.
    GridFitInput wide = room;
    wide.width = 1600, wide.height = 300;
    EXPECT_TRUE(fit_grids(wide).side_by_side);
    wide.out_rows = wide.out_cols = 0;  // no output (a rejected layer): only the input is fitted
    EXPECT_FALSE(fit_grids(wide).side_by_side);
}

// Presentation's output has no label of its own: under its input it needs only the input's label line, so
// three padded 8x8 channels at 1280x720 take the taller cells under rather than squeezing beside.
TEST(GridFit, AnOutputWithoutALabelGoesUnderForLess) {
    GridFitInput room;
    room.width = 1180, room.height = 400, room.gap = 24, room.label_h = 34, room.channels = 3;
    room.in_rows = room.in_cols = 10, room.out_rows = room.out_cols = 4;
    room.output_label = false;
    const GridFit unlabelled = fit_grids(room);
    EXPECT_FALSE(unlabelled.side_by_side);
    EXPECT_FLOAT_EQ(unlabelled.cell, (400.0f - 34.0f * 1.5f) / 14.0f);
    room.output_label = true;  // its label line costs a row of the room
    EXPECT_LT(fit_grids(room).cell, unlabelled.cell);
}

// The report names each panel once: a shape step's walkthrough is drawn in the formula window and in the
// lesson column, and both say "formula".
TEST(ProbeRecord, APanelDrawnInTwoPlacesIsNamedOnce) {
    ProbeRecord probe;
    probe.panel_shown("formula");
    probe.panel_shown("matrices");
    probe.panel_shown("formula");
    EXPECT_EQ(probe.panels_shown, (std::vector<std::string>{"formula", "matrices"}));
    probe.new_frame();
    EXPECT_TRUE(probe.panels_shown.empty());
}

// A row of grids under labels: a label wider than its grid is a fixed width until the cells outgrow it.
TEST(GridFit, ARowOfGridsCountsTheLabelsWiderThanTheirGrids) {
    const LabelledGrid bare[] = {{4, 0.0f}, {2, 0.0f}, {4, 0.0f}};
    EXPECT_FLOAT_EQ(row_cell_for_width(bare, 500.0f, 3.0f), 500.0f / 13.0f);
    // "grad_output c0" over two cells: 100 px until the cells pass 50 px.
    const LabelledGrid labelled[] = {{4, 60.0f}, {2, 100.0f}, {4, 0.0f}};
    EXPECT_FLOAT_EQ(row_cell_for_width(labelled, 500.0f, 3.0f), (500.0f - 100.0f) / 11.0f);
    // Wide enough that every grid outgrows its label: the labels no longer count.
    EXPECT_FLOAT_EQ(row_cell_for_width(labelled, 1300.0f, 3.0f), 100.0f);
    // Labels wider than the room: nothing fits.
    const LabelledGrid too_wide[] = {{4, 300.0f}, {2, 300.0f}};
    EXPECT_EQ(row_cell_for_width(too_wide, 500.0f, 1.0f), 0.0f);
    // Presentation's three 8x8 padded channels: "c2: 8 × 8 → 4 × 4" (250 px) over 10 cells.
    const LabelledGrid input{10, 250.0f};
    EXPECT_FLOAT_EQ(row_cell_for_width({&input, 1}, 369.0f, 0.0f), 36.9f);
    EXPECT_FLOAT_EQ(row_cell_for_width({&input, 1}, 240.0f, 0.0f), 0.0f);
}

// What a fit should be: its cell, blocks a row, stacked or not, and whether it fits the height.
void expect_pass_fit(const PassFit& fit, float cell, int64_t per_row, bool stacked, bool fits) {
    EXPECT_FLOAT_EQ(fit.cell, cell);
    EXPECT_EQ(fit.per_row, per_row);
    EXPECT_EQ(fit.stacked, stacked);
    EXPECT_EQ(fit.fits, fits);
}

// The Backward and MaxUnpool views: three 8x8 channels, each a block of an input, a 4x4 output and an 8x8
// result, side by side where the panel is wide (at 1920x1080 they went one under another, 22 px cells, half
// the panel empty).
TEST(GridFit, PassBlocksGoSideBySideWhereThePanelIsWide) {
    PassFitInput room;
    room.width = 1600.0f, room.height = 700.0f, room.label_h = 20.0f;
    room.channels = 3;
    room.grids[0] = {8, 0.0f}, room.grids[1] = {4, 0.0f}, room.grids[2] = {8, 0.0f};
    room.rows = 8;
    room.min_cell = 17.6f, room.max_cell = 80.0f;
    // One a row: 700/3 px a block, (233.3 - 1.4 x 20) / 8 = 25.7 px. Two a row: 40 cells and 7 of gaps
    // across (a cell after each grid, two between blocks): 1600 / 47 = 34.0 px; their height allows 40.3.
    expect_pass_fit(fit_pass_blocks(room), 1600.0f / 47.0f, 2, false, true);
    // Stacked (input and output over the result), three a row: 36 cells and 8 of gaps, 36.4 px: more, but
    // not 10 % more, so the line of three stays; asked for any gain, the stack wins.
    expect_pass_fit(fit_pass_blocks(room, 1.0f), 1600.0f / 44.0f, 3, true, true);
    // The third grid's note (the Backward view's share, 300 px where its grid is narrower) needs its room
    // before the next block, not after the last: two a row, 32 cells, 7 of gaps and the one note in 1600 px.
    room.note_w = 300.0f;
    expect_pass_fit(fit_pass_blocks(room), 1300.0f / 39.0f, 2, false, true);
    room.note_w = 0.0f;
    // A panel too small for every block even at the minimum cell: one block a row at the minimum, scrolling
    // down, never sideways (two a row would need 47 x 17.6 = 827 px, two stacks 29 x 17.6 = 510 px but
    // would scroll too).
    room.width = 600.0f, room.height = 400.0f;
    expect_pass_fit(fit_pass_blocks(room), 17.6f, 1, false, false);
    // At 800 px three stacks a row fit the width at 800 / 44 = 18.2 px and the height (21.5): less than
    // 10 % over the minimum the line is held to, but the line would scroll, so the stacks win.
    room.width = 800.0f;
    expect_pass_fit(fit_pass_blocks(room), 800.0f / 44.0f, 3, true, true);
    // Wide enough for two a row above the minimum: 900 / 47 = 19.1 px, and two rows of blocks fit the
    // height (21.5 px) where three did not.
    room.width = 900.0f;
    expect_pass_fit(fit_pass_blocks(room), 900.0f / 47.0f, 2, false, true);
    // One small channel with labels wider than its grids: the cell stops at the largest allowed.
    PassFitInput one;
    one.width = 1000.0f, one.height = 600.0f, one.label_h = 20.0f, one.rows = 2, one.max_cell = 80.0f;
    one.grids[0] = {2, 100.0f}, one.grids[1] = {1, 120.0f}, one.grids[2] = {2, 150.0f};
    expect_pass_fit(fit_pass_blocks(one), 80.0f, 1, false, true);
}

// The minimum cell gives way to a fit just under it (a scrollbar for a pixel or two would hide the last
// output), not to one far under it (a huge input scrolls).
TEST(GridFit, TheMinimumGivesWayOnlyToATightFit) {
    EXPECT_FLOAT_EQ(drawn_cell(24.6f, 26.4f, 120.0f), 24.6f);
    EXPECT_FLOAT_EQ(drawn_cell(26.4f * kTightFit, 26.4f, 120.0f), 26.4f * kTightFit);
    EXPECT_FLOAT_EQ(drawn_cell(10.0f, 26.4f, 120.0f), 26.4f);
    EXPECT_FLOAT_EQ(drawn_cell(40.0f, 26.4f, 120.0f), 40.0f);
    EXPECT_FLOAT_EQ(drawn_cell(200.0f, 26.4f, 120.0f), 120.0f);
}

// Space follows content (issue 27): lesson 05 step 5's 10×10 padded grid at 1366×768 had 22 px cells under
// a 250 px text row while the room right of its output stayed empty. With the timeline in the menu bar it
// now gets 30 px there under the rows; in the browser's shorter 1366×650 the step and the walkthrough go
// beside it. A two-channel step, whose grids need the width, keeps whichever placement fits it better.
TEST_F(LayoutAudit, ATallGridTakesTheHeightAndTheTextGoesBesideIt) {
    start({1366, 650, 0.0f}, Language::kEnglish, false);
    const std::string dir = POOLSCOPE_LESSONS_DIR;
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, dir + "/05-output-size.json", 4));
    nlohmann::json report = settle_and_report();
    EXPECT_TRUE(report["layout"]["rows_beside"].get<bool>());
    EXPECT_GE(report["layout"]["cell_px"].get<float>(), 30.0f);
    EXPECT_TRUE(report["layout"]["clipped_text"].empty()) << report["layout"]["clipped_text"];
    const nlohmann::json panels = report["layout"]["panels_shown"];
    for (const char* panel : {"timeline", "matrices", "step", "formula"})
        EXPECT_NE(std::find(panels.begin(), panels.end(), panel), panels.end()) << panel << " in " << panels;
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, dir + "/03-multiple-channels.json", 1));
    report = settle_and_report();
    // Two channels side by side: whichever placement it settles on is the one that really fitted no less.
    const MeasuredHeights& m = a.measured;
    ASSERT_GT(m.seen_under, 0.0f);
    if (report["layout"]["rows_beside"].get<bool>()) {
        EXPECT_GE(m.seen_beside, m.seen_under);
    }
    EXPECT_GE(report["layout"]["cell_px"].get<float>(), kReadableFonts * a.fonts.ui->FontSize);
}

// Presentation's text column beside an input with no output grid (an open shape question): the input keeps to
// the left of the column, and a column taller than the room fits nothing.
TEST(GridFit, ATextColumnBesideAnInputWithoutItsOutput) {
    GridFitInput room;
    room.width = 800, room.height = 500, room.gap = 24, room.label_h = 30;
    room.in_rows = room.in_cols = 10;
    room.text_w = 300, room.text_h = 200;
    const GridFit fit = fit_grids(room);
    EXPECT_TRUE(fit.side_by_side);
    EXPECT_FLOAT_EQ(fit.cell, std::min((800.0f - 24.0f - 300.0f) / 11.0f, (500.0f - 30.0f * 1.2f) / 10.0f));
    room.text_h = 480;  // taller than the room beside the input
    EXPECT_EQ(fit_grids(room).cell, 0.0f);
    room.text_w = room.text_h = 0;  // no column: the input alone, one label over it
    EXPECT_FALSE(fit_grids(room).side_by_side);
    EXPECT_FLOAT_EQ(fit_grids(room).cell,
                    std::min((800.0f - 24.0f) / 10.0f, (500.0f - 30.0f * 1.3f) / 10.0f));
}

// The text column's height at a width: as measured there, or from the nearest width measured, its area kept.
TEST(RowRoom, TheTextHeightIsKeptPerWidthTried) {
    MeasuredHeights m;
    const float font = 20.0f;
    EXPECT_FLOAT_EQ(text_room(m, 300.0f, font), font * 10.0f);  // nothing measured: a guess
    remember_text_height(m, 300.0f, font, 400.0f);              // 15 fonts wide
    EXPECT_FLOAT_EQ(text_room(m, 300.0f, font), 400.0f + font * 0.5f);
    EXPECT_FLOAT_EQ(text_room(m, 200.0f, font), 400.0f * 15.0f / 10.0f + font * 0.5f);  // narrower: taller
    EXPECT_FLOAT_EQ(text_room(m, 400.0f, font), 400.0f * 15.0f / 20.0f + font * 0.5f);  // wider: shorter
    remember_text_height(m, 400.0f, font, 330.0f);  // measured there: what it really needed
    EXPECT_FLOAT_EQ(text_room(m, 400.0f, font), 330.0f + font * 0.5f);
    EXPECT_FLOAT_EQ(text_room(m, 300.0f, font), 400.0f + font * 0.5f);  // the other width is kept
}

// The rows go beside the matrices only when what the panel really fitted says it helps, and come back.
TEST(RowRoom, TheTextColumnIsTriedWhenPredictedBetterAndKeptOnlyWhenItIs) {
    MeasuredHeights m;
    m.grids.gap = 32, m.grids.label_h = 20, m.grids.output_label_w = 180;
    m.grids.in_rows = m.grids.in_cols = 10, m.grids.out_rows = m.grids.out_cols = 4;
    m.grids_extra_w = 20, m.grids_extra_h = 110;
    // Nothing settled under yet: wait.
    EXPECT_FALSE(place_rows(m, 700, 640, 250, 8, 16, false).beside);
    m.seen_under = 22.0f;  // under, settled: the column is predicted far better, so it is tried
    const RowPlacement tried = place_rows(m, 700, 640, 250, 8, 16, false);
    EXPECT_TRUE(tried.beside);
    EXPECT_GT(tried.cell_beside, 22.0f * 1.12f);
    EXPECT_FLOAT_EQ(tried.side_w, 16.0f * 17.0f);  // 17 em: the arithmetic's terms stay on their lines
    EXPECT_TRUE(place_rows(m, 700, 640, 250, 8, 16, true).beside);  // kept until it settled
    m.seen_beside = 30.0f;
    EXPECT_TRUE(place_rows(m, 700, 640, 250, 8, 16, true).beside);
    m.seen_beside = 20.0f;  // it really gave less: back under, and not tried again
    EXPECT_FALSE(place_rows(m, 700, 640, 250, 8, 16, true).beside);
    EXPECT_FALSE(place_rows(m, 700, 640, 250, 8, 16, false).beside);
    // Too narrow for a text column beside the grids.
    EXPECT_FALSE(place_rows(m, 400, 640, 250, 8, 16, false).beside);
}

// The height the rows leave the matrices: the least at which the grids reach the readable cell.
TEST(RowRoom, TheMatricesGetTheHeightReadableCellsNeed) {
    MeasuredHeights m;
    EXPECT_EQ(matrices_height_for(m, 600, 26), 0.0f);  // nothing fitted yet: nothing held
    m.grids.gap = 32, m.grids.label_h = 20, m.grids.output_label_w = 180;
    m.grids.in_rows = 6, m.grids.in_cols = 8, m.grids.out_rows = 3, m.grids.out_cols = 2;
    m.grids_extra_w = 20, m.grids_extra_h = 110;  // the view switch, the legend, padding
    const float cell = readable_cell(m, 16.0f);
    EXPECT_FLOAT_EQ(cell, 16.0f * 1.65f);
    const float h = matrices_height_for(m, 640, cell);
    GridFitInput room = m.grids;
    room.width = 640 - m.grids_extra_w;
    room.height = h - m.grids_extra_h;
    EXPECT_GE(fit_grids(room).cell, cell);
    room.height -= 2.0f;
    EXPECT_LT(fit_grids(room).cell, cell);
    // A 16×16 grid is held to the height an 8×8 one would take, not to 16 readable rows.
    m.grids.in_rows = m.grids.in_cols = 16;
    EXPECT_FLOAT_EQ(readable_cell(m, 16.0f), 16.0f * 1.65f * 0.5f);
}

}  // namespace
}  // namespace poolscope::app
