#include "cli/backward_answers.h"

#include "cli/cli_text.h"
#include "poolscope/json_backward.h"
#include "poolscope/json_tensor.h"
#include "poolscope/pool_backward.h"
#include "poolscope/pool_forward.h"

namespace poolscope::cli {
namespace {

using nlohmann::json;

}  // namespace

Fields grad_answer(const PoolPlan& plan, const Tensor& input, const json& grad_output, bool return_indices) {
    if (!backward_supported(plan)) return {{}, unsupported_backward(plan).message};
    Result<Tensor> grad = grad_output_from_json(grad_output, "/grad_output", plan.output, input.rank());
    if (!grad) return {{}, grad.error_text()};
    const PoolOutput fwd = forward(plan, input);
    const BackwardOutput back = backward(plan, input, *grad);
    std::string text = ",\"output\":" + tensor_to_json(fwd.values);
    if (return_indices)
        text += ",\"indices\":" + indices_to_json(fwd.indices, fwd.values.shape(), input.rank());
    text += ",\"grad_input\":" + tensor_to_json(back.grad_input);
    // PyTorch 1.13 writes a max window's gradient past the end of grad_input when the window holds no input
    // cell and its saved index points beyond the tensor: undefined behaviour there, dropped here, and said.
    int64_t lost = 0;
    for (const StrayGradient& s : back.strays)
        lost += s.inside ? 0 : 1;
    if (lost > 0)
        text += ",\"warning\":" +
                dump(json(
                    std::to_string(lost) +
                    " output cell(s) have a window with no input cell; PyTorch 1.13 adds their gradient past "
                    "the end of grad_input (memory corruption); PoolScope drops it"));
    return {text, {}};
}

bool is_unpool_case_key(const std::string& key) {
    if (key == "id" || key == "op" || key == "input" || key == "indices") return true;
    for (std::string_view k : kUnpoolParamKeys)
        if (k == key) return true;
    return false;
}

Fields unpool_answer(const json& doc) {
    auto input_it = doc.find("input");
    if (input_it == doc.end()) return {{}, "\"input\" is required"};
    auto indices_it = doc.find("indices");
    if (indices_it == doc.end()) return {{}, "\"indices\" is required for max_unpool2d"};
    Result<Tensor> input = tensor_from_json(*input_it, "/input");
    if (!input) return {{}, input.error_text()};
    Result<UnpoolParams> params = unpool_params_from_json(doc, "");
    if (!params) return {{}, params.error_text()};
    Result<UnpoolPlan> plan = make_unpool_plan(input->shape(), *params);
    if (!plan) return {{}, plan.error_text()};
    Result<std::vector<int64_t>> indices =
        unpool_indices_from_json(*indices_it, "/indices", input->shape(), input->rank());
    if (!indices) return {{}, indices.error_text()};
    Result<UnpoolOutput> out = max_unpool(*plan, *input, *indices, /*with_source=*/false);
    if (!out) return {{}, out.error_text()};
    return {",\"output\":" + tensor_to_json(out->values), {}};
}

}  // namespace poolscope::cli
