// One lesson step, resolved on top of the previous one: what it inherits (input, layer, convention, code,
// panels), its focus and expected result, and the validation of its layer.
#include <algorithm>

#include "lesson_reading.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_params.h"

namespace poolscope::lesson_reading {

namespace {

const std::vector<std::string_view>& step_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> k = {
            "kind",  "title",    "narration", "input",       "input_size", "op",     "convention", "code",
            "focus", "expected", "picture",   "grad_output", "quiz",       "reveal", "network",    "compare"};
        k.insert(k.end(), kParamKeys.begin(), kParamKeys.end());
        k.insert(k.end(), kLayerKeys.begin() + 1, kLayerKeys.end());  // [0] is "convention", listed above
        return k;
    }();
    return keys;
}

void read_focus(Context& ctx, const json& v, const std::string& path, LessonStep& step, Carry& carry) {
    step.focus.panels = carry.panels;
    if (!v.is_object()) {
        ctx.error(path, "expected an object with cell, autoplay, panels; got " + brief(v));
        return;
    }
    ctx.check_keys(v, path, {"cell", "autoplay", "panels"});
    if (auto it = v.find("cell"); it != v.end()) {
        bool ok = it->is_array() && it->size() >= 2 && it->size() <= 4;
        std::vector<int64_t> cell;
        for (size_t i = 0; ok && i < it->size(); ++i) {
            int64_t c = 0;
            ok = read_int((*it)[i], c) && c >= 0;
            cell.push_back(c);
        }
        if (ok)
            step.focus.start_cell = cell;
        else
            ctx.error(child(path, "cell"),
                      "expected an output cell [h, w], [c, h, w] or [n, c, h, w] of "
                      "non-negative integers, got " +
                          brief(*it));
    }
    if (auto it = v.find("autoplay"); it != v.end()) {
        if (it->is_boolean())
            step.focus.autoplay = it->get<bool>();
        else
            ctx.error(child(path, "autoplay"), "expected true or false, got " + brief(*it));
    }
    if (auto it = v.find("panels"); it != v.end()) {
        std::array<bool, kPanelCount> panels{false, false, false};
        bool ok = it->is_array();
        for (size_t i = 0; ok && i < it->size(); ++i) {
            bool known = false;
            for (int p = 0; p < kPanelCount; ++p)
                if ((*it)[i].is_string() && (*it)[i].get<std::string>() == panel_name(static_cast<Panel>(p)))
                    panels[static_cast<size_t>(p)] = known = true;
            if (!known) {
                ctx.error(child(child(path, "panels"), i),
                          "expected \"formula\", \"arithmetic\" or \"channels\", got " + brief((*it)[i]));
                ok = false;
            }
        }
        if (!it->is_array())
            ctx.error(child(path, "panels"), "expected a list of panel names, got " + brief(*it));
        if (ok) step.focus.panels = carry.panels = panels;
    }
}

