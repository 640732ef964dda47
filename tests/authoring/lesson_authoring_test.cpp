// Authoring in the app, GUI-free: the expected result recorded from the core (output, shape, refusal), the
// code line written from each op's and framework's layer, titles and narration edited in both languages
// (one undo entry per typing session), a new lesson from the window saved into a file that checks, and the
// window following lesson edits while Ctrl+Z / Ctrl+Y route between the lesson and the matrix.
#include <gtest/gtest.h>

#include <fstream>

#include "lesson_folder.h"
#include "model/app_state.h"
#include "model/lesson_authoring.h"
#include "model/lesson_step_edits.h"
#include "model/lesson_step_text.h"
#include "model/playback.h"
#include "poolscope/lesson_text.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

LessonSession session_of(const std::string& steps_json) {
    const std::string text =
        R"({"format": "poolscope-lesson/1", "title": "Authoring", "steps": [)" + steps_json + "]}";
    Result<Lesson> lesson = load_lesson_string(text, "authoring.json");
    EXPECT_TRUE(lesson) << lesson.error_text();
    LessonSession session;
    session.lesson = std::move(lesson).value();
    return session;
}

const Json& step_json(const LessonSession& session, size_t i = 0) {
    return session.lesson->document["steps"][i];
}

TEST(RecordExpected, WritesThePoolOutputAndTheStepThenChecks) {
    LessonSession s = session_of(R"({"input": [[1, 2, 0], [0, 5, 1], [3, 1, 4]], "op": "max_pool2d",
                                     "kernel_size": 2, "stride": 1, "expected": {"output": [[9, 9], [9, 9]]}})");
    ASSERT_FALSE(s.failures.empty() && check_lesson(*s.lesson).empty());  // the wrong result fails first
    ASSERT_TRUE(record_expected(s));
    EXPECT_EQ(step_json(s)["expected"].dump(), R"({"output":[[5.0,5.0],[5.0,5.0]]})");
    EXPECT_TRUE(check_lesson(*s.lesson).empty());
    EXPECT_TRUE(s.dirty);
    ASSERT_TRUE(undo_lesson_edit(s));
    EXPECT_EQ(step_json(s)["expected"]["output"][0][0], 9);
}

TEST(RecordExpected, AverageWithAGradientRecordsTheInputGradientToo) {
    LessonSession s = session_of(R"({"input": [[1, 2], [3, 4]], "op": "avg_pool2d", "kernel_size": 2,
                                     "grad_output": "ones"})");
    ASSERT_TRUE(record_expected(s));
    EXPECT_EQ(step_json(s)["expected"].dump(),
              R"({"output":[[2.5]],"grad_input":[[0.25,0.25],[0.25,0.25]]})");
    EXPECT_TRUE(check_lesson(*s.lesson).empty());
}

TEST(RecordExpected, AShapeStepGetsItsOutputShapeAtTheWrittenRank) {
    LessonSession s = session_of(R"({"kind": "shape", "input_size": [1, 3, 32, 32], "op": "max_pool2d",
                                     "kernel_size": 3, "stride": 2, "padding": 1})");
    ASSERT_TRUE(record_expected(s));
    EXPECT_EQ(step_json(s)["expected"].dump(), R"({"shape":[1,3,16,16]})");
    EXPECT_TRUE(check_lesson(*s.lesson).empty());
}

TEST(RecordExpected, ARefusedLayerRecordsTheFieldPyTorchRefuses) {
    LessonSession s = session_of(R"({"input": [[1, 2], [3, 4]], "op": "max_pool2d", "kernel_size": 2,
                                     "padding": 2, "expected": {"error": true}})");
    ASSERT_TRUE(record_expected(s));
    EXPECT_EQ(step_json(s)["expected"].dump(), R"({"error":{"field":"padding"}})");
    EXPECT_TRUE(check_lesson(*s.lesson).empty());
}

struct CodeCase {
    const char* step;
    const char* code;
};

