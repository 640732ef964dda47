// The output-size walkthrough's lines (see walkthrough_lines.h). Formulas keep the frameworks' own
// identifiers (kernel, stride, padding) in both languages: they are code; the sentences around them come
// from the tables (formula.*, conv.*).
#include "model/walkthrough_lines.h"

#include <cstdio>
#include <utility>

#include "i18n/screen_words.h"

namespace poolscope::app {
namespace {

std::string num(int64_t v) {
    return v < 0 ? "(" + std::to_string(v) + ")" : std::to_string(v);
}

struct Symbols {
    const char *ceil_open, *ceil_close, *floor_open, *floor_close, *times, *minus;
};

Symbols symbols_for(bool symbols) {
    if (symbols) return {"⌈", "⌉", "⌊", "⌋", "·", " − "};
    return {"ceil(", ")", "floor(", ")", "*", " - "};
}

// Adds lines to a list, formatting the table's sentences in the walkthrough's language.
class Writer {
  public:
    explicit Writer(const WalkOptions& options) : options_(options), s_(symbols_for(options.symbols)) {}

    const Symbols& s() const { return s_; }
    bool notes() const { return options_.notes; }

    void line(WalkRole role, std::string text) {
        lines_.push_back({role, std::move(text), std::exchange(gap_, false)});
    }
    template <typename... Args>
    void say(WalkRole role, const char* key, Args... args) {
        char text[512];
        std::snprintf(text, sizeof text, tr_in(options_.language, key), args...);
        line(role, text);
    }
    void say(WalkRole role, const char* key) { line(role, tr_in(options_.language, key)); }
    void gap() { gap_ = true; }  // the next line gets a little space above it
    Language language() const { return options_.language; }
    std::vector<WalkLine> take() { return std::move(lines_); }

