// PNG and GIF files for exports (see image_files.h).
#include "export/image_files.h"

#include <fcntl.h>
#include <gif_lib.h>
#include <stb_image_write.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "export/export_limits.h"

namespace poolscope::app {
namespace {

Rgba mix(Rgba under, Rgba over, float a) {
    const auto ch = [&](uint8_t u, uint8_t o) {
        return static_cast<uint8_t>(std::lround(static_cast<float>(u) * (1 - a) + static_cast<float>(o) * a));
    };
    return {ch(under.r, over.r), ch(under.g, over.g), ch(under.b, over.b), 255};
}

Rgba over(Rgba under, Rgba color) {
    return mix(under, color, static_cast<float>(color.a) / 255.0f);
}

// `error`: errno just after the failing call. giflib says "Write failed (disk full?)" for any failed write;
// the system's reason ("No space left on device", "File too large") is more exact.
std::string gif_error(int code, int error = 0) {
    if ((code == E_GIF_ERR_WRITE_FAILED || code == E_GIF_ERR_DISK_IS_FULL ||
         code == E_GIF_ERR_CLOSE_FAILED) &&
        error != 0)
        return std::strerror(error);
    const char* text = GifErrorString(code);
    return text ? text : "unknown giflib error";
}

}  // namespace

Result<bool> write_png(const RgbImage& image, const std::filesystem::path& path) {
    // stb counts the picture's bytes in an int: refuse what it cannot hold, whoever calls.
    if (Result<bool> fits = check_export_size(ExportFormat::kPng, image.width, image.height, 1); !fits)
        return fits;
    std::string png;  // encoded in memory, so every write error of the file itself can be reported
    const auto collect = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    if (!stbi_write_png_to_func(collect, &png, image.width, image.height, 3, image.pixels.data(),
                                image.width * 3))
        return Error{"png", "cannot encode " + path.string() + ": out of memory"};
    return replace_file(path, png);
}

std::vector<Rgba> gif_palette(const MatrixColors& c) {
    // Backgrounds: what cells and the page are filled with, including the window's tint over each.
    std::vector<Rgba> backgrounds = {c.page,        c.input_fill,     c.padding_fill,   c.overhang_fill,
                                     c.output_done, c.output_pending, c.output_current, c.share_background};
    for (Rgba fill : {c.input_fill, c.padding_fill})
        backgrounds.push_back(over(fill, c.window_tap));
    // Inks: text, outlines and rings drawn over them.
    const std::vector<Rgba> inks = {c.text,           c.padding_text,    c.overhang_text, c.window,
                                    c.argmax,         c.heading,         c.muted,         c.step_text,
                                    c.step_padding,   c.step_argmax,     c.step_result,   c.input_border,
                                    c.padding_border, c.overhang_border, c.share_text};
    std::vector<Rgba> palette;
    const auto add = [&](Rgba color) {
        color.a = 255;
        if (palette.size() < 256 && std::find(palette.begin(), palette.end(), color) == palette.end())
            palette.push_back(color);
    };
    for (Rgba b : backgrounds)
        add(b);
    for (Rgba i : inks)
        add(i);
    // Ramps, nearest pairs first: every ink over every background at a few coverages, as many as fit.
    for (float a : {0.5f, 0.25f, 0.75f, 0.125f, 0.375f, 0.625f, 0.875f})
        for (Rgba i : inks)
            for (Rgba b : backgrounds)
                add(mix(b, over(b, i), a));
    return palette;
}

GifWriter::~GifWriter() {
    abandon();
}

void GifWriter::abandon() {
    if (file_) EGifCloseFile(static_cast<GifFileType*>(file_), nullptr);
    file_ = nullptr;
    if (out_) out_->abandon();
    out_.reset();
}

Result<bool> GifWriter::open(const std::filesystem::path& path, int width, int height,
                             const MatrixColors& colors, const GifOptions& options) {
    abandon();
    if (Result<bool> fits = check_export_size(ExportFormat::kGif, width, height, 1); !fits) return fits;
    out_ = std::make_unique<FileReplacement>();
    if (Result<bool> begun = out_->begin(path); !begun) return begun;
    // giflib closes the descriptor it is given: it gets a copy, and the replacement keeps its own to flush
    // and rename once giflib is done.
    const int fd = ::dup(out_->fd());
    if (fd < 0) return Error{"gif", "cannot write " + path.string() + ": " + std::strerror(errno)};
    int error = 0;
    GifFileType* gif = EGifOpenFileHandle(fd, &error);
    if (!gif) {
        ::close(fd);
        return Error{"gif", "cannot write " + path.string() + ": " + gif_error(error)};
    }
    file_ = gif;
    path_ = path;
    width_ = width, height_ = height, options_ = options;
    palette_ = gif_palette(colors);
    GifColorType table[256] = {};
    for (size_t i = 0; i < palette_.size(); ++i)
        table[i] = {palette_[i].r, palette_[i].g, palette_[i].b};
    ColorMapObject* map = GifMakeMapObject(256, table);
    EGifSetGifVersion(gif, true);
    const int put = EGifPutScreenDesc(gif, width, height, 8, 0, map);
    GifFreeMapObject(map);
    if (put == GIF_ERROR) {
        const int error = errno;
        return Error{"gif", "cannot write " + path.string() + ": " + gif_error(gif->Error, error)};
    }
    // NETSCAPE2.0: how many times to play (0 = forever).
    const unsigned char app[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    const unsigned char loop[] = {1, static_cast<unsigned char>(options.loop & 0xFF),
                                  static_cast<unsigned char>((options.loop >> 8) & 0xFF)};
    if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
        EGifPutExtensionBlock(gif, sizeof app, app) == GIF_ERROR ||
        EGifPutExtensionBlock(gif, sizeof loop, loop) == GIF_ERROR ||
        EGifPutExtensionTrailer(gif) == GIF_ERROR) {
        const int error = errno;
        return Error{"gif", "cannot write " + path.string() + ": " + gif_error(gif->Error, error)};
    }
    return true;
}

uint8_t GifWriter::index_of(const uint8_t* rgb) {
    const uint32_t key = uint32_t{rgb[0]} << 16 | uint32_t{rgb[1]} << 8 | rgb[2];
    if (key == last_key_) return last_index_;  // runs of one colour: most of a frame
    last_key_ = key;
    const auto hit = std::lower_bound(cache_.begin(), cache_.end(), std::pair{key, uint8_t{0}},
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
    if (hit != cache_.end() && hit->first == key) return last_index_ = hit->second;
    int best = 0, best_distance = 1 << 30;
    for (size_t i = 0; i < palette_.size(); ++i) {
        const int dr = rgb[0] - palette_[i].r, dg = rgb[1] - palette_[i].g, db = rgb[2] - palette_[i].b;
        const int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;  // green weighs most, as the eye sees it
        if (d < best_distance) best_distance = d, best = static_cast<int>(i);
    }
    cache_.insert(hit, {key, static_cast<uint8_t>(best)});
    return last_index_ = static_cast<uint8_t>(best);
}

Result<bool> GifWriter::add(const RgbImage& frame, bool between) {
    auto* gif = static_cast<GifFileType*>(file_);
    if (!gif || frame.width != width_ || frame.height != height_)
        return Error{"gif", "a frame of another size than the animation's"};
    std::vector<uint8_t> indices(static_cast<size_t>(width_) * static_cast<size_t>(height_));
    for (size_t i = 0; i < indices.size(); ++i)
        indices[i] = index_of(&frame.pixels[i * 3]);
    // Only the rectangle that changed since the last frame (the rest stays on screen: disposal "none").
    int x0 = 0, y0 = 0, x1 = width_, y1 = height_;
    if (previous_.size() == indices.size()) {
        x0 = width_, y0 = height_, x1 = 0, y1 = 0;
        for (int y = 0; y < height_; ++y)
            for (int x = 0; x < width_; ++x) {
                const size_t i =
                    static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x);
                if (indices[i] == previous_[i]) continue;
                x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x + 1),
                y1 = std::max(y1, y + 1);
            }
        if (x1 <= x0) x0 = 0, y0 = 0, x1 = 1, y1 = 1;  // nothing changed: one pixel keeps the frame's delay
    }
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.DelayTime = std::max(2, (between ? options_.between_delay_ms : options_.delay_ms) / 10);
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const size_t length = EGifGCBToExtension(&gcb, extension);
    if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) == GIF_ERROR ||
        EGifPutImageDesc(gif, x0, y0, x1 - x0, y1 - y0, false, nullptr) == GIF_ERROR) {
        const int error = errno;
        return Error{"gif", "cannot write " + path_.string() + ": " + gif_error(gif->Error, error)};
    }
    for (int y = y0; y < y1; ++y)
        if (EGifPutLine(
                gif, &indices[static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x0)],
                x1 - x0) == GIF_ERROR) {
            const int error = errno;
            return Error{"gif", "cannot write " + path_.string() + ": " + gif_error(gif->Error, error)};
        }
    previous_ = std::move(indices);
    return true;
}

Result<bool> GifWriter::close() {
    auto* gif = static_cast<GifFileType*>(file_);
    file_ = nullptr;
    int error = 0;
    errno = 0;
    if (gif && EGifCloseFile(gif, &error) == GIF_ERROR) {
        const int system_error = errno;
        abandon();
        return Error{"gif", "cannot finish " + path_.string() + ": " + gif_error(error, system_error)};
    }
    if (!out_) return Error{"gif", "no GIF is being written"};
    Result<bool> committed = out_->commit();  // flushed and renamed over the file of that name
    out_.reset();
    return committed;
}

}  // namespace poolscope::app
