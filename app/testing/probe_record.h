// What the probe was told this frame (widgets/ui_probe.h), kept for the state report and the headless tests:
// the rectangles of named widgets, the key texts the window cut off, the drawn cell size.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "widgets/ui_probe.h"

namespace poolscope::app {

// A key text the screen shows only in part: which panel, and the text.
struct ClippedText {
    std::string panel;
    std::string text;
};

// One text drawn this frame (layout.screen_text): where, and what. Grid cells carry their row and column.
struct ScreenText {
    std::string panel;
    std::string text;
    long long row = -1, col = -1;
};

struct ProbeRecord final : UiProbe {
    std::map<std::string, ScreenRect> anchors;     // refreshed every frame, never dropped
    std::vector<ClippedText> clipped_text;         // this frame's (cleared by new_frame)
    std::unordered_set<std::string> clipped_seen;  // panel + '\x1f' + text of those: one entry per text, O(1)
    float cell_px = 0.0f;                          // drawn input cell size, pixels (0: no grid drawn)
    std::vector<std::string> panels_shown;         // this frame's panels, by registry id, each once
    std::string cell_tip;                          // this frame's output-cell tooltip
    bool rows_beside = false;                      // the rows were placed beside the matrices
    std::vector<ScreenText> screen_text;           // this frame's texts (testing/screen_text.h records them)
    std::vector<std::string> scopes;               // whose texts come next (push_text_scope)
    long long scope_row = -1, scope_col = -1;      // the grid cell they belong to (text_cell)
    std::map<std::string, std::string, std::less<>> shown_text;  // this frame's named facts (text_shown)

    void rect_shown(std::string_view name, const ScreenRect& rect) override;
    void text_cut(std::string_view panel, std::string_view text) override;
    void cell_drawn(float px) override { cell_px = px; }
    void panel_shown(std::string_view id) override {  // once, however many places draw a part of it
        if (std::find(panels_shown.begin(), panels_shown.end(), id) == panels_shown.end())
            panels_shown.emplace_back(id);
    }
    void cell_tooltip(std::string_view text) override { cell_tip = text; }
    void rows_placed(bool beside) override { rows_beside = beside; }
    void push_text_scope(std::string_view name) override {
        scopes.emplace_back(name), scope_row = scope_col = -1;
    }
    void pop_text_scope() override {
        if (!scopes.empty()) scopes.pop_back();
        scope_row = scope_col = -1;
    }
    void text_cell(long long row, long long col) override { scope_row = row, scope_col = col; }
    // A text drawn into the ImGui window `window` (its name), under the current scope.
    void text_drawn(const char* window, std::string_view text);
    void text_shown(std::string_view name, std::string_view text) override {
        shown_text.insert_or_assign(std::string(name), std::string(text));
    }
    // Forgets the last frame's clipped texts, cell size, panels, tooltip and texts (anchors stay until
    // redrawn).
    void new_frame();
};

}  // namespace poolscope::app
