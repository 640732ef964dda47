// PoolScope's entry point: command-line commands run without a window; anything else opens the app.
// Shaped like ImGui's example_glfw_opengl3/main.cpp: options and state, window, Dear ImGui, fonts, a loop
// that sleeps when idle and runs one frame (frame.h) when there is something to show, cleanup in reverse.
#include <iostream>

#include "cli/cli.h"
#include "export/export_command.h"

#if POOLSCOPE_HAS_GUI
#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "frame.h"
#include "model/app_options.h"
#include "model/env_flag.h"
#include "model/idle_wake.h"
#include "model/lesson_player.h"
#include "model/paths.h"
#include "model/state_link.h"
#include "model/status_line.h"
#include "platform/frame_pacer.h"
#include "platform/main_loop.h"
#include "platform/renderer.h"
#include "platform/screenshot.h"
#include "platform/window.h"
#include "testing/frame_bench.h"
#include "testing/screen_text.h"
#include "testing/state_report.h"
#include "window_session.h"

namespace {

namespace app = poolscope::app;
using poolscope::cli::kExitInputError, poolscope::cli::kExitOk, poolscope::cli::kExitUsage;

int run_window(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();

    // Options and the starting state (before any window, so a typo fails fast and clearly)
    poolscope::Result<app::AppOptions> parsed = app::parse_app_options(argc, argv);
    if (!parsed) return std::cerr << "poolscope: " << parsed.error_text() << "\n", kExitUsage;
    auto session = std::make_unique<app::WindowSession>();  // what the loop reaches (window_session.h)
    app::WindowSession& s = *session;
    const app::AppOptions& options = s.options = std::move(parsed).value();
    if (options.help)
        return poolscope::cli::print_usage(std::cout), app::print_app_usage(std::cout << "\n"), kExitOk;
    poolscope::Result<app::AppState> initial = app::initial_state(options);
    if (!initial) return std::cerr << "poolscope: " << initial.error_text() << "\n", kExitUsage;
    app::App& a = s.app;
    a.startup.started = started;
    a.startup.mark("options");
    a.state = std::move(initial).value();
    app::start_lessons(a.state.lessons, app::executable_dir());  // shipped lessons, recent files
    if (!app::open_startup_lesson(a.state, a.playback, options)) return kExitInputError;
    app::start_shell(a.shell, a.state.view, a.state.interaction, options);      // settings, language, scale
    app::say_url_notes(a.state.lessons.session, a.state.interaction, options);  // the page's unusable values
    app::finish_link(a.state.gradient, a.state.interaction, options);  // --view; a link's unusable values
    const bool& screenshot = s.screenshot = options.screenshot_path.has_value();
    a.startup.mark("lesson and settings");

    // GLFW and an OpenGL 3.3 core window (hidden for screenshots: they draw off-screen)
    app::PlatformWindow& window = s.window;
    if (poolscope::Result<bool> opened =
            app::open_window(window, options.width, options.height, !screenshot, !options.bench_frames);
        !opened)
        return std::cerr << "poolscope: " << opened.error_text() << "\n", kExitInputError;
    app::attach_shell_window(a.shell, window.handle, a.state.view, options);  // HiDPI, placement, F5
    a.startup.mark("window");

    // Dear ImGui (its layout file in the user's config dir, never for pictures or benchmarks) and fonts
    if (!screenshot && !options.bench_frames) s.imgui_ini = app::config_file("imgui.ini");
    app::start_imgui(window, s.imgui_ini);
    a.cell_pictures = app::cell_pictures_drawable(window);
    a.baked_corners = !app::env_flag("POOLSCOPE_IMGUI_CORNERS");
    a.startup.mark("imgui");
    app::take_text_shown(a.fonts, a.state.view);  // the startup lesson's characters join the first atlas
    app::load_fonts_and_theme(a.shell, a.fonts, a.state.view, a.state.interaction);
    app::after_fonts(a.shell, a.fonts, a.state.interaction);  // no Chinese font: say so once, show English
    if (!a.fonts.message.empty()) std::cerr << "poolscope: " << a.fonts.message << "\n";
    a.startup.mark("fonts");
    app::OffscreenTarget& offscreen = s.offscreen;
    if (std::string error; screenshot && !offscreen.create(options.width, options.height, error))
        return std::cerr << "poolscope: " << error << "\n", kExitInputError;
    app::start_image_view(app::image_view(a), app::executable_dir());  // GPU pooler, sample pictures
    if (options.picture_path) app::open_picture(app::image_view(a), *options.picture_path);

    // Main loop
    if (options.state_out) app::record_screen_text(&a.probe);  // layout.screen_text
    if (options.bench_frames)
        s.bench.emplace(*options.bench_frames), a.draw_stats = app::draw_stats_from_env();
    app::WindowEvents& events = window.events;
    app::LoopHooks hooks;
    hooks.frame_shown = [&] { return a.frame > 0; };
    hooks.state_json = [&] { return app::state_to_json(app::reported_state(a)).dump(1); };  // for the page
    app::FramePacer& pacer = s.pacer.emplace(window, !screenshot, s.bench.has_value());     // frame_pacer.h
    hooks.frame = [&] {  // a while loop on the desktop; once per display frame in a browser
        if (s.bench) s.bench->begin_frame();
        app::WakeReasons why;
        why.now = screenshot || s.bench || events.frames_to_draw > 0;
        why.animating = a.playback.playing || a.state.interaction.anim.active;
        why.watching = app::lesson_wants_polling(a.state.lessons);
        why.file_changed = [&] { return app::lesson_file_changed(a.state.lessons.session); };
        if (!pacer.wait(why)) return true;
        events.frames_to_draw = std::max(events.frames_to_draw - 1, 0);
        if (app::is_iconified(window) && !screenshot) {
            app::wait_events(-1);
            return true;
        }
        if (events.content_scale)
            app::set_content_scale(a.shell, a.state.view, *std::exchange(events.content_scale, {}));
        if (a.state.view.fonts_need_rebuild) {
            a.state.view.fonts_need_rebuild = false;
            app::load_fonts_and_theme(a.shell, a.fonts, a.state.view, a.state.interaction);
            app::reload_font_texture(window);
        }

        app::begin_imgui_frame(window);
        app::FrameInput input;
        input.dt = screenshot ? 1.0f : ImGui::GetIO().DeltaTime;  // pictures show the end of animations
        input.now = ImGui::GetTime();
        input.dropped_paths = std::exchange(events.dropped_paths, {});
        input.bench_step = s.bench.has_value();
        const double clock = input.now;
        const app::FrameResult frame = app::run_frame(a, std::move(input));
        pacer.line_expires_in(app::seconds_to_next_expiry(a.state.interaction, a.state.lessons, clock));
        if (a.frame == 0) a.startup.mark("first frame laid out");
        if (const std::optional<bool> go_on = app::skip_drawing(a, window))  // the browser's first frame
            return *go_on || (s.exit_code = kExitInputError, false);
        if (frame.edited || frame.layout_changed) events.frames_to_draw = std::max(events.frames_to_draw, 2);
        app::release_held_keys(window);

        int width = options.width, height = options.height;
        if (!screenshot) app::framebuffer_size(window, width, height);
        app::prepare_draw(window, width, height, screenshot);
        pacer.before_draw();  // the last frame, rasterised while this one was laid out and prepared
        if (screenshot) offscreen.bind();
        app::draw_imgui(window, width, height, a.sheets, a.backdrop.clear_colour());
        if (++a.frame == 1) app::finish_first_frame(a.startup);
        if (a.state.interaction.quit_requested) app::set_should_close(window, true);
        if (app::should_close(window) && !app::lesson_allows_quit(a.state))
            app::set_should_close(window, false);  // unsaved lesson changes: the question comes first
        if (frame.report_requested) s.write_report();
        if (screenshot && a.frame >= s.kScreenshotFrames) {
            if (std::string error;
                !app::save_framebuffer_png(width, height, *options.screenshot_path, error)) {
                std::cerr << "poolscope: " << error << "\n";
                s.exit_code = kExitInputError;
            }
            return false;
        }
        if (!screenshot) pacer.after_draw(a.frame == 1);
        if (s.bench && app::end_bench_frame(*s.bench, a.draw_stats, double(width) * height)) return false;
        return true;
    };
    if (!app::run_loop_returns()) (void)session.release();  // the page keeps it (window_session.h)
    app::run_loop(window, std::move(hooks));
    s.write_report();

    // Cleanup, in reverse
    offscreen.destroy();
    app::release_image_view(app::image_view(a));
    app::finish_shell(a.shell, a.state.view);  // saves the settings and the window placement
    app::stop_imgui(window);
    app::close_window(window);
    return s.exit_code;
}

}  // namespace
#endif

int main(int argc, char** argv) {
// The page has no terminal: its link carries window options only (issue 34: less to download).
#ifndef __EMSCRIPTEN__
    if (argc > 1 && poolscope::cli::is_cli_command(argv[1]))
        return poolscope::cli::run(argc, argv, std::cin, std::cout, std::cerr,
                                   poolscope::app::run_export_command);
#endif
#if POOLSCOPE_HAS_GUI
    return run_window(argc, argv);
#else
    if (argc > 1 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        poolscope::cli::print_usage(std::cout);
        return poolscope::cli::kExitOk;
    }
    std::cerr << "poolscope: this build has no window (configured with POOLSCOPE_BUILD_APP=OFF); try "
                 "'poolscope --help'\n";
    return poolscope::cli::kExitUsage;
#endif
}
