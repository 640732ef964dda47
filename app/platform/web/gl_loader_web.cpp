// The GL "loader" in the browser (gl_loader.h): WebGL 2 needs no loading, but it is OpenGL ES 3.0, and the
// GPU picture path's shaders and float render targets are OpenGL 3.3 core. So the GPU pooler reports that
// it cannot start, with this reason, and the Image view shows it and pools pictures on the CPU (the core's
// exact numbers; only slower on large pictures).
#include "platform/gl_loader.h"

namespace poolscope::gpu {

Result<GlInfo> ensure_gl_loaded() {
    return Error{"opengl",
                 "the GPU picture path needs desktop OpenGL 3.3; the browser offers WebGL 2 (OpenGL ES 3.0)"};
}

}  // namespace poolscope::gpu
