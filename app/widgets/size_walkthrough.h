// The output-size walkthrough for H and W with the numbers substituted: the formula, the reduction, floor
// vs ceil, PyTorch's ceil_mode rule when it drops a window, and where each window starts (adaptive ops: the
// windows), under PyTorch's rule or the layer's framework's. The lines come from model/walkthrough_lines.h
// (the core's AxisShape terms, the same numbers `poolscope shape` prints; an export paints the same lines).
// Drawn by the formula panel for the window's layer and by the lesson column for a shape step's.
#pragma once

#include <vector>

#include "model/walkthrough_lines.h"
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

// Under the layer's own framework: TensorFlow / ONNX SAME and VALID, MXNet's pooling_convention with their
// own formulas and the plan's numbers (`poolscope shape --convention`); PyTorch's otherwise. `plan` is null
// when the framework rejects the layer.
void draw_layer_walkthrough(const Shape& input, const LayerSpec& layer, const PoolPlan* plan,
                            const FontSet& fonts, UiProbe* probe = nullptr, const char* panel = "walkthrough",
                            bool notes = true);

// Lines made elsewhere, each in its role's colour.
void draw_walkthrough_lines(const std::vector<WalkLine>& lines, UiProbe* probe, const char* panel);

}  // namespace poolscope::app
