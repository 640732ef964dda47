// Questions written in the app, in the model (issue 29): asked about a cell with the answer the core
// records, what the menu greys out and why, prompts in both languages, reorder, delete, one undo entry each,
// and the saved file that `check` passes.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_player.h"
#include "model/lesson_questions.h"
#include "model/lesson_step_edits.h"
#include "model/playback.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

class LessonQuestions : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("poolscope-questions-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        // Lesson 02, step 1: max_pool2d, kernel 3, stride 1 ... on a 3 x 3 input; step 6 is average pooling.
        fs::copy_file(fs::path(POOLSCOPE_LESSONS_DIR) / "01-pool2d-from-scratch.json", dir / "lesson.json");
        state = make_default_state();
        ASSERT_TRUE(open_lesson_now(state, playback, dir / "lesson.json", 0));
    }
    void TearDown() override { fs::remove_all(dir); }

    LessonSession& session() { return state.lessons.session; }
    const LessonStep& step() { return *current_step(session()); }

    fs::path dir;
    AppState state;
    Playback playback;
};

TEST_F(LessonQuestions, AValueQuestionRecordsTheCoresAnswer) {
    ASSERT_EQ(step().params.op, PoolOp::kMax);
    const size_t before = step().quiz.size();
    const OutputCell cell{0, 0, 1, 1};
    EXPECT_EQ(why_not_ask(session(), QuestionKind::kValue, cell), AskBlock::kNone);
    EXPECT_EQ(why_not_ask(session(), QuestionKind::kDivisor, cell), AskBlock::kNeedsAvgOp);
    EXPECT_EQ(why_not_ask(session(), QuestionKind::kValue, OutputCell{0, 0, 40, 0}),
              AskBlock::kOutsideOutput);

    QuestionDraft draft;
    draft.kind = QuestionKind::kValue;
    draft.cell = written_cell(step(), cell);
    ASSERT_TRUE(ask_question(state, playback, draft));
    ASSERT_EQ(step().quiz.size(), before + 1);
    const StepQuestion& asked = step().quiz.back();
    EXPECT_EQ(asked.kind, QuestionKind::kValue);
    // The answer in the file is the core's value of that window.
    Result<PoolOutput> out = compute_step(step());
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(asked.answer.get<double>(), out->values.at(0, 0, 1, 1));
    EXPECT_TRUE(check_lesson(*session().lesson).empty());
    EXPECT_EQ(why_not_ask(session(), QuestionKind::kValue, cell), AskBlock::kAlreadyAsked);
    const std::vector<QuestionSummary> shown = question_summaries(session(), Language::kEnglish);
    ASSERT_EQ(shown.size(), before + 1);
    EXPECT_TRUE(shown.back().answer_matches);
    EXPECT_EQ(shown.back().answer.code, "answer_value");
    EXPECT_EQ(shown.back().core_prompt.code, "prompt_value");

    // The cells its window reads: the core's list, padding left out.
    QuestionDraft cells;
    cells.kind = QuestionKind::kWindowCells;
    cells.cell = written_cell(step(), cell);
    ASSERT_TRUE(ask_question(state, playback, cells));
    EXPECT_EQ(step().quiz.back().answer, nlohmann::json::parse("[[1, 1], [1, 2], [2, 1], [2, 2]]"));
    EXPECT_TRUE(check_lesson(*session().lesson).empty());

    // One undo takes each back.
    ASSERT_TRUE(undo_any(state, playback));
    ASSERT_TRUE(undo_any(state, playback));
    EXPECT_EQ(step().quiz.size(), before);
}

