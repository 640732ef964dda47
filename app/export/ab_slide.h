// The A/B view as one slide (issue 29, `poolscope export --ab`): the two layers' code lines, both output
// grids with the cells that differ shaded and those only one side has outlined, each marked cell numbered
// with its reasons, and the core's reasons (compare_ab) as a numbered list, in the export's language. A
// Picture like every export frame, so the PNG and the SVG show the same shapes.
#pragma once

#include <filesystem>
#include <string>

#include "export/export_fonts.h"
#include "export/export_limits.h"
#include "export/export_scene.h"
#include "export/picture.h"
#include "poolscope/ab_compare.h"

namespace poolscope::app {

struct AbSlideRequest {
    Tensor input{Shape{1, 1, 4, 4}, 0.0f, 2};
    LayerSpec a, b;
    std::string title;  // above everything (a lesson step's title); empty: "A/B settings"
    Language language = Language::kEnglish;
    ExportTheme theme = ExportTheme::kLight;
    float cell = 48;      // cell size in pixels
    bool symbols = true;  // − and ∞
};

// Where the slide put things, for tests that sample its pixels.
struct AbSlideLayout {
    float grid_a_x = 0, grid_b_x = 0, grid_top = 0, cell = 0;
    int reason_lines = 0;  // wrapped lines of the reasons and notes
};

// The comparison (an error when a side is rejected, the two layers are the same, or the input is larger than
// an export draws) and its slide.
Result<Picture> ab_slide_picture(const AbSlideRequest& request, const ExportFonts& fonts,
                                 AbSlideLayout* layout = nullptr);

// Writes the slide as PNG or SVG (atomically, sizes checked against export_limits.h first).
Result<bool> write_ab_slide(const AbSlideRequest& request, ExportFormat format,
                            const std::filesystem::path& out, int* width = nullptr, int* height = nullptr);

}  // namespace poolscope::app
