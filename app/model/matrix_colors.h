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
    // The Backward view's share label ("+0.25"): dark red on its own white pill, whatever the cell's fill.
    Rgba share_text, share_background;
};

// Each meaning with its colour on a light page (the window's look) and on a dark slide (light text on dark
// cells, the accents kept recognisable), side by side so the two stay in step.
struct ColorPair {
    Rgba MatrixColors::*meaning;
    Rgba light, dark;
};
inline constexpr ColorPair kColorPairs[] = {
    {&MatrixColors::page, {251, 252, 253}, {30, 32, 38}},
    {&MatrixColors::input_fill, {255, 255, 255}, {48, 52, 60}},
    {&MatrixColors::input_border, {150, 158, 170}, {105, 112, 126}},
    {&MatrixColors::text, {30, 34, 40}, {232, 235, 240}},
    {&MatrixColors::padding_fill, {214, 226, 240}, {38, 54, 78}},
    {&MatrixColors::padding_border, {160, 178, 200}, {80, 104, 138}},
    {&MatrixColors::padding_text, {80, 100, 130}, {150, 176, 214}},
    {&MatrixColors::overhang_fill, {246, 240, 226}, {60, 54, 42}},
    {&MatrixColors::overhang_border, {205, 190, 160}, {120, 106, 80}},
    {&MatrixColors::overhang_text, {160, 140, 110}, {180, 160, 120}},
    {&MatrixColors::window, {242, 140, 20}, {255, 158, 40}},
    {&MatrixColors::window_tap, {255, 196, 110, 150}, {255, 160, 50, 90}},
    {&MatrixColors::argmax, {214, 40, 60}, {255, 82, 98}},
    {&MatrixColors::output_done, {255, 255, 255}, {48, 52, 60}},
    {&MatrixColors::output_pending, {236, 238, 242}, {38, 41, 48}},
    {&MatrixColors::output_current, {255, 214, 150}, {120, 82, 30}},
    {&MatrixColors::heading, {33, 69, 133}, {140, 180, 240}},
    {&MatrixColors::muted, {107, 115, 128}, {150, 158, 172}},
    {&MatrixColors::step_text, {31, 33, 41}, {226, 230, 236}},
    {&MatrixColors::step_padding, {79, 102, 140}, {150, 176, 214}},
    {&MatrixColors::step_argmax, {214, 41, 61}, {255, 96, 110}},
    {&MatrixColors::step_result, {204, 107, 5}, {255, 176, 70}},
    {&MatrixColors::share_text, {150, 20, 20}, {150, 20, 20}},
    {&MatrixColors::share_background, {255, 255, 255}, {255, 255, 255}},
};

constexpr MatrixColors colors_for(bool dark) {
    MatrixColors colors;
    for (const ColorPair& pair : kColorPairs)
        colors.*pair.meaning = dark ? pair.dark : pair.light;
    return colors;
}

inline constexpr MatrixColors kLightColors = colors_for(false);
inline constexpr MatrixColors kDarkColors = colors_for(true);

}  // namespace poolscope::app
