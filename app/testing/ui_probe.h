// What real-window and headless tests read of the screen: the rectangles of named widgets (so a test can
// click a real control through xdotool) and which dialogs are up. Filled while drawing, reported by the
// state report; the model never sees it.
#pragma once

#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace poolscope::app {

struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;  // pixels, window coordinates
};

// A key text the screen shows only in part (testing/text_fit.h): which panel, and the text.
struct ClippedText {
    std::string panel;
    std::string text;
};

struct UiProbe {
    std::map<std::string, ScreenRect> anchors;     // refreshed every frame
    bool unsaved_modal_shown = false;              // the unsaved-changes question is on screen
    std::vector<ClippedText> clipped_text;         // this frame's clipped key texts (cleared by run_frame)
    std::unordered_set<std::string> clipped_seen;  // panel + '\x1f' + text of those: one entry per text, O(1)
    float cell_px = 0.0f;                          // drawn input cell size, pixels (0: no grid drawn)
    bool conflict_modal_shown = false;             // the external-change question is on screen
    std::vector<std::string> panels_shown;         // this frame's panels drawn (main_window.cpp), by id
    std::string cell_tooltip;                      // the hovered output cell's tooltip this frame (issue 26)
};

// Records the last ImGui item's screen rectangle under `name`.
void remember_item(UiProbe& probe, const char* name);
// Records a rectangle given in screen coordinates.
void remember_rect(UiProbe& probe, const char* name, float x, float y, float w, float h);

}  // namespace poolscope::app
