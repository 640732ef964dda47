// `poolscope export --ab` (see ab_export.h): the two layers from a lesson step or the command line, then
// write_ab_slide() for each requested file.
#include "export/ab_export.h"

#include <nlohmann/json.hpp>

#include "model/lesson_session.h"
#include "poolscope/json_guard.h"
#include "poolscope/json_layer.h"
#include "poolscope/text_guard.h"

namespace poolscope::app {

Result<LayerSpec> layer_with_changes(const LayerSpec& a, const std::string& changes, const Shape& input) {
    if (json_too_deep(changes))
        return Error{"--params-b", "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep"};
    nlohmann::json keys = nlohmann::json::parse(changes, nullptr, false);
    if (keys.is_discarded() || !keys.is_object())
        return Error{"--params-b",
                     "expects a JSON object of the keys B changes, e.g. '{\"ceil_mode\": true}'"};
    if (keys.contains("convention"))
        return Error{"--params-b",
                     "B keeps A's convention (to compare frameworks, use View → Compare frameworks)"};
    std::optional<PoolOp> op = a.params.op;
    const bool new_layer = keys.contains("op");
    if (new_layer) {
        const nlohmann::json& o = keys["op"];
        op = o.is_string() ? parse_op(o.get<std::string>()) : std::nullopt;
        if (!op)
            return Error{"--params-b",
                         "\"op\" must name a pooling op such as \"avg_pool2d\", got " + brief_json(o)};
        keys.erase("op");
    }
    Result<LayerSpec> b = layer_from_json(
        keys, *op, input, "", new_layer ? default_layer(a.convention, *op) : a, a.convention, new_layer);
    if (!b) return Error{"--params-b", b.error_text()};
    return b;
}

Result<AbSlideRequest> ab_request_for_step(const Lesson& lesson, int64_t number,
                                           const std::optional<std::string>& params_b,
                                           AbSlideRequest request) {
    const LessonStep& step = lesson.steps[static_cast<size_t>(number - 1)];
    const std::string where = "step " + std::to_string(number) + " (" + step.path + ")";
    std::optional<Tensor> input = step.kind == StepKind::kPool ? step_input_for_window(step) : std::nullopt;
    if (!input)
        return Error{where, "has no matrix to compare on (a shape or network step, or larger than 32 × 32)"};
    if (params_b) {
        Result<LayerSpec> b = layer_with_changes(step_layer(step), *params_b, input->shape());
        if (!b) return b.errors();
        request.a = step_layer(step);
        request.b = *b;
    } else if (step.compare) {
        request.a = step.compare->a;
        request.b = step.compare->b;
    } else {
        return Error{where,
                     "has no \"compare\": give --params-b with the keys B changes on the step's layer"};
    }
    request.input = std::move(*input);
    if (request.title.empty()) request.title = step.title.get(request.language);
    return request;
}

int write_ab_outputs(const AbSlideRequest& request, const std::optional<std::string>& png,
                     const std::optional<std::string>& svg, std::ostream& out, std::ostream& err) {
    for (const auto& [format, path] :
         {std::pair{ExportFormat::kPng, &png}, std::pair{ExportFormat::kSvg, &svg}}) {
        if (!*path) continue;
        int width = 0, height = 0;
        Result<bool> done = write_ab_slide(request, format, **path, &width, &height);
        if (!done) return err << "poolscope export: " << done.error_text() << "\n", 1;
        out << "wrote " << **path << " (A/B slide, " << width << " × " << height << ")\n";
    }
    return 0;
}

}  // namespace poolscope::app
