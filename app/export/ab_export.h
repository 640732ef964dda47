// `poolscope export --ab` (issue 29): the A/B slide of a lesson step's "compare" (--lesson F --step N), or of
// --params A with --params-b B on --input X, where B's keys change A's layer as a step's compare "b" does (an
// "op" starts a new layer). export_command.cpp parses the arguments and hands them here.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "export/ab_slide.h"
#include "poolscope/lesson.h"

namespace poolscope::app {

// B: `changes` (a JSON object of layer keys) on top of `a`, planned on `input`'s shape later.
Result<LayerSpec> layer_with_changes(const LayerSpec& a, const std::string& changes, const Shape& input);

// The slide request of lesson step `number` (1-based): its compare block, or the step's layer as A and
// `params_b` on top of it as B. An error when the step has no matrix, or neither a compare nor --params-b.
Result<AbSlideRequest> ab_request_for_step(const Lesson& lesson, int64_t number,
                                           const std::optional<std::string>& params_b, AbSlideRequest base);

// Writes --png and/or --svg and reports each file on `out` like the other exports; returns the exit code.
int write_ab_outputs(const AbSlideRequest& request, const std::optional<std::string>& png,
                     const std::optional<std::string>& svg, std::ostream& out, std::ostream& err);

}  // namespace poolscope::app
