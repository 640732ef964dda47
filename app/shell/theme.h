// The look: ImGui's light style with PoolScope's spacing and colours, or the high-contrast one for a
// projector (presentation mode or View → High contrast), at a UI scale.
#pragma once

namespace poolscope::app {

struct Shell;

void apply_theme(const Shell& shell, float scale);

}  // namespace poolscope::app
