// The Backward view's step sentences, GUI-free: which output cell's gradient flows back, and per channel
// where it goes (all of it to the maximum, an equal share to each counted cell, the shares dropped on
// padding, PyTorch's stray write) with the core's numbers. The step panel (panels/gradient_step.cpp) draws
// them and the backward export (app/export) prints the same words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "poolscope/backward_trace.h"

namespace poolscope::app {

struct GradStepLine {
    std::string text;
    bool muted = false;  // a side note (the channel tag, the padding's dropped shares)
};

// "Output cell (0, 1), window 2 of 4: its gradient flows back." for 0-based step `index` of `count`.
std::string grad_step_header(const OutputCell& cell, int64_t index, int64_t count, Language language);

// One channel's lines for its output cell's routing; `show_channel` starts with "c0" (several channels).
std::vector<GradStepLine> grad_step_lines(const OutputGradTrace& trace, bool max_op, bool symbols,
                                          bool show_channel, Language language);

// The rule under the lines (max or average pooling).
const char* grad_rule_text(bool max_op, Language language);

}  // namespace poolscope::app
