// Questions written in the window (issue 29), with the mouse and keys in the app's own frame: a right-click
// on an output cell asks its value, "Ask about…" asks the output shape, "A multiple choice…" opens the dialog
// where the prompt is typed in English and Chinese; the questions are reordered, one deleted and brought back
// with Ctrl+Z; Ctrl+S saves a copy of the lesson that the core's checker passes. Also: a hand-written code
// line the edited layer left behind is marked, and one click writes it from the layer.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "headless_app.h"
#include "model/lesson_player.h"
#include "panels/question_authoring.h"
#include "poolscope/code_line.h"

namespace poolscope::app::testing {
namespace {
namespace fs = std::filesystem;

class QuestionAuthoring : public HeadlessApp {
  protected:
    void SetUp() override {
        HeadlessApp::SetUp();
        map_keys_as_glfw();
        a.shell.save_enabled = false;
        ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
        dir = fs::temp_directory_path() / ("poolscope-question-authoring-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override {
        fs::remove_all(dir);
        HeadlessApp::TearDown();
    }
    // Opens a copy of a shipped lesson at `step` with "Author this lesson" open.
    void open_copy(const char* name, size_t step = 0) {
        fs::copy_file(fs::path(POOLSCOPE_LESSONS_DIR) / name, dir / "lesson.json");
        ASSERT_TRUE(open_lesson_now(a.state, a.playback, dir / "lesson.json", step));
        a.state.lessons.author_open = true;
        frames(4);
    }

    const LessonStep& step() { return *current_step(a.state.lessons.session); }
    bool has(const char* anchor) { return a.probe.anchors.count(anchor) > 0; }
    ImVec2 centre(const std::string& anchor) {
        EXPECT_TRUE(a.probe.anchors.count(anchor)) << anchor;
        const ScreenRect r = a.probe.anchors[anchor];
        return ImVec2(r.x + r.w * 0.5f, r.y + r.h * 0.5f);
    }
    // A click as a hand makes it: move, press, release (button 0 left, 1 right).
    void click_at(ImVec2 at, int button = 0) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frames(2);
        io.MouseDown[button] = true;
        frames(1);
        io.MouseDown[button] = false;
        frames(2);
    }
    // Scrolls the lesson column until `anchor` is inside the window, as the mouse wheel would.
    void scroll_to(const std::string& anchor) {
        ImGuiIO& io = ImGui::GetIO();
        for (int i = 0; i < 40; ++i) {
            frames(1);
            ASSERT_TRUE(a.probe.anchors.count(anchor)) << anchor;
            const ScreenRect r = a.probe.anchors[anchor];
            if (r.y >= 40 && r.y + r.h <= io.DisplaySize.y - 10) return;
            io.MousePos = ImVec2(r.x + 4, io.DisplaySize.y * 0.5f);
            io.MouseWheel = r.y < 40 ? 1.0f : -1.0f;
            frames(1);
            io.MouseWheel = 0.0f;
        }
        FAIL() << anchor << " stays out of view";
    }
    void click(const std::string& anchor, int button = 0) {
        scroll_to(anchor);
        click_at(centre(anchor), button);
    }
    // Clicks a text field, selects what it holds and types `text` (UTF-8) over it.
    void type_into(const std::string& anchor, const std::string& text) {
        click(anchor);
        press(GLFW_KEY_A, true);
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frames(2);
    }
    void press(int key, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        frames(1);
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frames(2);
    }
    // Leaves any text field: a click on the lesson column's empty heading area.
    void click_away() { click_at(ImVec2(ImGui::GetIO().DisplaySize.x - 30, 30)); }
    // The centre of output cell (h, w) of channel 0.
    ImVec2 output_cell(int64_t h, int64_t w) {
        const ScreenRect grid = a.probe.anchors.at("grid.output0");
        const float cell = grid.w / static_cast<float>(a.state.computed.plan->output.w);
        return ImVec2(grid.x + (static_cast<float>(w) + 0.5f) * cell,
                      grid.y + (static_cast<float>(h) + 0.5f) * cell);
    }
    std::string screen() {
        const nlohmann::json shown = report();
        std::string all;
        for (const auto& item : shown["layout"]["screen_text"])
            all += item["text"].get<std::string>();  // wrapped text comes a word at a time
        return all;
    }

    static std::string read_text(const fs::path& path) {
        std::stringstream text;
        text << std::ifstream(path).rdbuf();
        return text.str();
    }
    static size_t count_of(const std::string& text, const std::string& part) {
        size_t n = 0;
        for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
            ++n;
        return n;
    }

