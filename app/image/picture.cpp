// Picture loading (stb_image from Debian's libstb-dev, PNG/JPEG/BMP only), the size rules, channel views.
// Shrinking uses the core's own avg_pool2d with kernel = stride = the shrink factor, then rounds to 8 bits.
#include "image/picture.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <iterator>
#include <memory>

#include "image/picture_header.h"
#include "poolscope/file_read.h"
#include "poolscope/pool_forward.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_NO_STDIO  // we read the file ourselves, so paths with any characters work
#define STBI_FAILURE_USERMSG
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

namespace poolscope::image {
namespace {

std::atomic<uint64_t> next_generation{1};

std::string size_text(int64_t w, int64_t h) {
    return std::to_string(w) + "×" + std::to_string(h);
}

}  // namespace

Result<Picture> picture_from_rgb8(const unsigned char* pixels, int64_t width, int64_t height,
                                  const std::string& name, int64_t max_side) {
    if (width < 1 || height < 1) return Error{"picture", name + " has no pixels"};
    if (width * height > kMaxDecodedPixels)
        return Error{"picture", name + " is " + size_text(width, height) +
                                    " pixels, too large to open (limit " + std::to_string(kMaxDecodedPixels) +
                                    " pixels)"};
    const int64_t shrink = std::max((width + max_side - 1) / max_side, (height + max_side - 1) / max_side);
    Tensor rgb(Shape{1, 3, height, width}, 0.0f, 3);
    for (int64_t c = 0; c < 3; ++c) {
        float* plane = rgb.plane(0, c);
        for (int64_t i = 0; i < width * height; ++i)
            plane[i] = static_cast<float>(pixels[i * 3 + c]);
    }
    Picture picture;
    picture.name = name;
    picture.file_w = width;
    picture.file_h = height;
    picture.shrink = std::max<int64_t>(shrink, 1);
    if (picture.shrink > 1) {
        PoolParams box;
        box.op = PoolOp::kAvg;
        box.kernel_size = {picture.shrink, picture.shrink};
        Result<PoolOutput> small = pool(rgb, box);
        if (!small) return small.errors();
        rgb = std::move(small.value().values);
        for (int64_t i = 0; i < rgb.numel(); ++i)
            rgb.data()[i] = std::round(rgb.data()[i]);
        picture.note = name + " is " + size_text(width, height) + "; it was shrunk " +
                       std::to_string(picture.shrink) + "× to " + size_text(rgb.shape().w, rgb.shape().h) +
                       " (average of each " + std::to_string(picture.shrink) + "×" +
                       std::to_string(picture.shrink) + " block) because the limit is " +
                       std::to_string(max_side) + " pixels a side";
    }
    picture.rgb = std::move(rgb);
    picture.rgb.set_rank(3);
    picture.generation = next_generation++;
    return picture;
}

Result<Picture> decode_picture(const unsigned char* bytes, size_t size, const std::string& name,
                               int64_t max_side) {
    if (size > static_cast<size_t>(kMaxFileBytes))
        return Error{"picture", name + " is " + std::to_string(size >> 20) + " MiB, more than the " +
                                    std::to_string(kMaxFileBytes >> 20) + " MiB PoolScope opens"};
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(bytes, static_cast<int>(size), &w, &h, &channels)) {
        // stb refuses a PNG in its header when w*h*channels > 2^30 (so only above kMaxDecodedPixels), then
        // reports "unknown type": read the size from the header ourselves so the message says what is wrong.
        const std::optional<PictureSize> header = png_header_size(bytes, size);
        const int64_t pixels = header ? header->width * header->height : 0;  // < 2^62: 31-bit sides
        if (pixels > kMaxDecodedPixels)
            return Error{"picture", name + " is " + size_text(header->width, header->height) +
                                        " pixels, too large to open (limit " +
                                        std::to_string(kMaxDecodedPixels) + " pixels)"};
        return Error{"picture", "cannot open " + name + ": " + stbi_failure_reason() +
                                    " (PoolScope opens PNG, JPEG and BMP pictures)"};
    }
    if (static_cast<int64_t>(w) * h > kMaxDecodedPixels)
        return Error{"picture", name + " is " + size_text(w, h) + " pixels, too large to open (limit " +
                                    std::to_string(kMaxDecodedPixels) + " pixels)"};
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(
        stbi_load_from_memory(bytes, static_cast<int>(size), &w, &h, &channels, 3), stbi_image_free);
    if (!pixels) return Error{"picture", "cannot decode " + name + ": " + stbi_failure_reason()};
    return picture_from_rgb8(pixels.get(), w, h, name, max_side);
}

