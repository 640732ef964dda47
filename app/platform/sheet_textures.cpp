// Textures for the cell pictures (see sheet_textures.h).
#include "platform/sheet_textures.h"

#include "platform/gl.h"

namespace poolscope::app {

void SheetTextures::prepare(const CellSheets& sheets) {
    ++generation_;
    std::vector<unsigned> spare;  // textures of pictures no longer shown, by size reuse below
    for (auto it = entries_.begin(); it != entries_.end();) {
        // Kept one frame after its last use: a picture that flickers back costs no upload.
        if (it->second.used + 2 <= generation_) {
            spare.push_back(it->second.texture);
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    GLint last_texture = 0, last_alignment = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &last_alignment);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    for (const SheetPicture& picture : sheets.pictures()) {
        if (picture.width <= 0 || picture.height <= 0) continue;
        Entry& entry = entries_[reinterpret_cast<uintptr_t>(picture_texture_id(picture.hash))];
        entry.used = generation_;
        if (entry.texture) continue;
        pixels_.resize(size_t(picture.width) * size_t(picture.height));
        paint_picture(picture, pixels_.data());
        if (!spare.empty()) {
            entry.texture = spare.back();
            spare.pop_back();
        } else {
            glGenTextures(1, &entry.texture);
        }
        glBindTexture(GL_TEXTURE_2D, entry.texture);
        // Nearest texels on a quad at whole pixels: each pixel is its texel's colour, as the quads drew it.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, picture.width, picture.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     pixels_.data());
        entry.width = picture.width;
        entry.height = picture.height;
    }
    if (!spare.empty()) glDeleteTextures(GLsizei(spare.size()), spare.data());
    glBindTexture(GL_TEXTURE_2D, GLuint(last_texture));
    glPixelStorei(GL_UNPACK_ALIGNMENT, last_alignment);
}

unsigned SheetTextures::texture_of(ImTextureID id) const {
    const auto it = entries_.find(reinterpret_cast<uintptr_t>(id));
    return it == entries_.end() ? 0 : it->second.texture;
}

void SheetTextures::destroy() {
    for (const auto& [hash, entry] : entries_)
        glDeleteTextures(1, &entry.texture);
    entries_.clear();
    pixels_ = {};
}

}  // namespace poolscope::app
