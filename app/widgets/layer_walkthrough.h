// The output-size walkthrough under any framework's rules: PyTorch (and ONNX's explicit pads, the same
// formula) through size_walkthrough.h; TensorFlow / ONNX SAME and VALID, and MXNet's pooling_convention,
// with their own formulas and the plan's numbers (the same terms `poolscope shape --convention` prints).
#pragma once

#include "poolscope/pool_plan.h"

namespace poolscope::app {

struct FontSet;
class UiProbe;

// `plan` is null when the framework rejects the layer. `probe`: the PyTorch-formula lines report clipping
// to it as `panel` (size_walkthrough.h).
void draw_layer_walkthrough(const Shape& input, const LayerSpec& layer, const PoolPlan* plan,
                            const FontSet& fonts, UiProbe* probe = nullptr, const char* panel = "walkthrough",
                            bool notes = true);

}  // namespace poolscope::app
