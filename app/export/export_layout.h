// Where everything of an export frame goes, in pixels. Forward: the caption, per channel the labelled input
// grid (its padding ring, the window's cells tinted, the argmax ringed, the window outlined) beside the
// output grid filled up to the current window, and the arithmetic lines under them. Backward: the input,
// grad_output and grad_input grids as the Backward view draws them, with the step's sentences. Walkthrough:
// the heading and the formula lines. Then, when asked, the legend of the marks the frames use. The same sizes
// for every frame of a scene, so a GIF never jumps. Drawn the way the window's panels draw (cell insets,
// rings, widths).
#pragma once

#include <string>
#include <vector>

#include "export/export_fonts.h"
#include "export/export_scene.h"
#include "export/picture.h"

namespace poolscope::app {

// One legend entry, placed: its swatch at (x, y) (the row's top), its words after it.
struct LegendItem {
    LegendMark mark = LegendMark::kWindow;
    std::string text;
    float x = 0, y = 0;
};

struct SceneLayout {
    int width = 0, height = 0;
    float margin = 0, caption_size = 0, label_size = 0, line_size = 0;
    float grid_top = 0;       // first channel's grids (below the caption and the labels)
    float channel_pitch = 0;  // from one channel's grids to the next
    float output_x = 0, output_dy = 0;
    float grad_input_x = 0;     // backward: the grad_input grid
    bool share_badges = false;  // backward: the share label fits in the cells (else a line under the grid)
    float lines_top = 0;        // the arithmetic lines (walkthrough: its lines)
    float legend_size = 0;      // the legend's text (and swatch) size
    std::vector<LegendItem> legend;  // what the frames use, in LegendMark order
};

// The layout of a scene; the legend lists the marks used by `frames` (indices into scene.frames; null: every
// frame), the frames written.
SceneLayout layout_scene(const ExportScene& scene, const ExportFonts& fonts,
                         const std::vector<size_t>* frames = nullptr);

// Frame `index` of the scene as shapes.
Picture frame_picture(const ExportScene& scene, const SceneLayout& layout, const ExportFonts& fonts,
                      size_t index);

// Where input cell (row, col) of channel `channel` is centred in a picture: tests sample pixels there.
std::pair<float, float> input_cell_centre(const ExportScene& scene, const SceneLayout& layout,
                                          int64_t channel, int64_t row, int64_t col);
std::pair<float, float> output_cell_centre(const ExportScene& scene, const SceneLayout& layout,
                                           int64_t channel, int64_t row, int64_t col);
// Backward: grad_input cell (row, col) of `channel`.
std::pair<float, float> grad_input_cell_centre(const ExportScene& scene, const SceneLayout& layout,
                                               int64_t channel, int64_t row, int64_t col);

// The parts frame_picture puts together (export_backward.cpp, export_walkthrough.cpp, export_legend.cpp).
void add_backward_channel(Picture& p, const ExportScene& scene, const SceneLayout& l,
                          const ExportFonts& fonts, size_t frame, int64_t channel);
void add_walkthrough_lines(Picture& p, const ExportScene& scene, const SceneLayout& l,
                           const ExportFonts& fonts);
// The walkthrough's width and the height of its lines (wrapped at a width it chooses).
void layout_walkthrough(const ExportScene& scene, const ExportFonts& fonts, SceneLayout& l);
// The marks frame `index` draws (LegendMark order).
std::array<bool, kLegendMarks> marks_in_frame(const ExportScene& scene, size_t index);
// Places the legend's entries for `frames` from l.legend_top at l.width; returns the height it takes.
float place_legend(const ExportScene& scene, const ExportFonts& fonts, const std::vector<size_t>& frames,
                   float top, SceneLayout& l);
void add_legend(Picture& p, const ExportScene& scene, const SceneLayout& l, const ExportFonts& fonts);

}  // namespace poolscope::app
