// The frame-time peer of issue 13: what plain Dear ImGui costs on the same renderer. ImGui's own
// ShowDemoWindow() fills the left half of the window, a second window on the right half holds an 18×18 grid
// of ImGui::Button whose labels change every frame; default style, default font, vsync off, swap + glFinish
// per frame. bench/app_bench.sh runs it alternately with `poolscope --bench-frames` and prints the ratio.
//   imgui_demo_peer [--frames N] [--size WxH]   prints {"frames", "p50_ms", "p99_ms", ...} on one line
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "testing/draw_stats.h"

namespace {

struct Options {
    int frames = 300;
    int width = 1280, height = 800;
};

bool parse_options(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            o.frames = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            if (std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) != 2) return false;
        } else {
            return false;
        }
    }
    return o.frames > 0 && o.width >= 64 && o.height >= 64;
}

// Nearest rank, as app/testing/frame_bench.cpp computes it, so the two programs' figures compare.
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    rank = std::clamp<size_t>(rank, 1, v.size());
    return v[rank - 1];
}

// The right half: 18×18 buttons sized to fill the window, each label a number that moves every frame.
void draw_grid(int frame, float x, float width, float height) {
    ImGui::SetNextWindowPos(ImVec2(x, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
    ImGui::Begin("Grid", nullptr, ImGuiWindowFlags_NoCollapse);
    constexpr int kSide = 18;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float cell = std::floor((std::min(avail.x, avail.y) - spacing * (kSide - 1)) / kSide);
    char label[32];
    for (int r = 0; r < kSide; ++r) {
        for (int c = 0; c < kSide; ++c) {
            const int i = r * kSide + c;
            std::snprintf(label, sizeof label, "%d##%d", (frame * 7 + i * 13) % 1000, i);
            if (c > 0) ImGui::SameLine();
            ImGui::Button(label, ImVec2(cell, cell));
        }
    }
    ImGui::End();
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, o)) {
        std::fprintf(stderr, "usage: imgui_demo_peer [--frames N] [--size WxH]\n");
        return 2;
    }
    if (!glfwInit()) return std::fprintf(stderr, "imgui_demo_peer: glfwInit failed\n"), 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(o.width, o.height, "imgui demo peer", nullptr, nullptr);
    if (!window) return std::fprintf(stderr, "imgui_demo_peer: no OpenGL 3.3 window\n"), 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);  // vsync off: the frame time is the work, not the display's rate

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    std::optional<poolscope::app::DrawStats> draw_stats = poolscope::app::draw_stats_from_env();
    std::vector<double> samples;
    samples.reserve(static_cast<size_t>(o.frames));
    // One untimed frame first, like poolscope's first frame (atlas upload, shader compile).
    for (int frame = 0; frame <= o.frames && !glfwWindowShouldClose(window); ++frame) {
        const auto start = std::chrono::steady_clock::now();
        glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        const float half = static_cast<float>(fb_w) * 0.5f;
        ImGui::ShowDemoWindow();
        // The demo places itself once (FirstUseEver); pin it to the left half from then on.
        ImGui::SetWindowPos("Dear ImGui Demo", ImVec2(0, 0), ImGuiCond_Always);
        ImGui::SetWindowSize("Dear ImGui Demo", ImVec2(half, static_cast<float>(fb_h)), ImGuiCond_Always);
        draw_grid(frame, half, half, static_cast<float>(fb_h));
        ImGui::Render();
        if (draw_stats && frame > 0)
            draw_stats->add(*ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(0.45f, 0.55f, 0.60f, 1.00f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        glFinish();
        if (frame > 0)
            samples.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    if (samples.empty()) return std::fprintf(stderr, "imgui_demo_peer: no frame timed\n"), 1;
    std::printf("{\"frames\": %zu, \"p50_ms\": %.3f, \"p99_ms\": %.3f}\n", samples.size(),
                percentile(samples, 50), percentile(samples, 99));
    if (draw_stats) std::fprintf(stderr, "%s\n", draw_stats->json(double(o.width) * o.height).c_str());

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
