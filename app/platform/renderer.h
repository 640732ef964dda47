// Dear ImGui's GLFW backend and a GL renderer (ours, or ImGui's OpenGL 3 backend) around a frame: start them,
// begin a frame, draw ImGui's draw data
// into the window (or the off-screen target), re-upload the font atlas, shut them down. main.cpp calls these
// so it needs no GL of its own.
#pragma once

#include <string>

#include "poolscope/result.h"

struct ImDrawData;
struct ImVec4;

namespace poolscope::app {

struct PlatformWindow;
class CellSheets;
class DrawRenderer;
class SheetTextures;
struct StartupPhases;

// Creates the ImGui context and starts its GLFW backend, and its OpenGL backend and our renderer when the
// window has its GL context already (the desktop); `ini_file` empty: no imgui.ini is read or written. ImGui
// keeps a pointer to it: it must outlive the context.
void start_imgui(PlatformWindow& window, const std::string& ini_file);
// Our renderer and the font texture (or ImGui's OpenGL backend, when ours cannot be made or
// POOLSCOPE_IMGUI_RENDERER=1 asks for it), with the window's context current: window.drawing from then on.
void start_gl_backends(PlatformWindow& window);
// Before a laid-out frame is drawn: the window's GL context (window.h make_gl_context) and the renderer, if
// not started yet (the browser's first frame), with the frame's font texture.
Result<bool> start_drawing(PlatformWindow& window);
// Whether grids may draw their cells as pictures (platform/sheet_pictures.h): only our renderer can draw
// them, and POOLSCOPE_CELL_QUADS=1 keeps the quads (the tests compare the two pictures).
bool cell_pictures_drawable(const PlatformWindow& window);
// The backends' per-frame work, before run_frame(): the font texture at the first frame.
void begin_imgui_frame(PlatformWindow& window);
// Clears and draws the last ImGui::Render() into the bound framebuffer of `width` × `height` pixels: the
// window's own redraws only what changed since its last picture (window.retained), an off-screen target all.
// `sheets` holds the frame's cell pictures (platform/sheet_pictures.h), made into textures first; `clear`:
// the colour where nothing is drawn (the cards' when shell/card_backdrop.h paints the window's own).
void draw_imgui(PlatformWindow& window, int width, int height, const CellSheets& sheets, const ImVec4& clear);
// The GL-free part of the next draw_imgui() of `width` × `height` pixels, worked out while the GPU may still
// rasterise the last frame: the window's damage (retained_frame.h plan), and the triangles' drawing order
// (draw_renderer.h) when the frame is drawn whole (`offscreen`, POOLSCOPE_FULL_REDRAW, or everything
// changed).
void prepare_draw(PlatformWindow& window, int width, int height, bool offscreen);
// Draws `data` into the bound framebuffer of `width` × `height` pixels (no clear) with `renderer`, or with
// ImGui's backend when the renderer could not be made.
void render_draw_data(PlatformWindow& window, ImDrawData& data, int width, int height);
// The GL-free part of the next render_draw_data() of this very `data` (its drawing order, draw_renderer.h),
// ahead of it; nothing when ImGui's backend draws.
void prepare_draw_data(PlatformWindow& window, const ImDrawData& data, int width, int height);
// The font atlas changed (load_fonts): upload it again.
void reload_font_texture(PlatformWindow& window);
// Waits until the GPU (llvmpipe) has finished the frame: timings then include rasterising.
void finish_gpu();
// Hands what was drawn to the GPU without waiting (llvmpipe's threads start rasterising it).
void flush_gpu();
// Whether a frame drawn back to back with the next may be swapped only once the next is laid out: on a
// software rasteriser the swap waits for the rasterising, and the layout (ImGui, the grids) then runs beside
// it on the other core instead of after it. Desktop only (the browser presents when the frame returns);
// POOLSCOPE_SERIAL_FRAMES=1 swaps every frame at once (for comparisons).
bool frames_may_overlap();
// After the first frame was drawn: waits for the GPU and marks the start-up's last step (the state report's
// first_frame_ms; printed to stderr with each step's duration when POOLSCOPE_TIMING is set).
void finish_first_frame(StartupPhases& startup);
void stop_imgui(PlatformWindow& window);

}  // namespace poolscope::app
