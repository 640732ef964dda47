// One export, start to finish: the scene's frames laid out, painted and written as GIF, PNG or SVG. Runs
// frame by frame, reporting progress and checking a cancel flag between frames, so the window can run it on a
// worker thread (panels/export_dialog.cpp) and the command line can run it directly (export_command.h).
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>

#include "export/export_scene.h"
#include "export/image_files.h"

namespace poolscope::app {

enum class ExportFormat { kGif, kPng, kSvg };

struct ExportOptions {
    ExportFormat format = ExportFormat::kPng;
    std::filesystem::path out;
    // PNG and SVG: the frame (index into scene.frames) to write; nullopt: every frame, as out's stem with
    // "-01", "-02", ... GIF: always every frame.
    std::optional<size_t> frame;
    GifOptions gif;
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

// Writes the export; on cancel stops after the current frame and removes a partial file.
Result<ExportSummary> run_export(const ExportScene& scene, const ExportOptions& options,
                                 ExportProgress* progress = nullptr);

// "pictures/step-03.png" -> "pictures/step-03-07.png" for frame 7 of many (1-based, two digits at least).
std::filesystem::path numbered_path(const std::filesystem::path& path, size_t number);

}  // namespace poolscope::app
