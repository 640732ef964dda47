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

#include "app_options.h"
#include "app_state.h"
#include "fonts.h"
#include "gpu/gl_loader.h"
#include "i18n/i18n.h"
#include "lesson_ui.h"
#include "panels/panels.h"
#include "playback.h"
#include "presentation.h"
#include "resource_paths.h"
#include "screenshot.h"
#include "state_report.h"

namespace {

using poolscope::app::AppState;

// Frames still to draw after input arrived: ImGui needs a couple to settle hover and layout.
struct LoopWakeups {
    int frames_to_draw = 3;
};

void wake(GLFWwindow* window) {
    if (auto* w = static_cast<LoopWakeups*>(glfwGetWindowUserPointer(window))) w->frames_to_draw = 3;
}

// Installed before ImGui's backend, which chains to them: every input event wakes the loop.
void install_wakeup_callbacks(GLFWwindow* window) {
    glfwSetKeyCallback(window, [](GLFWwindow* w, int, int, int, int) { wake(w); });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { wake(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { wake(w); });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });
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
    glfwSwapInterval(1);
    if (poolscope::Result<poolscope::gpu::GlInfo> gl = poolscope::gpu::ensure_gl_loaded(); !gl) {
        std::cerr << "poolscope: " << gl.error_text() << "\n";
        glfwDestroyWindow(window);
        glfwTerminate();
        return poolscope::cli::kExitInputError;
    }
    LoopWakeups wakeups;
    glfwSetWindowUserPointer(window, &wakeups);
    install_wakeup_callbacks(window);
    app::attach_shell_window(window, state, options);  // HiDPI scale, saved placement, --presentation

    // Dear ImGui context and backends
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    const std::string ini = screenshot ? std::string() : ini_path();
    io.IniFilename = ini.empty() ? nullptr : ini.c_str();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
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

    // Main loop
    uint64_t reports = 0;
    int exit_code = poolscope::cli::kExitOk;
    constexpr uint64_t kScreenshotFrames = 6;
    std::optional<double> first_frame_ms;
    while (!glfwWindowShouldClose(window)) {
        const bool moving = playback.playing || state.anim.active;
        if (screenshot || wakeups.frames_to_draw > 0)
            glfwPollEvents();
        else if (moving)
            glfwWaitEventsTimeout(1.0 / 60.0);  // animating: about 60 frames a second, sooner on input
        else if (app::lesson_wants_polling(state.lessons))
            glfwWaitEventsTimeout(0.5);  // a lesson is open: wake twice a second to notice file changes
        else
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
        const bool report = app::handle_shortcuts(ctx);
        app::shell_frame(ctx);  // F1 help, F5 presentation mode, settings that changed
        app::lesson_frame(ctx);  // file changed on disk, step changes, PgUp/PgDn, Ctrl+O/S
        app::advance(playback, io.DeltaTime, app::step_count(state));
        app::recompute(state, playback);
        app::update_traces(state, playback);
        app::animate(state, playback, screenshot ? 1.0f : io.DeltaTime);
        app::draw_main_window(ctx);
        app::draw_help_overlay(ctx);
        app::draw_lesson_windows(ctx);  // lesson browser, file picker, unsaved-changes question
        // Edits made while drawing are shown next frame; recompute now so reports see them too.
        if (state.dirty) wakeups.frames_to_draw = std::max(wakeups.frames_to_draw, 2);
        app::recompute(state, playback);
        app::update_traces(state, playback);
        ImGui::Render();

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
    }
    if (options.state_out) app::write_state_file(state, playback, *options.state_out, ++reports);

    // Cleanup, in reverse
    offscreen.destroy();
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
