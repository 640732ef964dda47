// Nothing jumps under the pointer (issue 27): clicking a parameter's "+" again and again, toggling ceil_mode,
// a status message appearing and answering a quiz card wrong leave the buttons the user is about to click
// where they were (--state-out's anchors), at a laptop's and a projector's size, in English and Chinese.
#include <imgui.h>

#include <map>
#include <string>
#include <vector>

#include "headless_app.h"
#include "model/lesson_player.h"
#include "model/quiz_session.h"
#include "model/status_line.h"

namespace poolscope::app::testing {
namespace {

class StableAnchors : public HeadlessApp {
  protected:
    std::map<std::string, ScreenRect> anchors(const std::vector<std::string>& names) {
        frames(3);
        std::map<std::string, ScreenRect> kept;
        for (const std::string& n : names) {
            EXPECT_TRUE(a.probe.anchors.count(n)) << n;
            if (a.probe.anchors.count(n)) kept[n] = a.probe.anchors.at(n);
        }
        return kept;
    }
    // The "+" at the right end of an InputInt, clicked as a hand would.
    void click_plus(const std::string& anchor) {
        frames(2);
        ASSERT_TRUE(a.probe.anchors.count(anchor)) << anchor;
        const ScreenRect r = a.probe.anchors.at(anchor);
        click_at(ImVec2(r.x + r.w - r.h * 0.5f, r.y + r.h * 0.5f));
    }
    static std::string moved(const std::map<std::string, ScreenRect>& before,
                             const std::map<std::string, ScreenRect>& after) {
        std::string text;
        for (const auto& [name, r] : before) {
            const auto it = after.find(name);
            if (it == after.end() || it->second.x != r.x || it->second.y != r.y)
                text += " " + name + " (y " + std::to_string(r.y) + " -> " +
                        (it == after.end() ? std::string("gone") : std::to_string(it->second.y)) + ")";
        }
        return text;
    }
};

const std::vector<std::string> kParamFields = {"param.kernel_size.h", "param.stride.h", "param.padding.h",
                                               "param.dilation.h"};

TEST_F(StableAnchors, ParameterClicksAndMessagesMoveNoField) {
    for (ImVec2 size : {ImVec2(1366, 768), ImVec2(1280, 720)})
        for (Language language : {Language::kEnglish, Language::kChinese}) {
            set_language(language);
            a.state = make_default_state();
            ImGui::GetIO().DisplaySize = size;
            frames(3);
            const auto before = anchors(kParamFields);
            // kernel 3 -> 4 -> 5, padding 1 -> 2, stride 2 -> 3 -> 4, dilation 1 -> 2 (all valid): the
            // code line and the work line change length and wrap differently each time.
            for (const char* field : {"param.kernel_size.h", "param.kernel_size.h", "param.padding.h",
                                      "param.stride.h", "param.stride.h", "param.dilation.h"}) {
                click_plus(field);
                EXPECT_EQ(moved(before, anchors(kParamFields)), "")
                    << "after + on " << field << " at " << size.x << "x" << size.y << " "
                    << language_code(language) << ": " << layer_of(a.state.doc).params.kernel_size.h;
            }
            set_status(a.state.interaction, "A status message long enough to wrap if it were in a panel",
                       true);
            EXPECT_EQ(moved(before, anchors(kParamFields)), "") << "after a status message";
        }
    set_language(Language::kEnglish);
}

TEST_F(StableAnchors, AWrongAnswerKeepsTheCardsButtonsInPlace) {
    a.shell.save_enabled = false;
    ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
    ASSERT_TRUE(open_lesson_now(a.state, a.playback,
                                std::string(POOLSCOPE_LESSONS_DIR) + "/06-average-pooling.json", 0));
    const std::vector<std::string> buttons = {"quiz.check0", "quiz.reveal0", "lesson.next", "lesson.prev"};
    const auto before = anchors(buttons);
    a.state.quiz.cards[0].answer.text = "4";  // wrong: the divisor is 9
    check_card(a.state.quiz, a.state.lessons.session, 0, {});
    ASSERT_TRUE(a.state.quiz.cards[0].verdict && !a.state.quiz.cards[0].verdict->correct);
    EXPECT_EQ(moved(before, anchors(buttons)), "");
}

}  // namespace
}  // namespace poolscope::app::testing
