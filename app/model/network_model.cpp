// The Network view's model (see network_model.h): shapes and the receptive field from the core, and the
// cards' edits as JSON changes the core reads back.
#include "model/network_model.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "model/lesson_session.h"
#include "model/paths.h"
#include "model/view.h"
#include "poolscope/float_chars.h"

namespace poolscope::app {
namespace {

using ojson = nlohmann::ordered_json;

// The chosen cell, kept only while its layer still ran and the cell is inside that layer's output map.
bool cell_still_there(const NetworkShapes& shapes, const NetworkCellRef& ref) {
    const std::optional<size_t> at = shapes.find(ref.layer);
    if (!at) return false;
    const std::vector<int64_t>& out = shapes.layers[*at].output;
    if (out.size() < ref.cell.size() || ref.cell.empty()) return false;
    for (size_t i = 0; i < ref.cell.size(); ++i) {
        const int64_t size = out[out.size() - ref.cell.size() + i];
        if (ref.cell[i] < 0 || ref.cell[i] >= size) return false;
    }
    return true;
}

Error edit_error(std::string field, std::string code, std::string message, std::vector<std::string> args) {
    return Error{std::move(field), std::move(message), std::move(code), std::move(args)};
}

// The JSON of `network` and the pointer to the layer at `path` in it (checked).
struct LayerInJson {
    ojson document;
    nlohmann::json_pointer<std::string> pointer;
};

Result<LayerInJson> locate(const Network& network, const std::string& path) {
    LayerInJson at{network_to_json(network), nlohmann::json_pointer<std::string>()};
    try {
        at.pointer = nlohmann::json_pointer<std::string>(path);
        if (path.empty() || !at.document.contains(at.pointer)) throw std::out_of_range(path);
    } catch (const std::exception&) {
        return edit_error(path, "network_no_layer", "there is no layer at " + path, {path});
    }
    return at;
}

Result<Network> read_back(const ojson& document) {
    return network_from_json(nlohmann::json(document));
}

}  // namespace

void recompute_network(const Document& doc, NetworkComputed& net, Interaction& interaction) {
    if (net.made_for != doc.network) {
        net.made_for = doc.network;
        net.shapes = doc.network ? network_shapes(*doc.network) : NetworkShapes{};
        net.field_for.reset();
        net.field.reset();
        net.field_errors.clear();
        ++net.generation;
        if (interaction.network_cell && !cell_still_there(net.shapes, *interaction.network_cell))
            interaction.network_cell.reset();
    }
    if (net.field_for == interaction.network_cell) return;
    net.field_for = interaction.network_cell;
    net.field.reset();
    net.field_errors.clear();
    ++net.generation;
    if (!doc.network || !interaction.network_cell) return;
    const NetworkCellRef& ref = *interaction.network_cell;
    Result<ReceptiveField> field = receptive_field(*doc.network, net.shapes, ref.layer, ref.cell);
    if (field)
        net.field = std::move(field).value();
    else
        net.field_errors = field.errors();
}

bool network_view_shown(const LessonSession& session, const View& view) {
    const LessonStep* step = current_step(session);
    if (step && step->kind == StepKind::kNetwork) return true;
    return window_open(view, window_id::kNetwork);
}

Result<Network> load_default_network(const std::filesystem::path& exe_dir) {
    const std::filesystem::path lessons = lessons_dir(exe_dir);
    if (lessons.empty())
        return edit_error("lessons", "network_default_missing", "the lessons folder was not found", {});
    return network_from_file((lessons / "networks" / "lenet.json").string());
}

void set_network(Document& doc, Network network, const std::string& merge_key) {
    doc.network = std::make_shared<const Network>(std::move(network));
    commit_edit(doc, merge_key);
}

std::vector<std::string_view> addable_layer_types() {
    return {"Conv2d",  "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "ReLU", "Sigmoid",
            "Flatten", "Linear",    "Dropout"};
}

Result<Network> set_layer_argument(const Network& network, const std::string& path, const std::string& key,
                                   const std::optional<nlohmann::json>& value) {
    Result<LayerInJson> at = locate(network, path);
    if (!at) return at.errors();
    ojson& layer = at.value().document[at.value().pointer];
    if (value)
        layer[key] = ojson::parse(value->dump());
    else
        layer.erase(key);
    return read_back(at.value().document);
}

nlohmann::ordered_json layer_arguments(const Network& network, const std::string& path) {
    Result<LayerInJson> at = locate(network, path);
    if (!at) return ojson::object();
    return at.value().document[at.value().pointer];
}

Result<Network> change_pool_type(const Network& network, const std::string& path, std::string_view type) {
    Result<LayerInJson> at = locate(network, path);
    if (!at) return at.errors();
    ojson& layer = at.value().document[at.value().pointer];
    layer["type"] = std::string(type);
    // The arguments only one class takes (PyTorch would raise TypeError for them in the other).
    static constexpr std::array kOnlyMax = {"dilation", "return_indices"};
    static constexpr std::array kOnlyAvg = {"padding", "count_include_pad", "divisor_override"};
    if (type != "MaxPool2d")
        for (const char* k : kOnlyMax)
            layer.erase(k);
    if (type == "LPPool2d") {
        for (const char* k : kOnlyAvg)
            layer.erase(k);
        if (!layer.contains("norm_type")) layer["norm_type"] = 2;
    } else {
        layer.erase("norm_type");
        if (type == "MaxPool2d")
            for (const char* k : {"count_include_pad", "divisor_override"})
                layer.erase(k);
    }
    return read_back(at.value().document);
}

Result<Network> add_layer(const Network& network, const NetworkShapes& shapes, const std::string& after,
                          std::string_view type) {
    ojson document = network_to_json(network);
    ojson* siblings = &document["layers"];
    size_t position = siblings->size();
    std::vector<int64_t> arriving = shapes.input;
    if (!after.empty()) {
        Result<LayerInJson> at = locate(network, after);
        if (!at) return at.errors();
        const nlohmann::json_pointer<std::string> parent = at.value().pointer.parent_pointer();
        siblings = &document[parent];
        position = std::stoul(at.value().pointer.back()) + 1;
        for (const LayerShape& s : shapes.layers)
            if (s.path == after && !s.output.empty()) arriving = s.output;
    } else if (!shapes.layers.empty() && !shapes.layers.back().output.empty()) {
        arriving = shapes.layers.back().output;
    }
    // Arguments fitted to what arrives, so a new layer runs as it is added.
    const int64_t channels = arriving.size() >= 3 ? arriving[arriving.size() - 3] : 1;
    const int64_t features = arriving.empty() ? 1 : arriving.back();
    ojson layer = {{"type", std::string(type)}};
    if (type == "Conv2d") {
        layer["in_channels"] = channels;
        layer["out_channels"] = channels;
        layer["kernel_size"] = 3;
        layer["padding"] = 1;
    } else if (type == "MaxPool2d" || type == "AvgPool2d") {
        layer["kernel_size"] = 2;
        layer["stride"] = 2;
    } else if (type == "AdaptiveAvgPool2d") {
        layer["output_size"] = 1;
    } else if (type == "Linear") {
        layer["in_features"] = features;
        layer["out_features"] = 10;
    }
    siblings->insert(siblings->begin() + static_cast<std::ptrdiff_t>(position), layer);
    return read_back(document);
}

Result<Network> remove_layer(const Network& network, const std::string& path) {
    Result<LayerInJson> at = locate(network, path);
    if (!at) return at.errors();
    ojson& siblings = at.value().document[at.value().pointer.parent_pointer()];
    siblings.erase(std::stoul(at.value().pointer.back()));
    return read_back(at.value().document);
}

Result<Network> move_layer(const Network& network, const std::string& path, int direction) {
    Result<LayerInJson> at = locate(network, path);
    if (!at) return at.errors();
    ojson& siblings = at.value().document[at.value().pointer.parent_pointer()];
    const size_t from = std::stoul(at.value().pointer.back());
    const int64_t to = static_cast<int64_t>(from) + direction;
    if (to < 0 || to >= static_cast<int64_t>(siblings.size())) return network;
    std::swap(siblings[from], siblings[static_cast<size_t>(to)]);
    return read_back(at.value().document);
}

Result<std::optional<nlohmann::json>> parse_argument_text(std::string_view text) {
    std::string t;
    for (char c : text)
        if (c != ' ' && c != '(' && c != ')' && c != '[' && c != ']') t += c;
    if (t.empty()) return std::optional<nlohmann::json>();
    if (t == "true" || t == "True") return std::optional<nlohmann::json>(true);
    if (t == "false" || t == "False") return std::optional<nlohmann::json>(false);
    if (t == "same" || t == "valid") return std::optional<nlohmann::json>(t);  // Conv2d's padding words
    const Error unreadable =
        edit_error("", "network_argument_unreadable",
                   "\"" + std::string(text) + "\" is not a number or two numbers", {std::string(text)});
    std::vector<nlohmann::json> parts;
    size_t begin = 0;
    while (begin <= t.size()) {
        const size_t end = std::min(t.find(',', begin), t.size());
        const std::string part = t.substr(begin, end - begin);
        int64_t whole = 0;
        const auto [stop, ec] = std::from_chars(part.data(), part.data() + part.size(), whole);
        if (!part.empty() && ec == std::errc() && stop == part.data() + part.size()) {
            parts.emplace_back(whole);
        } else {
            double real = 0;
            const auto [rstop, rec] = parse_double_chars(part.data(), part.data() + part.size(), real);
            if (part.empty() || rec != std::errc() || rstop != part.data() + part.size()) return unreadable;
            parts.emplace_back(real);
        }
        begin = end + 1;
    }
    if (parts.size() == 1) return std::optional<nlohmann::json>(parts[0]);
    if (parts.size() == 2) return std::optional<nlohmann::json>(nlohmann::json(parts));
    return unreadable;
}

std::string argument_text(const nlohmann::ordered_json& value) {
    if (value.is_array() && value.size() == 2) return value[0].dump() + ", " + value[1].dump();
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

}  // namespace poolscope::app
