// PNG screenshots for --screenshot: an off-screen framebuffer to draw into (works with a hidden window)
// and glReadPixels + stb_image_write with rows flipped (GL's origin is bottom-left, PNG's top-left).
#pragma once

#include <string>

namespace poolscope::app {

class OffscreenTarget {
  public:
    // Requires a current GL 3.3 context with glad loaded. Returns false (and says why) on failure.
    bool create(int width, int height, std::string& error);
    void bind() const;
    void destroy();
    ~OffscreenTarget() { destroy(); }

  private:
    unsigned framebuffer_ = 0;
    unsigned color_ = 0;
};

// Reads the bound framebuffer's top-left width×height pixels and writes them as an RGB PNG.
bool save_framebuffer_png(int width, int height, const std::string& path, std::string& error);

}  // namespace poolscope::app
