// Predict, then reveal, without a window: a lesson step's questions become cards on the window's numbers, a
// wrong answer gets the core's specific hint, a right one reveals and is scored (and saved), unanswered
// questions hide what they ask about (and the step's reveal waits for all of them), a wrong choice is named
// by its option's text, quiz mode asks about every window, and "new numbers" asks again.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/app_state.h"
#include "model/lesson_session.h"
#include "model/playback.h"
#include "model/quiz_session.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

void settle(AppState& state, Playback& playback, const fs::path& dir = {}) {
    recompute(state.doc, state.computed, state.interaction, playback);
    update_traces(state.computed, state.doc, playback);
    sync_quiz(state.quiz, state.lessons.session, state.doc, state.computed, playback, dir);
}

struct QuizLesson : ::testing::Test {
    void SetUp() override {
        dir = fs::temp_directory_path() / ("poolscope-quiz-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        state = make_default_state();
        ASSERT_TRUE(open_lesson(state.lessons.session,
                                std::string(POOLSCOPE_LESSONS_DIR) + "/01-pool2d-from-scratch.json", 0)
                        .ok());
        apply_step(state.lessons.session, state, playback);
        settle(state, playback, dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir;
    AppState state;
    Playback playback;
};

TEST_F(QuizLesson, TheStepsQuestionsBecomeCardsThatHideTheirCells) {
    // Lesson 01 step 1 (3x3 arange, MaxPool2d(2, stride=1)) asks the value of (0, 1) and the argmax of (1,
    // 1).
    ASSERT_EQ(state.quiz.cards.size(), 2u);
    EXPECT_EQ(state.quiz.cards[0].question.kind, QuestionKind::kValue);
    EXPECT_EQ(state.quiz.cards[0].id, "0/0");
    EXPECT_TRUE(quiz_hides_cell(state.quiz, 0, 1));
    EXPECT_TRUE(quiz_hides_cell(state.quiz, 1, 1));
    EXPECT_FALSE(quiz_hides_cell(state.quiz, 0, 0));
}

TEST_F(QuizLesson, AWrongAnswerGetsAHintARightOneRevealsAndIsScoredAndSaved) {
    QuizCard& value = state.quiz.cards[0];
    value.answer.text = "3";  // the average of the window (1+2+4+5)/4, not its max 5
    check_card(state.quiz, state.lessons.session, 0, dir);
    ASSERT_TRUE(value.verdict);
    EXPECT_FALSE(value.verdict->correct);
    EXPECT_FALSE(value.verdict->hint.code.empty());
    EXPECT_FALSE(value.revealed);
    EXPECT_TRUE(quiz_hides_cell(state.quiz, 0, 1));
    value.answer.text = "5";
    check_card(state.quiz, state.lessons.session, 0, dir);
    EXPECT_TRUE(value.verdict->correct);
    EXPECT_TRUE(value.revealed);
    EXPECT_FALSE(quiz_hides_cell(state.quiz, 0, 1));
    EXPECT_EQ(value.attempts, 2);
    // The argmax question: click the input cell holding 8.
    click_quiz_cell(state.quiz.cards[1], 2, 2);
    check_card(state.quiz, state.lessons.session, 1, dir);
    EXPECT_TRUE(state.quiz.cards[1].verdict->correct);
    const LessonScore* score = state.quiz.scores.lesson(state.lessons.session.path.string());
    ASSERT_NE(score, nullptr);
    EXPECT_EQ(score->answered(), 2);
    EXPECT_EQ(score->right(), 2);
    EXPECT_EQ(score->right_first_try(), 1);
    const LoadedQuizScores saved = load_quiz_scores(dir);
    EXPECT_EQ(saved.scores, state.quiz.scores);
}

TEST_F(QuizLesson, NewNumbersAskTheSameQuestionsAgainOnTheNewInput) {
    state.quiz.cards[0].revealed = true;
    ask_with_new_numbers(state.quiz, state.doc, state.interaction);
    settle(state, playback, dir);
    ASSERT_EQ(state.quiz.cards.size(), 2u);
    EXPECT_FALSE(state.quiz.cards[0].revealed);
    // The answer follows the window's new numbers.
    const Question& q = state.quiz.cards[0].question;
    EXPECT_EQ(q.value, state.computed.output.values.at(0, 0, 0, 1));
    EXPECT_FALSE(window_shows_step(state.lessons.session, state.doc,
                                   state.gradient));  // other numbers than the step's
}

TEST_F(QuizLesson, AnotherLayerInTheWindowPutsTheStepsQuestionsAside) {
    state.doc.params.kernel_size = {3, 3};
    commit_edit(state.doc);
    settle(state, playback, dir);
    EXPECT_TRUE(state.quiz.cards.empty());
}

TEST_F(QuizLesson, TheOpenCardsSayWhatIsHiddenAndTheRevealWaitsForAllOfThem) {
    // Lesson 01 step 1 asks the value of (0, 1) and the argmax of (1, 1); its reveal explains both.
    QuizHidden hidden = quiz_hidden(state.quiz);
    ASSERT_EQ(hidden.windows.size(), 2u);
    EXPECT_TRUE(hidden.hides_value({0, 0, 0, 1}));
    ASSERT_NE(hidden.find({0, 0, 1, 1}), nullptr);
    EXPECT_TRUE(hidden.find({0, 0, 1, 1})->argmax);
    EXPECT_FALSE(hidden.hides_value({0, 0, 0, 0}));
    EXPECT_FALSE(hidden.output_shape);
    EXPECT_FALSE(step_reveal_shown(state.lessons.session, state.quiz));
    reveal_card(state.quiz, 0);
    EXPECT_FALSE(quiz_hidden(state.quiz).hides_value({0, 0, 0, 1}));     // revealing shows it at once
    EXPECT_FALSE(step_reveal_shown(state.lessons.session, state.quiz));  // one question is still open
    click_quiz_cell(state.quiz.cards[1], 2, 2);
    check_card(state.quiz, state.lessons.session, 1, dir);
    EXPECT_FALSE(quiz_hidden(state.quiz).any());
    EXPECT_TRUE(step_reveal_shown(state.lessons.session, state.quiz));
    // Without its cards (the window shows another layer, so the step's questions wait) the reveal waits too.
    state.quiz.cards.clear();
    EXPECT_FALSE(step_reveal_shown(state.lessons.session, state.quiz));
}

TEST(QuizLessonChoice, AWrongChoiceIsNamedByItsTextAndTheLessonsWhy) {
    AppState state = make_default_state();
    Playback playback;
    ASSERT_TRUE(
        open_lesson(state.lessons.session, std::string(POOLSCOPE_LESSONS_DIR) + "/07-why-pool.json", 2).ok());
    apply_step(state.lessons.session, state, playback);
    settle(state, playback);
    ASSERT_EQ(state.quiz.cards.size(), 1u);
    QuizCard& card = state.quiz.cards[0];
    card.answer.choice = 2;  // "Negative values are clipped to 0 first"
    check_card(state.quiz, state.lessons.session, 0, {});
    const QuizText hint = card_hint(card, Language::kEnglish);
    EXPECT_EQ(hint.code, "choice_wrong_why");
    ASSERT_EQ(hint.args.size(), 2u);
    EXPECT_EQ(hint.args[0], "Negative values are clipped to 0 first");
    EXPECT_NE(hint.args[1].find("Nothing is clipped"), std::string::npos);
    EXPECT_EQ(card_hint(card, Language::kChinese).args[0], "负值会先被截断为 0");
    EXPECT_FALSE(step_reveal_shown(state.lessons.session, state.quiz));
    reveal_card(state.quiz, 0);
    EXPECT_EQ(card_answer(card, Language::kEnglish),
              (QuizText{"answer_choice_text", {"Every window around it also holds a 0, which is larger"}}));
    EXPECT_TRUE(step_reveal_shown(state.lessons.session, state.quiz));
}

TEST(QuizMode, AsksTheValueOfEveryWindowAndHidesItUntilAnswered) {
    AppState state = make_default_state();  // MaxPool2d(3, stride=2, padding=1) on the 4x4 arange
    Playback playback;
    state.quiz.quiz_mode = true;
    settle(state, playback);
    ASSERT_EQ(state.quiz.cards.size(), 1u);
    EXPECT_TRUE(state.quiz.cards[0].id.empty());
    EXPECT_TRUE(quiz_hides_current_value(state.quiz, state.computed));
    state.quiz.cards[0].answer.text = "5";
    check_card(state.quiz, state.lessons.session, 0, {});
    EXPECT_TRUE(state.quiz.cards[0].verdict->correct);
    EXPECT_FALSE(quiz_hides_current_value(state.quiz, state.computed));
    playback.step = 1;
    settle(state, playback);
    ASSERT_EQ(state.quiz.cards.size(), 1u);
    EXPECT_EQ(state.quiz.cards[0].question.cell.ow, 1);
    EXPECT_TRUE(quiz_hides_current_value(state.quiz, state.computed));
    state.quiz.quiz_mode = false;
    settle(state, playback);
    EXPECT_TRUE(state.quiz.cards.empty());
    EXPECT_FALSE(quiz_hides_current_value(state.quiz, state.computed));
}

}  // namespace
}  // namespace poolscope::app
