// Wording of each framework's output-size rule for `poolscope shape --convention ...`. The numbers all come
// from the plan (core/src/convention.cpp); this file only says them in the framework's own terms.
#include "cli/shape_conventions.h"

#include <ostream>

#include "cli/cli.h"
#include "cli/cli_text.h"
#include "cli/shape_command.h"

namespace poolscope::cli {
namespace {

std::string starts_line(const AxisShape& a) {
    if (a.output < 1) return "";
    std::string s = "  windows start at:";
    for (int64_t start : a.window_starts(16))  // only what is printed: output may be in the billions
        s += " " + num(start);
    if (a.output > 16) s += " ... (" + num(a.output) + " in all)";
    return s + "\n";
}

// TensorFlow "same", ONNX SAME_UPPER / SAME_LOWER.
std::string describe_same(const AxisShape& a, Convention c, const char* name) {
    const std::string n(name);
    std::string s;
    s += n + "_out = ceil(" + n + " / stride) = ceil(" + num(a.input) + " / " + num(a.stride) +
         ") = " + num(a.same_output) + "\n";
    const std::string k = a.dilation == 1 ? "kernel" : "dilation*(kernel-1) + 1";
    s += "  padding = max((" + n + "_out-1)*stride + " + k + " - " + n + ", 0)\n";
    s += "          = max((" + num(a.same_output) + "-1)*" + num(a.stride) + " + " + num(a.effective_kernel) +
         " - " + num(a.input) + ", 0) = max(" + num(a.pad_needed) + ", 0) = " + num(a.pad_begin + a.pad_end) +
         "\n";
    const bool lower = a.pad_mode == PadMode::kSameLower;
    s += "  split: " + num(a.pad_begin) + " before, " + num(a.pad_end) + " after";
    if ((a.pad_begin + a.pad_end) % 2 == 1)
        s += lower ? " (SAME_LOWER puts the odd cell at the start)"
                   : std::string(c == Convention::kTensorFlow ? " (SAME" : " (SAME_UPPER") +
                         " puts the odd cell at the end)";
    return s + "\n" + starts_line(a);
}

// TensorFlow "valid", ONNX VALID: no padding, only whole windows.
std::string describe_valid(const AxisShape& a, const char* name) {
    const std::string n(name);
    const std::string k = a.dilation == 1 ? "kernel" : "(dilation*(kernel-1) + 1)";
    std::string s;
    s += n + "_out = ceil((" + n + " - " + k + " + 1) / stride)\n";
    s += "      = ceil((" + num(a.input) + " - " + num(a.effective_kernel) + " + 1) / " + num(a.stride) +
         ") = " + num(a.output) + "\n";
    s += "  \"valid\": no padding";
    if (a.remainder != 0) s += "; the last " + num(a.remainder) + " cell(s) are in no window";
    return s + "\n" + starts_line(a);
}

// MXNet Pooling: pooling_convention "valid" (floor) or "full" (ceil, every window kept).
std::string describe_mxnet(const AxisShape& a, const char* name) {
    const std::string n(name);
    const char* round = a.ceil_mode ? "ceil" : "floor";
    std::string s;
    s += n + "_out = " + round + "((" + n + " + 2*pad - kernel) / stride) + 1   (pooling_convention \"" +
         (a.ceil_mode ? "full" : "valid") + "\")\n";
    s += "      = " + std::string(round) + "((" + num(a.input) + " + 2*" + num(a.pad_begin) + " - " +
         num(a.kernel) + ") / " + num(a.stride) + ") + 1 = " + std::string(round) + "(" + paren(a.slide) +
         " / " + num(a.stride) + ") + 1 = " + num(a.output) + "\n";
    s += "  MXNet checks kernel <= " + n + " + 2*pad: " + num(a.kernel) + " <= " + num(a.padded_input) +
         "; padding may exceed half the kernel (PyTorch's limit)\n";
    if (!a.ceil_mode && a.remainder != 0)
        s += "  floor leaves " + num(a.remainder) + " cell(s) at the end in no window\n";
    if (a.ceil_mode && a.output >= 1 && a.window_start(a.output - 1) >= a.input)
        s += "  \"full\" keeps the last window even though it starts at " +
             num(a.window_start(a.output - 1)) + ", past the input (which ends at " + num(a.input - 1) +
             "); PyTorch's ceil_mode would drop it\n";
    return s + starts_line(a);
}

}  // namespace

std::string describe_axis_as(const AxisShape& a, Convention convention, const char* name) {
    if (a.pad_mode == PadMode::kSameUpper || a.pad_mode == PadMode::kSameLower)
        return describe_same(a, convention, name);
    if (a.pad_mode == PadMode::kValid) return describe_valid(a, name);
    if (convention == Convention::kMxnet) return describe_mxnet(a, name);
    // PyTorch, and ONNX's explicit pads (the same formula and the same end-padding rule).
    return describe_axis(a, name);
}

int print_layer_shape(const LayerSpec& layer, Pair in, std::ostream& out, std::ostream& err) {
    const std::string framework(framework_name(layer.convention));
    Result<PoolPlan> plan = plan_layer({1, 1, in.h, in.w}, layer);
    if (!plan) {
        err << "poolscope shape: " << framework << " rejects this configuration: " << plan.error_text()
            << "\n";
        return kExitInputError;
    }
    out << framework << ": " << layer_code(layer) << "\n";
    out << describe_axis_as(plan->h, layer.convention, "H");
    out << describe_axis_as(plan->w, layer.convention, "W");
    out << "output: " << plan->output.h << " x " << plan->output.w << "\n";
    return kExitOk;
}

}  // namespace poolscope::cli
