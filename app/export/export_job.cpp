// Running an export (see export_job.h).
#include "export/export_job.h"

#include <algorithm>
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

namespace {

// The scene's frames to write, in order: the window positions options.windows / every pick, with the
// in-between frames of a slide only where the position before it is picked too.
std::vector<size_t> selected_frames(const ExportScene& scene, const ExportOptions& options) {
    const int64_t steps = static_cast<int64_t>(scene.steps.size());
    const int64_t first = options.windows ? options.windows->first - 1 : 0;
    const int64_t last = options.windows ? std::min(options.windows->second, steps) - 1 : steps - 1;
    const int64_t every = std::max<int64_t>(options.every, 1);
    const auto picked = [&](int64_t step) {
        return step >= first && step <= last && (step - first) % every == 0;
    };
    std::vector<size_t> frames;
    for (size_t i = 0; i < scene.frames.size(); ++i) {
        const SceneFrame& f = scene.frames[i];
        if (picked(f.step) && (f.travel >= 1.0f || (every == 1 && picked(f.step - 1)))) frames.push_back(i);
    }
    return frames;
}

}  // namespace

struct ExportJob::State {
    ExportScene scene;
    ExportOptions options;
    ExportProgress* progress = nullptr;
    bool started = false, over = false;
    std::optional<ExportFonts> fonts;
    SceneLayout layout;
    std::vector<size_t> frames;  // scene frame indices, in writing order
    size_t next = 0;             // index into frames
    GifWriter gif;
    std::vector<std::filesystem::path> written;
    ExportSummary summary;
    Result<ExportSummary> result = Error{"export", "the export has not run"};

    // Checks the request, loads the fonts, lays out, opens the GIF; false (with `result` set) on an error.
    bool begin() {
        if (scene.frames.empty()) return fail(Error{"export", "the layer has no output: nothing to draw"});
        if (options.frame && *options.frame >= scene.frames.size())
            return fail(Error{"frame", "frame " + std::to_string(*options.frame + 1) +
                                           " does not exist (the export has " +
                                           std::to_string(scene.frames.size()) + ")"});
        Result<ExportFonts> loaded = ExportFonts::load();
        if (!loaded) return fail(loaded.errors());
        fonts.emplace(std::move(loaded).value());
        if (options.format != ExportFormat::kGif && options.frame)
            frames.push_back(*options.frame);
        else
            frames = selected_frames(scene, options);
        if (frames.empty())
            return fail(Error{"windows", "no window position of the " + std::to_string(scene.steps.size()) +
                                             " this layer has is in the chosen range"});
        layout = layout_scene(scene, *fonts, &frames);  // the legend lists what these frames draw
        summary = ExportSummary{0, layout.width, layout.height, false};
        if (Result<bool> fits = check_export_size(options.format, layout.width, layout.height,
                                                  static_cast<int64_t>(frames.size()));
            !fits)
            return fail(fits.errors());
        if (progress) progress->total = static_cast<int>(frames.size()), progress->done = 0;
        if (options.format == ExportFormat::kGif)
            if (Result<bool> opened =
                    gif.open(options.out, layout.width, layout.height, scene.colors, options.gif);
                !opened)
                return fail(opened.errors());
        return true;
    }

    // Paints and writes frames[next]; false (with `result` set) on an error.
    bool write_next() {
        const size_t index = frames[next];
        const Picture picture = frame_picture(scene, layout, *fonts, index);
        const std::filesystem::path path =
            frames.size() > 1 ? numbered_path(options.out, next + 1) : options.out;
        Result<bool> done = true;
        if (options.format == ExportFormat::kSvg) {
            done = write_text_file(
                svg_text(picture, *fonts, scene.steps[static_cast<size_t>(scene.frames[index].step)].caption),
                path);
        } else {
            const RgbImage image = rasterize(picture, *fonts);
            done = options.format == ExportFormat::kGif ? gif.add(image, scene.frames[index].travel < 1.0f)
                                                        : write_png(image, path);
        }
        if (!done) return fail(done.errors());
        if (options.format != ExportFormat::kGif) written.push_back(path);
        ++next;
        ++summary.frames;
        if (progress) ++progress->done;
        return true;
    }

    // Finishes the GIF (or, when cancelled, drops it: the file of that name stays as it was) and records the
    // summary.
    void end() {
        over = true;
        if (options.format == ExportFormat::kGif) {
            if (summary.cancelled) {
                gif.abandon();
            } else if (Result<bool> closed = gif.close(); !closed) {
                written.clear();
                result = closed.errors();
                return;
            } else {
                written.push_back(options.out);
            }
        }
        if (summary.cancelled) written.clear();
        result = summary;
    }

    bool fail(Result<ExportSummary> error) {
        over = true;
        gif.abandon();  // a GIF begun stays a temporary file, removed here
        written.clear();
        result = std::move(error);
        return false;
    }
};

ExportJob::ExportJob(ExportScene scene, ExportOptions options, ExportProgress* progress)
    : state_(std::make_unique<State>()) {
    state_->scene = std::move(scene);
    state_->options = std::move(options);
    state_->progress = progress;
}

ExportJob::~ExportJob() = default;

bool ExportJob::step() {
    State& s = *state_;
    if (s.over) return false;
    if (!s.started) {
        s.started = true;
        return s.begin();
    }
    if (s.next < s.frames.size() && !(s.progress && s.progress->cancel)) return s.write_next();
    s.summary.cancelled = s.next < s.frames.size();
    s.end();
    return false;
}

const Result<ExportSummary>& ExportJob::result() const {
    return state_->result;
}

std::vector<std::filesystem::path> ExportJob::files() const {
    return state_->written;
}

Result<ExportSummary> run_export(const ExportScene& scene, const ExportOptions& options,
                                 ExportProgress* progress) {
    ExportJob job(scene, options, progress);
    while (job.step()) {
    }
    return job.result();
}

}  // namespace poolscope::app
