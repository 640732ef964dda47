// The pixel size written in a PNG's header, read without decoding: stb_image refuses very large PNGs while
// reading the header and then only says "unknown image type", so the picture loader reads the size itself
// to tell the user the picture is too large, and how large.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace poolscope::image {

struct PictureSize {
    int64_t width = 0;
    int64_t height = 0;
};

// Width and height from the IHDR chunk of a PNG (signature, then IHDR first, as the format requires);
// nullopt when the bytes do not start like a PNG.
std::optional<PictureSize> png_header_size(const unsigned char* bytes, size_t size);

}  // namespace poolscope::image
