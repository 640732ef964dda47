// Predict, then reveal: what an open quiz question hides until it is answered right or revealed. One rule, as
// data, for every place that shows a number or a shape (output cells and their tooltips, the timeline and
// hover, the step text and arithmetic, copy and export, Compare, the Output size panel and output header, the
// Backward view, the status line, the state report): an open question hides what it asks about, and what
// would give that away at a glance, and nothing else. GUI-free; the app asks through
// app/model/quiz_session.h.
#pragma once

#include <vector>

#include "poolscope/quiz.h"
#include "poolscope/trace.h"

namespace poolscope {

// What is hidden about one output cell (one window, in one channel plane: n and c count).
struct HiddenWindow {
    OutputCell cell;     // the output cell asked about
    bool value = false;  // its result: the output cell, its tooltip, copy/export, Compare, the status line
    bool arithmetic = false;  // the window's worked step: its terms, sum, maximum and result
    bool argmax = false;   // which input cell wins: the winner's mark, "at (h, w)", return_indices, and the
                           // Backward view's routing of this window's gradient
    bool divisor = false;  // what the window's sum is divided by (the step text, the formula panel)
    bool window = false;   // which input cells the window reads: its outline on the input, hover links
};

// What is hidden about one layer of a network step (the Network view's cards and receptive-field overlay).
struct HiddenLayer {
    std::vector<size_t> layer;     // net[3] = {3}, as NetworkFacts::layer
    bool output_shape = false;     // the size leaving the layer, and every later layer's (they would tell it)
    bool receptive_field = false;  // the field of the asked cell: its outline, size, jump and start
    bool parameter_count = false;  // the layer's weights and biases
};

struct QuizHidden {
    std::vector<HiddenWindow> windows;  // one per output cell with something hidden, in question order
    std::vector<HiddenLayer> layers;    // network questions, one per layer asked about
    bool output_shape = false;          // H_out and W_out: the output's extent and header ("(2 × 2)"), the
                                        // Output size panel's results, the timeline's window count, and with
                                        // them every output cell (the grid's size would tell the shape)

    bool any() const { return output_shape || !windows.empty() || !layers.empty(); }
    // What is hidden about `cell` (n, c, oh, ow all compared); nullptr when nothing is.
    const HiddenWindow* find(const OutputCell& cell) const;
    // Whether the cell's value may not be shown: its own question hides it, or the output shape is hidden.
    bool hides_value(const OutputCell& cell) const;
    // Whether anything about the cell's window is hidden (its value, arithmetic, winner, divisor or cells).
    bool hides_window(const OutputCell& cell) const;
    // What is hidden about a network layer; nullptr when nothing is.
    const HiddenLayer* find_layer(const std::vector<size_t>& layer) const;
};

// The rule, per kind of the open question (one that is neither answered right nor revealed):
//   value         the value and the arithmetic; for max ops also the winner (its input value is the answer),
//                 for average ops also the divisor (the input is on screen, so sum / divisor is the answer)
//   argmax        the winner, the value (the input cell holding it is the answer) and the arithmetic
//   divisor       the divisor, the value (sum / value is the divisor) and the arithmetic
//   window_cells  the window's cells, the arithmetic (it lists them) and the winner (one of them)
//   output_shape  the output shape
//   choice        nothing: its answer is words, kept out of the step's text by `poolscope check`
//   layer_shape, receptive_field, parameter_count
//                 that fact of the layer asked about (network steps)
// Several questions about one cell add up. Pass only the open questions.
QuizHidden hidden_by(const std::vector<const Question*>& open_questions);

}  // namespace poolscope
