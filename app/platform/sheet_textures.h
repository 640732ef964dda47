// The GL textures behind this frame's cell pictures (sheet_pictures.h): a picture is painted and uploaded the
// first frame it appears and reused while it stays the same (a lesson playing leaves the input's cells
// alone); pictures not shown for a couple of frames give their textures back.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "platform/sheet_pictures.h"

namespace poolscope::app {

class SheetTextures {
  public:
    // Makes sure every picture of `sheets` has a texture; needs the GL context current.
    void prepare(const CellSheets& sheets);
    // The GL texture behind a picture's ID (0: none was prepared).
    unsigned texture_of(ImTextureID id) const;
    void destroy();

  private:
    struct Entry {
        unsigned texture = 0;
        int width = 0, height = 0;
        uint64_t used = 0;  // the prepare() that last needed it
    };
    std::unordered_map<uintptr_t, Entry> entries_;  // by the picture's texture ID
    std::vector<uint32_t> pixels_;                  // painting buffer, kept between frames
    uint64_t generation_ = 0;
};

}  // namespace poolscope::app
