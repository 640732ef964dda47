// stb's truetype and image_write implementations for the browser build, where no libstb exists (the desktop
// links Debian's). ImGui's own copy of stb_truetype is static inside imgui_draw.cpp, so they do not clash.
#define STB_TRUETYPE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
#include <stb_truetype.h>
