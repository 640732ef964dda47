// glad 2 loading through GLFW's proc-address lookup, once per process.
#include "platform/gl_loader.h"

#include <glad/gl.h>
// glad must come first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>

#include <string>

namespace poolscope::gpu {

Result<GlInfo> ensure_gl_loaded() {
    if (glfwGetCurrentContext() == nullptr)
        return Error{"opengl", "no OpenGL context is current, so the GPU pooler cannot start"};
    const int version = gladLoadGL(glfwGetProcAddress);
    if (version == 0) return Error{"opengl", "could not load the OpenGL functions (glad)"};
    GlInfo info{GLAD_VERSION_MAJOR(version), GLAD_VERSION_MINOR(version)};
    if (info.major < 3 || (info.major == 3 && info.minor < 3))
        return Error{"opengl", "OpenGL 3.3 is needed for the GPU pooler, this context offers " +
                                   std::to_string(info.major) + "." + std::to_string(info.minor)};
    return info;
}

}  // namespace poolscope::gpu
