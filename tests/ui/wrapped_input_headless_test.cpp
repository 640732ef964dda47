// The narration editor's wrapping field in an ImGui frame (widgets/wrapped_input.h, issue 29): a long line
// is shown wrapped at the field's width, typing into it (at the end, at a wrapped line's start, Enter)
// changes the text exactly as typed, and no soft break ever reaches the text.
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <string>

#include "headless_app.h"
#include "widgets/wrapped_input.h"

namespace poolscope::app::testing {
namespace {

class WrappedField : public HeadlessApp {
  protected:
    void SetUp() override {
        HeadlessApp::SetUp();
        map_keys_as_glfw();
    }
    // One frame with the field in a 300-pixel-wide window; returns whether the text changed.
    bool frame() {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(300, 300));
        ImGui::Begin("field", nullptr, ImGuiWindowFlags_NoDecoration);
        const bool changed = input_text_wrapped("##narration", text, field, ImVec2(-1.0f, 200.0f));
        rect_min = ImGui::GetItemRectMin();
        ImGui::End();
        ImGui::Render();
        return changed;
    }
    void click_field() {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(rect_min.x + 40, rect_min.y + 8);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
    void key(int k) {
        ImGui::GetIO().KeysDown[k] = true;
        frame();
        ImGui::GetIO().KeysDown[k] = false;
        frame();
    }
    void type(const std::string& s) {
        for (char c : s) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
            frame();
        }
    }
    static int count(const std::string& s, char c) {
        return static_cast<int>(std::count(s.begin(), s.end(), c));
    }

    std::string text =
        "With stride 3 the first window covers rows and columns 0 to 2, and the next one would need row 5.";
    WrappedInput field;
    ImVec2 rect_min;
};

TEST_F(WrappedField, ALongLineIsShownWrappedAndTypingKeepsTheTextAsTyped) {
    frame();
    EXPECT_GE(count(field.shown, '\r'), 2) << field.shown;  // wrapped into three lines or more
    EXPECT_EQ(count(text, '\n'), 0);
    const std::string original = text;

    click_field();
    key(GLFW_KEY_END);  // the end of the first shown line: typing there joins the text, not a break
    type("X");
    EXPECT_EQ(count(text, '\r'), 0);
    EXPECT_EQ(count(text, '\n'), 0);
    EXPECT_EQ(text.size(), original.size() + 1);
    std::string without_x = text;
    without_x.erase(without_x.find('X'), 1);
    EXPECT_EQ(without_x, original);

    key(GLFW_KEY_DOWN);  // into the wrapped second line, then its start
    key(GLFW_KEY_HOME);
    key(GLFW_KEY_BACKSPACE);  // joins nothing: deletes the character before the soft break
    EXPECT_EQ(text.size(), original.size());
    EXPECT_EQ(count(text, '\r'), 0);
    EXPECT_EQ(count(text, '\n'), 0);

    key(GLFW_KEY_ENTER);  // the user's own line break stays in the text
    EXPECT_EQ(count(text, '\n'), 1);
    EXPECT_EQ(count(text, '\r'), 0);
    for (int i = 0; i < 3; ++i)
        frame();
    EXPECT_EQ(count(text, '\r'), 0);
}

TEST_F(WrappedField, ANarrowerFieldWrapsAgainWithoutTouchingTheText) {
    frame();
    const int lines = count(field.shown, '\r');
    field.width = -1.0f;  // as if the column changed width
    frame();
    EXPECT_EQ(count(field.shown, '\r'), lines);
    EXPECT_EQ(count(text, '\r'), 0);
}

}  // namespace
}  // namespace poolscope::app::testing
