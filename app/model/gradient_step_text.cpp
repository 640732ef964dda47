// The Backward view's step sentences (see gradient_step_text.h).
#include "model/gradient_step_text.h"

#include <cstdio>

#include "model/number_text.h"

namespace poolscope::app {
namespace {

template <typename... Args>
std::string format_in(Language language, const char* key, Args... args) {
    char text[512];
    std::snprintf(text, sizeof text, tr_in(language, key), args...);
    return text;
}

}  // namespace

std::string grad_step_header(const OutputCell& cell, int64_t index, int64_t count, Language language) {
    return format_in(language, "grad.step_header_fmt", static_cast<int>(cell.oh), static_cast<int>(cell.ow),
                     static_cast<int>(index + 1), static_cast<int>(count));
}

std::vector<GradStepLine> grad_step_lines(const OutputGradTrace& t, bool max_op, bool symbols,
                                          bool show_channel, Language language) {
    std::vector<GradStepLine> lines;
    const std::string grad = arithmetic_value_text(t.grad, symbols),
                      delta = arithmetic_value_text(t.delta, symbols);
    if (show_channel) lines.push_back({"c" + std::to_string(t.window.cell.c), true});
    int inputs = 0, padding = 0;
    const GradTarget* stray = nullptr;
    for (const GradTarget& target : t.targets) {
        inputs += target.kind == GradTargetKind::kInput;
        padding += target.kind == GradTargetKind::kPadding;
        if (target.kind == GradTargetKind::kStray) stray = &target;
    }
    if (stray) {
        lines.push_back(
            {format_in(language, "grad.step_stray_fmt", grad.c_str(), static_cast<long long>(stray->flat))});
    } else if (max_op) {
        if (!t.targets.empty())
            lines.push_back(
                {format_in(language, "grad.step_max_fmt", grad.c_str(), static_cast<int>(t.targets[0].ih),
                           static_cast<int>(t.targets[0].iw), delta.c_str())});
    } else {
        lines.push_back({format_in(language, "grad.step_avg_fmt", grad.c_str(),
                                   static_cast<int>(t.window.divisor), delta.c_str(), inputs)});
        if (padding > 0) lines.push_back({format_in(language, "grad.step_padding_fmt", padding), true});
    }
    return lines;
}

const char* grad_rule_text(bool max_op, Language language) {
    return tr_in(language, max_op ? "grad.rule_max" : "grad.rule_avg");
}

}  // namespace poolscope::app
