// What an export shows, GUI-free: the window's input (with its padding ring), the sliding window at each
// position, the output filling in and the step's arithmetic line, all taken from the model (AppState,
// recompute, update_traces, arithmetic_tokens, number_text) so the pictures say what the window says. Every
// word is resolved when the scene is made (in the export's language), so frames can be drawn on any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "model/arithmetic_line.h"
#include "model/matrix_colors.h"
#include "poolscope/convention.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"
#include "poolscope/trace.h"

namespace poolscope::app {

enum class ExportTheme { kLight, kDark };

struct SceneRequest {
    Tensor input{Shape{1, 1, 4, 4}, 0.0f, 2};
    LayerSpec layer;
    Language language = Language::kEnglish;
    ExportTheme theme = ExportTheme::kLight;
    float cell = 48;         // cell size in pixels
    bool smooth = false;     // in-between frames while the window slides
    int between_frames = 4;  // per slide, with smooth
    bool symbols = true;     // − and ∞ (DejaVu Sans has them)
};

// One window position: where the window is and what the step line says.
struct SceneStep {
    OutputCell cell;                                  // channel 0's output cell
    std::string caption;                              // "Window 2 of 4: output (0, 1)"
    std::vector<CellTrace> traces;                    // one per channel
    std::vector<std::vector<ArithmeticToken>> lines;  // one per channel
};

// A frame: a window position, and how far the window has slid there from the previous one (1: arrived;
// the argmax ring shows only then, as in the window).
struct SceneFrame {
    int64_t step = 0;
    float travel = 1;
};

struct ExportScene {
    MatrixColors colors;
    float cell = 48;
    int64_t channels = 1;
    int64_t first_row = 0, rows = 0, first_col = 0, cols = 0;  // the input grid with its ring
    std::vector<TapKind> kinds;                                // rows*cols, row-major
    std::vector<std::vector<std::string>> input_text;          // per channel, rows*cols (ring included)
    int64_t out_rows = 0, out_cols = 0;
    std::vector<std::vector<std::string>> output_text;  // per channel, out_rows*out_cols
    std::vector<int64_t> step_of_output;                // out_rows*out_cols: the step filling it
    std::vector<SceneStep> steps;
    std::vector<SceneFrame> frames;
    std::vector<std::string> input_labels, output_labels;  // per channel, the window's grid labels
};

// The largest input an export draws (the window's editor holds the same): larger ones are refused.
inline constexpr int64_t kMaxExportChannels = 8;
inline constexpr int64_t kMaxExportSize = 32;

// The scene of a layer on an input; an error (the framework's first reason) when the layer is rejected, or
// when the input is larger than an export draws.
Result<ExportScene> make_scene(const SceneRequest& request);

// The frame index (into scene.frames) where window position `step` has arrived.
size_t frame_of_step(const ExportScene& scene, int64_t step);

}  // namespace poolscope::app
