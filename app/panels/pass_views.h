// The centre panel's three views of one layer (model/gradient_view.h): Forward (matrices_panel.cpp), Backward
// (gradient_panel.cpp) and Unpool (unpool_panel.cpp), chosen with the switch drawn by draw_pass_switch().
// They share how a channel's row of grids is sized.
#pragma once

#include <cstdint>
#include <string>

#include "panels/panels.h"
#include "widgets/grid_fit.h"
#include "widgets/matrix_grid.h"

namespace poolscope::app {

void draw_pass_switch(PanelContext& ctx);
void draw_gradient_panel(PanelContext& ctx);
void draw_unpool_panel(PanelContext& ctx);
// While a forward question is open, Backward and MaxUnpool would answer it (the gradient goes to the window's
// maximum; MaxUnpool puts the maxima back): says so in their place and returns true (issue 26).
bool backward_waits_for_quiz(const PanelContext& ctx);
// The step panel's Backward text: where the current output cell's gradient goes.
void draw_gradient_step(PanelContext& ctx);

// How the Backward and MaxUnpool views lay out `channels` blocks of three `grids` (in drawing order, each as
// wide as its cells or its label, a cell of gap between them) `rows` cells high in what is left of the panel:
// the cell (clamped to the font's 1.1 to 5 sizes, then zoomed), the third grid beside or under the first two,
// and how many blocks go side by side. Each line of grids also keeps `note_lines` lines of text under it; a
// third grid with a note `note_w` wide leaves it that room before the next block.
PassFit pass_layout(int64_t channels, const LabelledGrid (&grids)[3], int64_t rows, float zoom,
                    float note_lines = 0, float note_w = 0);
// Starts channel `ch`'s block (an ImGui group the caller ends): beside the one before unless it begins a row.
void begin_pass_block(int64_t ch, const PassFit& fit);

// How wide labelled_grid() makes a note under a narrower grid (14 font sizes: a short sentence a line).
float note_min_width();

// A heading over a grid, then the grid, then an optional note under it in `note_color`, all in one group;
// returns what the mouse does over the grid.
GridHit labelled_grid(const char* id, const std::string& label, GridLayout& layout,
                      const char* note = nullptr, ImU32 note_color = 0);

}  // namespace poolscope::app
