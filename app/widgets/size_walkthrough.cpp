// The output-size walkthrough (see size_walkthrough.h).
#include "widgets/size_walkthrough.h"

#include <cstdarg>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "i18n/screen_words.h"
#include "poolscope/output_shape.h"
#include "widgets/fonts.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/text_fit.h"

namespace poolscope::app {
namespace {

// Where lines are reported when the window cuts them (null: not checked).
struct Lines {
    UiProbe* probe;
    const char* panel;
    bool notes;  // the side notes (other rounding, window starts, ...); folded when the row is short
};

// One line of the walkthrough (wrapped when a wrap position is pushed), checked for clipping.
void say(const Lines& out, ImVec4 color, const char* format, ...) {
    char text[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(text, sizeof text, format, args);
    va_end(args);
    draw_wrapped_text(text, color);  // "1 × 2 × 2" never splits across lines
    if (out.probe) check_text_item(*out.probe, out.panel, text);
}

std::string num(int64_t v) {
    return v < 0 ? "(" + std::to_string(v) + ")" : std::to_string(v);
}

struct Brackets {
    const char* open;
    const char* close;
};

Brackets brackets(bool ceil, const FontSet& fonts) {
    if (!fonts.has_symbols) return ceil ? Brackets{"ceil(", ")"} : Brackets{"floor(", ")"};
    return ceil ? Brackets{"⌈", "⌉"} : Brackets{"⌊", "⌋"};
}

void draw_axis(const Lines& out, const AxisShape& a, const char* axis, const FontSet& fonts) {
    const Brackets b = brackets(a.ceil_mode, fonts);
    const char* times = fonts.has_symbols ? "·" : "*";
    const char* minus = fonts.has_symbols ? " − " : " - ";
    const std::string pads =
        a.pad_begin == a.pad_end ? std::string(" + 2") + times + "padding" : " + pad_begin + pad_end";
    std::string general = std::string(axis) + "_out = " + b.open + "(" + axis + pads + minus + "dilation" +
                          times + "(kernel" + minus + "1)" + minus + "1) / stride" + b.close + " + 1";
    const std::string pad_values = a.pad_begin == a.pad_end
                                       ? " + 2" + std::string(times) + num(a.pad_begin)
                                       : " + " + num(a.pad_begin) + " + " + num(a.pad_end);
    std::string substituted = "       = " + std::string(b.open) + "(" + num(a.input) + pad_values + minus +
                              num(a.dilation) + times + "(" + num(a.kernel) + minus + "1)" + minus + "1) / " +
                              num(a.stride) + b.close + " + 1";
    std::string reduced = "       = " + std::string(b.open) + num(a.slide) + " / " + num(a.stride) + b.close +
                          " + 1 = " + num(a.quotient) + " + 1 = " + std::to_string(a.raw_output);
    ImGui::PushTextWrapPos(0.0f);
    say(out, palette::kHeading, "%s", general.c_str());
    say(out, ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", substituted.c_str());
    say(out, ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", reduced.c_str());

    if (out.notes && a.effective_kernel != a.kernel)
        say(out, palette::kMuted, tr("formula.effective_kernel_fmt"), static_cast<int>(a.effective_kernel));
    // floor vs ceil: what the other rounding would give, so the switch is never a mystery.
    const AxisShape other =
        explain_axis(a.input, a.kernel, a.stride, a.pad_begin, a.pad_end, a.dilation, !a.ceil_mode);
    if (out.notes)
        say(out, palette::kMuted, tr("formula.other_rounding_fmt"), a.ceil_mode ? "False" : "True",
            static_cast<int>(other.output));
    const std::string dropped = floor_drop_text(a);  // input cells or padding, as the core counted them
    if (out.notes && !dropped.empty()) say(out, palette::kMuted, "%s", dropped.c_str());
    if (a.dropped_last_window)
        say(out, palette::kErrorText, tr("formula.dropped_fmt"),
            static_cast<int>(a.window_start(a.raw_output - 1)), static_cast<int>(a.input - 1), axis,
            static_cast<int>(a.output));
    if (out.notes && a.ceil_mode && a.last_window_overhangs && a.output >= 1)
        say(out, palette::kMuted, "%s", tr("formula.overhang"));
    if (a.output >= 1) {
        std::string starts;
        const std::vector<int64_t> s = a.window_starts(24);  // only what is shown
        for (size_t i = 0; i < s.size(); ++i)
            starts += (i ? ", " : "") + std::to_string(s[i]);
        if (a.output > 24) starts += ", …";
        if (out.notes) say(out, palette::kMuted, tr("formula.starts_fmt"), axis, starts.c_str());
    } else {
        say(out, palette::kErrorText, tr("formula.too_small_fmt"), axis, static_cast<int>(a.output));
    }
    ImGui::PopTextWrapPos();
}

void draw_adaptive_axis(const Lines& out, int64_t input, int64_t output, const char* axis) {
    say(out, palette::kHeading, tr("formula.adaptive_fmt"), axis, static_cast<int>(output));
    std::string windows;
    for (int64_t o = 0; o < output && o < 16; ++o)
        windows += (o ? "  " : "") + std::string("[") + std::to_string(adaptive_start(o, input, output)) +
                   ", " + std::to_string(adaptive_end(o, input, output)) + ")";
    if (output > 16) windows += "  …";
    ImGui::PushTextWrapPos(0.0f);
    say(out, palette::kMuted, tr("formula.adaptive_windows_fmt"), windows.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_axes_walkthrough(const AxisShape& h, const AxisShape& w, const FontSet& fonts, UiProbe* probe,
                           const char* panel, bool notes) {
    const Lines out{probe, panel, notes};
    draw_axis(out, h, "H", fonts);
    ImGui::Spacing();
    const bool same = h.input == w.input && h.kernel == w.kernel && h.stride == w.stride &&
                      h.pad_begin == w.pad_begin && h.pad_end == w.pad_end && h.dilation == w.dilation;
    ImGui::PushTextWrapPos(0.0f);
    if (same)
        say(out, palette::kMuted, tr("formula.w_same_fmt"), static_cast<int>(w.output));
    else
        draw_axis(out, w, "W", fonts);
    ImGui::PopTextWrapPos();
}

void draw_size_walkthrough(const Shape& in, const PoolParams& p, const PoolPlan* plan, const FontSet& fonts,
                           UiProbe* probe, const char* panel, bool notes) {
    const Lines out{probe, panel, notes};
    if (is_adaptive(p.op)) {
        if (!plan) {
            say(out, palette::kErrorText, "%s", tr("step.rejected"));
            return;
        }
        draw_adaptive_axis(out, in.h, p.output_size.h, "H");
        draw_adaptive_axis(out, in.w, p.output_size.w, "W");
        return;
    }
    const Pair k = p.kernel_size, s = p.effective_stride(), d = p.effective_dilation();
    const bool computable = k.h >= 1 && k.w >= 1 && s.h >= 1 && s.w >= 1 && d.h >= 1 && d.w >= 1 &&
                            p.padding.top >= 0 && p.padding.left >= 0 && p.padding.bottom >= 0 &&
                            p.padding.right >= 0;
    if (!computable) {
        say(out, palette::kErrorText, "%s", tr("formula.not_computable"));
        return;
    }
    // Rejected plans still get the arithmetic when it can be done: seeing why the output is too small
    // teaches.
    const AxisShape h =
        plan ? plan->h : explain_axis(in.h, k.h, s.h, p.padding.top, p.padding.bottom, d.h, p.ceil_mode);
    const AxisShape w =
        plan ? plan->w : explain_axis(in.w, k.w, s.w, p.padding.left, p.padding.right, d.w, p.ceil_mode);
    draw_axes_walkthrough(h, w, fonts, probe, panel, notes);
    ImGui::PushTextWrapPos(0.0f);  // the closing lines wrap too, so a narrow panel never cuts them
    if (plan) {
        ImGui::Spacing();
        say(out, ImGui::GetStyleColorVec4(ImGuiCol_Text), tr("formula.output_fmt"), static_cast<int>(in.c),
            static_cast<int>(in.h), static_cast<int>(in.w), static_cast<int>(plan->output.c),
            static_cast<int>(plan->output.h), static_cast<int>(plan->output.w));
    }
    ImGui::PopTextWrapPos();
}

}  // namespace poolscope::app