void read_expected(Context& ctx, const json& v, const std::string& path, LessonStep& step) {
    if (!v.is_object()) {
        ctx.error(path, "expected an object with output, grad_input, shape and/or error; got " + brief(v));
        return;
    }
    ctx.check_keys(v, path, {"output", "grad_input", "shape", "error"});
    if (auto it = v.find("output"); it != v.end())
        step.expected.output = read_values(ctx, *it, child(path, "output"));
    if (auto it = v.find("grad_input"); it != v.end())
        step.expected.grad_input = read_values(ctx, *it, child(path, "grad_input"));
    if (auto it = v.find("shape"); it != v.end()) {
        bool ok = it->is_array() && it->size() >= 2 && it->size() <= 4;
        std::vector<int64_t> dims;
        for (size_t i = 0; ok && i < it->size(); ++i) {
            int64_t d = 0;
            ok = read_int((*it)[i], d);
            dims.push_back(d);
        }
        if (ok)
            step.expected.shape = dims;
        else
            ctx.error(child(path, "shape"),
                      "expected a shape [H, W], [C, H, W] or [N, C, H, W], got " + brief(*it));
    }
    if (auto it = v.find("error"); it != v.end()) {
        const std::string at = child(path, "error");
        step.expected.error = true;
        if (it->is_string()) {
            step.expected.error_contains = it->get<std::string>();
        } else if (it->is_boolean() && it->get<bool>()) {
        } else if (it->is_object()) {
            ctx.check_keys(*it, at, {"field", "contains"});
            for (auto [key, into] : {std::pair{"field", &step.expected.error_field},
                                     std::pair{"contains", &step.expected.error_contains}}) {
                if (auto f = it->find(key); f != it->end()) {
                    if (f->is_string())
                        *into = f->get<std::string>();
                    else
                        ctx.error(child(at, key), "expected a string, got " + brief(*f));
                }
            }
        } else {
            ctx.error(at, "expected true, a message fragment, or {\"field\": ..., \"contains\": ...}; got " +
                              brief(*it));
        }
    }
    if (step.expected.output && step.expected.shape)
        ctx.error(path, "give output or shape, not both (the output's shape is checked with it)");
}

}  // namespace

