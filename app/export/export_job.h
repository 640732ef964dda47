// One export, start to finish: the scene's frames laid out, painted and written as GIF, PNG or SVG. Runs
// frame by frame (ExportJob::step), reporting progress and checking a cancel flag between frames, so the
// window can run it away from its frames (panels/export_dialog.cpp: a worker thread, or slices between frames
// in the browser) and the command line can run it directly (run_export, export_command.h).
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "export/export_limits.h"
#include "export/export_scene.h"
#include "export/image_files.h"

namespace poolscope::app {

struct ExportOptions {
    ExportFormat format = ExportFormat::kPng;
    std::filesystem::path out;
    // PNG and SVG: the frame (index into scene.frames) to write; nullopt: every frame, as out's stem with
    // "-01", "-02", ... GIF: always every frame.
    std::optional<size_t> frame;
    GifOptions gif;
    // Which window positions go in (1-based, as the captions count them): `windows` first to last (all when
    // unset), every `every`-th of them. In-between frames (smooth) only where neighbouring positions are both
    // in, so the window never jumps in the middle of a slide.
    std::optional<std::pair<int64_t, int64_t>> windows;
    int64_t every = 1;
};

struct ExportProgress {
    std::atomic<int> done{0};   // frames written
    std::atomic<int> total{0};  // frames to write
    std::atomic<bool> cancel{false};
};

struct ExportSummary {
    int frames = 0;  // frames written
    int width = 0, height = 0;
    bool cancelled = false;
};

// An export in steps. The first step checks the request, loads the fonts, lays the frames out, checks the
// sizes against export_limits.h (before anything is painted) and opens a GIF; every later step paints and
// writes one frame. Every file is written to a temporary file and renamed over its name only when complete
// (core file_write.h), so an error or a cancel leaves what was there. Cancel (progress->cancel) stops before
// the next frame.
class ExportJob {
  public:
    // `progress` (may be null) must outlive the job; the job keeps its own copy of the scene.
    ExportJob(ExportScene scene, ExportOptions options, ExportProgress* progress = nullptr);
    ~ExportJob();
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    // Does the next piece; false once there is nothing left (finished, cancelled or failed).
    bool step();
    // How it went; meaningful once step() returned false.
    const Result<ExportSummary>& result() const;
    // The files written so far (a GIF once it is closed); empty after a failure or a cancel, which hand
    // nothing over (a cancelled series of PNGs keeps the frames already on disk).
    std::vector<std::filesystem::path> files() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// Runs a whole ExportJob: writes the export; on cancel stops after the current frame (no partial file).
Result<ExportSummary> run_export(const ExportScene& scene, const ExportOptions& options,
                                 ExportProgress* progress = nullptr);

// "pictures/step-03.png" -> "pictures/step-03-07.png" for frame 7 of many (1-based, two digits at least).
std::filesystem::path numbered_path(const std::filesystem::path& path, size_t number);

}  // namespace poolscope::app
