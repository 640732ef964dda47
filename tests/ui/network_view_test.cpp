// The Network view (issue 33), headless with the mouse and keyboard: lesson 11's cards print D2L's LeNet
// table; a pool's kernel typed into its card breaks the Linear after it with PyTorch's words (and Undo takes
// it back); a click on a late layer's map lights up the core's exact receptive field on the input; an open
// question's shape and receptive field are nowhere on screen until revealed; presentation 1280x720 and
// Chinese cut no text of the view.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <filesystem>
#include <string>

#include "headless_app.h"
#include "model/lesson_player.h"
#include "model/network_model.h"
#include "model/quiz_session.h"
#include "poolscope/receptive_field.h"

namespace poolscope::app::testing {
namespace {

namespace fs = std::filesystem;

class NetworkViewTest : public HeadlessApp {
  protected:
    void SetUp() override {
        HeadlessApp::SetUp();
        a.shell.save_enabled = false;
        map_keys_as_glfw();
    }
    void open(const char* lesson, size_t step) {
        ASSERT_TRUE(open_lesson_now(a.state, a.playback, fs::path(POOLSCOPE_LESSONS_DIR) / lesson, step));
        frames(4);
    }
    void reveal_all() {
        for (size_t i = 0; i < a.state.quiz.cards.size(); ++i)
            reveal_card(a.state.quiz, i);
        frames(3);
    }
    ImVec2 anchor_point(const std::string& name, float fx = 0.5f, float fy = 0.5f) {
        const auto it = a.probe.anchors.find(name);
        EXPECT_NE(it, a.probe.anchors.end()) << name;
        if (it == a.probe.anchors.end()) return ImVec2(-1, -1);
        const ScreenRect& r = it->second;
        return ImVec2(r.x + r.w * fx, r.y + r.h * fy);
    }
    void click(ImVec2 at) {
        frame_at(at, false);
        frame_at(at, true);
        frame_at(at, false);
        frames(2);
    }
    // Scrolls the cards with the mouse wheel until `name` is on screen (the column is taller than the
    // window).
    void scroll_to(const std::string& name) {
        for (int i = 0; i < 60; ++i) {
            frames(1);
            const auto it = a.probe.anchors.find(name);
            ASSERT_NE(it, a.probe.anchors.end()) << name;
            const float bottom = ImGui::GetIO().DisplaySize.y;
            if (it->second.y > bottom * 0.25f && it->second.y + it->second.h < bottom * 0.9f) return;
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = anchor_point("network.map.input", 0.5f, 0.5f);
            io.MousePos.y = bottom * 0.6f;
            io.MouseWheel = it->second.y > bottom * 0.5f ? -1.0f : 1.0f;
            frames(1);
        }
        FAIL() << name << " never scrolled into view";
    }
    void press(int key) {
        frame_at(ImGui::GetIO().MousePos, false, key);
        frame_at(ImGui::GetIO().MousePos, false);
    }
    void type(const std::string& text) {
        for (char ch : text)
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(ch));
        frames(3);
    }
    nlohmann::json view() { return report()["network_view"]; }
};

// Runs as the report writes them: "0-5,7-8" (inclusive ends).
std::string runs_report_text(const IndexRuns& runs) {
    std::string s;
    for (const auto& [begin, end] : runs.runs)
        s += (s.empty() ? "" : ",") + std::to_string(begin) + "-" + std::to_string(end - 1);
    return s;
}

std::string size_of_line(const std::string& line) {  // "Conv2d output shape:\t torch.Size([...])"
    return line.substr(line.find("torch.Size"));
}

TEST_F(NetworkViewTest, LessonElevenShowsD2LsLeNetTable) {
    open("11-lenet-shapes.json", 0);
    reveal_all();
    const nlohmann::json v = view();
    ASSERT_TRUE(v["shown"]);
    const LessonStep& step = *current_step(a.state.lessons.session);
    const std::vector<std::string>& table = *step.expected.table;
    ASSERT_EQ(v["cards"].size(), table.size());
    for (size_t i = 0; i < table.size(); ++i) {
        EXPECT_EQ(v["cards"][i]["shape"], size_of_line(table[i])) << i;
        EXPECT_EQ(v["cards"][i]["name"], "net[" + std::to_string(i) + "]");
    }
    EXPECT_EQ(v["cards"][0]["code"], "nn.Conv2d(1, 6, kernel_size=5, padding=2)");
    EXPECT_EQ(v["cards"][0]["parameters"], "156");
    EXPECT_EQ(v["total_parameters"], "61706");
    const nlohmann::json layout = report()["layout"];
    EXPECT_NE(std::find(layout["panels_shown"].begin(), layout["panels_shown"].end(), "network"),
              layout["panels_shown"].end());
}

// Typed into the card with the keyboard: End, Backspace, "3" in net[5]'s kernel_size.
TEST_F(NetworkViewTest, APoolsKernelTypedInTheCardBreaksTheLinear) {
    open_window(a.state.view, window_id::kNetwork);  // View → Network view: D2L's LeNet
    frames(4);
    ASSERT_TRUE(view()["shown"]);
    EXPECT_EQ(view()["cards"][7]["state"], "ok");
    scroll_to("network.open./layers/5");
    click(anchor_point("network.open./layers/5"));
    scroll_to("network.field./layers/5/kernel_size");
    click(anchor_point("network.field./layers/5/kernel_size"));
    press(GLFW_KEY_END);
    press(GLFW_KEY_BACKSPACE);
    type("3");
    nlohmann::json v = view();
    EXPECT_EQ(v["cards"][5]["code"], "nn.AvgPool2d(3, stride=2)");
    EXPECT_EQ(v["cards"][5]["shape"], "torch.Size([1, 16, 4, 4])");
    EXPECT_EQ(v["cards"][7]["state"], "raises");
    EXPECT_EQ(v["cards"][7]["error"],
              "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x256 and 400x120)");
    EXPECT_EQ(v["cards"][8]["state"], "not_reached");
    // A value the core refuses stays typed, with the reason; the network keeps its last good kernel.
    type(",");
    v = view();
    EXPECT_FALSE(v["cards"][5]["refused"].is_null());
    EXPECT_EQ(v["cards"][5]["code"], "nn.AvgPool2d(3, stride=2)");
    EXPECT_EQ(a.probe.shown_text.count("network.card.5.refused"), 1u);
    // Undo takes the edit back: the Linear runs again.
    ASSERT_TRUE(undo(a.state.doc, a.state.interaction));
    frames(3);
    v = view();
    EXPECT_EQ(v["cards"][5]["code"], "nn.AvgPool2d(2)");
    EXPECT_EQ(v["cards"][7]["state"], "ok");
}

TEST_F(NetworkViewTest, ACellsReceptiveFieldLightsUpTheCoresInputCells) {
    open_window(a.state.view, window_id::kNetwork);
    frames(4);
    // net[5]'s map is 5x5: the cell at row 2, column 3.
    scroll_to("network.map.5");
    click(anchor_point("network.map.5", (3 + 0.5f) / 5.0f, (2 + 0.5f) / 5.0f));
    const nlohmann::json v = view();
    EXPECT_EQ(v["selected"], "net[5] (2, 3)");
    const Network& net = *a.state.doc.network;
    const NetworkShapes shapes = network_shapes(net);
    Result<ReceptiveField> field = receptive_field(net, shapes, {5}, {2, 3});
    ASSERT_TRUE(field);
    const CellSet& input = field.value().input;
    EXPECT_EQ(v["input_highlight"], runs_report_text(input.dims[2]) + ";" + runs_report_text(input.dims[3]));
    EXPECT_EQ(v["field_rows"], runs_report_text(field.value().h->cells));
    // Every map in between lights up too (net[0] is the first convolution's 28x28 output).
    const CellSet& first = *field.value().after[0];
    EXPECT_EQ(v["cards"][0]["highlight"],
              runs_report_text(first.dims[2]) + ";" + runs_report_text(first.dims[3]));
    EXPECT_NE(v["field_text"].get<std::string>().find("net[5], cell (2, 3)"), std::string::npos);
    // A feature of the first Linear (a one-row map of 120) depends on the whole input.
    scroll_to("network.map.7");
    const ScreenRect r = a.probe.anchors.at("network.map.7");
    click(ImVec2(r.x + 2.0f, r.y + r.h * 0.5f));
    const nlohmann::json linear = view();
    EXPECT_EQ(linear["selected"], "net[7] (0, 0)");
    EXPECT_EQ(linear["input_highlight"], "0-27;0-27");
}

TEST_F(NetworkViewTest, AnAskedShapeIsNotShownUntilRevealed) {
    open("11-lenet-shapes.json", 1);  // asks what leaves net[3] (the second convolution) and net[6]
    ASSERT_EQ(a.state.quiz.cards.size(), 2u);
    nlohmann::json v = view();
    std::string visible = v["visible_text"];
    EXPECT_EQ(visible.find("torch.Size([1, 400])"), std::string::npos);  // what leaves net[6] (Flatten)
    EXPECT_EQ(visible.find("torch.Size([1, 16, 10, 10])"), std::string::npos);  // what leaves net[3]
    EXPECT_EQ(v["cards"][3]["shape"], "?");
    EXPECT_EQ(v["cards"][4]["shape"], "?");  // the Sigmoid after it would tell it too
    EXPECT_EQ(v["cards"][6]["shape"], "?");
    EXPECT_EQ(v["cards"][9]["shape"], "?");
    EXPECT_EQ(v["cards"][2]["shape"], "torch.Size([1, 6, 14, 14])");  // an earlier layer still shows
    reveal_all();
    visible = view()["visible_text"];
    EXPECT_NE(visible.find("torch.Size([1, 16, 10, 10])"), std::string::npos);
    EXPECT_NE(visible.find("torch.Size([1, 400])"), std::string::npos);
}

// Editing the network keeps a step's cards and what is typed in them (the questions are about the step's
// network, and still hide what they ask).
TEST_F(NetworkViewTest, EditsKeepTheStepsQuestions) {
    open("11-lenet-shapes.json", 1);
    ASSERT_EQ(a.state.quiz.cards.size(), 2u);
    a.state.quiz.cards[0].answer.text = "1, 16, 10, 10";
    Result<Network> edited = set_layer_argument(*a.state.doc.network, "/layers/11", "out_features", 5);
    ASSERT_TRUE(edited);
    set_network(a.state.doc, std::move(edited).value());
    frames(3);
    ASSERT_EQ(a.state.quiz.cards.size(), 2u);
    EXPECT_EQ(a.state.quiz.cards[0].answer.text, "1, 16, 10, 10");
    EXPECT_EQ(view()["cards"][11]["code"], "nn.Linear(84, 5)");
    EXPECT_EQ(view()["cards"][4]["shape"], "?");
    EXPECT_FALSE(
        report()["lesson"]["window_shows_step"]);  // "playing freely": the step's badge is not claimed
    apply_step(a.state.lessons.session, a.state, a.playback);  // Reset step
    frames(3);
    EXPECT_TRUE(report()["lesson"]["window_shows_step"]);
    EXPECT_EQ(view()["cards"][11]["code"], "nn.Linear(84, 10)");
}

// Lesson 11 step 4 asks what leaves net[6] while the Linear after it raises: the error would quote it (and
// the red card tell where the sizes stop fitting), so it stays hidden with the shape.
TEST_F(NetworkViewTest, AnErrorAfterAnAskedShapeIsHiddenWithIt) {
    open("11-lenet-shapes.json", 3);
    nlohmann::json v = view();
    EXPECT_EQ(v["cards"][7]["state"], "hidden");
    EXPECT_EQ(v["cards"][7]["parameters"], "?");  // as for every hidden layer: nothing tells it apart
    EXPECT_EQ(v["total_parameters"], "?");        // (the layers that ran)
    EXPECT_EQ(v["visible_text"].get<std::string>().find("mat1"), std::string::npos);
    reveal_all();
    v = view();
    EXPECT_EQ(v["cards"][7]["state"], "raises");
    EXPECT_EQ(v["cards"][7]["error"],
              "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x1936 and 400x120)");
    EXPECT_EQ(v["cards"][8]["state"], "not_reached");
    EXPECT_EQ(v["total_parameters"], "2572");
}

TEST_F(NetworkViewTest, AnAskedReceptiveFieldIsNotShownUntilRevealed) {
    open("12-receptive-field.json", 0);
    ASSERT_FALSE(a.state.quiz.cards.empty());
    nlohmann::json v = view();
    EXPECT_FALSE(v["selected"].is_null());
    EXPECT_TRUE(v["input_highlight"].is_null());
    EXPECT_TRUE(v["field_rows"].is_null());
    reveal_all();
    v = view();
    EXPECT_FALSE(v["input_highlight"].is_null());
    EXPECT_FALSE(v["field_rows"].is_null());
}

// Every network step of lessons 11 and 12, revealed, with every card open: no text of the view cut.
TEST_F(NetworkViewTest, PresentationAt1280x720AndChineseCutNothing) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    for (bool chinese : {false, true}) {
        set_language(chinese ? Language::kChinese : Language::kEnglish);
        a.state.view.presentation = !chinese;
        for (const char* lesson : {"11-lenet-shapes.json", "12-receptive-field.json"}) {
            open(lesson, 0);
            for (size_t s = 0; s < step_total(a.state.lessons.session); ++s) {
                go_to_step(a.state.lessons.session, s);
                frames(4);
                reveal_all();
                for (const NetLayer& layer : a.state.doc.network->layers)
                    click(anchor_point("network.open." + layer.path));
                const nlohmann::json r = report();
                ASSERT_TRUE(r["network_view"]["shown"]) << lesson << " step " << s;
                for (const nlohmann::json& cut : r["layout"]["clipped_text"])
                    EXPECT_NE(cut["panel"], "network") << lesson << " step " << s << ": " << cut["text"];
            }
        }
    }
}

}  // namespace
}  // namespace poolscope::app::testing
