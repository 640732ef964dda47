// One frame (see frame.h).
#include "frame.h"

#include <algorithm>
#include <iostream>
#include <optional>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow: a window still placing itself

#include "model/lesson_player.h"
#include "model/status_line.h"
#include "panels/lesson_windows.h"
#include "panels/panels.h"
#include "platform/renderer.h"
#include "platform/rounded_rect_pass.h"
#include "platform/window.h"
#include "shell/actions.h"
#include "shell/main_window.h"
#include "shell/shell.h"
#include "testing/frame_bench.h"

namespace poolscope::app {
namespace {

// A window opened this frame (a popup, a dialog, a menu) is measured while hidden and placed a frame later:
// the idle loop must draw until it has settled, or it would stay invisible (or half placed) until the next
// input.
bool window_settling() {
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        // A child scrolled wholly out of view is hidden again every frame: that is not settling (counting it
        // kept the window redrawing while, say, a code box sat below the lesson column's fold).
        const bool clipped_child = (window->Flags & ImGuiWindowFlags_ChildWindow) &&
                                   !(window->Flags & ImGuiWindowFlags_Popup) && !window->Appearing;
        if (window->Active && (window->Appearing || window->HiddenFramesCannotSkipItems > 0 ||
                               (window->HiddenFramesCanSkipItems > 0 && !clipped_child) ||
                               window->HiddenFramesForRenderOnly > 0))
            return true;
    }
    return false;
}

}  // namespace

void sync_derived(App& app) {
    AppState& s = app.state;
    recompute(s.doc, s.computed, s.interaction, app.playback);
    update_traces(s.computed, s.doc, app.playback);
    update_gradients(s.gradient, s.doc, s.computed, app.playback);
    sync_quiz(s.quiz, s.lessons.session, s.doc, s.computed, app.playback, app.shell.dir);
}

ImageView& image_view(App& app) {
    return app.windows.get<ImageWindow>().view;
}

FileDialogWindow& file_dialog(App& app) {
    return app.windows.get<FileDialogWindow>();
}

ReportedState reported_state(App& app) {
    sync_derived(app);
    return {app.state, app.playback, app.shell, app.probe, app.frame, &file_dialog(app), &app.startup};
}

FrameResult run_frame(App& app, FrameInput input) {
    AppState& state = app.state;
    Playback& playback = app.playback;
    ImGui::NewFrame();
    app.probe.new_frame();  // this frame's clipped texts and cell size, for the state report
    app.sheets.clear();
    app.backdrop.new_frame();
    PanelContext ctx{state,         playback,  app.fonts,   app.measured,
                     app.shell.dir, app.probe, app.windows, app.cell_pictures ? &app.sheets : nullptr,
                     &app.backdrop};

    // Update: what arrived since the last frame.
    route_dropped_files(state, playback, input.dropped_paths);  // lessons to the player, pictures stay
    for (const std::string& path : input.dropped_paths)
        open_picture(image_view(app), path);
    FrameResult result;
    result.report_requested = handle_shortcuts(ctx, app.shell);
    // Status lines last a few seconds (model/status_line.h); a lesson file changed on disk or a new step
    // comes into the document; the step's picture into the Image view; the shell saves what the view changed.
    expire_messages(state.interaction, state.lessons, input.now);
    update_lesson(state, playback, input.now);
    show_step_picture(state.lessons, image_view(app));
    shell_frame(app.shell, state.view, state.interaction);

    // Derived data once, then time.
    recompute(state.doc, state.computed, state.interaction, playback);
    const int64_t step_before = playback.step;
    advance(playback, input.dt, step_count(state.computed));
    if (input.bench_step) FrameBench::step(playback, step_count(state.computed));
    sync_quiz(state.quiz, state.lessons.session, state.doc, state.computed, playback, app.shell.dir);
    // Playing stops at an open question's window (issue 26); quiz mode's question is made for the window
    // reached, so the cards are brought up to date first, and again if the timeline was held back.
    if (hold_at_open_question(state.quiz, state.computed, playback, step_before))
        sync_quiz(state.quiz, state.lessons.session, state.doc, state.computed, playback, app.shell.dir);
    update_traces(state.computed, state.doc, playback);
    update_gradients(state.gradient, state.doc, state.computed, playback);
    animate(state.interaction.anim, state.doc, state.computed, playback, input.dt);

    // Draw (edits made while drawing are recomputed and shown next frame): the main window (its panels, the
    // lesson column and the Image view's tab, from the registry), then the floating windows and dialogs,
    // each drawing nothing while it is closed (panels/windows.cpp).
    draw_main_window(ctx, app.shell);
    for (const std::unique_ptr<Window>& window : app.windows.all()) {
        const Placement where = window->info().placement;
        if (where == Placement::kFloating || where == Placement::kDialog) window->draw(ctx);
    }
    // New lesson text needs glyphs: the fonts are rebuilt before the next frame.
    if (take_text_shown(app.fonts, state.view)) state.view.fonts_need_rebuild = true;
    app.backdrop.paint(*ImGui::GetBackgroundDrawList(), ImGui::GetIO().DisplaySize);
    ImGui::Render();
    if (app.baked_corners)
        app.rounded_rects.run(*ImGui::GetDrawData(), app.fonts.stencils, ImGui::GetIO().Fonts->TexID);
    result.layout_changed = std::exchange(app.measured.layout_changed, false) || window_settling();
    result.edited = is_stale(state.doc, state.computed);
    if (app.draw_stats) app.draw_stats->add(*ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
    return result;
}

std::optional<bool> skip_drawing(App& app, PlatformWindow& window) {
    if (window.drawing) return std::nullopt;
    if (Result<bool> started = start_drawing(window); !started) {
        std::cerr << "poolscope: " << started.error_text() << "\n";
        return false;
    }
    app.startup.mark("GL context");
    if (std::exchange(app.cell_pictures, cell_pictures_drawable(window)) && !app.cell_pictures) {
        window.events.frames_to_draw = std::max(window.events.frames_to_draw, 2);  // laid out without them
        return true;
    }
    return std::nullopt;
}

}  // namespace poolscope::app
