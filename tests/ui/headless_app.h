// The fixture the headless UI tests share: the window's own frame (app/frame.h) in an ImGui context with no
// display and no GL (the font atlas built in memory), at 1280×800, in English; frames() runs the frame,
// report() is what --state-out would write.
#pragma once

#include <gtest/gtest.h>

#include <GLFW/glfw3.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "frame.h"
#include "i18n/i18n.h"
#include "model/app_state.h"
#include "testing/screen_text.h"
#include "testing/state_report.h"
#include "widgets/fonts.h"

namespace poolscope::app::testing {

class HeadlessApp : public ::testing::Test {
  protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        a.state = make_default_state();
        load_fonts(a.fonts, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        record_screen_text(&a.probe);  // layout.screen_text, as --state-out records it
    }
    void TearDown() override {
        record_screen_text(nullptr);
        ImGui::DestroyContext();
        set_language(Language::kEnglish);
        FcFini();  // fontconfig keeps its parsed configuration until told otherwise (LeakSanitizer)
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
            FrameInput input;
            input.dt = 1.0f / 60.0f;
            input.now = ImGui::GetTime();
            run_frame(a, std::move(input));
        }
    }
    // ImGui's named keys mapped to GLFW's key codes, as the GLFW backend maps them, for the tests that press
    // keys (io.KeysDown[GLFW_KEY_...]).
    static void map_keys_as_glfw() {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
        io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
        io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
        io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
        io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
        io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
        io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
        io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    }
    // One frame with the mouse at `at` (button down or up) and only `key` held (-1: none).
    void frame_at(ImVec2 at, bool down, int key = -1) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        io.MouseDown[0] = down;
        for (bool& k : io.KeysDown)
            k = false;
        if (key >= 0) io.KeysDown[key] = true;
        frames(1);
    }
    // A left click at `at`, over a few frames as a hand would: move, press, release.
    void click_at(ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frames(2);
        io.MouseDown[0] = true;
        frames(1);
        io.MouseDown[0] = false;
        frames(2);
    }
    // The same in the middle of an item the frame reported (its anchor).
    void click_anchor_center(const char* anchor) {
        frames(2);
        ASSERT_TRUE(a.probe.anchors.count(anchor)) << anchor;
        const ScreenRect& r = a.probe.anchors.at(anchor);
        click_at(ImVec2(r.x + r.w / 2, r.y + r.h / 2));
    }
    nlohmann::json report() {
        sync_derived(a);
        return state_to_json(reported_state(a));
    }

    App a;
};

}  // namespace poolscope::app::testing
