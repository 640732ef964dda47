// What a step should state as `expected`, computed by the core: the output values of a pool step (and the
// input's gradient when it sends a grad_output back), the output shape of a shape step, or the rejection
// (the field the framework refuses). The app's "Record expected" and a new step's description use it.
#include <algorithm>
#include <string>

#include "lesson_reading.h"
#include "poolscope/json_tensor.h"
#include "poolscope/lesson.h"

namespace poolscope {

namespace {

// The output shape written at the rank the step's input was written with ([H, W] ... [N, C, H, W]).
nlohmann::ordered_json shape_as_written(const Shape& s, int rank) {
    const int64_t dims[4] = {s.n, s.c, s.h, s.w};
    nlohmann::ordered_json shape = nlohmann::ordered_json::array();
    for (int i = 4 - rank; i < 4; ++i)
        shape.push_back(dims[i]);
    return shape;
}

nlohmann::ordered_json tensor_json(const Tensor& t) {
    return nlohmann::ordered_json::parse(tensor_to_json(t));
}

}  // namespace

nlohmann::ordered_json expected_of_step(const LessonStep& step) {
    if (step.kind == StepKind::kNetwork && step.network) return lesson_reading::network_expected(step);
    Result<PoolPlan> plan = plan_step(step);
    if (!plan) {
        const Error& reason = plan.errors().front();
        if (reason.field.empty()) return {{"error", true}};
        return {{"error", {{"field", reason.field}}}};
    }
    if (step.kind != StepKind::kPool || !step.input)
        return {{"shape", shape_as_written(plan->output, std::clamp(step.input_rank, 2, 4))}};
    nlohmann::ordered_json expected = nlohmann::ordered_json::object();
    expected["output"] = tensor_json(forward(plan.value(), *step.input).values);
    if (step.grad_output && backward_supported(step.params.op))
        if (Result<BackwardOutput> back = compute_step_backward(step))
            expected["grad_input"] = tensor_json(back->grad_input);
    return expected;
}

}  // namespace poolscope
