// ImGui backends around a frame (see renderer.h).
#include "platform/renderer.h"

#include <glad/gl.h>
// glad first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "platform/window.h"

namespace poolscope::app {

void start_imgui(PlatformWindow& window, const std::string& ini_file) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = ini_file.empty() ? nullptr : ini_file.c_str();
    ImGui_ImplGlfw_InitForOpenGL(window.handle, true);
    install_key_hold(window);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

void begin_imgui_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void draw_imgui(int width, int height) {
    glViewport(0, 0, width, height);
    glClearColor(0.95f, 0.955f, 0.965f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void reload_font_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void finish_gpu() {
    glFinish();
}

void stop_imgui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

}  // namespace poolscope::app