TEST(GenerateCode, EachOpAndFrameworkWritesItsOwnLayer) {
    const CodeCase cases[] = {
        {R"("op": "max_pool2d", "kernel_size": 3, "stride": 1, "padding": 1, "ceil_mode": true)",
         "nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True)"},
        {R"("op": "avg_pool2d", "kernel_size": 2, "padding": 1, "count_include_pad": false)",
         "nn.AvgPool2d(2, padding=1, count_include_pad=False)"},
        {R"("op": "max_pool2d", "kernel_size": 2, "dilation": 2)", "nn.MaxPool2d(2, dilation=2)"},
        {R"("op": "adaptive_avg_pool2d", "output_size": [2, 1])", "nn.AdaptiveAvgPool2d((2, 1))"},
        {R"("op": "lp_pool2d", "norm_type": 2, "kernel_size": 2)", "nn.LPPool2d(2, 2)"},
        {R"("convention": "tensorflow", "op": "max_pool2d", "kernel_size": 3, "stride": 1, "padding": "same")",
         "tf.keras.layers.MaxPool2D(pool_size=3, strides=1, padding=\"same\")"},
        {R"("convention": "onnx", "op": "avg_pool2d", "kernel_size": 2, "stride": 2)",
         "onnx.helper.make_node(\"AveragePool\", inputs=[\"X\"], outputs=[\"Y\"], kernel_shape=[2, 2], "
         "strides=[2, 2])"},
        {R"("convention": "mxnet", "op": "max_pool2d", "kernel_size": 2, "stride": 1, "ceil_mode": true)",
         "nn.MaxPool2D(pool_size=2, strides=1, ceil_mode=True)"},
    };
    for (const CodeCase& c : cases) {
        LessonSession s = session_of(
            std::string(R"({"input": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]], )") +
            c.step + R"(, "code": "written by hand"})");
        ASSERT_TRUE(s.lesson) << c.step;
        ASSERT_TRUE(generate_step_code(s)) << c.step;
        EXPECT_EQ(step_json(s)["code"], c.code) << c.step;
        EXPECT_EQ(s.lesson->steps[0].code, c.code);
    }
}

TEST(LessonText, EditsEitherLanguageAndTypingIsOneUndoEntry) {
    LessonSession s = session_of(R"({"title": "Plain title", "input": [[1]], "op": "max_pool2d",
                                     "kernel_size": 1})");
    ASSERT_TRUE(set_lesson_text(s, LessonTextField::kStepTitle, Language::kChinese, "标", false));
    ASSERT_TRUE(set_lesson_text(s, LessonTextField::kStepTitle, Language::kChinese, "标题", true));
    // The plain string was English; it stays, the Chinese joins it.
    EXPECT_EQ(step_json(s)["title"].dump(), R"({"en":"Plain title","zh":"标题"})");
    EXPECT_EQ(lesson_text(s, LessonTextField::kStepTitle, Language::kChinese), "标题");
    ASSERT_TRUE(
        set_lesson_text(s, LessonTextField::kNarration, Language::kEnglish, "Two *max* values", false));
    EXPECT_EQ(s.lesson->steps[0].narration.en, "Two *max* values");
    ASSERT_TRUE(set_lesson_text(s, LessonTextField::kLessonTitle, Language::kEnglish, "Renamed", false));
    EXPECT_EQ(s.lesson->title.en, "Renamed");
    EXPECT_EQ(s.history.undo.size(), 3u);  // two keystrokes of one typing session made one entry
    ASSERT_TRUE(undo_lesson_edit(s));
    ASSERT_TRUE(undo_lesson_edit(s));
    EXPECT_TRUE(s.lesson->steps[0].narration.en.empty());
    ASSERT_TRUE(undo_lesson_edit(s));
    EXPECT_TRUE(s.lesson->steps[0].title.zh.empty());
    EXPECT_EQ(s.lesson->steps[0].title.en, "Plain title");
    ASSERT_TRUE(set_lesson_text(s, LessonTextField::kStepTitle, Language::kEnglish, "", false));
    EXPECT_FALSE(step_json(s).contains("title"));  // nothing left in either language
}

TEST(LessonText, EditsTheRevealLikeTheNarration) {
    LessonSession s = session_of(R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1,
                                     "quiz": {"kind": "value", "answer": 1}})");
    ASSERT_TRUE(
        set_lesson_text(s, LessonTextField::kReveal, Language::kEnglish, "The *only* cell wins.", false));
    ASSERT_TRUE(set_lesson_text(s, LessonTextField::kReveal, Language::kChinese, "唯一的单元胜出。", false));
    EXPECT_EQ(step_json(s)["reveal"].dump(), R"({"en":"The *only* cell wins.","zh":"唯一的单元胜出。"})");
    EXPECT_EQ(s.lesson->steps[0].reveal.zh, "唯一的单元胜出。");
    EXPECT_EQ(lesson_text(s, LessonTextField::kReveal, Language::kEnglish), "The *only* cell wins.");
    EXPECT_TRUE(s.lesson->steps[0].narration.empty());  // a field of its own
    ASSERT_TRUE(undo_lesson_edit(s));
    EXPECT_TRUE(s.lesson->steps[0].reveal.zh.empty());
    ASSERT_TRUE(set_lesson_text(s, LessonTextField::kReveal, Language::kEnglish, "", false));
    EXPECT_FALSE(step_json(s).contains("reveal"));
}

class AuthoringWindow : public testing::LessonFolderTest {
  protected:
    void SetUp() override {
        make_folder("authoring");
        state_ = make_default_state();
    }

    AppState state_;
    Playback playback_;
};