  private:
    WalkOptions options_;
    Symbols s_;
    std::vector<WalkLine> lines_;
    bool gap_ = false;
};

void window_starts(Writer& out, const AxisShape& a, const char* axis) {
    std::string starts;
    const std::vector<int64_t> s = a.window_starts(24);  // only what is shown
    for (size_t i = 0; i < s.size(); ++i)
        starts += (i ? ", " : "") + std::to_string(s[i]);
    if (a.output > 24) starts += ", …";
    out.say(WalkRole::kNote, "formula.starts_fmt", axis, starts.c_str());
}

// PyTorch's formula for one axis, substituted and reduced, with its notes.
void pytorch_axis(Writer& out, const AxisShape& a, const char* axis) {
    const Symbols& s = out.s();
    const char* open = a.ceil_mode ? s.ceil_open : s.floor_open;
    const char* close = a.ceil_mode ? s.ceil_close : s.floor_close;
    const std::string pads =
        a.pad_begin == a.pad_end ? std::string(" + 2") + s.times + "padding" : " + pad_begin + pad_end";
    out.line(WalkRole::kFormula, std::string(axis) + "_out = " + open + "(" + axis + pads + s.minus +
                                     "dilation" + s.times + "(kernel" + s.minus + "1)" + s.minus +
                                     "1) / stride" + close + " + 1");
    const std::string pad_values = a.pad_begin == a.pad_end
                                       ? " + 2" + std::string(s.times) + num(a.pad_begin)
                                       : " + " + num(a.pad_begin) + " + " + num(a.pad_end);
    out.line(WalkRole::kValues, "       = " + std::string(open) + "(" + num(a.input) + pad_values + s.minus +
                                    num(a.dilation) + s.times + "(" + num(a.kernel) + s.minus + "1)" +
                                    s.minus + "1) / " + num(a.stride) + close + " + 1");
    out.line(WalkRole::kValues, "       = " + std::string(open) + num(a.slide) + " / " + num(a.stride) +
                                    close + " + 1 = " + num(a.quotient) +
                                    " + 1 = " + std::to_string(a.raw_output));

    if (out.notes() && a.effective_kernel != a.kernel)
        out.say(WalkRole::kNote, "formula.effective_kernel_fmt", static_cast<int>(a.effective_kernel));
    // floor vs ceil: what the other rounding would give, so the switch is never a mystery.
    const AxisShape other =
        explain_axis(a.input, a.kernel, a.stride, a.pad_begin, a.pad_end, a.dilation, !a.ceil_mode);
    if (out.notes())
        out.say(WalkRole::kNote, "formula.other_rounding_fmt", a.ceil_mode ? "False" : "True",
                static_cast<int>(other.output));
    const std::string dropped = floor_drop_text(a, out.language());  // input cells or padding, as counted
    if (out.notes() && !dropped.empty()) out.line(WalkRole::kNote, dropped);
    if (a.dropped_last_window)
        out.say(WalkRole::kProblem, "formula.dropped_fmt", static_cast<int>(a.window_start(a.raw_output - 1)),
                static_cast<int>(a.input - 1), axis, static_cast<int>(a.output));
    if (out.notes() && a.ceil_mode && a.last_window_overhangs && a.output >= 1)
        out.say(WalkRole::kNote, "formula.overhang");
    if (a.output < 1)
        out.say(WalkRole::kProblem, "formula.too_small_fmt", axis, static_cast<int>(a.output));
    else if (out.notes())
        window_starts(out, a, axis);
}

void adaptive_axis(Writer& out, int64_t input, int64_t output, const char* axis) {
    out.say(WalkRole::kFormula, "formula.adaptive_fmt", axis, static_cast<int>(output));
    std::string windows;
    for (int64_t o = 0; o < output && o < 16; ++o)
        windows += (o ? "  " : "") + std::string("[") + std::to_string(adaptive_start(o, input, output)) +
                   ", " + std::to_string(adaptive_end(o, input, output)) + ")";
    if (output > 16) windows += "  …";
    out.say(WalkRole::kNote, "formula.adaptive_windows_fmt", windows.c_str());
}

void pytorch_axes(Writer& out, const AxisShape& h, const AxisShape& w) {
    pytorch_axis(out, h, "H");
    out.gap();
    const bool same = h.input == w.input && h.kernel == w.kernel && h.stride == w.stride &&
                      h.pad_begin == w.pad_begin && h.pad_end == w.pad_end && h.dilation == w.dilation;
    if (same)
        out.say(WalkRole::kNote, "formula.w_same_fmt", static_cast<int>(w.output));
    else
        pytorch_axis(out, w, "W");
}

void output_shape(Writer& out, const Shape& in, const Shape& output) {
    out.gap();
    out.say(WalkRole::kValues, "formula.output_fmt", static_cast<int>(in.c), static_cast<int>(in.h),
            static_cast<int>(in.w), static_cast<int>(output.c), static_cast<int>(output.h),
            static_cast<int>(output.w));
}

void pytorch_walkthrough(Writer& out, const Shape& in, const PoolParams& p, const PoolPlan* plan) {
    if (is_adaptive(p.op)) {
        if (!plan) return out.say(WalkRole::kProblem, "step.rejected");
        adaptive_axis(out, in.h, p.output_size.h, "H");
        adaptive_axis(out, in.w, p.output_size.w, "W");
        return;
    }
    const Pair k = p.kernel_size, s = p.effective_stride(), d = p.effective_dilation();
    const bool computable = k.h >= 1 && k.w >= 1 && s.h >= 1 && s.w >= 1 && d.h >= 1 && d.w >= 1 &&
                            p.padding.top >= 0 && p.padding.left >= 0 && p.padding.bottom >= 0 &&
                            p.padding.right >= 0;
    if (!computable) return out.say(WalkRole::kProblem, "formula.not_computable");
    const AxisShape h =
        plan ? plan->h : explain_axis(in.h, k.h, s.h, p.padding.top, p.padding.bottom, d.h, p.ceil_mode);
    const AxisShape w =
        plan ? plan->w : explain_axis(in.w, k.w, s.w, p.padding.left, p.padding.right, d.w, p.ceil_mode);
    pytorch_axes(out, h, w);
    if (plan) output_shape(out, in, plan->output);
}

// TensorFlow "same", ONNX SAME_UPPER / SAME_LOWER: aim for ceil(in / stride), pad what that takes.
void same_axis(Writer& out, const AxisShape& a, const char* axis, const char* framework) {
    const Symbols& s = out.s();
    const std::string n(axis);
    const std::string k =
        a.dilation == 1 ? "kernel" : "dilation" + std::string(s.times) + "(kernel" + s.minus + "1) + 1";
    out.line(WalkRole::kFormula, n + "_out = " + s.ceil_open + n + " / stride" + s.ceil_close);
    out.line(WalkRole::kValues, "       = " + std::string(s.ceil_open) + num(a.input) + " / " +
                                    num(a.stride) + s.ceil_close + " = " + num(a.same_output));
    out.line(WalkRole::kFormula, "padding = max((" + n + "_out" + s.minus + "1)" + s.times + "stride + " + k +
                                     s.minus + n + ", 0)");
    out.line(WalkRole::kValues, "        = max((" + num(a.same_output) + s.minus + "1)" + s.times +
                                    num(a.stride) + " + " + num(a.effective_kernel) + s.minus + num(a.input) +
                                    ", 0) = " + num(a.pad_begin + a.pad_end));
    if (!out.notes()) return;
    const int before = static_cast<int>(a.pad_begin), after = static_cast<int>(a.pad_end);
    if ((a.pad_begin + a.pad_end) % 2 == 0)
        out.say(WalkRole::kNote, "conv.same_split_fmt", before, after);
    else
        out.say(WalkRole::kNote,
                a.pad_mode == PadMode::kSameLower ? "conv.same_odd_start_fmt" : "conv.same_odd_end_fmt",
                before, after, framework);
}

// TensorFlow "valid", ONNX VALID: whole windows only.
void valid_axis(Writer& out, const AxisShape& a, const char* axis) {
    const Symbols& s = out.s();
    const std::string n(axis);
    const std::string k =
        a.dilation == 1 ? "kernel" : "(dilation" + std::string(s.times) + "(kernel" + s.minus + "1) + 1)";
    out.line(WalkRole::kFormula,
             n + "_out = " + s.ceil_open + "(" + n + s.minus + k + " + 1) / stride" + s.ceil_close);
    out.line(WalkRole::kValues, "       = " + std::string(s.ceil_open) + "(" + num(a.input) + s.minus +
                                    num(a.effective_kernel) + " + 1) / " + num(a.stride) + s.ceil_close +
                                    " = " + num(a.output));
    if (!out.notes()) return;
    out.say(WalkRole::kNote, "conv.valid_note");
    if (a.remainder != 0) out.say(WalkRole::kNote, "conv.unread_fmt", static_cast<int>(a.remainder));
}

// MXNet Pooling: pooling_convention "valid" rounds down, "full" rounds up and keeps every window.
void mxnet_axis(Writer& out, const AxisShape& a, const char* axis) {
    const Symbols& s = out.s();
    const std::string n(axis);
    const char* open = a.ceil_mode ? s.ceil_open : s.floor_open;
    const char* close = a.ceil_mode ? s.ceil_close : s.floor_close;
    out.line(WalkRole::kFormula, n + "_out = " + open + "(" + n + " + 2" + s.times + "padding" + s.minus +
                                     "kernel) / stride" + close + " + 1   (pooling_convention=\"" +
                                     (a.ceil_mode ? "full" : "valid") + "\")");
    out.line(WalkRole::kValues, "       = " + std::string(open) + "(" + num(a.input) + " + 2" + s.times +
                                    num(a.pad_begin) + s.minus + num(a.kernel) + ") / " + num(a.stride) +
                                    close + " + 1 = " + std::string(open) + num(a.slide) + " / " +
                                    num(a.stride) + close + " + 1 = " + num(a.output));
    if (!out.notes()) return;
    out.say(WalkRole::kNote, "conv.mxnet_check_fmt", axis, static_cast<int>(a.kernel),
            static_cast<int>(a.padded_input));
    if (!a.ceil_mode && a.remainder != 0)
        out.say(WalkRole::kNote, "conv.unread_fmt", static_cast<int>(a.remainder));
    if (a.ceil_mode && a.output >= 1 && a.window_start(a.output - 1) >= a.input)
        out.say(WalkRole::kNote, "conv.mxnet_kept_fmt", static_cast<int>(a.window_start(a.output - 1)),
                static_cast<int>(a.input - 1));
}

void framework_axis(Writer& out, const AxisShape& a, const char* axis, const char* framework) {
    if (a.pad_mode == PadMode::kSameUpper || a.pad_mode == PadMode::kSameLower)
        same_axis(out, a, axis, framework);
    else if (a.pad_mode == PadMode::kValid)
        valid_axis(out, a, axis);
    else
        mxnet_axis(out, a, axis);
    if (a.output >= 1 && out.notes()) window_starts(out, a, axis);
}

}  // namespace

std::vector<WalkLine> size_walkthrough_lines(const Shape& in, const PoolParams& params, const PoolPlan* plan,
                                             const WalkOptions& options) {
    Writer out(options);
    pytorch_walkthrough(out, in, params, plan);
    return out.take();
}

std::vector<WalkLine> axes_walkthrough_lines(const AxisShape& h, const AxisShape& w,
                                             const WalkOptions& options) {
    Writer out(options);
    pytorch_axes(out, h, w);
    return out.take();
}

std::vector<WalkLine> layer_walkthrough_lines(const Shape& in, const LayerSpec& layer, const PoolPlan* plan,
                                              const WalkOptions& options) {
    Writer out(options);
    if (layer.convention == Convention::kPyTorch) {
        pytorch_walkthrough(out, in, layer.params, plan);
        return out.take();
    }
    const std::string framework(framework_name(layer.convention));
    if (!plan) {
        out.say(WalkRole::kProblem, "conv.no_walkthrough_fmt", framework.c_str());
        return out.take();
    }
    out.say(WalkRole::kNote, "conv.walkthrough_fmt", framework.c_str());
    const bool own_rule = !is_adaptive(plan->op()) &&
                          (layer.convention == Convention::kMxnet || plan->h.pad_mode != PadMode::kExplicit);
    if (!own_rule) {  // ONNX's explicit pads and MXNet's adaptive average: PyTorch's formula and windows
        pytorch_walkthrough(out, in, plan->params, plan);
        return out.take();
    }
    framework_axis(out, plan->h, "H", framework.c_str());
    out.gap();
    framework_axis(out, plan->w, "W", framework.c_str());
    output_shape(out, in, plan->output);
    return out.take();
}

}  // namespace poolscope::app
