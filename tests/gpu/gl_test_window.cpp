// GlTestWindow: GLFW init, a hidden window with a 3.3 core context made current, teardown in reverse.
#include "gl_test_window.h"

#include <glad/gl.h>
// glad first, then GLFW.
#include <GLFW/glfw3.h>

#include "platform/gl_loader.h"

namespace poolscope::gpu {

GlTestWindow::GlTestWindow() {
    if (!glfwInit()) {
        error_ = "glfwInit failed (is there a display? run under xvfb-run -a)";
        return;
    }
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    window_ = glfwCreateWindow(1, 1, "poolscope gpu test", nullptr, nullptr);
    if (!window_) {
        error_ = "could not create an OpenGL 3.3 core window";
        glfwTerminate();
        return;
    }
    glfwMakeContextCurrent(window_);
    Result<GlInfo> gl = ensure_gl_loaded();
    if (!gl) error_ = gl.error_text();
}

GlTestWindow::~GlTestWindow() {
    if (window_) {
        glfwDestroyWindow(window_);
        glfwTerminate();
    }
}

std::string GlTestWindow::renderer() const {
    const GLubyte* name = window_ ? glGetString(GL_RENDERER) : nullptr;
    return name ? reinterpret_cast<const char*>(name) : "unknown";
}

}  // namespace poolscope::gpu
