// What an export shows, GUI-free, as the window shows it: the forward pass (the input with its padding ring,
// the sliding window at each position, the output filling in and the step's arithmetic line), the backward
// pass (the Backward view: the input with the window, grad_output, grad_input adding up window by window with
// each window's share) or the output-size walkthrough (a shape step's formula per axis), all taken from the
// model (AppState, recompute, update_traces, update_gradients, arithmetic_tokens, walkthrough_lines,
// number_text) so the pictures say what the window says. Every word is resolved when the scene is made (in
// the export's language), so frames can be drawn on any thread.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "model/arithmetic_line.h"
#include "model/matrix_colors.h"
#include "model/walkthrough_lines.h"
#include "poolscope/convention.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"
#include "poolscope/trace.h"

namespace poolscope::app {

enum class ExportTheme { kLight, kDark };

// Which picture: the matrices panel's forward pass, the Backward view's, or the output-size walkthrough.
enum class SceneView { kForward, kBackward, kWalkthrough };

// The marks a legend can explain, each listed only when a frame of the export draws it.
enum class LegendMark { kPadding, kOverhang, kWindow, kArgmax, kShare };
inline constexpr size_t kLegendMarks = 5;

struct SceneRequest {
    Tensor input{Shape{1, 1, 4, 4}, 0.0f, 2};
    LayerSpec layer;
    SceneView view = SceneView::kForward;
    std::optional<Tensor>
        grad_output;             // backward: the gradient at the output (nullopt: all ones, as the window)
    std::optional<Shape> sizes;  // walkthrough: the input's sizes when there is no matrix (a shape step
                                 // larger than the editor); else the input's shape
    std::string title;           // walkthrough: its heading (a lesson step's title; empty: "Output size")
    bool legend = false;         // explain the marks the picture uses under it
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
    std::vector<std::vector<ArithmeticToken>> lines;  // the text under the grids, one entry per line
    // Backward: per channel, grad_input after this window (rows*cols of the input), the cells this window's
    // gradient reaches (1) and its share label ("+0.25"; empty when it reaches none).
    std::vector<std::vector<std::string>> grad_input_text;
    std::vector<std::vector<uint8_t>> fed;
    std::vector<std::string> share;
};

// A frame: a window position, and how far the window has slid there from the previous one (1: arrived;
// the argmax ring shows only then, as in the window).
struct SceneFrame {
    int64_t step = 0;
    float travel = 1;
};

struct ExportScene {
    SceneView view = SceneView::kForward;
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
    bool max_op = true;                                    // the argmax ring's op
    // Backward: the output grid holds grad_output; the third grid grad_input (per step, above).
    std::vector<std::string> grad_input_labels;  // per channel
    std::string share_note;                      // "%s to each outlined cell": under grad_input when the
                                                 // label does not fit in the cells (its format, resolved)
    // Walkthrough: its heading is steps[0].caption; the lines in their roles.
    std::vector<WalkLine> walk_lines;
    // The legend's words, by LegendMark (all empty: no legend).
    std::array<std::string, kLegendMarks> legend_words;
};

// The largest input an export draws (the window's editor holds the same): larger ones are refused.
inline constexpr int64_t kMaxExportChannels = 8;
inline constexpr int64_t kMaxExportSize = 32;

// The scene of a layer on an input; an error (the framework's first reason) when the layer is rejected
// (the walkthrough: only when its arithmetic cannot be done), when the input is larger than an export draws,
// or when the backward pass has no gradient (LP pooling).
Result<ExportScene> make_scene(const SceneRequest& request);

// The frame index (into scene.frames) where window position `step` has arrived.
size_t frame_of_step(const ExportScene& scene, int64_t step);

}  // namespace poolscope::app
