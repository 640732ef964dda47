#include "cli/shape_command.h"

#include <charconv>
#include <iostream>
#include <string_view>

#include "cli/cli.h"
#include "cli/cli_text.h"
#include "cli/net_shape_command.h"
#include "cli/shape_conventions.h"
#include "poolscope/pool_plan.h"
#include "poolscope/text_guard.h"

namespace poolscope::cli {
namespace {

const char* kUsage =
    "usage: poolscope shape --in H[,W] --kernel K[,KW] [--stride S[,SW]] [--padding P[,PW]]\n"
    "                       [--dilation D[,DW]] [--ceil-mode]\n"
    "       poolscope shape --convention tensorflow|onnx|mxnet --in H[,W] --kernel K[,KW] [...]\n"
    "       poolscope shape --net FILE [--walkthrough] [--receptive-field LAYER --cell C,H,W]\n\n"
    "Prints the output-size walkthrough of PyTorch's MaxPool2d/AvgPool2d for each axis:\n"
    "  out = floor((in + 2*padding - dilation*(kernel-1) - 1) / stride) + 1\n"
    "with ceil instead of floor under --ceil-mode, and PyTorch's rule that drops a last window that would\n"
    "start in the end padding. --stride defaults to the kernel size. Exit status 1 when PyTorch would\n"
    "reject the configuration (the reason is printed).\n\n"
    "--convention walks through another framework's rule instead:\n"
    "  tensorflow  --padding valid (default) | same: out = ceil(in / stride), padding\n"
    "              max((out-1)*stride + dilation*(kernel-1) + 1 - in, 0) with the odd cell at the end;\n"
    "              --dilation (tf.nn.pool: strides must be 1, the default); --pads T,L,B,R or numbers\n"
    "              (tf.nn.max_pool2d's explicit padding, each pad smaller than the window)\n"
    "  onnx        --padding same_upper | same_lower | valid, or numbers, or --pads T,L,B,R;\n"
    "              --ceil-mode; --dilation; --stride defaults to 1\n"
    "  mxnet       --pooling-convention valid (default) | full: floor or ceil of\n"
    "              (in + 2*pad - kernel) / stride, + 1; padding may exceed half the kernel\n\n";

// A padding word: TensorFlow's same / valid, ONNX's auto_pad values (either case); std::nullopt for numbers.
std::optional<PadMode> parse_pad_mode(std::string_view word) {
    if (word == "same" || word == "same_upper" || word == "SAME" || word == "SAME_UPPER")
        return PadMode::kSameUpper;
    if (word == "same_lower" || word == "SAME_LOWER") return PadMode::kSameLower;
    if (word == "valid" || word == "VALID") return PadMode::kValid;
    if (word == "notset" || word == "NOTSET") return PadMode::kExplicit;
    return std::nullopt;
}

// "4" or "4,6" (also "4x6"): one value for both axes, or height then width.
bool parse_pair(std::string_view text, Pair& out) {
    auto parse_one = [](std::string_view t, int64_t& v) {
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        return ec == std::errc() && end == t.data() + t.size();
    };
    const size_t sep = text.find_first_of(",x");
    if (sep == std::string_view::npos) {
        if (!parse_one(text, out.h)) return false;
        out.w = out.h;
        return true;
    }
    return parse_one(text.substr(0, sep), out.h) && parse_one(text.substr(sep + 1), out.w);
}

}  // namespace

std::string describe_axis(const AxisShape& a, const char* name) {
    const char* round = a.ceil_mode ? "ceil" : "floor";
    std::string s;
    s += std::string(name) + "_out = " + round + "((" + name +
         " + pad_begin + pad_end - dilation*(kernel-1) - 1) / stride) + 1\n";
    s += "      = " + std::string(round) + "((" + num(a.input) + " + " + num(a.pad_begin) + " + " +
         num(a.pad_end) + " - " + num(a.dilation) + "*(" + num(a.kernel) + "-1) - 1) / " + num(a.stride) +
         ") + 1\n";
    s += "      = " + std::string(round) + "(" + paren(a.slide) + " / " + num(a.stride) + ") + 1\n";
    s += "      = " + paren(a.quotient) + " + 1 = " + num(a.raw_output) + "\n";
    if (a.effective_kernel != a.kernel)
        s += "  the dilated window spans dilation*(kernel-1) + 1 = " + num(a.effective_kernel) + " cells\n";
    if (!a.ceil_mode && a.remainder != 0)
        s += "  floor drops " + num(a.remainder) + " cell(s) at the end that no full window reaches\n";
    if (a.dropped_last_window)
        s += "  ceil_mode rule: the last window would start at " + num(a.window_start(a.raw_output - 1)) +
             ", inside the end padding (input ends at " + num(a.input - 1) + "), so it is dropped: " + name +
             "_out = " + num(a.output) + "\n";
    if (a.ceil_mode && a.last_window_overhangs && a.output >= 1)
        s += "  ceil_mode lets the last window run past the padded input; the cells it misses are not read\n";
    if (a.output >= 1) {
        s += "  windows start at:";
        const std::vector<int64_t> starts = a.window_starts(16);  // only what is printed
        for (int64_t start : starts)
            s += " " + num(start);
        if (a.output > static_cast<int64_t>(starts.size())) s += " ... (" + num(a.output) + " in all)";
        s += "\n";
    }
    return s;
}

int run_shape(int argc, char** argv, std::ostream& out, std::ostream& err) {
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") break;
        if (arg == "--net") return run_net_shape(argc, argv, out, err);
    }
    Pair in{0, 0}, kernel{0, 0}, padding{0, 0}, dilation{1, 1};
    std::optional<Pair> stride;
    bool have_in = false, have_kernel = false, ceil_mode = false;
    Convention convention = Convention::kPyTorch;
    std::optional<PadMode> pad_mode;
    std::optional<Padding> pads;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            out << kUsage << kNetUsage;
            return kExitOk;
        }
        if (arg == "--ceil-mode") {
            ceil_mode = true;
            continue;
        }
        const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
        if (arg == "--convention") {
            const std::optional<Convention> c = parse_convention(value);
            if (!c) {
                err << "poolscope shape: --convention takes pytorch, tensorflow, onnx or mxnet, got '"
                    << value << "'\n";
                return kExitUsage;
            }
            convention = *c;
            ++i;
            continue;
        }
        if (arg == "--pooling-convention") {
            if (value != "valid" && value != "full") {
                err << "poolscope shape: --pooling-convention takes valid or full, got '" << value << "'\n";
                return kExitUsage;
            }
            ceil_mode = ceil_mode || value == "full";
            ++i;
            continue;
        }
        if (arg == "--padding" && parse_pad_mode(value)) {
            pad_mode = parse_pad_mode(value);
            ++i;
            continue;
        }
        if (arg == "--pads") {
            Pair top_left, bottom_right;
            const size_t mid = value.find(',', value.find(',') + 1);
            if (mid == std::string_view::npos || !parse_pair(value.substr(0, mid), top_left) ||
                !parse_pair(value.substr(mid + 1), bottom_right) ||
                value.substr(0, mid).find(',') == value.npos ||
                value.substr(mid + 1).find(',') == value.npos) {
                err << "poolscope shape: --pads needs four numbers T,L,B,R, got '" << value << "'\n";
                return kExitUsage;
            }
            pads = Padding{top_left.h, top_left.w, bottom_right.h, bottom_right.w};
            ++i;
            continue;
        }
        Pair* target = arg == "--in"         ? &in
                       : arg == "--kernel"   ? &kernel
                       : arg == "--padding"  ? &padding
                       : arg == "--dilation" ? &dilation
                                             : nullptr;
        Pair stride_value;
        if (arg == "--stride") target = &stride_value;
        if (!target) {
            err << "poolscope shape: unknown option '" << quote_prefix(arg) << "'\n" << kUsage;
            return kExitUsage;
        }
        if (i + 1 >= argc || !parse_pair(argv[i + 1], *target)) {
            err << "poolscope shape: " << arg << " needs a number or two (H,W), got '"
                << quote_prefix(i + 1 < argc ? argv[i + 1] : "") << "'\n";
            return kExitUsage;
        }
        ++i;
        if (arg == "--stride") stride = stride_value;
        have_in = have_in || arg == "--in";
        have_kernel = have_kernel || arg == "--kernel";
    }
    if (!have_in || !have_kernel) {
        err << "poolscope shape: --in and --kernel are required\n" << kUsage;
        return kExitUsage;
    }
    if (convention != Convention::kPyTorch || pad_mode || pads) {
        LayerSpec layer = default_layer(convention, PoolOp::kMax);
        if (pad_mode) layer.pad_mode = *pad_mode;
        // TensorFlow takes numbers as tf.nn.max_pool2d's explicit padding.
        const bool numbers = pads || padding != Pair{0, 0};
        if (convention == Convention::kTensorFlow && numbers && !pad_mode)
            layer.pad_mode = PadMode::kExplicit;
        layer.params.kernel_size = kernel;
        layer.params.stride = stride;
        layer.params.padding = pads ? *pads : Padding::symmetric(padding);
        layer.params.dilation = dilation;
        layer.params.ceil_mode = ceil_mode;
        return print_layer_shape(layer, in, out, err);
    }
    PoolParams params;
    params.kernel_size = kernel;
    params.stride = stride;
    params.padding = Padding::symmetric(padding);
    params.dilation = dilation;
    params.ceil_mode = ceil_mode;
    const bool square = in.h == in.w && kernel.h == kernel.w && padding.h == padding.w &&
                        dilation.h == dilation.w && (!stride || stride->h == stride->w);
    Result<PoolPlan> plan = make_plan({1, 1, in.h, in.w}, params);
    if (!plan) {
        // Still show the arithmetic when the sizes allow it: seeing why the output is too small teaches.
        const Pair s = params.effective_stride();
        if (kernel.h > 0 && kernel.w > 0 && s.h > 0 && s.w > 0 && dilation.h > 0 && dilation.w > 0 &&
            in.h > 0 && in.w > 0 && in.h <= kMaxSize && in.w <= kMaxSize && kernel.h <= kMaxSize &&
            kernel.w <= kMaxSize && s.h <= kMaxSize && s.w <= kMaxSize && dilation.h <= kMaxSize &&
            dilation.w <= kMaxSize && padding.h >= 0 && padding.w >= 0 && padding.h <= kMaxSize &&
            padding.w <= kMaxSize) {
            out << describe_axis(
                explain_axis(in.h, kernel.h, s.h, padding.h, padding.h, dilation.h, ceil_mode), "H");
            if (!square)
                out << describe_axis(
                    explain_axis(in.w, kernel.w, s.w, padding.w, padding.w, dilation.w, ceil_mode), "W");
        }
        err << "poolscope shape: PyTorch rejects this configuration: " << plan.error_text() << "\n";
        return kExitInputError;
    }
    out << describe_axis(plan->h, "H");
    if (square)
        out << "W_out: the same numbers, so W_out = " << plan->output.w << "\n";
    else
        out << describe_axis(plan->w, "W");
    out << "output: " << plan->output.h << " x " << plan->output.w << "\n";
    return kExitOk;
}

}  // namespace poolscope::cli
