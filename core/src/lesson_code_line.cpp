// A step's code line against its layer (code_line.h): the arguments where a readable PyTorch call and the
// step's resolved parameters disagree, and `poolscope check`'s warning for each step whose line went stale.
#include <cstdio>
#include <string>
#include <vector>

#include "poolscope/code_line.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

std::string pair_text(Pair p) {
    return p.h == p.w ? std::to_string(p.h) : "(" + std::to_string(p.h) + ", " + std::to_string(p.w) + ")";
}

std::string padding_text(const Padding& p) {
    if (p.is_symmetric()) return pair_text({p.top, p.left});
    // Per side as the lesson format writes it: [top, left, bottom, right].
    return "[" + std::to_string(p.top) + ", " + std::to_string(p.left) + ", " + std::to_string(p.bottom) +
           ", " + std::to_string(p.right) + "]";
}

std::string flag_text(bool v) {
    return v ? "True" : "False";
}

std::string number_text(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

template <typename T, typename Text>
void compare(std::vector<CodeMismatch>& out, const char* argument, const T& code, const T& layer, Text text) {
    if (!(code == layer)) out.push_back({argument, text(code), text(layer)});
}

}  // namespace

std::vector<CodeMismatch> code_line_mismatches(const LessonStep& step) {
    if (step.convention != Convention::kPyTorch || step.code.empty()) return {};
    if (step.kind != StepKind::kPool && step.kind != StepKind::kShape) return {};
    const std::optional<CodeLineCall> call = read_code_line(step.code);
    if (!call) return {};
    const PoolParams& code = call->params;
    const PoolParams& layer = step.params;
    std::vector<CodeMismatch> out;
    if (code.op != layer.op) {  // the other arguments would mean other things
        out.push_back({"op", std::string(op_name(code.op)), std::string(op_name(layer.op))});
        return out;
    }
    if (is_adaptive(layer.op)) {
        compare(out, "output_size", code.output_size, layer.output_size, pair_text);
        return out;
    }
    if (layer.op == PoolOp::kLp) compare(out, "norm_type", code.norm_type, layer.norm_type, number_text);
    compare(out, "kernel_size", code.kernel_size, layer.kernel_size, pair_text);
    // Neither giving a stride means "the kernel size" on both sides: the kernel's difference says it all.
    if (code.stride || layer.stride)
        compare(out, "stride", code.effective_stride(), layer.effective_stride(), pair_text);
    // A line that pads the input itself (F.pad) holds the layer's padding outside the call.
    if (!call->pads_input && layer.op != PoolOp::kLp)
        compare(out, "padding", code.padding, layer.padding, padding_text);
    if (layer.op == PoolOp::kMax) compare(out, "dilation", code.dilation, layer.dilation, pair_text);
    compare(out, "ceil_mode", code.ceil_mode, layer.ceil_mode, flag_text);
    if (layer.op == PoolOp::kAvg) {
        // With a divisor_override on both sides, count_include_pad changes nothing: not a difference.
        if (!(code.divisor_override && layer.divisor_override))
            compare(out, "count_include_pad", code.count_include_pad, layer.count_include_pad, flag_text);
        compare(out, "divisor_override", code.divisor_override, layer.divisor_override,
                [](const std::optional<int64_t>& d) { return d ? std::to_string(*d) : std::string("None"); });
    }
    return out;
}

std::string mismatch_text(const std::vector<CodeMismatch>& mismatches) {
    std::string out;
    for (const CodeMismatch& m : mismatches)
        out += (out.empty() ? "" : "; ") + m.argument + " " + m.in_code + " in the code line, " + m.in_layer +
               " in the layer";
    return out;
}

std::vector<Error> find_stale_code_lines(const Lesson& lesson) {
    std::vector<Error> out;
    const nlohmann::ordered_json* written = lesson.document.is_object() && lesson.document.contains("steps")
                                                ? &lesson.document["steps"]
                                                : nullptr;
    for (size_t i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep& step = lesson.steps[i];
        const std::vector<CodeMismatch> mismatches = code_line_mismatches(step);
        if (mismatches.empty()) continue;
        const bool own = written && written->is_array() && i < written->size() && (*written)[i].is_object() &&
                         (*written)[i].contains("code");
        out.push_back(Error{own ? step.path + "/code" : step.path,
                            std::string(own ? "the code line" : "the code line this step inherits") +
                                " no longer matches the step's layer: " + mismatch_text(mismatches) +
                                " (the app's \"Write code line\" writes it from the layer)"});
    }
    return out;
}

}  // namespace poolscope
