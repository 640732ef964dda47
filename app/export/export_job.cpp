// Running an export (see export_job.h).
#include "export/export_job.h"

#include <cstdio>
#include <system_error>

#include "export/export_layout.h"
#include "export/raster.h"
#include "export/svg_writer.h"

namespace poolscope::app {

std::filesystem::path numbered_path(const std::filesystem::path& path, size_t number) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "-%02zu", number);
    std::filesystem::path out = path;
    out.replace_filename(path.stem().string() + suffix + path.extension().string());
    return out;
}

Result<ExportSummary> run_export(const ExportScene& scene, const ExportOptions& options,
                                 ExportProgress* progress) {
    if (scene.frames.empty()) return Error{"export", "the layer has no output: nothing to draw"};
    if (options.frame && *options.frame >= scene.frames.size())
        return Error{"frame", "frame " + std::to_string(*options.frame + 1) +
                                  " does not exist (the export has " + std::to_string(scene.frames.size()) +
                                  ")"};
    Result<ExportFonts> loaded = ExportFonts::load();
    if (!loaded) return loaded.errors();
    const ExportFonts& fonts = *loaded;
    const SceneLayout layout = layout_scene(scene, fonts);
    ExportSummary summary{0, layout.width, layout.height, false};

    std::vector<size_t> frames;
    if (options.format != ExportFormat::kGif && options.frame)
        frames.push_back(*options.frame);
    else
        for (size_t i = 0; i < scene.frames.size(); ++i)
            frames.push_back(i);
    if (progress) progress->total = static_cast<int>(frames.size()), progress->done = 0;

    GifWriter gif;
    if (options.format == ExportFormat::kGif)
        if (Result<bool> opened =
                gif.open(options.out, layout.width, layout.height, scene.colors, options.gif);
            !opened)
            return opened.errors();
    for (size_t n = 0; n < frames.size(); ++n) {
        if (progress && progress->cancel) {
            summary.cancelled = true;
            break;
        }
        const size_t index = frames[n];
        const Picture picture = frame_picture(scene, layout, fonts, index);
        const std::filesystem::path path =
            frames.size() > 1 ? numbered_path(options.out, n + 1) : options.out;
        Result<bool> written = true;
        if (options.format == ExportFormat::kSvg) {
            written = write_text_file(
                svg_text(picture, fonts, scene.steps[static_cast<size_t>(scene.frames[index].step)].caption),
                path);
        } else {
            const RgbImage image = rasterize(picture, fonts);
            written = options.format == ExportFormat::kGif ? gif.add(image, scene.frames[index].travel < 1.0f)
                                                           : write_png(image, path);
        }
        if (!written) return written.errors();
        ++summary.frames;
        if (progress) ++progress->done;
    }
    if (options.format == ExportFormat::kGif) {
        if (Result<bool> closed = gif.close(); !closed) return closed.errors();
        if (summary.cancelled) {
            std::error_code ec;
            std::filesystem::remove(options.out, ec);
        }
    }
    return summary;
}

}  // namespace poolscope::app
