// The OpenGL API the app draws with: glad's OpenGL 3.3 core loader on the desktop, WebGL 2 (OpenGL ES 3.0,
// emscripten's GLES3 header) in the browser. Every GL-calling file includes this instead of a GL header, so
// platform/ stays the one place that knows which it is.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <glad/gl.h>
#endif