TEST_F(LessonQuestions, PromptsInBothLanguagesMoveDeleteAndUndo) {
    const size_t before = step().quiz.size();
    QuestionDraft shape;
    shape.kind = QuestionKind::kOutputShape;
    ASSERT_TRUE(ask_question(state, playback, shape));
    QuestionDraft choice;
    choice.kind = QuestionKind::kChoice;
    choice.prompt = {"Which is bigger?", "哪个更大？"};
    choice.options = {{"the input", "输入"}, {"the output", "输出"}};
    choice.option_why = {{}, {"It is smaller.", "它更小。"}};
    choice.correct_choice = 0;
    ASSERT_TRUE(ask_question(state, playback, choice));
    const size_t shape_at = before, choice_at = before + 1;
    EXPECT_EQ(step().quiz[choice_at].options[1].zh, "输出");
    EXPECT_EQ(step().quiz[choice_at].option_why[1].en, "It is smaller.");
    EXPECT_EQ(step().quiz[choice_at].answer, 0);

    // Typing a prompt, one keystroke at a time, is one undo entry.
    const size_t undo_before = session().history.undo.size();
    ASSERT_TRUE(edit_question_prompt(state, playback, shape_at, Language::kChinese, "输", false));
    ASSERT_TRUE(edit_question_prompt(state, playback, shape_at, Language::kChinese, "输出", true));
    EXPECT_EQ(session().history.undo.size(), undo_before + 1);
    EXPECT_EQ(question_prompt(session(), shape_at, Language::kChinese), "输出");
    EXPECT_EQ(question_prompt(session(), shape_at, Language::kEnglish), "");

    ASSERT_TRUE(move_or_delete_question(state, playback, choice_at, QuestionMove::kUp));
    EXPECT_EQ(step().quiz[shape_at].kind, QuestionKind::kChoice);
    EXPECT_EQ(step().quiz[choice_at].kind, QuestionKind::kOutputShape);
    EXPECT_FALSE(move_or_delete_question(state, playback, choice_at, QuestionMove::kDown));  // already last
    ASSERT_TRUE(move_or_delete_question(state, playback, shape_at, QuestionMove::kDelete));
    EXPECT_EQ(step().quiz.size(), before + 1);
    EXPECT_EQ(step().quiz[shape_at].kind, QuestionKind::kOutputShape);
    EXPECT_TRUE(check_lesson(*session().lesson).empty());

    ASSERT_TRUE(undo_any(state, playback));  // the delete
    EXPECT_EQ(step().quiz.size(), before + 2);
    ASSERT_TRUE(undo_any(state, playback));  // the move
    EXPECT_EQ(step().quiz[choice_at].kind, QuestionKind::kChoice);
    ASSERT_TRUE(redo_any(state, playback));
    EXPECT_EQ(step().quiz[shape_at].kind, QuestionKind::kChoice);

    // Saved, read back: the questions are the step's quiz and the file checks.
    ASSERT_TRUE(save_session(session()).ok());
    Result<Lesson> saved = load_lesson_file(dir / "lesson.json");
    ASSERT_TRUE(saved.ok()) << saved.error_text();
    EXPECT_TRUE(check_lesson(saved.value()).empty());
    ASSERT_EQ(saved->steps[0].quiz.size(), before + 2);
    EXPECT_EQ(saved->steps[0].quiz[shape_at].prompt.en, "Which is bigger?");
    EXPECT_EQ(saved->steps[0].quiz[choice_at].prompt.zh, "输出");
}

TEST_F(LessonQuestions, AnAnswerTheCoreNoLongerGivesIsShownAsSuch) {
    QuestionDraft draft;
    draft.kind = QuestionKind::kOutputShape;
    ASSERT_TRUE(ask_question(state, playback, draft));
    // The step's kernel changes under the question: the editor says the recorded answer is stale.
    nlohmann::ordered_json document = session().lesson->document;
    document["steps"][0]["kernel_size"] = 1;
    ASSERT_TRUE(commit_lesson_edit(session(), document, 0).ok());
    const std::vector<QuestionSummary> shown = question_summaries(session(), Language::kEnglish);
    ASSERT_FALSE(shown.empty());
    EXPECT_FALSE(shown.back().answer_matches);
    EXPECT_FALSE(shown.back().recorded.empty());
}

TEST_F(LessonQuestions, AShapeStepAsksOnlyTheShapeOrAChoice) {
    nlohmann::ordered_json document = session().lesson->document;
    document["steps"].push_back(
        {{"kind", "shape"}, {"input_size", {8, 8}}, {"op", "max_pool2d"}, {"kernel_size", 3}});
    const size_t last = document["steps"].size() - 1;
    Result<bool> added = commit_lesson_edit(session(), document, last);
    ASSERT_TRUE(added.ok()) << added.error_text();
    EXPECT_EQ(why_not_ask(session(), QuestionKind::kValue, {}), AskBlock::kNoMatrix);
    EXPECT_EQ(why_not_ask(session(), QuestionKind::kOutputShape, {}), AskBlock::kNone);
    EXPECT_EQ(why_not_ask(session(), QuestionKind::kChoice, {}), AskBlock::kNone);
}

}  // namespace
}  // namespace poolscope::app
