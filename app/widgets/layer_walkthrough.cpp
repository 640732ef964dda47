// The other frameworks' output-size walkthroughs (see layer_walkthrough.h). Formulas keep the frameworks'
// own identifiers (kernel, stride, padding), as the PyTorch walkthrough does; sentences come from conv.*.
#include "widgets/layer_walkthrough.h"

#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "poolscope/convention.h"
#include "widgets/fonts.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/size_walkthrough.h"

namespace poolscope::app {
namespace {

std::string num(int64_t v) {
    return v < 0 ? "(" + std::to_string(v) + ")" : std::to_string(v);
}

struct Symbols {
    const char *ceil_open, *ceil_close, *floor_open, *floor_close, *times, *minus;
};

Symbols symbols(const FontSet& fonts) {
    if (fonts.has_symbols) return {"⌈", "⌉", "⌊", "⌋", "·", " − "};
    return {"ceil(", ")", "floor(", ")", "*", " - "};
}

// A formula line (heading colour) and its substitution (plain), built before drawing: they are code, not
// text.
void formula(const std::string& line) {
    draw_wrapped_text(line, palette::kHeading);
}
void substituted(const std::string& line) {
    draw_wrapped_text(line, ImGui::GetStyleColorVec4(ImGuiCol_Text));
}

void starts_line(const AxisShape& a, const char* axis, bool notes) {
    if (a.output < 1 || !notes) return;
    std::string starts;
    const std::vector<int64_t> s = a.window_starts(24);  // only what is shown
    for (size_t i = 0; i < s.size(); ++i)
        starts += (i ? ", " : "") + std::to_string(s[i]);
    if (a.output > 24) starts += ", …";
    wrapped_textf(palette::kMuted, tr("formula.starts_fmt"), axis, starts.c_str());
}

// TensorFlow "same", ONNX SAME_UPPER / SAME_LOWER: aim for ceil(in / stride), pad what that takes.
void same_axis(const AxisShape& a, const char* axis, const char* framework, const Symbols& s, bool notes) {
    const std::string n(axis);
    const std::string k =
        a.dilation == 1 ? "kernel" : "dilation" + std::string(s.times) + "(kernel" + s.minus + "1) + 1";
    formula(n + "_out = " + s.ceil_open + n + " / stride" + s.ceil_close);
    substituted("       = " + std::string(s.ceil_open) + num(a.input) + " / " + num(a.stride) + s.ceil_close +
                " = " + num(a.same_output));
    formula("padding = max((" + n + "_out" + s.minus + "1)" + s.times + "stride + " + k + s.minus + n +
            ", 0)");
    substituted("        = max((" + num(a.same_output) + s.minus + "1)" + s.times + num(a.stride) + " + " +
                num(a.effective_kernel) + s.minus + num(a.input) + ", 0) = " + num(a.pad_begin + a.pad_end));
    const int before = static_cast<int>(a.pad_begin), after = static_cast<int>(a.pad_end);
    if (!notes) return;
    if ((a.pad_begin + a.pad_end) % 2 == 0)
        wrapped_textf(palette::kMuted, tr("conv.same_split_fmt"), before, after);
    else
        wrapped_textf(
            palette::kMuted,
            tr(a.pad_mode == PadMode::kSameLower ? "conv.same_odd_start_fmt" : "conv.same_odd_end_fmt"),
            before, after, framework);
}

// TensorFlow "valid", ONNX VALID: whole windows only.
void valid_axis(const AxisShape& a, const char* axis, const Symbols& s, bool notes) {
    const std::string n(axis);
    const std::string k =
        a.dilation == 1 ? "kernel" : "(dilation" + std::string(s.times) + "(kernel" + s.minus + "1) + 1)";
    formula(n + "_out = " + s.ceil_open + "(" + n + s.minus + k + " + 1) / stride" + s.ceil_close);
    substituted("       = " + std::string(s.ceil_open) + "(" + num(a.input) + s.minus +
                num(a.effective_kernel) + " + 1) / " + num(a.stride) + s.ceil_close + " = " + num(a.output));
    if (!notes) return;
    wrapped_textf(palette::kMuted, "%s", tr("conv.valid_note"));
    if (a.remainder != 0)
        wrapped_textf(palette::kMuted, tr("conv.unread_fmt"), static_cast<int>(a.remainder));
}

// MXNet Pooling: pooling_convention "valid" rounds down, "full" rounds up and keeps every window.
void mxnet_axis(const AxisShape& a, const char* axis, const Symbols& s, bool notes) {
    const std::string n(axis);
    const char* open = a.ceil_mode ? s.ceil_open : s.floor_open;
    const char* close = a.ceil_mode ? s.ceil_close : s.floor_close;
    formula(n + "_out = " + open + "(" + n + " + 2" + s.times + "padding" + s.minus + "kernel) / stride" +
            close + " + 1   (pooling_convention=\"" + (a.ceil_mode ? "full" : "valid") + "\")");
    substituted("       = " + std::string(open) + "(" + num(a.input) + " + 2" + s.times + num(a.pad_begin) +
                s.minus + num(a.kernel) + ") / " + num(a.stride) + close + " + 1 = " + std::string(open) +
                num(a.slide) + " / " + num(a.stride) + close + " + 1 = " + num(a.output));
    if (!notes) return;
    wrapped_textf(palette::kMuted, tr("conv.mxnet_check_fmt"), axis, static_cast<int>(a.kernel),
                  static_cast<int>(a.padded_input));
    if (!a.ceil_mode && a.remainder != 0)
        wrapped_textf(palette::kMuted, tr("conv.unread_fmt"), static_cast<int>(a.remainder));
    if (a.ceil_mode && a.output >= 1 && a.window_start(a.output - 1) >= a.input)
        wrapped_textf(palette::kMuted, tr("conv.mxnet_kept_fmt"),
                      static_cast<int>(a.window_start(a.output - 1)), static_cast<int>(a.input - 1));
}

void framework_axis(const AxisShape& a, const LayerSpec& layer, const char* axis, const Symbols& s,
                    bool notes) {
    const std::string framework(framework_name(layer.convention));
    if (a.pad_mode == PadMode::kSameUpper || a.pad_mode == PadMode::kSameLower)
        same_axis(a, axis, framework.c_str(), s, notes);
    else if (a.pad_mode == PadMode::kValid)
        valid_axis(a, axis, s, notes);
    else
        mxnet_axis(a, axis, s, notes);
    starts_line(a, axis, notes);
}

}  // namespace

void draw_layer_walkthrough(const Shape& in, const LayerSpec& layer, const PoolPlan* plan,
                            const FontSet& fonts, UiProbe* probe, const char* panel, bool notes) {
    if (layer.convention == Convention::kPyTorch) {
        draw_size_walkthrough(in, layer.params, plan, fonts, probe, panel, notes);
        return;
    }
    const std::string framework(framework_name(layer.convention));
    ImGui::PushTextWrapPos(0.0f);
    if (!plan) {
        wrapped_textf(palette::kErrorText, tr("conv.no_walkthrough_fmt"), framework.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    wrapped_textf(palette::kMuted, tr("conv.walkthrough_fmt"), framework.c_str());
    ImGui::PopTextWrapPos();
    const bool own_rule = !is_adaptive(plan->op()) &&
                          (layer.convention == Convention::kMxnet || plan->h.pad_mode != PadMode::kExplicit);
    if (!own_rule) {  // ONNX's explicit pads and MXNet's adaptive average: PyTorch's formula and windows
        draw_size_walkthrough(in, plan->params, plan, fonts, probe, panel, notes);
        return;
    }
    const Symbols s = symbols(fonts);
    ImGui::PushTextWrapPos(0.0f);
    framework_axis(plan->h, layer, "H", s, notes);
    ImGui::Spacing();
    framework_axis(plan->w, layer, "W", s, notes);
    ImGui::Spacing();
    wrapped_textf(ImGui::GetStyleColorVec4(ImGuiCol_Text), tr("formula.output_fmt"), static_cast<int>(in.c),
                  static_cast<int>(in.h), static_cast<int>(in.w), static_cast<int>(plan->output.c),
                  static_cast<int>(plan->output.h), static_cast<int>(plan->output.w));
    ImGui::PopTextWrapPos();
}

}  // namespace poolscope::app
