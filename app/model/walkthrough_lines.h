// The output-size walkthrough as lines of text, GUI-free: per axis the formula, the same with the numbers
// substituted and reduced, and the side notes (floor vs ceil, PyTorch's ceil_mode rule, window starts), under
// PyTorch's rule or another framework's (TensorFlow / ONNX SAME and VALID, MXNet's pooling_convention). The
// terms come from the core's AxisShape; the window draws these lines (widgets/size_walkthrough.h) and an
// export paints them (app/export), so a figure says exactly what the Output size panel says.
#pragma once

#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "poolscope/convention.h"
#include "poolscope/output_shape.h"
#include "poolscope/pool_plan.h"

namespace poolscope::app {

enum class WalkRole {
    kFormula,  // the general formula (heading colour)
    kValues,   // the formula with the numbers in it, the output shape (plain text)
    kNote,     // side notes (muted)
    kProblem,  // what makes the layer fail (error colour)
};

struct WalkLine {
    WalkRole role = WalkRole::kValues;
    std::string text;
    bool gap_before = false;  // a little space above it (between the axes, before the output shape)
};

struct WalkOptions {
    Language language = Language::kEnglish;
    bool symbols = true;  // ⌊ ⌋ ⌈ ⌉ · − (else floor( ceil( * -), as the font allows
    bool notes = true;    // false: the side notes fold, the formulas and problems stay
};

// PyTorch's walkthrough of `params` on an input of shape `input`. `plan` is null when PyTorch rejects the
// layer: the arithmetic is still given when it can be done (seeing why the output is too small teaches).
std::vector<WalkLine> size_walkthrough_lines(const Shape& input, const PoolParams& params,
                                             const PoolPlan* plan, const WalkOptions& options);

// The same lines for one layer's two axes given as the core's terms (a network's Conv2d and windowed pools).
std::vector<WalkLine> axes_walkthrough_lines(const AxisShape& h, const AxisShape& w,
                                             const WalkOptions& options);

// The walkthrough under the layer's own framework (PyTorch's, the ONNX explicit pads and adaptive ops through
// size_walkthrough_lines). `plan` is null when the framework rejects the layer.
std::vector<WalkLine> layer_walkthrough_lines(const Shape& input, const LayerSpec& layer,
                                              const PoolPlan* plan, const WalkOptions& options);

}  // namespace poolscope::app
