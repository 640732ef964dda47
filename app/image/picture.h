// A picture for the Image view: decoded with stb_image (PNG, JPEG, BMP) into a 1×3×H×W float tensor of
// 8-bit values (0..255, exactly what the file holds), refused or shrunk when too large, and the
// channel views the student can pool (RGB, one colour channel, grayscale).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope::image {

// Larger pictures are shrunk (whole-number factor) until both sides fit; pooling a 2048×2048 picture
// stays interactive on a software renderer, and students cannot see more pixels than that anyway.
inline constexpr int64_t kMaxSide = 2048;
// Files above this are refused before decoding (a camera RAW renamed .jpg, a decompression bomb).
inline constexpr int64_t kMaxFileBytes = int64_t{64} << 20;
// Decoded pictures above this many pixels are refused rather than shrunk (stb would need gigabytes).
inline constexpr int64_t kMaxDecodedPixels = int64_t{1} << 28;

struct Picture {
    std::string name;         // file name, shown in the view's title
    Tensor rgb;               // 1×3×H×W, values 0..255 (rank 3)
    int64_t file_w = 0;       // size in the file, before any shrinking
    int64_t file_h = 0;       //
    int64_t shrink = 1;       // whole-number factor the picture was shrunk by (1 = as in the file)
    std::string note;         // one line for the student when the picture was changed on loading
    uint64_t generation = 0;  // differs for every loaded picture, so views know when to re-upload
};

// Reads and decodes a PNG, JPEG or BMP file. Errors quote the file name and say what was wrong.
Result<Picture> load_picture(const std::filesystem::path& path, int64_t max_side = kMaxSide);
// A file the Image view opens (.png, .jpg, .jpeg, .bmp, in any letter case): drops and the samples folder.
bool is_picture_file(const std::filesystem::path& path);
// Decodes a picture held in memory (a file's bytes); `name` is used in messages.
Result<Picture> decode_picture(const unsigned char* bytes, size_t size, const std::string& name,
                               int64_t max_side = kMaxSide);
// A picture from 8-bit interleaved RGB pixels (rows top to bottom), shrunk when a side exceeds max_side.
Result<Picture> picture_from_rgb8(const unsigned char* pixels, int64_t width, int64_t height,
                                  const std::string& name, int64_t max_side = kMaxSide);

enum class ChannelView { kRgb, kRed, kGreen, kBlue, kGray };
inline constexpr int kChannelViewCount = 5;

// The tensor the student pools for a view: RGB keeps 3 channels, the others have 1. Gray is
// ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B) rounded to a whole 8-bit value.
Tensor channel_view(const Picture& picture, ChannelView view);
// The tint a one-channel view is drawn with (white for gray).
void view_tint(ChannelView view, float tint[3]);

// A crop of `t` (rows [top, top+height), columns [left, left+width), clipped to the tensor), rank 3.
Tensor crop(const Tensor& t, int64_t top, int64_t left, int64_t height, int64_t width);

// RGBA8 pixels for the screen (value * scale, clamped): 3+ channels as RGB, 1 channel as grey * tint.
// Display only; used when the GPU path is unavailable.
std::vector<unsigned char> to_rgba8(const Tensor& t, float scale, const float tint[3]);

}  // namespace poolscope::image
