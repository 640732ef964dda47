// A hidden 1×1 GLFW window with an OpenGL 3.3 core context, for tests and tools that need GL but no
// visible window (run them under `xvfb-run -a` on a machine without a display).
#pragma once

#include <string>

struct GLFWwindow;

namespace poolscope::gpu {

class GlTestWindow {
  public:
    GlTestWindow();
    ~GlTestWindow();
    GlTestWindow(const GlTestWindow&) = delete;
    GlTestWindow& operator=(const GlTestWindow&) = delete;

    bool ok() const { return window_ != nullptr; }
    const std::string& error() const { return error_; }
    std::string renderer() const;

  private:
    GLFWwindow* window_ = nullptr;
    std::string error_;
};

}  // namespace poolscope::gpu
