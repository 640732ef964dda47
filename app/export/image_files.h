// Writing export frames: PNG through stb_image_write, animated GIF through giflib with one fixed palette for
// the whole animation (the theme's colours, the blends the window's tint makes, and anti-aliasing ramps
// between the colours that touch), so a cell's fill is the exact same colour in the GIF as in the PNG.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "export/raster.h"
#include "model/matrix_colors.h"
#include "poolscope/file_write.h"
#include "poolscope/result.h"

namespace poolscope::app {

// Encodes in memory, then replaces `path` (file_write.h): a full disk or a read-only file is an error, and
// the file of that name stays as it was. Sizes beyond export_limits.h are refused.
Result<bool> write_png(const RgbImage& image, const std::filesystem::path& path);

// The 256-colour palette for a theme (at most 256 entries; every solid colour of the theme is in it).
std::vector<Rgba> gif_palette(const MatrixColors& colors);

struct GifOptions {
    int delay_ms = 800;         // per window position
    int between_delay_ms = 60;  // per in-between frame (--smooth)
    int loop = 0;               // 0: forever; n: play n times
};

// Writes frames as they come (add), so a long export holds one frame at a time, into a temporary file that
// close() renames over `path` (file_write.h); abandon() (or the destructor) drops it, leaving `path` alone.
class GifWriter {
  public:
    GifWriter() = default;
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    Result<bool> open(const std::filesystem::path& path, int width, int height, const MatrixColors& colors,
                      const GifOptions& options);
    // `between`: an in-between frame (the shorter delay).
    Result<bool> add(const RgbImage& frame, bool between);
    Result<bool> close();
    void abandon();

  private:
    void* file_ = nullptr;  // GifFileType
    std::unique_ptr<FileReplacement> out_;
    int width_ = 0, height_ = 0;
    GifOptions options_;
    std::vector<Rgba> palette_;
    std::vector<uint8_t> previous_;  // the last frame's indices: later frames store only what changed
    std::vector<std::pair<uint32_t, uint8_t>> cache_;  // colour -> palette index, sorted by colour
    uint32_t last_key_ = 0xFFFFFFFF;
    uint8_t last_index_ = 0;
    std::filesystem::path path_;
    uint8_t index_of(const uint8_t* rgb);
};

}  // namespace poolscope::app
