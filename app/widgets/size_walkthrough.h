// The output-size walkthrough for H and W with the numbers substituted: the formula, the reduction, floor
// vs ceil, PyTorch's ceil_mode rule when it drops a window, and where each window starts (adaptive ops: the
// windows). The terms come from the core's AxisShape, the same numbers `poolscope shape` prints. Drawn by
// the formula panel for the window's layer and by the lesson column for a shape step's.
#pragma once

#include "poolscope/pool_plan.h"

namespace poolscope::app {

struct FontSet;
class UiProbe;

// `plan` is null when PyTorch rejects the layer: the arithmetic is still shown when it can be done. Lines
// the window cuts off are reported to `probe` under `panel` (widgets/text_fit.h).
void draw_size_walkthrough(const Shape& input, const PoolParams& params, const PoolPlan* plan,
                           const FontSet& fonts, UiProbe* probe = nullptr, const char* panel = "walkthrough",
                           bool notes = true);  // false: the side notes fold (the formulas stay)

// The same lines for one layer's two axes given as the core's terms (a network's Conv2d and windowed pools:
// network_shape.h's LayerShape::h and w).
void draw_axes_walkthrough(const AxisShape& h, const AxisShape& w, const FontSet& fonts,
                           UiProbe* probe = nullptr, const char* panel = "walkthrough", bool notes = true);

}  // namespace poolscope::app
