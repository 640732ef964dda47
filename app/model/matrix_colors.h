// The colours that carry meaning in a matrix (input, padding ring, window, argmax, output fill, the step's
// arithmetic), GUI-free, so the window's palette (widgets/palette.h) and the exports (app/export) draw with
// the same values. kLightColors is the window's look; kDarkColors is the same meaning on a dark page.
#pragma once

#include <cstdint>

namespace poolscope::app {

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba&) const = default;
};

struct MatrixColors {
    Rgba page;  // behind everything (the window's child background)
    Rgba input_fill, input_border, text;
    Rgba padding_fill, padding_border, padding_text;
    Rgba overhang_fill, overhang_border, overhang_text;
    Rgba window, window_tap;  // the window outline, and the tint of the cells it reads (translucent)
    Rgba argmax;
    Rgba output_done, output_pending, output_current;
    Rgba heading, muted;  // captions, the channel label
    // The step's arithmetic: plain tokens, padding values, the window's max, the result.
    Rgba step_text, step_padding, step_argmax, step_result;
};

inline constexpr MatrixColors kLightColors{
    .page = {251, 252, 253},
    .input_fill = {255, 255, 255},
    .input_border = {150, 158, 170},
    .text = {30, 34, 40},
    .padding_fill = {214, 226, 240},
    .padding_border = {160, 178, 200},
    .padding_text = {80, 100, 130},
    .overhang_fill = {246, 240, 226},
    .overhang_border = {205, 190, 160},
    .overhang_text = {160, 140, 110},
    .window = {242, 140, 20},
    .window_tap = {255, 196, 110, 150},
    .argmax = {214, 40, 60},
    .output_done = {255, 255, 255},
    .output_pending = {236, 238, 242},
    .output_current = {255, 214, 150},
    .heading = {33, 69, 133},
    .muted = {107, 115, 128},
    .step_text = {31, 33, 41},
    .step_padding = {79, 102, 140},
    .step_argmax = {214, 41, 61},
    .step_result = {204, 107, 5},
};

// The same meanings for a dark slide: light text on dark cells, the accents kept recognisable.
inline constexpr MatrixColors kDarkColors{
    .page = {30, 32, 38},
    .input_fill = {48, 52, 60},
    .input_border = {105, 112, 126},
    .text = {232, 235, 240},
    .padding_fill = {38, 54, 78},
    .padding_border = {80, 104, 138},
    .padding_text = {150, 176, 214},
    .overhang_fill = {60, 54, 42},
    .overhang_border = {120, 106, 80},
    .overhang_text = {180, 160, 120},
    .window = {255, 158, 40},
    .window_tap = {255, 160, 50, 90},
    .argmax = {255, 82, 98},
    .output_done = {48, 52, 60},
    .output_pending = {38, 41, 48},
    .output_current = {120, 82, 30},
    .heading = {140, 180, 240},
    .muted = {150, 158, 172},
    .step_text = {226, 230, 236},
    .step_padding = {150, 176, 214},
    .step_argmax = {255, 96, 110},
    .step_result = {255, 176, 70},
};

}  // namespace poolscope::app
