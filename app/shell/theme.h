// The look: ImGui's light style with PoolScope's spacing and colours, or the high-contrast one for a
// projector (presentation mode or View → High contrast), at a UI scale.
#pragma once

namespace poolscope::app {

// `high_contrast`: presentation mode or the setting (shell.h: high_contrast()).
void apply_theme(bool high_contrast, float scale);

}  // namespace poolscope::app
