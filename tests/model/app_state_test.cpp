// GUI-free app logic: AppState recompute/edits/undo, the step <-> output cell mapping, Playback, and the
// window's command-line options.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/app_state.h"
#include "model/clipboard_text.h"
#include "model/network_model.h"
#include "model/playback.h"
#include "model/quiz_session.h"
#include "parse_options.h"

namespace poolscope::app {
namespace {

AppState fresh(Playback& playback) {
    AppState state = make_default_state();
    recompute(state.doc, state.computed, state.interaction, playback);
    return state;
}

TEST(AppState, DefaultIsTheD2LExample) {
    Playback playback;
    AppState state = fresh(playback);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_EQ(state.computed.plan->output.h, 2);
    EXPECT_EQ(state.computed.plan->output.w, 2);
    EXPECT_EQ(step_count(state.computed), 4);
    // MaxPool2d(3, padding=1, stride=2) of arange(16).reshape(4, 4) is [[5, 7], [13, 15]].
    EXPECT_EQ(state.computed.output.values.values(), (std::vector<float>{5, 7, 13, 15}));
}

TEST(AppState, RejectedParamsKeepTheInputAndComeBack) {
    Playback playback;
    AppState state = fresh(playback);
    const Tensor before = state.doc.input;
    state.doc.params.padding = Padding::symmetric({5, 5});
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_FALSE(state.computed.plan);
    ASSERT_FALSE(state.computed.errors.empty());
    EXPECT_EQ(state.computed.errors.front().field, "padding");
    EXPECT_TRUE(state.doc.input.identical(before));
    EXPECT_EQ(step_count(state.computed), 0);
    state.doc.params.padding = Padding::symmetric({1, 1});
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    ASSERT_TRUE(state.computed.plan);
    EXPECT_TRUE(state.computed.errors.empty());
}

TEST(AppState, StepStaysOnTheSameOutputCellWhenItStillExists) {
    Playback playback;
    AppState state = fresh(playback);
    jump_to(playback, 3, step_count(state.computed));  // output (1, 1) of 2x2
    state.doc.params.stride = Pair{1, 1};              // output becomes 4x4
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(cell_of_step(state.computed, playback.step).oh, 1);
    EXPECT_EQ(cell_of_step(state.computed, playback.step).ow, 1);
    EXPECT_EQ(playback.step, 5);
    state.doc.params.kernel_size = {4, 4};  // stride 1, pad 1: 3x3 — (1, 1) still exists
    state.doc.params.padding = Padding::symmetric({0, 0});
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(step_count(state.computed), 1);
    EXPECT_EQ(playback.step, 0);  // (1, 1) is gone: clamped
}

TEST(AppState, UndoRestoresInputAndParams) {
    Playback playback;
    AppState state = fresh(playback);
    state.doc.input.at(0, 0, 1, 1) = 100.0f;
    commit_edit(state.doc);
    state.doc.params.op = PoolOp::kAvg;
    commit_edit(state.doc);
    ASSERT_TRUE(undo(state.doc, state.interaction));
    EXPECT_EQ(state.doc.params.op, PoolOp::kMax);
    EXPECT_EQ(state.doc.input.at(0, 0, 1, 1), 100.0f);
    ASSERT_TRUE(undo(state.doc, state.interaction));
    EXPECT_EQ(state.doc.input.at(0, 0, 1, 1), 5.0f);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(state.computed.output.values.at(0, 0, 0, 0), 5.0f);
    ASSERT_TRUE(redo(state.doc, state.interaction));
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(state.computed.output.values.at(0, 0, 0, 0), 100.0f);
}

TEST(AppState, StrideFollowsKernelWhileChecked) {
    Playback playback;
    AppState state = fresh(playback);
    state.doc.stride_follows_kernel = true;
    state.doc.params.padding = {};
    state.doc.params.kernel_size = {2, 2};
    commit_edit(state.doc);
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_FALSE(state.doc.params.stride.has_value());
    EXPECT_EQ(state.computed.plan->output.h, 2);
}

TEST(AppState, ResizeKeepsOverlappingValues) {
    Playback playback;
    AppState state = fresh(playback);
    resize_input(state.doc, state.interaction, 2, 5, 3);
    EXPECT_EQ(state.doc.input.shape(), (Shape{1, 2, 5, 3}));
    EXPECT_EQ(state.doc.input.at(0, 0, 1, 2), 6.0f);
    EXPECT_EQ(state.doc.input.at(0, 0, 4, 0), 0.0f);
    EXPECT_EQ(state.doc.input.at(0, 1, 0, 0), 0.0f);
    resize_input(state.doc, state.interaction, 99, 99, 0);  // clamped to the editor's limits
    EXPECT_EQ(state.doc.input.shape(), (Shape{1, kMaxEditChannels, kMaxEditSize, 1}));
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(state.computed.plan ? state.computed.plan->output.c : -1, kMaxEditChannels);
}

TEST(Playback, AdvancesAtItsSpeedAndStopsAtTheEnd) {
    Playback p;
    p.speed = 2.0f;
    toggle_play(p, 3);
    EXPECT_TRUE(p.playing);
    EXPECT_FALSE(advance(p, 0.4f, 3));
    EXPECT_TRUE(advance(p, 0.2f, 3));
    EXPECT_EQ(p.step, 1);
    advance(p, 5.0f, 3);
    EXPECT_EQ(p.step, 2);
    EXPECT_FALSE(p.playing);
    toggle_play(p, 3);  // from the end: restart
    EXPECT_EQ(p.step, 0);
}

TEST(Playback, StepAndSpeedStayInRange) {
    Playback p;
    step_by(p, -5, 4);
    EXPECT_EQ(p.step, 0);
    step_by(p, 10, 4);
    EXPECT_EQ(p.step, 3);
    for (int i = 0; i < 10; ++i)
        change_speed(p, +1);
    EXPECT_EQ(p.speed, kMaxSpeed);
    for (int i = 0; i < 10; ++i)
        change_speed(p, -1);
    EXPECT_EQ(p.speed, kMinSpeed);
}

using test::parse;

TEST(AppOptions, ParsesTheStartingState) {
    Result<AppOptions> o = parse({"--input", "[[1,2,0],[0,1,2],[1,2,1]]", "--params",
                                  R"({"op":"avg_pool2d","kernel_size":2,"stride":1})", "--step", "2",
                                  "--size", "800x600", "--lang", "zh"});
    ASSERT_TRUE(o) << o.error_text();
    EXPECT_EQ(o->width, 800);
    Playback playback;
    Result<AppState> state = initial_state(*o);
    ASSERT_TRUE(state) << state.error_text();
    recompute(state.value().doc, state.value().computed, state.value().interaction,
              playback);  // the frame's one recompute places --step
    EXPECT_EQ(state->doc.params.op, PoolOp::kAvg);
    EXPECT_EQ(state->computed.plan->output.h, 2);
    EXPECT_EQ(playback.step, 2);
    EXPECT_EQ(current_language(), Language::kChinese);  // --lang is the UI language (i18n.h)
    set_language(Language::kEnglish);
    EXPECT_FALSE(state->doc.stride_follows_kernel);
}

TEST(AppOptions, RejectsBadValuesWithTheirNames) {
    EXPECT_FALSE(parse({"--size", "12"}));
    EXPECT_FALSE(parse({"--lang", "fr"}));
    EXPECT_FALSE(parse({"--bogus"}));
    EXPECT_FALSE(parse({"--step"}));
    Result<AppOptions> o = parse({"--params", R"({"op":"nope"})"});
    ASSERT_TRUE(o);
    Result<AppState> state = initial_state(*o);
    ASSERT_FALSE(state);
    EXPECT_EQ(state.errors().front().field, "--params");
}

// --net-cell opens the Network view with a cell chosen (the README's screenshot of a receptive field).
TEST(AppOptions, NetCellOpensTheNetworkViewWithACellChosen) {
    Result<AppOptions> o = parse({"--net-cell", "3.1:2,4"});
    ASSERT_TRUE(o) << o.error_text();
    Result<AppState> state = initial_state(*o);
    ASSERT_TRUE(state);
    EXPECT_TRUE(window_open(state->view, window_id::kNetwork));
    ASSERT_TRUE(state->interaction.network_cell);
    EXPECT_EQ(state->interaction.network_cell->layer, (std::vector<size_t>{3, 1}));
    EXPECT_EQ(state->interaction.network_cell->cell, (std::vector<int64_t>{2, 4}));
    for (const char* bad : {"5", "5:2", "5:2,3,4", "x:1,1", "5:-1,2", "5:1,"})
        EXPECT_FALSE(parse({"--net-cell", bad})) << bad;
}

TEST(AppOptions, InputReadsWhatStudentsPaste) {
    for (const char* text : {"tensor([[1., 2.],\n        [3., 4.]])", "array([[1, 2],\n       [3, 4]])",
                             "[[1, 2], [3, 4]]", "1 2\n3 4\n", "1,2\n3,4"}) {
        Result<Tensor> t = parse_input_text(text);
        ASSERT_TRUE(t) << text << ": " << t.error_text();
        EXPECT_EQ(t->shape(), (Shape{1, 1, 2, 2})) << text;
        EXPECT_EQ(t->values(), (std::vector<float>{1, 2, 3, 4})) << text;
    }
    // What Copy writes, Paste reads back, in every style.
    Tensor x = make_default_state().doc.input;
    for (ClipboardStyle style : {ClipboardStyle::kPyTorch, ClipboardStyle::kJson, ClipboardStyle::kCsv}) {
        Result<Tensor> back = parse_input_text(format_matrix_clipboard(x, style));
        ASSERT_TRUE(back) << back.error_text();
        EXPECT_EQ(back->values(), x.values());
    }
}

TEST(AppOptions, InputMustFitTheEditor) {
    std::string row = "[";
    for (int i = 0; i < 33; ++i)
        row += (i ? ",1" : "1");
    row += "]";
    EXPECT_FALSE(parse_input_text("[" + row + "]"));
    EXPECT_TRUE(parse_input_text("[[1, 2], [3, 4]]"));
}

// --reveal (answer slides): every card opens revealed; without it quiz mode's card waits for the answer.
TEST(AppOptions, RevealOpensEveryQuestionAnswered) {
    for (bool reveal : {false, true}) {
        Result<AppOptions> o = reveal ? parse({"--reveal"}) : parse({});
        ASSERT_TRUE(o) << o.error_text();
        Result<AppState> state = initial_state(*o);
        ASSERT_TRUE(state) << state.error_text();
        AppState& s = state.value();
        Playback playback;
        recompute(s.doc, s.computed, s.interaction, playback);
        s.quiz.quiz_mode = true;
        sync_quiz(s.quiz, s.lessons.session, s.doc, s.computed, playback, {});
        ASSERT_EQ(s.quiz.cards.size(), 1u);
        EXPECT_EQ(s.quiz.cards[0].revealed, reveal);
        EXPECT_EQ(quiz_hidden(s.quiz).any(), !reveal);
    }
}

// Playing stops on the window an open question asks about (it would show its result), stays on it while the
// question is open, and does not move at all while the output shape is asked; revealed, it plays on.
TEST(QuizPlayback, PlayingStopsOnTheAskedWindow) {
    Result<AppState> state = initial_state(AppOptions{});
    ASSERT_TRUE(state) << state.error_text();
    AppState& s = state.value();
    s.doc.input = Tensor(Shape{1, 1, 6, 6});
    s.doc.params.kernel_size = {2, 2};
    s.doc.params.stride = Pair{1, 1};
    s.doc.params.padding = {0, 0};
    mark_changed(s.doc);
    Playback playback;
    recompute(s.doc, s.computed, s.interaction, playback);
    ASSERT_EQ(step_count(s.computed), 25);
    Result<Question> asked =
        make_question(QuestionKind::kValue, *s.computed.plan, s.doc.input, OutputCell{0, 0, 0, 3});
    ASSERT_TRUE(asked) << asked.error_text();
    s.quiz.cards.push_back(QuizCard{});
    s.quiz.cards[0].question = asked.value();

    playback.step = 6, playback.playing = true;  // from window 1, a long frame advanced five windows
    EXPECT_TRUE(hold_at_open_question(s.quiz, s.computed, playback, 1));
    EXPECT_EQ(playback.step, 3);
    EXPECT_FALSE(playback.playing);
    playback.step = 4, playback.playing = true;  // Play on the asked window: it stays
    EXPECT_TRUE(hold_at_open_question(s.quiz, s.computed, playback, 3));
    EXPECT_EQ(playback.step, 3);
    playback.step = 2;  // stepping back shows nothing new
    EXPECT_FALSE(hold_at_open_question(s.quiz, s.computed, playback, 3));

    s.quiz.cards[0].question.kind = QuestionKind::kOutputShape;
    playback.step = 9, playback.playing = true;
    EXPECT_TRUE(hold_at_open_question(s.quiz, s.computed, playback, 2));
    EXPECT_EQ(playback.step, 2);

    reveal_card(s.quiz, 0);
    playback.step = 9, playback.playing = true;
    EXPECT_FALSE(hold_at_open_question(s.quiz, s.computed, playback, 2));
    EXPECT_EQ(playback.step, 9);
    EXPECT_TRUE(playback.playing);
}

}  // namespace
}  // namespace poolscope::app
