// Loads our own OpenGL entry points (glad) for the current context. ImGui's OpenGL3 backend carries its
// own loader, so app/gpu loads glad itself the first time it needs GL; calling this again is cheap.
#pragma once

#include "poolscope/result.h"

namespace poolscope::gpu {

struct GlInfo {
    int major = 0;
    int minor = 0;
};

// Requires a current OpenGL context (GLFW). Fails with a clear message when the context is older than 3.3.
Result<GlInfo> ensure_gl_loaded();

}  // namespace poolscope::gpu
