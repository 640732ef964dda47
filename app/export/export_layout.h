// Where everything of an export frame goes, in pixels: the caption, per channel the labelled input grid (its
// padding ring, the window's cells tinted, the argmax ringed, the window outlined) beside the output grid
// filled up to the current window, and the arithmetic lines under them. The same sizes for every frame of a
// scene, so a GIF never jumps. Drawn the way the window's matrices panel draws (cell insets, rings, widths).
#pragma once

#include "export/export_fonts.h"
#include "export/export_scene.h"
#include "export/picture.h"

namespace poolscope::app {

struct SceneLayout {
    int width = 0, height = 0;
    float margin = 0, caption_size = 0, label_size = 0, line_size = 0;
    float grid_top = 0;       // first channel's grids (below the caption and the labels)
    float channel_pitch = 0;  // from one channel's grids to the next
    float output_x = 0, output_dy = 0;
    float lines_top = 0;  // the arithmetic lines
};

SceneLayout layout_scene(const ExportScene& scene, const ExportFonts& fonts);

// Frame `index` of the scene as shapes.
Picture frame_picture(const ExportScene& scene, const SceneLayout& layout, const ExportFonts& fonts,
                      size_t index);

// Where input cell (row, col) of channel `channel` is centred in a picture: tests sample pixels there.
std::pair<float, float> input_cell_centre(const ExportScene& scene, const SceneLayout& layout,
                                          int64_t channel, int64_t row, int64_t col);
std::pair<float, float> output_cell_centre(const ExportScene& scene, const SceneLayout& layout,
                                           int64_t channel, int64_t row, int64_t col);

}  // namespace poolscope::app
