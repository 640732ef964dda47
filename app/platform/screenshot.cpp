// Off-screen rendering and PNG writing (see screenshot.h).
#include "platform/screenshot.h"

#include "platform/gl.h"

#include <cstring>
#include <vector>

#include <stb_image_write.h>

namespace poolscope::app {

bool OffscreenTarget::create(int width, int height, std::string& error) {
    glGenFramebuffers(1, &framebuffer_);
    glGenRenderbuffers(1, &color_);
    glBindRenderbuffer(GL_RENDERBUFFER, color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        error = "the off-screen framebuffer for the screenshot is incomplete";
        destroy();
        return false;
    }
    return true;
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
}

void OffscreenTarget::destroy() {
    if (framebuffer_ == 0 && color_ == 0) return;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &framebuffer_);
    glDeleteRenderbuffers(1, &color_);
    framebuffer_ = color_ = 0;
}

bool save_framebuffer_png(int width, int height, const std::string& path, std::string& error) {
    const size_t row = static_cast<size_t>(width) * 3;
    std::vector<unsigned char> pixels(row * static_cast<size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y)
        std::memcpy(&flipped[static_cast<size_t>(y) * row],
                    &pixels[static_cast<size_t>(height - 1 - y) * row], row);
    if (!stbi_write_png(path.c_str(), width, height, 3, flipped.data(), static_cast<int>(row))) {
        error = "cannot write '" + path + "'";
        return false;
    }
    return true;
}

}  // namespace poolscope::app
