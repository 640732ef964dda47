// What tests and the state report see of the screen, told by the widgets and panels as they draw: the
// rectangles of named controls (so a test can click a real one through xdotool), key texts the window cuts
// off, the drawn cell size. The interface lives here, below the panels; the testing layer records what it is
// told (testing/probe_record.h), so nothing that draws includes the testing layer.
#pragma once

#include <string_view>

namespace poolscope::app {

struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;  // pixels, window coordinates
};

class UiProbe {
  public:
    // A named control's rectangle this frame.
    virtual void rect_shown(std::string_view name, const ScreenRect& rect) = 0;
    // A key text (timeline label, narration, badge ...) that `panel` shows only in part (widgets/text_fit.h).
    virtual void text_cut(std::string_view panel, std::string_view text) = 0;
    // The size an input cell was drawn at, in pixels.
    virtual void cell_drawn(float px) = 0;
    // A panel drawn this frame (its registry id), for layout.panels_shown.
    virtual void panel_shown(std::string_view id) = 0;
    // The hovered output cell's tooltip this frame: its value, or why it is hidden (issue 26).
    virtual void cell_tooltip(std::string_view text) = 0;
    // Where the step and walkthrough rows were placed: beside the matrices, or under them (issue 27).
    virtual void rows_placed(bool beside) = 0;
    // Whose texts are drawn until the matching pop, for layout.screen_text (issue 26): a panel's registry id
    // or a grid ("grid.output0"); outside any, the ImGui window's own name. text_cell names the grid cell
    // whose text is drawn next (-1, -1: none).
    virtual void push_text_scope(std::string_view scope) = 0;
    virtual void pop_text_scope() = 0;
    virtual void text_cell(long long row, long long col) = 0;
    // A fact a view put on screen this frame, by name ("network.shape.3" -> "torch.Size([1, 16, 10, 10])",
    // or "?" where a question hides it): the state report lists them as the view showed them.
    virtual void text_shown(std::string_view name, std::string_view text) = 0;

  protected:
    ~UiProbe() = default;
};

// Tells the probe the last ImGui item's screen rectangle under `name`.
void remember_item(UiProbe& probe, const char* name);
// Tells it a rectangle given in screen coordinates.
void remember_rect(UiProbe& probe, const char* name, float x, float y, float w, float h);

}  // namespace poolscope::app
