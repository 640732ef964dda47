// The window's picture kept between frames: each frame only the rectangles DamageTracker reports are drawn
// again. Where the back buffer survives a swap (checked on the second frame after every size change: the
// first is drawn whole into it and read back; Mesa's software GLX keeps it) they are drawn straight into
// it; elsewhere into a texture that holds the last frame, copied whole to the window. On a software
// rasteriser (llvmpipe) a frame of the animating lesson then costs the pixels that moved, not the window.
// POOLSCOPE_FULL_REDRAW=1 draws every pixel every frame instead (for comparisons); POOLSCOPE_RETAIN_TEXTURE=1
// keeps the texture even where the back buffer survives (so tests cover both ways).
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

#include "platform/damage.h"

namespace poolscope::app {

struct PlatformWindow;

class RetainedFrame {
  public:
    // Draws the last ImGui::Render() into the default framebuffer of width × height pixels, cleared to
    // `clear` where nothing is drawn. False when the target cannot be made (then nothing was drawn).
    bool draw(PlatformWindow& window, int width, int height, const ImVec4& clear);
    // The GL-free part of this frame's draw(), ahead of it (the window loop calls it while the GPU may still
    // rasterise the last frame): the damage, and when that is the whole window, the drawing order of the
    // frame as ImGui made it (draw_renderer.h prepare), which draw() then draws uncut.
    void plan(PlatformWindow& window, int width, int height);
    // The next frame draws every pixel (the font atlas changed).
    void invalidate() { damage_.invalidate(); }
    // Frees the GL objects; needs the context current.
    void destroy();
    // Pixels drawn by the last draw(), for the benchmark's notes.
    int64_t last_damage_px() const { return last_damage_px_; }
    // POOLSCOPE_DAMAGE_CHECK=1: every frame is also drawn whole into a target of the retained picture's
    // format (a second texture, or the back buffer itself after reading it) and compared pixel by pixel;
    // destroy() prints {"damage_check": {"frames", "differing_px", "damage_px"}} to stderr.
    void enable_check() { check_ = true; }

  private:
    void check_against_full(PlatformWindow& window, int width, int height, const ImVec4& clear);
    bool back_buffer_kept(int width, int height);
    bool create_texture(int width, int height);

    enum class Mode { kProbe, kDirect, kTexture };
    Mode mode_ = Mode::kProbe;
    int probe_frames_ = 0;
    std::vector<uint32_t> probe_pixels_;  // the first frame after a size change, as drawn
    unsigned fbo_ = 0, texture_ = 0;
    unsigned check_fbo_ = 0, check_texture_ = 0;
    bool check_ = false;
    int64_t check_frames_ = 0, check_differing_px_ = 0, check_damage_px_ = 0;
    int check_max_step_ = 0;  // largest colour difference of one channel seen
    int width_ = 0, height_ = 0;
    DamageTracker damage_;
    std::vector<PixelRect> planned_;  // plan()'s damage, for the draw() of ImGui frame planned_frame_
    int planned_frame_ = -1;
    int64_t last_damage_px_ = 0;
};

}  // namespace poolscope::app
