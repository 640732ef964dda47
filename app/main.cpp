// PoolScope's entry point: command-line commands run without a window; anything else opens the app.
// The window part follows ImGui's example_glfw_opengl3/main.cpp: options, GLFW + OpenGL 3.3 core window,
// Dear ImGui, fonts, state before the loop, a loop that sleeps when idle, cleanup in reverse.
#include <cstring>
#include <iostream>

#include "cli/cli.h"

#if POOLSCOPE_HAS_GUI
#include <glad/gl.h>
// glad first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app_options.h"
#include "app_state.h"
#include "fonts.h"
#include "frame_bench.h"
#include "gpu/gl_loader.h"
#include "i18n/i18n.h"
#include "idle_wake.h"
#include "lesson_ui.h"
#include "panels/image_view.h"
#include "panels/panels.h"
#include "playback.h"
#include "presentation.h"
#include "resource_paths.h"
#include "screenshot.h"
#include "state_report.h"

namespace {

using poolscope::app::AppState;

// Frames still to draw after input arrived (ImGui needs a couple to settle hover and layout), and key
// releases held back a frame: ImGui 1.86 reads keys as "down this frame", so a press and release that
// arrive together (a quick tap, xdotool, a remote desktop) would otherwise never be seen.
struct InputPump {
    struct Key {
        int key, scancode, mods;
    };
    int frames_to_draw = 3;
    std::vector<int> pressed_this_frame;
    std::vector<Key> held_releases;
    std::vector<std::string> dropped_paths;  // files dropped on the window, for the Image view

    // Called once per frame after the UI has read the keys.
    void release_held(GLFWwindow* window) {
        for (const Key& k : held_releases)
            ImGui_ImplGlfw_KeyCallback(window, k.key, k.scancode, GLFW_RELEASE, k.mods);
        if (!held_releases.empty()) frames_to_draw = std::max(frames_to_draw, 2);
        held_releases.clear();
        pressed_this_frame.clear();
    }
};

InputPump* pump_of(GLFWwindow* window) {
    return static_cast<InputPump*>(glfwGetWindowUserPointer(window));
}

void wake(GLFWwindow* window) {
    if (InputPump* p = pump_of(window)) p->frames_to_draw = 3;
}

// Installed before ImGui's backend, which chains to them: every input event wakes the loop.
void install_wakeup_callbacks(GLFWwindow* window) {
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { wake(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { wake(w); });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        wake(w);
        if (InputPump* p = pump_of(w))
            for (int i = 0; i < count; ++i)
                p->dropped_paths.emplace_back(paths[i]);
    });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });
}

// Replaces ImGui's key callback (after its Init) with one that holds back same-frame releases.
void install_key_callback(GLFWwindow* window) {
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        InputPump* p = pump_of(w);
        wake(w);
        if (p && action == GLFW_PRESS) p->pressed_this_frame.push_back(key);
        // Any release after a press in the same frame waits, modifiers included: Ctrl+Q must still see Ctrl.
        if (p && action == GLFW_RELEASE && !p->pressed_this_frame.empty()) {
            p->held_releases.push_back({key, scancode, mods});
            return;
        }
        ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
    });
}

// ImGui's window layout file lives in the user's config dir, never in the working directory.
std::string ini_path() {
    namespace fs = std::filesystem;
    fs::path dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        dir = fs::path(xdg) / "poolscope";
    else if (const char* home = std::getenv("HOME"); home && *home)
        dir = fs::path(home) / ".config" / "poolscope";
    else
        return {};
    std::error_code ec;
    fs::create_directories(dir, ec);
    return ec ? std::string() : (dir / "imgui.ini").string();
}

