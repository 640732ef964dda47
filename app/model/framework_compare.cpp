// compare_frameworks() (see framework_compare.h). The reasons are the core's, so the compare view and
// `poolscope` agree on what differs and why.
#include "model/framework_compare.h"

namespace poolscope::app {

FrameworkCompare compare_frameworks(const Document& doc) {
    FrameworkCompare out;
    const Shape input = doc.input.shape();
    const std::vector<LayerSpec> layers = layers_across(layer_of(doc), &input);
    for (size_t i = 0; i < layers.size(); ++i) {
        FrameworkColumn column;
        column.layer = layers[i];
        column.code = layer_code(column.layer);
        Result<PoolPlan> plan = plan_layer(doc.input.shape(), column.layer);
        if (plan) {
            column.plan = std::move(plan).value();
            column.output = forward(*column.plan, doc.input);
        } else {
            column.errors = plan.errors();
        }
        if (column.layer.convention == doc.convention)
            out.reference = i;
        else  // the input-free notes: the plan differences below say what this input changes
            column.cannot = translate_layer(layer_of(doc), column.layer.convention).notes;
        out.columns.push_back(std::move(column));
    }
    const FrameworkColumn& ref = out.columns[out.reference];
    for (size_t i = 0; i < out.columns.size(); ++i) {
        FrameworkColumn& column = out.columns[i];
        if (i == out.reference) continue;
        if (!ref.plan || !column.plan) {
            column.shape_differs = ref.plan.has_value() != column.plan.has_value();
            continue;
        }
        column.differences = plan_differences(*ref.plan, *column.plan);
        const Shape& a = ref.plan->output;
        const Shape& b = column.plan->output;
        column.shape_differs = a.h != b.h || a.w != b.w;
        if (column.shape_differs) continue;
        const std::vector<float> mine = column.output.values.values(), theirs = ref.output.values.values();
        column.value_differs.resize(mine.size());
        for (size_t k = 0; k < mine.size() && k < theirs.size(); ++k)
            column.value_differs[k] =
                !(mine[k] == theirs[k]) && !(mine[k] != mine[k] && theirs[k] != theirs[k]);
    }
    return out;
}

}  // namespace poolscope::app
