// Edit → Copy link on the desktop (issue 31), headless: clicking the real menu item puts on the clipboard the
// link the state report names (what a link test opens in the browser), and says so; without a page address it
// says how to give one; a link that sets a state shows it without the start card.
#include <imgui.h>

#include "headless_app.h"
#include "model/app_options.h"
#include "model/state_link.h"
#include "shell/shell.h"

namespace poolscope::app::testing {
namespace {

class CopyLink : public HeadlessApp {};

TEST_F(CopyLink, TheMenuItemCopiesTheStateReportsLink) {
    a.shell.save_enabled = false;
    a.shell.settings.web_base = "https://example.org/poolscope/index.html?old=1";
    a.state.gradient.pass = PassView::kBackward;
    set_window_open(a.state.view, window_id::kCompare, true);
    frames(2);
    const std::string link = report()["link"];
    EXPECT_TRUE(link.starts_with("https://example.org/poolscope/index.html#params=")) << link;
    EXPECT_NE(link.find("&view=backward,compare&lang=en"), std::string::npos) << link;
    ImGui::SetClipboardText("");
    click_anchor_center("menu.edit");
    click_anchor_center("menu.copy_link");
    EXPECT_EQ(std::string(ImGui::GetClipboardText()), link);
    EXPECT_NE(a.state.interaction.status.find("Copied a link"), std::string::npos)
        << a.state.interaction.status;
    EXPECT_FALSE(a.state.interaction.status_is_error);
}

TEST_F(CopyLink, WithoutAPageAddressItSaysHowToGiveOne) {
    a.shell.save_enabled = false;
    a.shell.settings.web_base.clear();
    frames(2);
    EXPECT_EQ(report()["link"], "");
    ImGui::SetClipboardText("unchanged");
    click_anchor_center("menu.edit");
    click_anchor_center("menu.copy_link");
    EXPECT_EQ(std::string(ImGui::GetClipboardText()), "unchanged");
    EXPECT_NE(a.state.interaction.status.find("--web-base"), std::string::npos) << a.state.interaction.status;
    EXPECT_TRUE(a.state.interaction.status_is_error);
}

TEST_F(CopyLink, ALinkThatSetsAStateShowsItWithoutTheStartCard) {
    AppOptions options;
    options.link = "https://example.org/p/#lang=zh";
    EXPECT_TRUE(wants_start_card(Settings{}, options));  // only a language: the card greets as usual
    options.params_text = R"({"kernel_size":2})";
    EXPECT_FALSE(wants_start_card(Settings{}, options));
    options.link.reset();
    EXPECT_TRUE(wants_start_card(Settings{}, options));  // --params on the command line: as before
}

}  // namespace
}  // namespace poolscope::app::testing
