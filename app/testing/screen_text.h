// Every text the frame draws, for --state-out's layout.screen_text (issue 26: no hidden answer anywhere on
// the screen). Dear ImGui draws all text, its own widgets' and ours, through ImDrawList::AddText; the link
// wraps that (app/CMakeLists.txt: -Wl,--wrap) so each call is also told to the probe while one listens.
#pragma once

namespace poolscope::app {

struct ProbeRecord;

// Starts (a probe) or stops (nullptr) recording the texts drawn. Off by default: drawing then costs one
// null check per text.
void record_screen_text(ProbeRecord* probe);
// Whether this build records them (the link wraps AddText; not in the browser build).
bool screen_text_recordable();

}  // namespace poolscope::app
