// The sentences the panels put around the core's numbers, built here (GUI-free) so tests can read them in
// both languages: the window position ("Window 2 of 4: output (0, 1)", never "Step", which is the lesson's),
// the one line shown when PyTorch rejects the parameters, and what floor drops (input cells or padding).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "poolscope/output_shape.h"
#include "poolscope/result.h"
#include "poolscope/trace.h"

namespace poolscope::app {

// "Window 2 of 4: output (0, 1)" for 0-based `index` of `count` windows (in `language`: an export's own).
std::string window_position_text(int64_t index, int64_t count, const OutputCell& cell,
                                 Language language = current_language());
// The timeline's label: the window position, or one line saying there is no output.
std::string timeline_label(int64_t index, int64_t count, const OutputCell& cell, bool has_output);
// The step panel's line when there is no output: the first of PyTorch's reasons (wrapped by the panel).
std::string no_output_text(const std::vector<Error>& errors);
// What floor throws away on one axis, by kind; empty when it drops nothing (or with ceil_mode).
std::string floor_drop_text(const AxisShape& axis, Language language = current_language());

}  // namespace poolscope::app
