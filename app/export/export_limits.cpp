// The export caps (see export_limits.h).
#include "export/export_limits.h"

namespace poolscope::app {
namespace {

std::string num(int64_t v) {
    std::string digits = std::to_string(v), out;
    for (size_t i = 0; i < digits.size(); ++i) {  // 100000000 -> 100,000,000: readable at a glance
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

const char* name_of(ExportFormat format) {
    return format == ExportFormat::kGif ? "GIF" : format == ExportFormat::kPng ? "PNG" : "SVG";
}

}  // namespace

Result<bool> check_export_size(ExportFormat format, int64_t width, int64_t height, int64_t frames) {
    const bool gif = format == ExportFormat::kGif;
    const std::string what = std::string("the ") + name_of(format) + " would be " + num(width) + " × " +
                             num(height) + " pixels" + (gif ? " a frame" : "");
    const int64_t side = gif ? kMaxGifSide : kMaxPictureSide;
    const int64_t area = gif ? kMaxGifFramePixels : kMaxPicturePixels;
    const std::string smaller = "; choose a smaller cell size (--cell), or show fewer channels";
    if (width > side || height > side)
        return Error{"size",
                     what + ", more than the " + num(side) + " pixels a side an export may have" + smaller};
    if (width * height > area)
        return Error{"size", what + ", more than the " + num(area) + " pixels" + (gif ? " a frame" : "") +
                                 " an export may have" + smaller};
    const std::string fewer = "; pick fewer window positions (poolscope export --every N or --windows A..B)";
    if (frames > kMaxExportFrames)
        return Error{"frames", std::string("the export would have ") + num(frames) +
                                   " frames, more than the " + num(kMaxExportFrames) + " an export may have" +
                                   fewer + (gif ? ", or leave out --smooth" : "")};
    if (frames * width * height > kMaxExportPixels)
        return Error{"frames", std::string("the export would paint ") + num(frames) + " frames of " +
                                   num(width) + " × " + num(height) + " pixels, more than the " +
                                   num(kMaxExportPixels) + " pixels an export may paint in all" + fewer +
                                   " or a smaller cell size (--cell)"};
    return true;
}

std::string export_limits_text() {
    return "limits (refused before anything is drawn):\n"
           "  a PNG or SVG picture: at most " +
           num(kMaxPictureSide) + " pixels a side and " + num(kMaxPicturePixels) +
           " pixels\n"
           "  a GIF frame: at most " +
           num(kMaxGifSide) + " pixels a side and " + num(kMaxGifFramePixels) +
           " pixels\n"
           "  at most " +
           num(kMaxExportFrames) + " frames (GIF frames, or numbered PNG/SVG files), and " +
           num(kMaxExportPixels) +
           " pixels painted in all\n"
           "  (at the default 800 ms a window position, " +
           num(kMaxExportFrames) + " frames play for " + std::to_string(kMaxExportFrames * 800 / 60000) +
           " minutes, and painting them all takes up to\n"
           "  ~15 s; --every N and --windows A..B pick the window positions of a longer layer, a smaller\n"
           "  --cell makes each frame cheaper)\n";
}

}  // namespace poolscope::app
