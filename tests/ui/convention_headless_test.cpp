// The framework in the window, drawn without a display (issue 11 item 1, issue 17 "In the window"): lesson 02
// step 4 (MXNet) renders MXNet's output with the badge matching, and the state report says so; step 5 then
// shows PyTorch's refusal; choosing a framework changes the parameter rows, the code line and the output.
#include <gtest/gtest.h>

#include <GLFW/glfw3.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "frame.h"
#include "headless_app.h"
#include "i18n/i18n.h"
#include "model/convention_switch.h"
#include "model/lesson_player.h"
#include "testing/state_report.h"

namespace poolscope::app {
namespace {

class ConventionUi : public testing::HeadlessApp {};

// The output as a matrix: the report keeps the input's rank (a lesson's 1x1xHxW stays 4-D).
nlohmann::json matrix(nlohmann::json j) {
    while (j.is_array() && j.size() == 1 && j[0].is_array() && j[0][0].is_array())
        j = j[0];
    return j;
}

TEST_F(ConventionUi, LessonTwoStepFourShowsMxnetsOutputAndTheBadgeMatches) {
    ASSERT_TRUE(open_lesson_now(a.state, a.playback,
                                std::string(POOLSCOPE_LESSONS_DIR) + "/02-padding-and-stride.json", 3));
    a.probe.anchors.clear();
    frames(4);
    nlohmann::json j = report();
    EXPECT_EQ(j["convention"], "mxnet");
    EXPECT_EQ(j["convention_options"]["pooling_convention"], "valid");
    EXPECT_EQ(matrix(j["output"]), nlohmann::json::parse("[[0,3],[8,11],[12,15]]"));
    EXPECT_EQ(j["output_shape"], nlohmann::json::parse("[1,3,2]"));
    EXPECT_EQ(j["lesson"]["badge"], "matches");
    EXPECT_TRUE(j["lesson"]["window_shows_step"].get<bool>());
    EXPECT_EQ(j["errors"].size(), 0u);
    EXPECT_NE(j["layer_code"].get<std::string>().find("nn.MaxPool2D("), std::string::npos);
    EXPECT_TRUE(a.probe.anchors.count("param.framework"));
    EXPECT_FALSE(a.probe.anchors.count("param.dilation.h"));  // MXNet has no dilation

    ASSERT_TRUE(next_step(a.state.lessons.session));  // step 5: the same layer in PyTorch
    frames(4);
    j = report();
    EXPECT_EQ(j["lesson"]["step"], 4);
    EXPECT_EQ(j["convention"], "pytorch");
    EXPECT_TRUE(j["output"].is_null());
    ASSERT_FALSE(j["errors"].empty());
    EXPECT_EQ(j["errors"][0]["code"], "padding_half_kernel");
    EXPECT_EQ(j["lesson"]["badge"], "matches");
    EXPECT_TRUE(a.probe.anchors.count("ui.error_box"));
}

TEST_F(ConventionUi, ChoosingTensorFlowShowsItsRowsCodeAndOutput) {
    frames(2);
    set_convention(a.state.doc, Convention::kTensorFlow);
    a.probe.anchors.clear();  // anchors are refreshed by drawing, never dropped: start from none
    frames(3);
    nlohmann::json j = report();
    EXPECT_EQ(j["convention"], "tensorflow");
    EXPECT_EQ(j["convention_options"]["padding"], "same");
    EXPECT_EQ(j["layer_code"], "tf.keras.layers.MaxPool2D(pool_size=3, strides=2, padding=\"same\")");
    EXPECT_EQ(matrix(j["output"]), nlohmann::json::parse("[[10,11],[14,15]]"));
    EXPECT_TRUE(a.probe.anchors.count("param.pad_mode"));
    EXPECT_FALSE(a.probe.anchors.count("param.padding.h"));  // a word, not numbers
    EXPECT_FALSE(a.probe.anchors.count("param.ceil_mode"));  // Keras has none

    set_convention(a.state.doc, Convention::kOnnx);
    a.probe.anchors.clear();
    frames(3);
    j = report();
    EXPECT_EQ(j["convention"], "onnx");
    EXPECT_EQ(j["convention_options"]["auto_pad"], "same_upper");
    EXPECT_TRUE(a.probe.anchors.count("param.storage_order"));
    EXPECT_TRUE(a.probe.anchors.count("param.ceil_mode"));
    EXPECT_EQ(j["layer_code"].get<std::string>().rfind("onnx.helper.make_node(\"MaxPool\"", 0), 0u);

    set_language(Language::kChinese);
    frames(2);  // the Chinese rows draw too
    EXPECT_TRUE(a.probe.anchors.count("param.framework"));
}

TEST_F(ConventionUi, TheCompareViewDrawsFourFrameworksAndTheReportListsThem) {
    open_window(a.state.view, window_id::kCompare);
    a.state.doc.params.op = PoolOp::kAvg;
    commit_edit(a.state.doc);
    frames(3);
    for (const char* anchor :
         {"compare.window", "compare.pytorch", "compare.tensorflow", "compare.onnx", "compare.mxnet"})
        EXPECT_TRUE(a.probe.anchors.count(anchor)) << anchor;
    nlohmann::json j = report();
    ASSERT_TRUE(j["compare_open"].get<bool>());
    const nlohmann::json& columns = j["compare"]["columns"];
    ASSERT_EQ(columns.size(), 4u);
    EXPECT_EQ(columns[1]["convention"], "tensorflow");
    EXPECT_EQ(matrix(columns[1]["output"]), nlohmann::json::parse("[[5,6.5],[11,12.5]]"));
    EXPECT_EQ(columns[1]["values_differ"], 4);
    EXPECT_EQ(columns[3]["differences"].size(), 0u);
    set_language(Language::kChinese);  // the reasons in Chinese draw too
    frames(2);
    EXPECT_TRUE(a.probe.anchors.count("compare.window"));
}

}  // namespace
}  // namespace poolscope::app
