// File → Export exports what the window shows (issue 29), clicked with the mouse in the app's own frame: on a
// Backward step, after "1, 2, 3, …" fills grad_output, the SVG holds that grad_output and the core's
// grad_input for it (with the legend asked for by its checkbox); on a shape step the dialog picks the
// output-size walkthrough, here in Chinese.
#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "headless_app.h"
#include "model/lesson_player.h"
#include "model/number_text.h"
#include "model/view.h"
#include "poolscope/pool_backward.h"

namespace poolscope::app::testing {
namespace {
namespace fs = std::filesystem;

class ExportViews : public HeadlessApp {
  protected:
    void SetUp() override {
        HeadlessApp::SetUp();
        a.shell.save_enabled = false;
        dir = fs::temp_directory_path() / ("poolscope-export-views-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        was = fs::current_path();
        fs::current_path(dir);  // the dialog's first path is ./poolscope-export.gif
    }
    void TearDown() override {
        fs::current_path(was);
        fs::remove_all(dir);
        HeadlessApp::TearDown();
    }
    bool on_screen(const std::string& text) {
        const nlohmann::json shown = report();  // kept: the loop reads into it
        for (const auto& item : shown["layout"]["screen_text"])
            if (item["text"] == text) return true;
        return false;
    }
    // Clicks Export (SVG) in File → Export and waits for the worker to write the file; its text.
    std::string export_svg(bool legend) {
        open_window(a.state.view, "export");
        frames(3);
        click_anchor_center("export.format.svg");
        if (legend) click_anchor_center("export.legend");
        click_anchor_center("export.go");
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (window_open(a.state.view, "export") && std::chrono::steady_clock::now() < give_up) {
            frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        std::ifstream in(dir / "poolscope-export.svg");
        EXPECT_TRUE(in) << a.state.interaction.status;
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    static std::vector<std::string> texts(const std::string& svg, const std::string& cls) {
        const std::regex text_re("<text class=\"" + cls + "\"[^>]*>([^<]*)</text>");
        std::vector<std::string> out;
        for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_re); it != std::sregex_iterator();
             ++it)
            out.push_back(std::regex_replace(std::string((*it)[1]), std::regex("&apos;"), "'"));
        return out;
    }
    static std::vector<std::string> cells(const Tensor& t) {
        std::vector<std::string> out;
        for (int64_t r = 0; r < t.shape().h; ++r)
            for (int64_t c = 0; c < t.shape().w; ++c)
                out.push_back(cell_value_text(t.at(0, 0, r, c), true));
        return out;
    }

    fs::path dir, was;
};

TEST_F(ExportViews, TheBackwardViewExportsItsGradientsWithTheCoresNumbers) {
    // Lesson 09 step 5: MaxPool2d(2, stride=1) on 4 × 4, nine windows sharing maxima.
    ASSERT_TRUE(
        open_lesson_now(a.state, a.playback, fs::path(POOLSCOPE_LESSONS_DIR) / "09-backward.json", 4));
    frames(3);
    ASSERT_EQ(a.state.gradient.pass, PassView::kBackward);
    click_anchor_center("ui.grad.arange");  // grad_output 1, 2, 3, … as the student fills it
    const int64_t steps = step_count(a.state.computed);
    jump_to(a.playback, steps - 1, steps);  // the last window: grad_input complete
    frames(3);
    ASSERT_TRUE(a.state.gradient.plan);
    const Tensor input = a.state.gradient.input, grad_output = a.state.gradient.grad_output;
    EXPECT_EQ(grad_output.at(0, 0, 0, 1), 2.0f);
    const BackwardOutput core = backward(*a.state.gradient.plan, input, grad_output);

    open_window(a.state.view, "export");
    frames(6);
    EXPECT_TRUE(on_screen("The Backward view (grad_output, grad_input)"));
    close_window(a.state.view, "export");
    const std::string svg = export_svg(true);
    const std::vector<std::string> values = texts(svg, "v");
    std::vector<std::string> expected = cells(input);
    for (const Tensor* t : {&grad_output, &core.grad_input})
        for (const std::string& v : cells(*t))
            expected.push_back(v);
    EXPECT_EQ(values, expected);
    const std::vector<std::string> lines = texts(svg, "line");
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front(), "Output cell (2, 2), window 9 of 9: its gradient flows back.");
    EXPECT_EQ(texts(svg, "legend"),
              (std::vector<std::string>{"window", "max (argmax)",
                                        "this window's share of its gradient, added to the cell"}));
}

TEST_F(ExportViews, AShapeStepExportsItsWalkthroughInTheWindowsLanguage) {
    set_language(Language::kChinese);
    ASSERT_TRUE(
        open_lesson_now(a.state, a.playback, fs::path(POOLSCOPE_LESSONS_DIR) / "05-output-size.json", 0));
    frames(3);
    const std::string svg = export_svg(false);  // the dialog chose the walkthrough for a shape step
    const std::vector<std::string> lines = texts(svg, "line");
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[0], "无填充，步幅为 1");
    EXPECT_EQ(lines[1].rfind("H_out = ⌊(H + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1", 0), 0u);
    EXPECT_EQ(lines.back().rfind("输出形状：1 × 4 × 4 → 1 × 2 × 2", 0), 0u) << lines.back();
    EXPECT_TRUE(texts(svg, "v").empty());  // no grids
}

}  // namespace
}  // namespace poolscope::app::testing
