// Networks against PyTorch 1.13 (tests/golden/network_*.jsonl, made by scripts/gen_golden_network.py): every
// layer's output size and parameter count, the layer that raises with PyTorch's exception and message, and
// receptive fields equal to autograd's nonzero gradient pattern, on the input and on every map in between.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "poolscope/network.h"
#include "poolscope/network_shape.h"
#include "poolscope/receptive_field.h"

namespace poolscope {
namespace {

using nlohmann::json;

struct NetworkCase {
    json input;     // the case line
    json expected;  // PyTorch's answer
};

std::vector<json> read_lines(const std::string& file) {
    std::ifstream in(file);
    std::vector<json> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(json::parse(line));
    return lines;
}

const std::vector<NetworkCase>& network_cases() {
    static const std::vector<NetworkCase> cases = [] {
        const std::string dir = POOLSCOPE_GOLDEN_DIR;
        const std::vector<json> in = read_lines(dir + "/network_cases.jsonl");
        const std::vector<json> out = read_lines(dir + "/network_expected.jsonl");
        std::vector<NetworkCase> all;
        for (size_t i = 0; i < in.size() && i < out.size(); ++i)
            all.push_back({in[i], out[i]});
        return all;
    }();
    return cases;
}

std::vector<size_t> index_of(const json& v) {
    return v.get<std::vector<size_t>>();
}

json runs_json(const IndexRuns& r) {
    json out = json::array();
    for (const auto& [begin, end] : r.runs)
        out.push_back({begin, end});
    return out;
}

json cells_json(const CellSet& s) {
    json out = json::array();
    for (const IndexRuns& d : s.dims)
        out.push_back(runs_json(d));
    return out;
}

std::string index_key(const std::vector<size_t>& index) {
    std::string key;
    for (size_t i = 0; i < index.size(); ++i)
        key += (i ? "/" : "") + std::to_string(index[i]);
    return key;
}

// The differences between PyTorch's answer and ours for one case ("" when they agree).
std::string compare(const NetworkCase& c, int& fields_checked) {
    Result<Network> net = network_from_json(c.input["network"]);
    if (!net) return "the network does not load: " + net.error_text();
    const NetworkShapes shapes = network_shapes(*net);
    const json& want = c.expected;
    std::string problems;
    size_t ran = 0;
    for (const LayerShape& layer : shapes.layers)
        ran += layer.output.empty() ? 0 : 1;
    if (ran != want["layers"].size())
        problems +=
            "; " + std::to_string(ran) + " layers ran, PyTorch ran " + std::to_string(want["layers"].size());
    for (const json& row : want["layers"]) {
        const std::optional<size_t> at = shapes.find(index_of(row["index"]));
        if (!at) {
            problems += "; layer " + row["index"].dump() + " did not run";
            continue;
        }
        const LayerShape& layer = shapes.layers[*at];
        if (json(layer.output) != row["output"])
            problems += "; layer " + row["index"].dump() + " gives " + json(layer.output).dump() +
                        ", PyTorch " + row["output"].dump();
        if (layer.parameters() != row["params"].get<int64_t>())
            problems += "; layer " + row["index"].dump() + " has " + std::to_string(layer.parameters()) +
                        " parameters, PyTorch " + row["params"].dump();
    }
    if (shapes.parameters != want["parameters"].get<int64_t>())
        problems += "; " + std::to_string(shapes.parameters) + " parameters in all, PyTorch " +
                    want["parameters"].dump();
    if (want.contains("error") != shapes.error.has_value()) {
        problems += want.contains("error") ? "; PyTorch raises " + want["error"].dump() + ", we do not"
                                           : "; we fail: " + shapes.error->error.message;
    } else if (shapes.error) {
        const json& e = want["error"];
        const NetworkError& ours = *shapes.error;
        if (json(ours.index) != e["index"] || ours.when_built != e["when_built"].get<bool>() ||
            ours.kind != e["kind"].get<std::string>() ||
            ours.error.message != e["message"].get<std::string>())
            problems += "; PyTorch raises " + e.dump() + ", we say " + json(ours.index).dump() + " " +
                        ours.kind + ": " + ours.error.message + (ours.when_built ? " (when built)" : "");
    }
    if (!c.input.contains("fields")) return problems;
    for (size_t q = 0; q < c.input["fields"].size(); ++q) {
        const json& query = c.input["fields"][q];
        const json& answer = want["fields"][q];
        Result<ReceptiveField> field = receptive_field(*net, shapes, index_of(query["layer"]),
                                                       query["cell"].get<std::vector<int64_t>>());
        ++fields_checked;
        if (!field) {
            problems += "; field " + query.dump() + ": " + field.error_text();
            continue;
        }
        if (cells_json(field->input) != answer["input"])
            problems += "; field " + query.dump() + " reads " + cells_json(field->input).dump() +
                        ", autograd " + answer["input"].dump();
        for (size_t i = 0; i < shapes.layers.size(); ++i) {
            const std::string key = index_key(shapes.layers[i].index);
            if (!answer["after"].contains(key)) continue;
            if (!field->after[i] || cells_json(*field->after[i]) != answer["after"][key])
                problems += "; field " + query.dump() + " after layer " + key + ": " +
                            (field->after[i] ? cells_json(*field->after[i]).dump() : "none") + ", autograd " +
                            answer["after"][key].dump();
        }
    }
    return problems;
}

TEST(NetworkGolden, CoversValidAndBrokenStacksAndEveryErrorKind) {
    const std::vector<NetworkCase>& cases = network_cases();
    ASSERT_GE(cases.size(), 600u);
    std::map<std::string, int> kinds;
    int broken = 0, fields = 0;
    for (const NetworkCase& c : cases) {
        if (c.expected.contains("error")) {
            ++broken;
            ++kinds[c.expected["error"]["kind"].get<std::string>()];
        }
        fields += static_cast<int>(c.input.value("fields", json::array()).size());
    }
    EXPECT_GE(broken, 200);
    EXPECT_GE(static_cast<int>(cases.size()) - broken, 300);
    EXPECT_GE(fields, 600);
    for (const char* kind : {"RuntimeError", "ValueError", "IndexError", "ZeroDivisionError"})
        EXPECT_GE(kinds[kind], 3) << kind;
}

TEST(NetworkGolden, EveryStackMatchesPyTorchShapesErrorsAndAutogradFields) {
    int failures = 0, fields = 0;
    for (const NetworkCase& c : network_cases()) {
        const std::string problems = compare(c, fields);
        if (problems.empty()) continue;
        if (++failures <= 40) ADD_FAILURE() << c.input["id"].get<std::string>() << problems;
    }
    EXPECT_EQ(failures, 0) << "networks that disagree with PyTorch (" << fields
                           << " receptive fields checked)";
}

}  // namespace
}  // namespace poolscope
