// What a lesson step's code line says about its layer (issue 29, item 3): the PyTorch pooling call a
// hand-written line makes (nn.MaxPool2d(3, stride=2), F.avg_pool2d(X, 2), ...) read back into parameters,
// and where it no longer agrees with the step's layer, so `poolscope check` and the app can mark a stale
// line instead of quietly showing `nn.MaxPool2d(3)` over a kernel of 2. Lines it cannot read (another
// framework, a helper like D2L's pool2d(), arguments that are variables) are never called stale.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "poolscope/pool_params.h"
#include "poolscope/result.h"

namespace poolscope {

struct LessonStep;
struct Lesson;

// The one pooling call of a code line, as PyTorch would run it.
struct CodeLineCall {
    std::string call;         // the call as written, e.g. "nn.MaxPool2d(3, padding=1)"
    PoolParams params;        // its arguments over PyTorch's defaults
    bool pads_input = false;  // the line pads the input itself (F.pad): the layer's padding is not the call's
};

// The line's pooling call (torch.nn classes, torch.nn.functional functions; "torch.nn." and "F." spellings).
// nullopt when it has none, calls several that differ, or passes an argument that is not a literal.
std::optional<CodeLineCall> read_code_line(std::string_view code);

// One argument the line and the layer disagree on, in PyTorch's words: {"kernel_size", "3", "2"}.
struct CodeMismatch {
    std::string argument;  // "op", "kernel_size", "stride", "padding", "dilation", "ceil_mode", ...
    std::string in_code;   // as the line has it ("3", "(2, 3)", "True", "nn.MaxPool2d")
    std::string in_layer;  // as the step's layer has it
};

// Where the step's code line (its own or the one it inherits) no longer describes its layer; empty when
// they agree or the line cannot be read (PyTorch steps only: other frameworks' lines are not read).
std::vector<CodeMismatch> code_line_mismatches(const LessonStep& step);
// "kernel_size 3 in the code line, 2 in the layer; stride ...": the mismatches in one English sentence.
std::string mismatch_text(const std::vector<CodeMismatch>& mismatches);

// Warnings for `poolscope check`: each step whose code line is stale, field "/steps/N/code" (the step writes
// the line) or "/steps/N" (it inherits one).
std::vector<Error> find_stale_code_lines(const Lesson& lesson);

}  // namespace poolscope