void read_step(Context& ctx, const json& v, const std::string& path, Carry& carry,
               std::vector<LessonStep>& steps) {
    if (!v.is_object()) {
        ctx.error(path, "expected a step object, got " + brief(v));
        return;
    }
    const size_t errors_before = ctx.errors.size();
    // Missing input or layer after an earlier step already failed is a consequence, not news.
    const bool earlier_failed = errors_before > 0;
    ctx.check_keys(v, path, step_keys());
    LessonStep step;
    step.path = path;
    step.focus.panels = carry.panels;

    if (auto it = v.find("kind"); it != v.end()) {
        if (*it == "pool")
            step.kind = StepKind::kPool;
        else if (*it == "shape")
            step.kind = StepKind::kShape;
        else if (*it == "network")
            step.kind = StepKind::kNetwork;
        else
            ctx.error(child(path, "kind"), "expected \"pool\", \"shape\" or \"network\", got " + brief(*it));
    }
    if (auto it = v.find("title"); it != v.end())
        if (auto t = read_text(ctx, *it, child(path, "title"))) step.title = *t;
    if (auto it = v.find("narration"); it != v.end())
        if (auto t = read_text(ctx, *it, child(path, "narration"))) step.narration = *t;
    if (auto it = v.find("reveal"); it != v.end())
        if (auto t = read_text(ctx, *it, child(path, "reveal"))) step.reveal = *t;
    if (auto it = v.find("code"); it != v.end()) {
        // A string, or {"en": ..., "zh": ...} when its comments are words (the code itself is the same).
        if (it->is_string()) {
            carry.code = it->get<std::string>();
            carry.code_zh.clear();
        } else if (it->is_object()) {
            if (auto t = read_text(ctx, *it, child(path, "code"))) {
                carry.code = t->en.empty() ? t->zh : t->en;
                carry.code_zh = t->zh;
            }
        } else {
            ctx.error(child(path, "code"),
                      "expected a string or {\"en\": ..., \"zh\": ...}, got " + brief(*it));
        }
    }
    step.code = carry.code;
    step.code_zh = carry.code_zh;
    if (auto it = v.find("convention"); it != v.end()) {
        const std::optional<Convention> c =
            it->is_string() ? parse_convention(it->get<std::string>()) : std::nullopt;
        if (c)
            carry.convention = *c;
        else
            ctx.error(child(path, "convention"),
                      "expected \"pytorch\", \"tensorflow\", \"onnx\" or \"mxnet\", got " + brief(*it));
    }
    step.convention = carry.convention;
    if (auto it = v.find("picture"); it != v.end()) {
        if (it->is_null())
            carry.picture.reset();  // null: this step and the next show no picture
        else if (auto picture = read_picture(ctx, *it, child(path, "picture")))
            carry.picture = std::move(*picture);
    }
    step.picture = carry.picture;
    if (is_network_step(v)) {
        if (v.contains("compare"))
            ctx.error(child(path, "compare"),
                      "A/B settings compare two pooling layers on a matrix; a network step has none");
        return read_network_step(ctx, v, path, carry, step, steps);  // lesson_network.cpp
    }

    if (auto it = v.find("input"); it != v.end()) {
        if (auto t = read_input(ctx, *it, child(path, "input"), carry.input)) {
            carry.input = std::make_shared<const Tensor>(std::move(*t));
            carry.size = std::pair{carry.input->shape(), carry.input->rank()};
        }
    }
    if (auto it = v.find("input_size"); it != v.end()) {
        if (step.kind != StepKind::kShape)
            ctx.error(child(path, "input_size"),
                      "input_size is for shape steps (\"kind\": \"shape\"); "
                      "a pool step takes an input matrix");
        else if (auto s = read_shape(ctx, *it, child(path, "input_size")))
            carry.size = s;
    }
    if (step.kind == StepKind::kPool) {
        if (!carry.input) {
            if (ctx.errors.size() == errors_before && !earlier_failed)
                ctx.error(child(path, "input"),
                          "this step needs an input matrix, and no earlier step sets one");
        } else {
            step.input = carry.input;
            step.input_shape = carry.input->shape();
            step.input_rank = carry.input->rank();
        }
    } else if (carry.size) {
        step.input_shape = carry.size->first;
        step.input_rank = carry.size->second;
    } else if (ctx.errors.size() == errors_before && !earlier_failed) {
        ctx.error(child(path, "input_size"), "this shape step needs input_size (or an earlier input)");
    }

    // Setting op starts a new layer (the framework's defaults for what is not given); without op, the step
    // changes only the parameters it names on the previous layer.
    std::optional<PoolOp> op;
    bool new_layer = false;
    if (auto it = v.find("op"); it != v.end()) {
        if (it->is_string()) op = parse_op(it->get<std::string>());
        if (!op)
            ctx.error(
                child(path, "op"),
                "expected max_pool2d, avg_pool2d, adaptive_max_pool2d, adaptive_avg_pool2d or lp_pool2d, "
                "got " +
                    brief(*it));
        new_layer = true;
    } else if (carry.layer) {
        op = carry.layer->params.op;
    } else if (!earlier_failed) {
        ctx.error(child(path, "op"), "no layer yet: set op (e.g. \"max_pool2d\") and kernel_size");
    }
    if (op) {
        // The convention is read above (it carries over on its own); the layer takes its keys and defaults.
        json layer_keys = json::object();
        for (const auto& [key, value] : v.items())
            if (key != "convention" &&
                (std::find(kParamKeys.begin(), kParamKeys.end(), key) != kParamKeys.end() ||
                 std::find(kLayerKeys.begin(), kLayerKeys.end(), key) != kLayerKeys.end()))
                layer_keys[key] = value;
        Result<LayerSpec> layer = layer_from_json(
            layer_keys, *op, step.input_shape, path,
            new_layer ? default_layer(carry.convention, *op) : *carry.layer, carry.convention, new_layer);
        if (layer) {
            carry.layer = layer.value();
        } else {
            for (const Error& e : layer.errors())
                ctx.errors.push_back(e);
            if (!new_layer || !carry.layer) carry.layer.reset();
        }
    }
    if (carry.layer) {
        step.params = carry.layer->params;
        step.pad_mode = carry.layer->pad_mode;
        step.storage_order = carry.layer->storage_order;
    }

    if (auto it = v.find("focus"); it != v.end()) read_focus(ctx, *it, child(path, "focus"), step, carry);
    if (auto it = v.find("expected"); it != v.end()) read_expected(ctx, *it, child(path, "expected"), step);
    // grad_output: values, or "ones" (made once the output's shape is known, below).
    bool grad_ones = false;
    if (auto it = v.find("grad_output"); it != v.end()) {
        if (*it == "ones")
            grad_ones = true;
        else if (it->is_array() || it->is_object())
            step.grad_output = read_values(ctx, *it, child(path, "grad_output"));
        else
            ctx.error(child(path, "grad_output"),
                      "expected the output's gradient as nested values, or \"ones\"; got " + brief(*it));
    }
    if (auto it = v.find("quiz"); it != v.end()) read_quiz(ctx, *it, child(path, "quiz"), step);

    if (ctx.errors.size() != errors_before) return;
    if (step.kind == StepKind::kShape && step.expected.output)
        ctx.error(child(child(path, "expected"), "output"),
                  "a shape step has no matrix; expect a shape instead");
    const bool has_grad = grad_ones || step.grad_output;
    if (step.kind == StepKind::kShape && has_grad)
        ctx.error(child(path, "grad_output"), "a shape step has no matrix to send a gradient back through");
    if (step.expected.grad_input && !has_grad)
        ctx.error(child(child(path, "expected"), "grad_input"),
                  "grad_input is the gradient for the step's grad_output; give grad_output (or \"ones\")");
    if (has_grad && step.expected.error)
        ctx.error(child(path, "grad_output"),
                  "a step that expects an error has no output to send a gradient back from");
    // The plan is part of the lesson's meaning: an invalid layer is an error unless the step expects one.
    if (!step.expected.error && !earlier_failed) {
        Result<PoolPlan> plan = plan_step(step);
        if (!plan) {
            for (const Error& e : plan.errors())
                ctx.error(child(path, e.field), e.message);
        } else if (plan->output.numel() > kMaxLessonElements) {
            // The core allows far more; a lesson's output must stay small enough to draw and check at once.
            const Shape& o = plan->output;
            ctx.error(child(path, is_adaptive(step.params.op) ? "output_size" : "padding"),
                      "the output would be " + std::to_string(o.n) + "x" + std::to_string(o.c) + "x" +
                          std::to_string(o.h) + "x" + std::to_string(o.w) + ", more than " +
                          std::to_string(kMaxLessonElements) + " elements, the limit for a lesson");
        } else if (step.kind == StepKind::kPool && has_grad) {
            if (grad_ones) step.grad_output = Tensor(plan->output, 1.0f, step.input_rank);
            for (const Error& e : check_grad_output_shape(*plan, step.grad_output->shape(),
                                                          step.grad_output->rank(), step.input_rank))
                ctx.error(child(path, "grad_output"), e.message);
        }
    }
    if (step.kind == StepKind::kPool && !step.focus.start_cell.empty() &&
        ctx.errors.size() == errors_before) {
        Result<PoolPlan> plan = plan_step(step);
        if (plan) {
            const Shape& o = plan->output;
            const std::vector<int64_t>& c = step.focus.start_cell;
            const std::vector<int64_t> full = {o.n, o.c, o.h, o.w};
            bool inside = true;
            for (size_t i = 0; i < c.size(); ++i)
                inside = inside && c[i] < full[4 - c.size() + i];
            if (!inside)
                ctx.error(child(child(path, "focus"), "cell"),
                          "cell " + brief(json(c)) + " is outside the output (" + std::to_string(o.n) + "x" +
                              std::to_string(o.c) + "x" + std::to_string(o.h) + "x" + std::to_string(o.w) +
                              ")");
        }
    }
    if (!step.quiz.empty() && ctx.errors.size() == errors_before) check_quiz_fits(ctx, step);
    if (auto it = v.find("compare"); it != v.end() && ctx.errors.size() == errors_before)
        read_compare(ctx, *it, child(path, "compare"), step);
    steps.push_back(std::move(step));
}

}  // namespace poolscope::lesson_reading
