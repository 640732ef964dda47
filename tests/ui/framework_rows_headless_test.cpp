// Issue 30 in the window, drawn without a display: each new parameter appears under its framework's name
// (ONNX AveragePool's dilations, LpPool's p, the Global*Pool switch; TensorFlow's dilations, explicit
// padding, max_pool_with_argmax and include_batch_in_index), the code line follows, and lesson 10's dilated
// step matches in the window and in the compare view.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "frame.h"
#include "headless_app.h"
#include "model/convention_switch.h"
#include "model/lesson_player.h"
#include "testing/state_report.h"

namespace poolscope::app {
namespace {

class FrameworkRowsUi : public testing::HeadlessApp {
  protected:
    // Draws a few frames from a clean slate of anchors and returns the state report.
    nlohmann::json redraw() {
        commit_edit(a.state.doc);
        a.probe.anchors.clear();
        frames(3);
        return report();
    }
};

TEST_F(FrameworkRowsUi, OnnxShowsDilationsForAveragePoolPAndTheGlobalSwitch) {
    frames(2);
    set_convention(a.state.doc, Convention::kOnnx);
    a.state.doc.params.op = PoolOp::kAvg;
    a.state.doc.params.dilation = {2, 2};
    nlohmann::json j = redraw();
    EXPECT_TRUE(a.probe.anchors.count("param.dilation.h"));
    EXPECT_TRUE(a.probe.anchors.count("param.global_pool"));
    EXPECT_NE(j["layer_code"].get<std::string>().find("dilations=[2, 2]"), std::string::npos)
        << j["layer_code"];
    EXPECT_EQ(j["errors"].size(), 0u) << j["errors"];

    a.state.doc.params.global_pool = true;
    j = redraw();
    EXPECT_EQ(j["layer_code"],
              "onnx.helper.make_node(\"GlobalAveragePool\", inputs=[\"X\"], outputs=[\"Y\"])");
    EXPECT_FALSE(a.probe.anchors.count("param.kernel_size.h"));  // no window to set
    EXPECT_FALSE(a.probe.anchors.count("param.dilation.h"));

    a.state.doc.params.global_pool = false;
    a.state.doc.params.op = PoolOp::kLp;
    a.state.doc.params.norm_type = 3;
    j = redraw();
    EXPECT_TRUE(a.probe.anchors.count("param.norm_type"));
    EXPECT_NE(j["layer_code"].get<std::string>().find("\"LpPool\""), std::string::npos) << j["layer_code"];
    EXPECT_EQ(j["errors"].size(), 0u) << j["errors"];
}

TEST_F(FrameworkRowsUi, TensorFlowShowsDilationsExplicitPaddingAndArgmax) {
    frames(2);
    set_convention(a.state.doc, Convention::kTensorFlow);
    a.state.doc.params.op = PoolOp::kMax;
    nlohmann::json j = redraw();
    EXPECT_TRUE(a.probe.anchors.count("param.dilation.h"));
    EXPECT_TRUE(a.probe.anchors.count("param.return_indices"));
    EXPECT_FALSE(a.probe.anchors.count("param.include_batch_in_index"));

    a.state.doc.params.return_indices = true;
    j = redraw();
    EXPECT_TRUE(a.probe.anchors.count("param.include_batch_in_index"));
    EXPECT_EQ(j["layer_code"].get<std::string>().rfind("tf.nn.max_pool_with_argmax(", 0), 0u)
        << j["layer_code"];

    a.state.doc.params.return_indices = false;
    set_pad_mode(a.state.doc, PadMode::kExplicit);
    a.state.doc.params.padding = {1, 0, 1, 0};
    j = redraw();
    EXPECT_TRUE(a.probe.anchors.count("param.padding.h"));  // numbers: top / left, then bottom / right
    EXPECT_TRUE(a.probe.anchors.count("param.pads_end.h"));
    EXPECT_EQ(j["layer_code"].get<std::string>().rfind("tf.nn.max_pool2d(", 0), 0u) << j["layer_code"];

    set_pad_mode(a.state.doc, PadMode::kSameUpper);
    a.state.doc.params.dilation = {2, 2};
    a.state.doc.params.stride = Pair{1, 1};
    a.state.doc.stride_follows_kernel = false;
    j = redraw();
    EXPECT_EQ(j["layer_code"].get<std::string>().rfind("tf.nn.pool(", 0), 0u) << j["layer_code"];
    EXPECT_EQ(j["errors"].size(), 0u) << j["errors"];
}

TEST_F(FrameworkRowsUi, LessonTenDilatedStepMatchesAndTheCompareViewSaysWhyPyTorchDiffers) {
    const std::string path = std::string(POOLSCOPE_LESSONS_DIR) + "/10-frameworks.json";
    ASSERT_TRUE(open_lesson_now(a.state, a.playback, path, 6));
    set_window_open(a.state.view, window_id::kCompare, true);
    a.probe.anchors.clear();
    frames(4);
    const nlohmann::json j = report();
    EXPECT_EQ(j["convention"], "onnx");
    EXPECT_EQ(j["lesson"]["badge"], "matches");
    const nlohmann::json& columns = j["compare"]["columns"];
    ASSERT_EQ(columns.size(), 4u);
    ASSERT_FALSE(columns[0]["differences"].empty()) << columns[0];
    EXPECT_EQ(columns[0]["differences"][0], "cannot_dilate") << columns[0];
    EXPECT_EQ(columns[1]["differences"].size(), 0u) << columns[1];  // tf.nn.pool agrees
}

}  // namespace
}  // namespace poolscope::app
