// The font atlas' texture (see font_texture.h).
#include "platform/font_texture.h"

#include <imgui.h>

#include <cstdint>

#include "platform/gl.h"

namespace poolscope::app {

void FontTexture::upload(ImFontAtlas& atlas) {
    destroy();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    GLint last_texture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    glGenTextures(1, &name_);
    glBindTexture(GL_TEXTURE_2D, name_);
    // Filtered, as the backend's: runs sampled nearest bind their own sampler object (draw_renderer.h).
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, GLuint(last_texture));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(intptr_t(name_)));
}

void FontTexture::destroy() {
    if (!name_) return;
    glDeleteTextures(1, &name_);
    name_ = 0;
}

}  // namespace poolscope::app
