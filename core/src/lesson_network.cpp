// Network steps of a lesson: "network" is a whole network ({"input": [...], "layers": [...]}), or changes to
// the previous step's ({"change": {"2": {"stride": 1}}}, {"input": [1, 1, 32, 32]}); the focus names a layer
// (and a cell of its output); "expected" holds D2L's table, the sizes, the parameters or the error PyTorch
// raises. Read here, checked by check_network_step() (check_lesson), written back by put_step_network().
#include <algorithm>

#include "lesson_reading.h"
#include "poolscope/json_params.h"
#include "poolscope/network_quiz.h"
#include "poolscope/network_shape.h"
#include "poolscope/receptive_field.h"

namespace poolscope {

namespace lesson_reading {
namespace {

// "3" or "3/1": the layer object at that index path in a network's JSON; nullptr when there is none.
json* layer_json_at(json& network, const std::string& key) {
    json* list = network.contains("layers") ? &network["layers"] : nullptr;
    json* found = nullptr;
    size_t start = 0;
    while (list && list->is_array() && start <= key.size()) {
        const size_t slash = key.find('/', start);
        const std::string part =
            key.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part.size() > 6 || !std::all_of(part.begin(), part.end(), ::isdigit))
            return nullptr;
        const size_t i = std::stoul(part);
        if (i >= list->size()) return nullptr;
        found = &(*list)[i];
        if (slash == std::string::npos) return found;
        list = found->is_object() && found->contains("layers") ? &(*found)["layers"] : nullptr;
        start = slash + 1;
    }
    return nullptr;
}

// The step's network as a full document: its own, or the previous one with a new input and/or changes.
std::optional<json> resolve_network(Context& ctx, const json& v, const std::string& at, const Carry& carry) {
    if (!v.is_object()) {
        ctx.error(at,
                  "expected a network {\"input\": [1, 1, 28, 28], \"layers\": [...]} or changes to the "
                  "previous one {\"change\": {\"2\": {\"stride\": 1}}}; got " +
                      brief(v));
        return std::nullopt;
    }
    json network;
    if (v.contains("layers")) {
        network = json::object();
        for (const auto& [key, value] : v.items())
            if (key != "change") network[key] = value;
        if (!v.contains("input") && carry.network) network["input"] = (*carry.network)["input"];
    } else if (carry.network) {
        network = *carry.network;
        if (auto it = v.find("input"); it != v.end()) network["input"] = *it;
    } else {
        ctx.error(child(at, "layers"), "no earlier step has a network to change: give its layers");
        return std::nullopt;
    }
    for (const auto& [key, value] : v.items())
        if (key != "input" && key != "layers" && key != "change" && key != "title" && key != "description" &&
            key.rfind("x-", 0) != 0 && key.rfind("$", 0) != 0)
            ctx.warnings.push_back(
                {child(at, key), "unknown key, ignored (a network has input, layers and change)"});
    auto change = v.find("change");
    if (change == v.end()) return network;
    if (!change->is_object()) {
        ctx.error(child(at, "change"),
                  "expected {\"<layer>\": {...}} (layer \"3\" is net[3], \"3/1\" net[3][1]), "
                  "got " +
                      brief(*change));
        return std::nullopt;
    }
    bool ok = true;
    for (const auto& [key, patch] : change->items()) {
        json* layer = layer_json_at(network, key);
        if (!layer || !layer->is_object() || !patch.is_object()) {
            ctx.error(child(child(at, "change"), key),
                      !patch.is_object() ? "expected the layer's arguments to change, got " + brief(patch)
                                         : "no layer " + key + " in the network to change");
            ok = false;
            continue;
        }
        // A "type" replaces the layer; otherwise the arguments given replace the layer's (null removes one).
        if (patch.contains("type"))
            *layer = patch;
        else
            layer->merge_patch(patch);
    }
    return ok ? std::optional<json>(network) : std::nullopt;
}

std::optional<std::vector<size_t>> read_layer_index(Context& ctx, const json& v, const std::string& at) {
    std::vector<size_t> index;
    const json list = v.is_array() ? v : json::array({v});
    bool ok = !list.empty() && list.size() <= static_cast<size_t>(kMaxNetworkNesting) + 1;
    for (size_t i = 0; ok && i < list.size(); ++i) {
        int64_t n = 0;
        ok = read_int(list[i], n) && n >= 0 && n < static_cast<int64_t>(kMaxNetworkLayers);
        index.push_back(static_cast<size_t>(n));
    }
    if (ok) return index;
    ctx.error(at, "expected a layer: 3 for net[3], or [3, 1] for net[3][1]; got " + brief(v));
    return std::nullopt;
}

void read_focus(Context& ctx, const json& v, const std::string& at, LessonStep& step) {
    if (!v.is_object()) {
        ctx.error(at, "expected an object with layer and cell; got " + brief(v));
        return;
    }
    ctx.check_keys(v, at, {"layer", "cell", "autoplay", "panels"});
    if (auto it = v.find("layer"); it != v.end())
        if (auto index = read_layer_index(ctx, *it, child(at, "layer"))) step.focus.layer = *index;
    if (auto it = v.find("cell"); it != v.end()) {
        bool ok = it->is_array() && !it->empty() && it->size() <= 4;
        for (size_t i = 0; ok && i < it->size(); ++i) {
            int64_t c = 0;
            ok = read_int((*it)[i], c) && c >= 0;
            step.focus.start_cell.push_back(c);
        }
        if (!ok)
            ctx.error(child(at, "cell"),
                      "expected a cell of the layer's output, 1 to 4 non-negative integers");
    }
    if (auto it = v.find("autoplay"); it != v.end() && it->is_boolean())
        step.focus.autoplay = it->get<bool>();
}

void read_network_expected(Context& ctx, const json& v, const std::string& at, LessonStep& step) {
    if (!v.is_object()) {
        ctx.error(at, "expected an object with table, shapes, parameters and/or error; got " + brief(v));
        return;
    }
    ctx.check_keys(v, at, {"table", "shapes", "parameters", "error"});
    StepExpected& e = step.expected;
    if (auto it = v.find("table"); it != v.end()) {
        std::vector<std::string> lines;
        bool ok = it->is_array();
        for (size_t i = 0; ok && i < it->size(); ++i) {
            ok = (*it)[i].is_string();
            if (ok) lines.push_back((*it)[i].get<std::string>());
        }
        if (ok)
            e.table = lines;
        else
            ctx.error(child(at, "table"),
                      "expected D2L's lines as strings, e.g. \"Conv2d output shape:\\t "
                      "torch.Size([1, 6, 28, 28])\"");
    }
    if (auto it = v.find("shapes"); it != v.end()) {
        std::vector<std::vector<int64_t>> shapes;
        bool ok = it->is_array();
        for (size_t i = 0; ok && i < it->size(); ++i) {
            const json& row = (*it)[i];
            ok = row.is_array() && !row.empty() && row.size() <= 4;
            std::vector<int64_t> dims;
            for (size_t j = 0; ok && j < row.size(); ++j) {
                int64_t d = 0;
                ok = read_int(row[j], d);
                dims.push_back(d);
            }
            shapes.push_back(dims);
        }
        if (ok)
            e.shapes = shapes;
        else
            ctx.error(child(at, "shapes"),
                      "expected one size per top-level layer, e.g. [[1, 6, 28, 28], ...]");
    }
    if (auto it = v.find("parameters"); it != v.end()) {
        int64_t n = 0;
        if (read_int(*it, n))
            e.parameters = n;
        else
            ctx.error(child(at, "parameters"), "expected an integer, got " + brief(*it));
    }
    if (auto it = v.find("error"); it != v.end()) {
        e.error = true;
        if (it->is_string()) {
            e.error_contains = it->get<std::string>();
        } else if (it->is_object()) {
            ctx.check_keys(*it, child(at, "error"), {"field", "contains"});
            if (auto f = it->find("field"); f != it->end() && f->is_string())
                e.error_field = f->get<std::string>();
            if (auto c = it->find("contains"); c != it->end() && c->is_string())
                e.error_contains = c->get<std::string>();
        } else if (!(it->is_boolean() && it->get<bool>())) {
            ctx.error(child(at, "error"),
                      "expected true, a message fragment, or {\"field\": \"/layers/7\", "
                      "\"contains\": ...}; got " +
                          brief(*it));
        }
    }
}

}  // namespace

bool is_network_step(const json& v) {
    return v.is_object() && (v.contains("network") || v.value("kind", json()) == "network");
}

void read_network_step(Context& ctx, const json& v, const std::string& path, Carry& carry, LessonStep& step,
                       std::vector<LessonStep>& steps) {
    const size_t errors_before = ctx.errors.size();
    step.kind = StepKind::kNetwork;
    for (const char* key : {"input", "input_size", "op", "grad_output"})
        if (v.contains(key))
            ctx.warnings.push_back(
                {child(path, key), "ignored: a network step takes its sizes from its network"});
    std::optional<json> resolved;
    if (auto it = v.find("network"); it != v.end())
        resolved = resolve_network(ctx, *it, child(path, "network"), carry);
    else if (carry.network)
        resolved = carry.network;
    else
        ctx.error(child(path, "network"), "this network step needs a network, and no earlier step has one");
    if (resolved) {
        Result<Network> net = network_from_json(*resolved);
        if (net) {
            carry.network = resolved;
            step.network = std::make_shared<const Network>(std::move(net).value());
            const std::vector<int64_t>& in = step.network->input;
            int64_t dims[4] = {1, 1, 1, 1};
            for (size_t i = 0; i < in.size(); ++i)
                dims[4 - in.size() + i] = in[i];
            step.input_shape = {dims[0], dims[1], dims[2], dims[3]};
            step.input_rank = static_cast<int>(in.size());
        } else {
            for (const Error& e : net.errors())
                ctx.error(child(path, "network") + e.field, e.message);
        }
    }
    if (carry.layer) step.params = carry.layer->params;
    step.focus.panels = carry.panels;
    if (auto it = v.find("focus"); it != v.end()) read_focus(ctx, *it, child(path, "focus"), step);
    if (auto it = v.find("expected"); it != v.end())
        read_network_expected(ctx, *it, child(path, "expected"), step);
    if (auto it = v.find("quiz"); it != v.end()) read_quiz(ctx, *it, child(path, "quiz"), step);
    if (ctx.errors.size() != errors_before || !step.network) return;

    // The network is part of the lesson's meaning: where it breaks, the step must expect it.
    const NetworkShapes shapes = network_shapes(*step.network);
    if (shapes.error && !step.expected.error)
        ctx.error(child(path, "network") + shapes.error->error.field,
                  "PyTorch raises " + shapes.error->kind + ": " + shapes.error->error.message +
                      " (a step that teaches this expects it: \"expected\": {\"error\": ...})");
    if (!step.focus.layer.empty()) {
        // The layer may be the one that breaks (the view shows it with PyTorch's error); a cell needs an
        // output.
        const std::optional<size_t> at = shapes.find(step.focus.layer);
        if (!layer_at(*step.network, step.focus.layer))
            ctx.error(child(child(path, "focus"), "layer"),
                      "the network has no layer " + brief(json(step.focus.layer)));
        else if (!step.focus.start_cell.empty() && (!at || shapes.layers[*at].output.empty()))
            ctx.error(child(child(path, "focus"), "cell"),
                      "the focus layer does not run, so it has no output cell");
        else if (!step.focus.start_cell.empty()) {
            Result<ReceptiveField> f =
                receptive_field(*step.network, shapes, step.focus.layer, step.focus.start_cell);
            if (!f) ctx.error(child(child(path, "focus"), "cell"), f.errors().front().message);
        }
    }
    for (const StepQuestion& q : step.quiz) {
        if (q.kind == QuestionKind::kChoice) continue;
        Result<Question> made =
            make_network_question(q.kind, *step.network, shapes, q.layer.empty() ? step.focus.layer : q.layer,
                                  q.cell.empty() ? step.focus.start_cell : q.cell);
        if (!made) {
            const Error& e = made.errors().front();
            ctx.error(e.field.empty() ? q.path : child(q.path, e.field), e.message);
        }
    }
    if (ctx.errors.size() == errors_before) steps.push_back(std::move(step));
}

void check_network_step(const LessonStep& step, size_t index, std::vector<CheckFailure>& failures) {
    auto fail = [&](std::string field, std::string message) {
        failures.push_back({index, Error{std::move(field), std::move(message)}});
    };
    const std::string at = step.path + "/expected";
    const StepExpected& want = step.expected;
    const NetworkShapes shapes = network_shapes(*step.network);
    if (want.error) {
        if (!shapes.error) {
            fail(at + "/error", "expected the network to break, but PyTorch runs it to the end");
        } else {
            const Error& e = shapes.error->error;
            if ((!want.error_field.empty() && e.field != want.error_field) ||
                e.message.find(want.error_contains) == std::string::npos)
                fail(at + "/error",
                     "expected an error" + (want.error_field.empty() ? "" : " at " + want.error_field) +
                         (want.error_contains.empty() ? "" : " containing \"" + want.error_contains + "\"") +
                         ", the core says: " + e.field + ": " + shapes.error->kind + ": " + e.message);
        }
    } else if (shapes.error) {
        fail(step.path + "/network" + shapes.error->error.field,
             "PyTorch raises " + shapes.error->kind + ": " + shapes.error->error.message);
        return;
    }
    if (want.table) {
        const std::vector<std::string> lines = d2l_table(shapes);
        for (size_t i = 0; i < std::max(lines.size(), want.table->size()); ++i) {
            const std::string got = i < lines.size() ? lines[i] : "(nothing: the network stops)";
            const std::string expected = i < want.table->size() ? (*want.table)[i] : "(no line)";
            if (got == expected) continue;
            fail(at + "/table/" + std::to_string(i),
                 "expected \"" + expected + "\", D2L's loop prints \"" + got + "\"");
            break;
        }
    }
    if (want.shapes) {
        std::vector<std::vector<int64_t>> got;
        for (size_t i : shapes.top_level())
            if (!shapes.layers[i].output.empty()) got.push_back(shapes.layers[i].output);
        if (got != *want.shapes) {
            json written = json::array();
            for (const auto& s : got)
                written.push_back(s);
            fail(at + "/shapes", "the core gives " + written.dump());
        }
    }
    if (want.parameters && *want.parameters != shapes.parameters)
        fail(at + "/parameters", "expected " + std::to_string(*want.parameters) +
                                     " parameters, the core counts " + std::to_string(shapes.parameters));
}

nlohmann::ordered_json network_expected(const LessonStep& step) {
    const NetworkShapes shapes = network_shapes(*step.network);
    if (shapes.error)
        return {{"error", {{"field", shapes.error->error.field}, {"contains", shapes.error->error.message}}}};
    return {{"table", d2l_table(shapes)}, {"parameters", shapes.parameters}};
}

}  // namespace lesson_reading

Result<NetworkShapes> step_network_shapes(const LessonStep& step) {
    if (step.kind != StepKind::kNetwork || !step.network) return Error{"network", "this step has no network"};
    return network_shapes(*step.network);
}

Result<Lesson> put_step_network(const Lesson& lesson, size_t index, const Network& network) {
    nlohmann::ordered_json document = lesson.document;
    if (!document.is_object() || !document.contains("steps") || !document["steps"].is_array() ||
        index >= document["steps"].size() || !document["steps"][index].is_object())
        return Error{"/steps/" + std::to_string(index), "no such step to write a network into"};
    nlohmann::ordered_json& step = document["steps"][index];
    step["network"] = network_to_json(network);
    Result<Lesson> changed = load_lesson_json(std::move(document), lesson.source);
    if (changed) changed.value().text = lesson.text;
    return changed;
}

}  // namespace poolscope