void rebuild_fonts(poolscope::app::FontSet& fonts, float scale) {
    poolscope::app::load_fonts(fonts, scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    poolscope::app::apply_theme(scale);
}

int run_window(int argc, char** argv) {
    namespace app = poolscope::app;
    const auto started = std::chrono::steady_clock::now();

    // Options and the starting state (before any window, so a typo fails fast and clearly)
    poolscope::Result<app::AppOptions> parsed = app::parse_app_options(argc, argv);
    if (!parsed) {
        std::cerr << "poolscope: " << parsed.error_text() << "\n";
        return poolscope::cli::kExitUsage;
    }
    const app::AppOptions options = std::move(parsed).value();
    if (options.help) {
        poolscope::cli::print_usage(std::cout);
        std::cout << "\n";
        app::print_app_usage(std::cout);
        return poolscope::cli::kExitOk;
    }
    app::Playback playback;
    poolscope::Result<AppState> initial = app::initial_state(options, playback);
    if (!initial) {
        std::cerr << "poolscope: " << initial.error_text() << "\n";
        return poolscope::cli::kExitUsage;
    }
    AppState state = std::move(initial).value();
    // The lesson player: shipped lessons, recent files, and FILE.json / --lesson from the command line
    app::start_lessons(state.lessons, app::executable_dir());
    if (!app::open_startup_lesson(state, playback, options)) return poolscope::cli::kExitInputError;
    app::start_shell(state, options);  // settings, language (--lang > saved > system locale), scale
    const bool screenshot = options.screenshot_path.has_value();

    // GLFW and an OpenGL 3.3 core window
    glfwSetErrorCallback(
        [](int code, const char* text) { std::cerr << "poolscope: GLFW " << code << ": " << text << "\n"; });
    if (!glfwInit()) {
        std::cerr << "poolscope: cannot open a window: no display is available (set DISPLAY, or run under "
                     "xvfb-run). The command line works without one: poolscope --help\n";
        return poolscope::cli::kExitInputError;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    glfwWindowHint(GLFW_VISIBLE, screenshot ? GLFW_FALSE : GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "PoolScope", nullptr, nullptr);
    if (!window) {
        std::cerr << "poolscope: cannot create an OpenGL 3.3 core window on this display\n";
        glfwTerminate();
        return poolscope::cli::kExitInputError;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.bench_frames ? 0 : 1);  // the benchmark times frames, not vsync waits
    if (poolscope::Result<poolscope::gpu::GlInfo> gl = poolscope::gpu::ensure_gl_loaded(); !gl) {
        std::cerr << "poolscope: " << gl.error_text() << "\n";
        glfwDestroyWindow(window);
        glfwTerminate();
        return poolscope::cli::kExitInputError;
    }
    InputPump wakeups;
    glfwSetWindowUserPointer(window, &wakeups);
    install_wakeup_callbacks(window);
    app::attach_shell_window(window, state, options);  // HiDPI scale, saved placement, --presentation

    // Dear ImGui context and backends
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    const std::string ini = screenshot || options.bench_frames ? std::string() : ini_path();
    io.IniFilename = ini.empty() ? nullptr : ini.c_str();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    install_key_callback(window);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // Fonts (Latin + merged CJK, glyphs limited to what is shown) and style at the UI scale
    app::FontSet fonts;
    app::load_fonts(fonts, app::font_scale(state));
    app::apply_theme(app::font_scale(state));
    app::after_fonts(fonts, state);  // no Chinese font: say so once, show English
    if (!fonts.message.empty()) std::cerr << "poolscope: " << fonts.message << "\n";

    // Screenshots draw into an off-screen framebuffer: a hidden window has no visible pixels to read
    app::OffscreenTarget offscreen;
    if (screenshot) {
        std::string error;
        if (!offscreen.create(options.width, options.height, error)) {
            std::cerr << "poolscope: " << error << "\n";
            return poolscope::cli::kExitInputError;
        }
    }

    // The Image view: the GPU pooler (shaders from the build tree or the install) and the sample pictures
    app::ImageView image_view;
    {
        std::error_code ec;
        const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        app::start_image_view(image_view, ec ? std::filesystem::path() : exe.parent_path());
    }
    if (options.picture_path) app::open_picture(image_view, *options.picture_path);

    // Main loop
    uint64_t reports = 0;
    int exit_code = poolscope::cli::kExitOk;
    constexpr uint64_t kScreenshotFrames = 6;
    std::optional<double> first_frame_ms;
    std::optional<app::FrameBench> bench;  // --bench-frames N
    if (options.bench_frames) bench.emplace(*options.bench_frames);
    while (!glfwWindowShouldClose(window)) {
        if (bench) bench->begin_frame();
        const bool moving = playback.playing || state.anim.active;
        if (screenshot || bench || wakeups.frames_to_draw > 0)
            glfwPollEvents();
        else if (moving)
            glfwWaitEventsTimeout(1.0 / 60.0);  // animating: about 60 frames a second, sooner on input
        else if (app::lesson_wants_polling(state.lessons)) {
            glfwWaitEventsTimeout(0.5);  // a lesson is open: wake twice a second to notice file changes
            // A timer wake with no input draws only when the file changed: a frame costs ~50 ms of CPU
            // under llvmpipe, and idle must stay under 1 % of a core.
            if (wakeups.frames_to_draw == 0 && !app::lesson_file_changed(state.lessons.session)) continue;
        } else
            glfwWaitEvents();  // idle: sleep until something happens
        wakeups.frames_to_draw = std::max(wakeups.frames_to_draw - 1, 0);
        if (glfwGetWindowAttrib(window, GLFW_ICONIFIED) && !screenshot) {
            glfwWaitEvents();
            continue;
        }
        if (state.fonts_need_rebuild) {
            state.fonts_need_rebuild = false;
            rebuild_fonts(fonts, app::font_scale(state));
        }

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        app::PanelContext ctx{state, playback, fonts};
        ctx.image_view = &image_view;
        app::route_dropped_files(ctx, wakeups.dropped_paths);  // lessons to the player, pictures stay
        for (const std::string& path : wakeups.dropped_paths)
            app::open_picture(image_view, path);
        wakeups.dropped_paths.clear();
        const bool report = app::handle_shortcuts(ctx);
        app::lesson_frame(ctx);  // file changed on disk, step changes, PgUp/PgDn, Ctrl+O/S
        app::shell_frame(ctx);   // F1 help, F5 presentation mode, settings that changed
        app::advance(playback, io.DeltaTime, app::step_count(state));
        if (bench) app::FrameBench::step(playback, app::step_count(state));
        app::recompute(state, playback);
        app::update_traces(state, playback);
        app::animate(state, playback, screenshot ? 1.0f : io.DeltaTime);
        app::draw_main_window(ctx);
        app::draw_lesson_windows(ctx);  // lesson browser, file picker, unsaved-changes question
        app::draw_image_view(ctx, image_view);
        app::draw_help_overlay(ctx);
        // Edits made while drawing are shown next frame; recompute now so reports see them too.
        if (state.dirty) wakeups.frames_to_draw = std::max(wakeups.frames_to_draw, 2);
        app::recompute(state, playback);
        app::update_traces(state, playback);
        ImGui::Render();
        wakeups.release_held(window);

        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        if (screenshot) {
            offscreen.bind();
            width = options.width;
            height = options.height;
        }
        glViewport(0, 0, width, height);
        glClearColor(0.95f, 0.955f, 0.965f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++state.frame;
        if (!first_frame_ms) {
            glFinish();
            first_frame_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            state.first_frame_ms = *first_frame_ms;
            if (std::getenv("POOLSCOPE_TIMING"))
                std::cerr << "poolscope: first frame after " << *first_frame_ms << " ms\n";
        }
        if (state.quit_requested) glfwSetWindowShouldClose(window, GLFW_TRUE);
        if (glfwWindowShouldClose(window) && !app::lesson_allows_quit(state))
            glfwSetWindowShouldClose(window, GLFW_FALSE);  // unsaved lesson changes: the question comes first
        if (report && options.state_out)
            app::write_state_file(state, playback, *options.state_out, ++reports);
        if (screenshot && state.frame >= kScreenshotFrames) {
            std::string error;
            if (!app::save_framebuffer_png(width, height, *options.screenshot_path, error)) {
                std::cerr << "poolscope: " << error << "\n";
                exit_code = poolscope::cli::kExitInputError;
            }
            break;
        }
        if (!screenshot) glfwSwapBuffers(window);
        if (bench) {
            glFinish();  // count llvmpipe's rasterising and the copy to the window in this frame
            bench->end_frame();
            if (bench->done()) {
                std::cout << bench->json() << std::endl;
                break;
            }
        }
    }
    if (options.state_out) app::write_state_file(state, playback, *options.state_out, ++reports);

    // Cleanup, in reverse
    offscreen.destroy();
    app::release_image_view(image_view);
    app::finish_shell(state);  // saves the settings and the window placement
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace
#endif

int main(int argc, char** argv) {
    if (argc > 1 && poolscope::cli::is_cli_command(argv[1]))
        return poolscope::cli::run(argc, argv, std::cin, std::cout, std::cerr);
#if POOLSCOPE_HAS_GUI
    return run_window(argc, argv);
#else
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        poolscope::cli::print_usage(std::cout);
        return poolscope::cli::kExitOk;
    }
    std::cerr << "poolscope: this build has no window (configured with POOLSCOPE_BUILD_APP=OFF); try "
                 "'poolscope --help'\n";
    return poolscope::cli::kExitUsage;
#endif
}
