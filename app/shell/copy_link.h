// Edit → Copy link: the link to what the window shows (model/state_link.h) on the clipboard. The page address
// is the settings' web_base: --web-base on the desktop, the page's own address in the browser.
#pragma once

#include <string>

#include "model/app_state.h"
#include "model/playback.h"

namespace poolscope::app {

struct PanelContext;
struct Shell;

// The link Copy link writes now; empty when no page address is known.
std::string current_link(const Shell& shell, const AppState& state, const Playback& playback);
// Puts it on the clipboard and says so, or says how to give the page address.
void copy_link(PanelContext& ctx, const Shell& shell);

}  // namespace poolscope::app
