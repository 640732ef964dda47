// ImGui backends around a frame (see renderer.h).
#include "platform/renderer.h"

#include "platform/gl.h"
// glad first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <cstdlib>
#include <iostream>

#include "model/env_flag.h"
#include "platform/retained_frame.h"
#include "platform/startup_phases.h"
#include "platform/window.h"

namespace poolscope::app {

void start_imgui(PlatformWindow& window, const std::string& ini_file) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = ini_file.empty() ? nullptr : ini_file.c_str();
    ImGui_ImplGlfw_InitForOpenGL(window.handle, true);
    install_key_hold(window);
    install_clipboard(window);
    if (window.has_context) start_gl_backends(window);
}

void start_gl_backends(PlatformWindow& window) {
    // Our renderer draws ImGui's draw data (draw_renderer.h) with the font texture made here; ImGui's OpenGL
    // backend starts only to draw instead of it: when POOLSCOPE_IMGUI_RENDERER=1 asks for it (the tests
    // compare the two pictures) or ours cannot be made.
    if (env_flag("POOLSCOPE_IMGUI_RENDERER"))
        std::cerr << "poolscope: drawing with ImGui's own renderer (POOLSCOPE_IMGUI_RENDERER)\n";
    else if (!window.renderer.create())
        std::cerr << "poolscope: drawing with ImGui's own renderer\n";
    ImGuiIO& io = ImGui::GetIO();
    if (window.renderer.ready()) {
        io.BackendRendererName = "poolscope";
#ifndef __EMSCRIPTEN__
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // glDrawElementsBaseVertex; not WebGL's
#endif
    } else {
#ifdef __EMSCRIPTEN__
        ImGui_ImplOpenGL3_Init("#version 300 es");  // WebGL 2
#else
        ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
        window.imgui_gl_backend = true;
    }
    if (env_flag("POOLSCOPE_DAMAGE_CHECK")) window.retained.enable_check();
    window.drawing = true;
}

namespace {

// The font texture, at the first frame drawn, as ImGui's backend makes its own: on the desktop the renderer
// starts before the fonts are loaded. With the backend drawing, its device objects (its shaders) too.
void make_font_texture(PlatformWindow& window) {
    if (window.imgui_gl_backend) return ImGui_ImplOpenGL3_NewFrame();
    if (!window.font_texture.made()) window.font_texture.upload(*ImGui::GetIO().Fonts);
}

}  // namespace

Result<bool> start_drawing(PlatformWindow& window) {
    if (window.drawing) return true;
    if (Result<bool> made = make_gl_context(window); !made) return made;
    start_gl_backends(window);
    make_font_texture(window);  // the frame already laid out needs it
    return true;
}

bool cell_pictures_drawable(const PlatformWindow& window) {
    // Before drawing starts (the browser's first layout) our renderer is expected: WebGL 2 runs its shaders.
    return (window.renderer.ready() || !window.drawing) && !env_flag("POOLSCOPE_CELL_QUADS");
}

void begin_imgui_frame(PlatformWindow& window) {
    if (window.drawing) make_font_texture(window);  // else start_drawing(), once the frame is laid out
    ImGui_ImplGlfw_NewFrame();
}

namespace {

bool full_redraw_forced() {
#ifdef __EMSCRIPTEN__
    return true;  // the browser composites the canvas itself; retained redraw is for software GL windows
#else
    return env_flag("POOLSCOPE_FULL_REDRAW");
#endif
}

AtlasInfo atlas_info() {
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    return {atlas.TexID, atlas.TexUvWhitePixel, ImVec2(float(atlas.TexWidth), float(atlas.TexHeight))};
}

}  // namespace

void prepare_draw(PlatformWindow& window, int width, int height, bool offscreen) {
    if (!offscreen && !full_redraw_forced()) return window.retained.plan(window, width, height);
    prepare_draw_data(window, *ImGui::GetDrawData(), width, height);
}

void draw_imgui(PlatformWindow& window, int width, int height, const CellSheets& sheets, const ImVec4& bg) {
    window.pictures.prepare(sheets);
    // The clear paints the main window's background (it draws none itself: shell/main_window.cpp) or its
    // cards', so the pixels are written once; a software rasteriser pays for every layer.
    // The window keeps its picture between frames and redraws what changed; an off-screen target (pictures
    // for --screenshot) is drawn whole.
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    if (target == 0 && !full_redraw_forced() && window.retained.draw(window, width, height, bg)) return;
    glViewport(0, 0, width, height);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render_draw_data(window, *ImGui::GetDrawData(), width, height);
}

void reload_font_texture(PlatformWindow& window) {
    if (!window.drawing) return;  // start_drawing() uploads the atlas as it is then
    if (window.imgui_gl_backend) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    } else {
        window.font_texture.upload(*ImGui::GetIO().Fonts);
    }
    window.retained.invalidate();  // every glyph on screen may have moved in the atlas
}

void finish_gpu() {
    glFinish();
}

void flush_gpu() {
    glFlush();
}

bool frames_may_overlap() {
#ifdef __EMSCRIPTEN__
    return false;
#else
    return !env_flag("POOLSCOPE_SERIAL_FRAMES");
#endif
}

void finish_first_frame(StartupPhases& startup) {
    finish_gpu();
    startup.mark(StartupPhases::kFirstFrameDrawn);
    if (std::getenv("POOLSCOPE_TIMING"))
        std::cerr << "poolscope: first frame after " << startup.first_frame_ms() << " ms ("
                  << startup.durations_text() << ")\n";
}

void prepare_draw_data(PlatformWindow& window, const ImDrawData& data, int width, int height) {
    if (!window.renderer.ready()) return;
    window.renderer.prepare(data, width, height, atlas_info());
}

void render_draw_data(PlatformWindow& window, ImDrawData& data, int width, int height) {
    if (!window.renderer.ready()) return ImGui_ImplOpenGL3_RenderDrawData(&data);
    window.renderer.render(data, width, height, atlas_info(), &window.pictures);
}

void stop_imgui(PlatformWindow& window) {
    window.retained.destroy();
    window.renderer.destroy();
    window.pictures.destroy();
    window.font_texture.destroy();
    if (window.imgui_gl_backend) ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

}  // namespace poolscope::app
