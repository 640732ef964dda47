// The Network view's model, GUI-free: the network in the document (Document::network, undo covers it), what
// the core derives from it (its shapes, the receptive field of the chosen output cell), and the edits the
// view's cards make — each one the network written as JSON, changed, and read back by the core, so a value
// the core refuses comes back as its message and the document keeps the last good network.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "model/interaction.h"
#include "poolscope/network.h"
#include "poolscope/network_shape.h"
#include "poolscope/receptive_field.h"

namespace poolscope::app {

struct LessonSession;
struct View;

namespace window_id {
inline constexpr const char* kNetwork = "network";  // View → Network view
}  // namespace window_id

// What the core derived from the document's network; recomputed when the network or the chosen cell changes.
struct NetworkComputed {
    std::shared_ptr<const Network> made_for;  // the network `shapes` belongs to
    NetworkShapes shapes;                     //
    std::optional<NetworkCellRef> field_for;  // the cell `field` belongs to
    std::optional<ReceptiveField> field;      // the exact receptive field of the chosen cell
    std::vector<Error> field_errors;          // why the core could not follow it back
    uint64_t generation = 0;                  // bumped by every change above
};

// Walks the shapes when the document's network changed (a chosen cell the new network no longer has is
// dropped) and follows the chosen cell back when it changed. Called by recompute(), once a frame.
void recompute_network(const Document& doc, NetworkComputed& net, Interaction& interaction);

// Whether the window shows the Network view in place of the matrices: the lesson step is a network step, or
// the view has it open (View → Network view).
bool network_view_shown(const LessonSession& session, const View& view);

// D2L's LeNet (lessons/networks/lenet.json), the network the View menu opens when the document has none.
Result<Network> load_default_network(const std::filesystem::path& exe_dir);

// Replaces the document's network: an undo step (merge_key as in commit_edit).
void set_network(Document& doc, Network network, const std::string& merge_key = {});

// The layer types the view's "Add layer" menu offers, in its order.
std::vector<std::string_view> addable_layer_types();

// The edits, each returning the changed network, or the core's errors when it refuses the result. `path`
// is a layer's JSON pointer (NetLayer::path: "/layers/3", "/layers/0/layers/2").
// An argument set to `value` (nullopt: removed, PyTorch's default applies).
Result<Network> set_layer_argument(const Network& network, const std::string& path, const std::string& key,
                                   const std::optional<nlohmann::json>& value);
// The layer's arguments as written (PyTorch's defaults left out): the cards' fields start from them.
nlohmann::ordered_json layer_arguments(const Network& network, const std::string& path);
// A pooling layer made another pool class (MaxPool2d <-> AvgPool2d <-> LPPool2d), dropping the arguments
// the new class does not take.
Result<Network> change_pool_type(const Network& network, const std::string& path, std::string_view type);
// A new layer of `type` after the layer at `after` (empty: at the end of the top level), its arguments fitted
// to the size arriving there (`shapes`: in_channels, in_features).
Result<Network> add_layer(const Network& network, const NetworkShapes& shapes, const std::string& after,
                          std::string_view type);
Result<Network> remove_layer(const Network& network, const std::string& path);
// Moves the layer one place up (-1) or down (+1) among its siblings; unchanged at either end.
Result<Network> move_layer(const Network& network, const std::string& path, int direction);

// A field's text as an argument value: "5" -> 5, "5, 3" or "(5, 3)" -> [5, 3], "0.5" -> 0.5, "true" /
// "false",
// "same" / "valid" (Conv2d's padding), "" -> nullopt (the default). Text that is none of these: an error
// naming it.
Result<std::optional<nlohmann::json>> parse_argument_text(std::string_view text);
// An argument value as a field shows it: 5, "5, 3", 0.5, true.
std::string argument_text(const nlohmann::ordered_json& value);

}  // namespace poolscope::app
