// Reading a PNG's size from its IHDR chunk (see picture_header.h).
#include "image/picture_header.h"

#include <cstring>

namespace poolscope::image {

std::optional<PictureSize> png_header_size(const unsigned char* bytes, size_t size) {
    static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    // signature (8), chunk length (4), "IHDR" (4), width (4), height (4), all big-endian
    if (size < 24 || std::memcmp(bytes, kSignature, 8) != 0 || std::memcmp(bytes + 12, "IHDR", 4) != 0)
        return std::nullopt;
    auto be32 = [&](size_t at) {
        return (int64_t{bytes[at]} << 24) | (int64_t{bytes[at + 1]} << 16) | (int64_t{bytes[at + 2]} << 8) |
               int64_t{bytes[at + 3]};
    };
    const PictureSize s{be32(16), be32(20)};
    if (s.width < 1 || s.height < 1) return std::nullopt;
    return s;
}

}  // namespace poolscope::image