bool is_picture_file(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

Result<Picture> load_picture(const std::filesystem::path& path, int64_t max_side) {
    const std::string name = path.filename().string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > static_cast<uintmax_t>(kMaxFileBytes))
        return Error{"picture", name + " is " + std::to_string(size >> 20) + " MiB, more than the " +
                                    std::to_string(kMaxFileBytes >> 20) + " MiB PoolScope opens"};
    // Regular files only: a FIFO named as a picture must not block the window.
    Result<std::string> bytes = read_regular_file(path, kMaxFileBytes, "picture");
    if (!bytes) return Error{"picture", "cannot open " + path.string() + ": " + bytes.errors()[0].message};
    return decode_picture(reinterpret_cast<const unsigned char*>(bytes->data()), bytes->size(), name,
                          max_side);
}

Tensor channel_view(const Picture& picture, ChannelView view) {
    const Shape& s = picture.rgb.shape();
    if (view == ChannelView::kRgb) return picture.rgb;
    Tensor out(Shape{1, 1, s.h, s.w}, 0.0f, 3);
    float* dst = out.plane(0, 0);
    const float *r = picture.rgb.plane(0, 0), *g = picture.rgb.plane(0, 1), *b = picture.rgb.plane(0, 2);
    const int64_t n = s.h * s.w;
    switch (view) {
        case ChannelView::kRed:
            std::copy(r, r + n, dst);
            break;
        case ChannelView::kGreen:
            std::copy(g, g + n, dst);
            break;
        case ChannelView::kBlue:
            std::copy(b, b + n, dst);
            break;
        default:
            for (int64_t i = 0; i < n; ++i)
                dst[i] = std::round(0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i]);
            break;
    }
    return out;
}

void view_tint(ChannelView view, float tint[3]) {
    tint[0] = (view == ChannelView::kGreen || view == ChannelView::kBlue) ? 0.0f : 1.0f;
    tint[1] = (view == ChannelView::kRed || view == ChannelView::kBlue) ? 0.0f : 1.0f;
    tint[2] = (view == ChannelView::kRed || view == ChannelView::kGreen) ? 0.0f : 1.0f;
}

Tensor crop(const Tensor& t, int64_t top, int64_t left, int64_t height, int64_t width) {
    const Shape& s = t.shape();
    top = std::clamp<int64_t>(top, 0, s.h - 1);
    left = std::clamp<int64_t>(left, 0, s.w - 1);
    height = std::clamp<int64_t>(height, 1, s.h - top);
    width = std::clamp<int64_t>(width, 1, s.w - left);
    Tensor out(Shape{1, s.c, height, width}, 0.0f, 3);
    for (int64_t c = 0; c < s.c; ++c)
        for (int64_t h = 0; h < height; ++h)
            for (int64_t w = 0; w < width; ++w)
                out.at(0, c, h, w) = t.at(0, c, top + h, left + w);
    return out;
}

std::vector<unsigned char> to_rgba8(const Tensor& t, float scale, const float tint[3]) {
    const Shape& s = t.shape();
    const int64_t n = s.h * s.w;
    std::vector<unsigned char> out(static_cast<size_t>(n * 4), 255);
    auto byte = [scale](float v) {
        const float x = std::clamp(v * scale, 0.0f, 1.0f);  // NaN clamps to 0 here
        return static_cast<unsigned char>(std::isnan(x) ? 0.0f : std::lround(x * 255.0f));
    };
    for (int64_t i = 0; i < n; ++i) {
        for (int k = 0; k < 3; ++k) {
            const float v = s.c >= 3 ? t.plane(0, k)[i] : t.plane(0, 0)[i] * tint[k];
            out[static_cast<size_t>(i * 4 + k)] = byte(v);
        }
    }
    return out;
}

}  // namespace poolscope::image
