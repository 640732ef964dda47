// Edit → Copy link (see copy_link.h).
#include "shell/copy_link.h"

#include <imgui.h>

#include <cstdio>

#include "i18n/i18n.h"
#include "model/paths.h"
#include "model/state_link.h"
#include "panels/window.h"
#include "shell/shell.h"

namespace poolscope::app {

std::string current_link(const Shell& shell, const AppState& state, const Playback& playback) {
    if (shell.settings.web_base.empty()) return {};
    return link_to_state(state, playback, state.view.presentation, shell.settings.web_base,
                         lessons_dir(executable_dir()));
}

void copy_link(PanelContext& ctx, const Shell& shell) {
    const std::string link = current_link(shell, ctx.state, ctx.playback);
    if (link.empty()) {
        set_status(ctx.state.interaction, tr("status.link_no_base"), true);
        return;
    }
    ImGui::SetClipboardText(link.c_str());
    char text[256];
    std::snprintf(text, sizeof text, tr("status.copied_link_fmt"), static_cast<int>(link.size()));
    set_status(ctx.state.interaction, text, false);
}

}  // namespace poolscope::app