TEST_F(AuthoringWindow, NewLessonFromTheWindowSavesAFileThatChecks) {
    set_input(state_.doc, state_.interaction, Tensor(Shape{1, 1, 3, 3}, 2.0f));
    state_.doc.input.at(0, 0, 1, 1) = 7.0f;
    ASSERT_TRUE(start_new_lesson(state_));
    LessonSession& s = state_.lessons.session;
    ASSERT_TRUE(is_open(s));
    EXPECT_TRUE(s.path.empty());
    EXPECT_TRUE(s.dirty);
    EXPECT_EQ(s.lesson->title.zh, "新课程");
    EXPECT_TRUE(
        window_shows_step(s, state_.doc, state_.gradient));  // the window is the step it was made from
    EXPECT_EQ(step_json(s)["code"], layer_code(layer_of(state_.doc)));
    ASSERT_TRUE(edit_lesson_text(state_, playback_, LessonTextField::kLessonTitle, Language::kEnglish,
                                 "Max pooling by hand", false));
    // A second step: the window's layer with stride 1, saved after the first.
    state_.doc.params.stride = Pair{1, 1};
    state_.doc.stride_follows_kernel = false;
    ASSERT_TRUE(put_current(s, edit_from_document(state_.doc), StepPlacement::kInsertAfter));
    EXPECT_EQ(step_total(s), 2u);
    const fs::path path = dir_ / "by-hand.json";
    ASSERT_TRUE(save_session(s, path));
    EXPECT_FALSE(s.dirty);
    Result<Lesson> reread = load_lesson_file(path);
    ASSERT_TRUE(reread) << reread.error_text();
    EXPECT_TRUE(check_lesson(*reread).empty());
    EXPECT_EQ(reread->title.en, "Max pooling by hand");
    EXPECT_EQ(reread->steps.size(), 2u);
    EXPECT_TRUE(reread->steps[1].expected.output.has_value());
    // In the canonical style already: `poolscope fmt --check` would not change it.
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(format_lesson_text(Json::parse(text)), text);
}

TEST_F(AuthoringWindow, TextEditsKeepTheStudentsWindowAndStepEditsFollowTheStep) {
    ASSERT_TRUE(start_new_lesson(state_));
    ASSERT_TRUE(edit_lesson(state_, playback_, LessonEdit::kDuplicate));
    set_input(state_.doc, state_.interaction,
              Tensor(Shape{1, 1, 2, 2}, 5.0f));  // the student edits the window
    ASSERT_TRUE(
        edit_lesson_text(state_, playback_, LessonTextField::kNarration, Language::kEnglish, "Look", false));
    EXPECT_EQ(state_.doc.input.at(0, 0, 0, 0), 5.0f);  // kept: the step still shows the same matrix
    // Deleting brings the next current step into the window.
    ASSERT_TRUE(edit_lesson(state_, playback_, LessonEdit::kDelete));
    EXPECT_TRUE(window_shows_step(state_.lessons.session, state_.doc, state_.gradient));
}

TEST_F(AuthoringWindow, UndoGoesToTheLessonThenTheMatrix) {
    set_input(state_.doc, state_.interaction, Tensor(Shape{1, 1, 2, 2}, 9.0f));
    ASSERT_TRUE(start_new_lesson(state_));
    ASSERT_TRUE(edit_lesson(state_, playback_, LessonEdit::kDuplicate));
    ASSERT_TRUE(edit_lesson(state_, playback_, LessonEdit::kGenerateCode));
    EXPECT_TRUE(can_undo_any(state_.lessons.session, state_.doc));
    ASSERT_TRUE(undo_any(state_, playback_));
    ASSERT_TRUE(undo_any(state_, playback_));
    EXPECT_EQ(step_total(state_.lessons.session), 1u);
    ASSERT_TRUE(redo_any(state_, playback_));
    EXPECT_EQ(step_total(state_.lessons.session), 2u);
    ASSERT_TRUE(undo_any(state_, playback_));
    EXPECT_EQ(state_.doc.input.at(0, 0, 0, 0), 9.0f);  // lesson undos leave the matrix
    ASSERT_TRUE(undo_any(state_, playback_));          // no lesson edit left: the matrix's goes
    EXPECT_NE(state_.doc.input.at(0, 0, 0, 0), 9.0f);
    EXPECT_EQ(step_total(state_.lessons.session), 1u);
}

TEST_F(AuthoringWindow, AFailedEditSaysWhyAndChangesNothing) {
    ASSERT_TRUE(start_new_lesson(state_));
    EXPECT_FALSE(edit_lesson(state_, playback_, LessonEdit::kDelete));  // the last step stays
    EXPECT_TRUE(state_.lessons.message_is_error);
    EXPECT_NE(state_.lessons.message.find("at least one step"), std::string::npos);
    EXPECT_EQ(step_total(state_.lessons.session), 1u);
}

}  // namespace
}  // namespace poolscope::app
