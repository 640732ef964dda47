// A step's "compare" (issue 29): {"a": {...}, "b": {...}}, each side the step's layer with the keys it names
// changed, read the way a step reads its layer (layer_from_json on the step's layer; "op" starts a new one),
// then planned on the step's input so a broken side is an error at its own path (/steps/4/compare/b/padding).
#include <algorithm>

#include "lesson_reading.h"
#include "poolscope/ab_compare.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_params.h"

namespace poolscope::lesson_reading {
namespace {

const std::vector<std::string_view>& side_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> k = {"op"};
        for (std::string_view key : kParamKeys)
            k.push_back(key);
        for (size_t i = 1; i < kLayerKeys.size(); ++i)  // [0] "convention": the step's
            k.push_back(kLayerKeys[i]);
        return k;
    }();
    return keys;
}

// One side on top of the step's layer; nullopt after reporting why not.
std::optional<LayerSpec> read_side(Context& ctx, const json& v, const std::string& path,
                                   const LessonStep& step) {
    if (!v.is_object()) {
        ctx.error(path, "expected the layer's keys to change, e.g. {\"ceil_mode\": true}; got " + brief(v));
        return std::nullopt;
    }
    if (v.contains("convention")) {
        ctx.error(
            child(path, "convention"),
            "A and B share the step's convention; to compare frameworks, use View → Compare frameworks");
        return std::nullopt;
    }
    ctx.check_keys(v, path, side_keys());
    const LayerSpec base = step_layer(step);
    std::optional<PoolOp> op = base.params.op;
    const bool new_layer = v.contains("op");
    if (new_layer) {
        const json& o = v.at("op");
        op = o.is_string() ? parse_op(o.get<std::string>()) : std::nullopt;
        if (!op) {
            ctx.error(
                child(path, "op"),
                "expected max_pool2d, avg_pool2d, adaptive_max_pool2d, adaptive_avg_pool2d or lp_pool2d, "
                "got " +
                    brief(o));
            return std::nullopt;
        }
    }
    json keys = json::object();
    for (const auto& [key, value] : v.items())
        if (key != "op" && std::find(side_keys().begin(), side_keys().end(), key) != side_keys().end())
            keys[key] = value;
    Result<LayerSpec> layer =
        layer_from_json(keys, *op, step.input_shape, path,
                        new_layer ? default_layer(step.convention, *op) : base, step.convention, new_layer);
    if (!layer) {
        for (const Error& e : layer.errors())
            ctx.errors.push_back(e);
        return std::nullopt;
    }
    Result<PoolPlan> plan = plan_layer(step.input_shape, *layer);
    if (!plan) {
        for (const Error& e : plan.errors())
            ctx.error(child(path, e.field), e.message);
        return std::nullopt;
    }
    return *layer;
}

}  // namespace

void read_compare(Context& ctx, const json& v, const std::string& path, LessonStep& step) {
    if (step.kind != StepKind::kPool) {
        ctx.error(path, "A/B settings compare two layers on a matrix; a shape step has none");
        return;
    }
    if (!v.is_object()) {
        ctx.error(
            path,
            "expected {\"a\": {...}, \"b\": {...}}: the keys each side changes on the step's layer; got " +
                brief(v));
        return;
    }
    ctx.check_keys(v, path, {"a", "b"});
    if (!v.contains("a") && !v.contains("b")) {
        ctx.error(
            path,
            "give \"a\" and/or \"b\": the settings each side changes, e.g. \"b\": {\"ceil_mode\": true}");
        return;
    }
    const size_t errors_before = ctx.errors.size();
    const LayerSpec own = step_layer(step);
    std::optional<LayerSpec> a = own, b = own;
    if (auto it = v.find("a"); it != v.end()) a = read_side(ctx, *it, child(path, "a"), step);
    if (auto it = v.find("b"); it != v.end()) b = read_side(ctx, *it, child(path, "b"), step);
    if (ctx.errors.size() != errors_before || !a || !b) return;
    if (same_layer(*a, *b)) {
        ctx.error(path, "a and b are the same layer (" + layer_code(*a) +
                            "): give one side a setting that differs, e.g. \"b\": {\"ceil_mode\": true}");
        return;
    }
    step.compare = StepCompare{*a, *b};
}

void check_compare(const LessonStep& step, size_t index, std::vector<CheckFailure>& failures) {
    if (!step.compare || !step.input) return;
    const std::string at = step.path + "/compare";
    Result<AbComparison> cmp = compare_ab(*step.input, step.compare->a, step.compare->b);
    if (!cmp) {
        failures.push_back({index, Error{at, cmp.error_text()}});
        return;
    }
    if (!cmp->any_difference() && cmp->notes.empty())
        failures.push_back({index, Error{at, "a (" + layer_code(step.compare->a) + ") and b (" +
                                                 layer_code(step.compare->b) +
                                                 ") give the same output on this step's input, and no "
                                                 "setting explains why: choose settings that differ here"}});
}

}  // namespace poolscope::lesson_reading
