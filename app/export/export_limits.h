// What an export may be, decided before anything is painted (issue 28): the sizes each file format can
// store, and caps well beyond what a slide, a handout or a teaching animation needs, so a mistyped --cell or
// a layer with a thousand window positions is refused with a message instead of filling memory, the disk or
// the afternoon. `poolscope export --help` prints them (export_limits_text()).
#pragma once

#include <cstdint>
#include <string>

#include "poolscope/result.h"

namespace poolscope::app {

enum class ExportFormat { kGif, kPng, kSvg };

// One picture (a PNG, an SVG, one GIF frame): each side and the area. PNG's own limit is 2^31 - 1 pixels a
// side, but stb_image_write counts the picture's bytes in an int; these stay far inside it (and inside a
// classroom projector's 3840 × 2160 many times over).
inline constexpr int kMaxPictureSide = 16384;              // pixels, width or height
inline constexpr int64_t kMaxPicturePixels = 100'000'000;  // width × height
// GIF frames: the format stores each side in 16 bits (65535), and a browser shows a GIF at its size, so
// frames beyond a large screen are of no use; the animation's length and its total painting work are capped
// too (a frame is painted in full even when only the window moved).
inline constexpr int kMaxGifSide = 8192;
inline constexpr int64_t kMaxGifFramePixels = 16'000'000;
inline constexpr int64_t kMaxExportFrames = 400;  // GIF frames, or PNG/SVG files of one export
// All frames together: painting and encoding take ~22 ns of CPU a pixel (measured: 256 frames of 1200 × 853
// in 5.7 s), so this is some 11 s of work (longer on a busy machine) and a GIF of a few tens of MB at most.
inline constexpr int64_t kMaxExportPixels = 500'000'000;

// The export of `frames` frames of width × height in `format`: true, or why not (what the limit is and how
// to get under it). Called by ExportJob before the first frame is painted.
Result<bool> check_export_size(ExportFormat format, int64_t width, int64_t height, int64_t frames);

// The limits above as lines for `poolscope export --help`.
std::string export_limits_text();

}  // namespace poolscope::app
