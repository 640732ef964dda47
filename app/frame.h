// One frame of the app, the same for the window (main.cpp) and the headless UI tests: the update
// (dropped files, keys, the lesson file, the shell) → recompute once → timeline and animation → draw every
// window. Start reading here to see what a frame does, in order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/app_state.h"
#include "model/playback.h"
#include "panels/file_dialog_window.h"
#include "panels/image_view.h"
#include "panels/row_room.h"
#include "panels/window.h"
#include "platform/rounded_rect_pass.h"
#include "platform/sheet_pictures.h"
#include "platform/startup_phases.h"
#include "shell/card_backdrop.h"
#include "shell/shell.h"
#include "testing/draw_stats.h"
#include "testing/probe_record.h"
#include "testing/state_report.h"
#include "widgets/fonts.h"

namespace poolscope::app {

struct PlatformWindow;

// Everything one window shows, owned by main() (or a test) and handed to run_frame() each frame.
struct App {
    App() { register_windows(windows); }
    AppState state;
    Playback playback;
    Shell shell;
    FontSet fonts;
    WindowRegistry windows;               // every panel, window and dialog, each with its own state
    ProbeRecord probe;                    // what the panels told the test probe this frame
    MeasuredHeights measured;             // the main window's rows as last drawn (panels/row_room.h)
    std::optional<DrawStats> draw_stats;  // POOLSCOPE_DRAW_STATS=1 with --bench-frames: what each frame draws
    CellSheets sheets;                    // this frame's cell pictures (platform/sheet_pictures.h)
    CardBackdrop backdrop;      // the main window's cards, filled by the clear (shell/card_backdrop.h)
    bool cell_pictures = true;  // grids draw their cells as pictures (off: as quads, e.g. no renderer)
    // Rounded rectangles drawn from the atlas' baked corners (platform/rounded_rect_pass.h); off:
    // POOLSCOPE_IMGUI_CORNERS=1, ImGui's own triangles (the tests compare the two pictures).
    bool baked_corners = true;
    RoundedRectPass rounded_rects;
    uint64_t frame = 0;     // frames drawn so far (main.cpp counts them)
    StartupPhases startup;  // main()'s start-up steps, the first frame on screen the last
};

// The registered windows main() and the tests reach: the Image view, and the file dialog.
ImageView& image_view(App& app);
FileDialogWindow& file_dialog(App& app);

struct FrameInput {
    float dt = 1.0f / 60.0f;                 // seconds since the last frame
    double now = 0;                          // seconds since start (the lesson file watch uses it)
    std::vector<std::string> dropped_paths;  // files dropped on the window since the last frame
    bool bench_step = false;                 // --bench-frames: move the timeline one cell this frame
};

struct FrameResult {
    bool report_requested = false;  // F12
    bool layout_changed = false;    // a panel needed another height: draw again so the rows settle
    bool edited = false;            // the document changed while drawing: the next frame shows it
};

// Runs ImGui::NewFrame() … ImGui::Render(); the caller starts the backends' frames before and draws the
// draw data after. Fonts that must grow (new lesson text) are flagged in state.view.fonts_need_rebuild.
FrameResult run_frame(App& app, FrameInput input);

// Before a laid-out frame is drawn. Where the window came without its GL context (the browser's first
// frame, platform/window.h make_gl_context), drawing starts now (platform/renderer.h start_drawing), marked
// as a start-up step. Nothing when the frame can be drawn; else whether the loop goes on without drawing it:
// true when it was laid out with cell pictures the renderer turned out unable to draw (another frame is asked
// for), false when there is no context (the reason on stderr).
std::optional<bool> skip_drawing(App& app, PlatformWindow& window);

// Brings derived data (plan, output, the step's traces) up to date with the last edits: the frame does it
// once, before drawing; a report written after the loop calls it too.
void sync_derived(App& app);
// What the state report reads (testing/state_report.h), derived data brought up to date first.
ReportedState reported_state(App& app);

}  // namespace poolscope::app