    fs::path dir;
};

TEST_F(QuestionAuthoring, RightClickShapeChoiceReorderDeleteUndoSaveAndCheck) {
    open_copy("02-padding-and-stride.json", 1);  // max_pool2d(3, padding=1, stride=2) on a 1x1x4x4 input
    ASSERT_EQ(step().params.op, PoolOp::kMax);
    const size_t before = step().quiz.size();

    // A right-click on output cell (1, 0) opens the Ask menu there; "Its value" asks it.
    click_at(output_cell(1, 0), 1);
    ASSERT_TRUE(has("ask.value")) << "no Ask menu after the right-click";
    EXPECT_TRUE(has("ask.argmax"));
    EXPECT_TRUE(has("ask.window_cells"));
    click("ask.value");
    ASSERT_EQ(step().quiz.size(), before + 1);
    const StepQuestion& value = step().quiz.back();
    EXPECT_EQ(value.kind, QuestionKind::kValue);
    EXPECT_EQ(value.cell, (std::vector<int64_t>{1, 0}));  // channel 0: [h, w], as the lesson writes its own
    Result<PoolOutput> out = compute_step(step());
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(value.answer.get<double>(), out->values.at(0, 0, 1, 0));  // recorded by the core
    const size_t value_at = before;
    // The lesson column brings the new question into view by itself.
    frames(3);
    const ScreenRect shown = a.probe.anchors["question." + std::to_string(value_at)];
    EXPECT_GE(shown.y, 0.0f);
    EXPECT_LE(shown.y + shown.h, 720.0f);
    EXPECT_NE(screen().find("Value of output cell (1, 0)"), std::string::npos);

    // "Ask about…" → "The output shape".
    click("questions.ask");
    ASSERT_TRUE(has("ask.output_shape"));
    click("ask.output_shape");
    ASSERT_EQ(step().quiz.size(), before + 2);
    EXPECT_EQ(step().quiz.back().kind, QuestionKind::kOutputShape);

    // "Ask about…" → "A multiple choice…": the prompt in English and Chinese, three options, the second
    // right.
    click("questions.ask");
    click("ask.choice");
    frames(3);
    ASSERT_TRUE(window_open(a.state.view, ChoiceQuestionDialog::kId));
    click("choice_dialog.add");  // nothing written yet: refused, and the dialog stays
    EXPECT_EQ(step().quiz.size(), before + 2);
    EXPECT_TRUE(window_open(a.state.view, ChoiceQuestionDialog::kId));
    type_into("choice_dialog.prompt.en", "Which padding keeps a 4 x 4 output?");
    type_into("choice_dialog.option.0.en", "0");
    type_into("choice_dialog.option.1.en", "1");
    type_into("choice_dialog.option.2.en", "2");
    click("choice_dialog.right.1");
    type_into("choice_dialog.why.0.en", "Too little.");
    click("choice_dialog.tab.zh");
    type_into("choice_dialog.prompt.zh", "哪种填充让输出保持 4 x 4？");
    click("choice_dialog.add");
    EXPECT_FALSE(window_open(a.state.view, ChoiceQuestionDialog::kId));
    ASSERT_EQ(step().quiz.size(), before + 3);
    const StepQuestion& choice = step().quiz.back();
    EXPECT_EQ(choice.kind, QuestionKind::kChoice);
    EXPECT_EQ(choice.prompt.zh, "哪种填充让输出保持 4 x 4？");
    EXPECT_EQ(choice.prompt.en, "Which padding keeps a 4 x 4 output?");
    EXPECT_EQ(choice.answer, 1);
    EXPECT_EQ(choice.option_why[0].en, "Too little.");

    // The shape question's prompt typed in Chinese in the editor.
    const std::string shape_at = std::to_string(before + 1);
    type_into("question.prompt." + shape_at + ".zh", "输出有几行几列？");
    click_away();
    EXPECT_EQ(step().quiz[before + 1].prompt.zh, "输出有几行几列？");

    // Reorder: the choice goes up one place, above the shape question.
    click("question." + std::to_string(before + 2) + ".up");
    EXPECT_EQ(step().quiz[before + 1].kind, QuestionKind::kChoice);
    EXPECT_EQ(step().quiz[before + 2].kind, QuestionKind::kOutputShape);
    // Delete the value question, then Ctrl+Z brings it back.
    click("question." + std::to_string(value_at) + ".delete");
    ASSERT_EQ(step().quiz.size(), before + 2);
    EXPECT_EQ(step().quiz[value_at].kind, QuestionKind::kChoice);
    click_away();
    press(GLFW_KEY_Z, true);
    ASSERT_EQ(step().quiz.size(), before + 3);
    EXPECT_EQ(step().quiz[value_at].kind, QuestionKind::kValue);
    EXPECT_TRUE(a.state.lessons.session.broken_by_edit.empty());

    // Ctrl+S writes the lesson's copy; it loads again, the core checks it, and the questions are its quiz.
    press(GLFW_KEY_S, true);
    EXPECT_FALSE(a.state.lessons.session.dirty);
    Result<Lesson> saved = load_lesson_file(dir / "lesson.json");
    ASSERT_TRUE(saved.ok()) << saved.error_text();
    EXPECT_TRUE(check_lesson(saved.value()).empty());
    ASSERT_EQ(saved->steps[1].quiz.size(), before + 3);
    EXPECT_EQ(saved->steps[1].quiz[before + 1].prompt.zh, "哪种填充让输出保持 4 x 4？");
    EXPECT_EQ(saved->steps[1].quiz[before + 2].prompt.zh, "输出有几行几列？");
    // Lesson 02 switches to MXNet and back on its own; the save adds no "convention" of its own (issue 29).
    EXPECT_EQ(count_of(read_text(dir / "lesson.json"), "\"convention\""),
              count_of(read_text(fs::path(POOLSCOPE_LESSONS_DIR) / "02-padding-and-stride.json"),
                       "\"convention\""));
}

TEST_F(QuestionAuthoring, TheMenuSaysWhatCannotBeAsked) {
    open_copy("02-padding-and-stride.json", 1);
    click_at(output_cell(0, 0), 1);
    ASSERT_TRUE(has("ask.divisor"));
    const size_t before = step().quiz.size();
    click("ask.divisor");  // greyed out on max pooling: nothing happens
    EXPECT_EQ(step().quiz.size(), before);
    // Without "Author this lesson" a right-click opens nothing.
    click_away();  // the menu closes
    // While the window shows another layer than the step's, the answer would not be what the students see:
    // the cell's questions are greyed out.
    a.state.doc.params.stride = Pair{1, 1};
    mark_changed(a.state.doc);
    frames(3);
    click_at(output_cell(1, 1), 1);
    click("ask.value");
    EXPECT_EQ(step().quiz.size(), before);
    click_away();
    reset_lesson_step(a.state, a.playback);
    frames(3);
    click_at(output_cell(1, 1), 1);
    click("ask.value");
    EXPECT_EQ(step().quiz.size(), before + 1);  // the step's own window again: it asks
    click_away();
    a.state.lessons.author_open = false;
    frames(3);
    const ImVec2 corner = output_cell(0, 0);
    a.probe.anchors.clear();
    click_at(corner, 1);
    EXPECT_FALSE(has("ask.value"));
}

TEST_F(QuestionAuthoring, AStaleHandWrittenCodeLineIsMarkedAndRewritten) {
    // Lesson 02's step 1 writes "pool2d = nn.MaxPool2d(3)\npool2d(X)" by hand; kernel 2 saved over it.
    open_copy("02-padding-and-stride.json");
    ASSERT_TRUE(code_line_mismatches(step()).empty());
    EXPECT_FALSE(has("lesson.code_stale"));
    a.state.doc.params.kernel_size = {2, 2};
    mark_changed(a.state.doc);
    frames(3);
    click("lesson.save_over_step");
    ASSERT_FALSE(code_line_mismatches(step()).empty());
    frames(2);
    ASSERT_TRUE(has("lesson.code_stale"));
    EXPECT_NE(screen().find("kernel_size is 3 in the line, 2 in the layer"), std::string::npos);
    click("lesson.code_rewrite");
    EXPECT_TRUE(code_line_mismatches(step()).empty());
    EXPECT_TRUE(step_code_is_generated(step()));
    a.probe.anchors.clear();
    frames(2);
    EXPECT_FALSE(has("lesson.code_stale"));
    // Saved (issue 29, item 4): the PyTorch step's edit adds no "convention" the lesson did not have.
    click_away();
    press(GLFW_KEY_S, true);
    EXPECT_FALSE(a.state.lessons.session.dirty);
    EXPECT_EQ(count_of(read_text(dir / "lesson.json"), "\"convention\""),
              count_of(read_text(fs::path(POOLSCOPE_LESSONS_DIR) / "02-padding-and-stride.json"),
                       "\"convention\""));
}

TEST_F(QuestionAuthoring, FitsInChineseAt1280x720) {
    set_language(Language::kChinese);
    open_copy("06-average-pooling.json");
    const size_t before = step().quiz.size();
    click_at(output_cell(1, 1), 1);
    click("ask.divisor");
    ASSERT_EQ(step().quiz.size(), before + 1);
    click("questions.ask");
    click("ask.choice");
    frames(4);
    const nlohmann::json shown = report();
    EXPECT_TRUE(shown["layout"]["clipped_text"].empty()) << shown["layout"]["clipped_text"].dump();
    EXPECT_TRUE(has("choice_dialog.add"));
    const ScreenRect add = a.probe.anchors["choice_dialog.add"];
    EXPECT_LE(add.y + add.h, 720.0f);
}

}  // namespace
}  // namespace poolscope::app::testing
