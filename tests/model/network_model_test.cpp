// The Network view's model (app/model/network_model.h), without a window: the cards' edits as the core reads
// them back, refused values as the core's errors, the shapes and receptive field recomputed when the network
// or the chosen cell changes, and undo over network edits.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/app_state.h"
#include "model/network_model.h"

namespace poolscope::app {
namespace {

Network lenet() {
    Result<Network> net =
        load_default_network(std::filesystem::path(POOLSCOPE_LESSONS_DIR).parent_path() / "no-such-exe-dir");
    EXPECT_TRUE(net) << (net ? "" : net.errors().front().message);
    return net ? std::move(net).value() : Network{};
}

TEST(NetworkModel, ArgumentsAreReadBackByTheCore) {
    const Network net = lenet();
    Result<Network> k3 = set_layer_argument(net, "/layers/5", "kernel_size", nlohmann::json(3));
    ASSERT_TRUE(k3);
    EXPECT_EQ(k3.value().layers[5].pool.kernel_size.h, 3);
    const NetworkShapes shapes = network_shapes(k3.value());
    ASSERT_TRUE(shapes.error);
    EXPECT_EQ(shapes.error->error.message, "mat1 and mat2 shapes cannot be multiplied (1x256 and 400x120)");
    // Removed: PyTorch's default (AvgPool2d's stride = kernel_size).
    Result<Network> no_stride = set_layer_argument(net, "/layers/5", "stride", std::nullopt);
    ASSERT_TRUE(no_stride);
    EXPECT_FALSE(no_stride.value().layers[5].pool.stride.has_value());
    // A value the reader refuses comes back as its error; the network given is untouched.
    Result<Network> bad = set_layer_argument(net, "/layers/0", "kernel_size", nlohmann::json("five"));
    EXPECT_FALSE(bad);
    EXPECT_FALSE(set_layer_argument(net, "/layers/99", "kernel_size", nlohmann::json(3)));
}

TEST(NetworkModel, LayersAreAddedRemovedMovedAndRetyped) {
    const Network net = lenet();
    const NetworkShapes shapes = network_shapes(net);
    Result<Network> added = add_layer(net, shapes, "/layers/5", "Conv2d");  // fitted to the 16 channels there
    ASSERT_TRUE(added);
    ASSERT_EQ(added.value().layers.size(), 13u);
    EXPECT_EQ(added.value().layers[6].conv.in_channels, 16);
    EXPECT_TRUE(network_shapes(added.value()).ok());                // 3x3, padding 1: the 5x5 maps stay 5x5
    Result<Network> linear = add_layer(net, shapes, {}, "Linear");  // at the end: in_features = 10
    ASSERT_TRUE(linear);
    EXPECT_EQ(linear.value().layers.back().linear.in_features, 10);
    Result<Network> removed = remove_layer(net, "/layers/1");
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed.value().layers.size(), 11u);
    Result<Network> moved = move_layer(net, "/layers/1", -1);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved.value().layers[0].type, LayerType::kSigmoid);
    EXPECT_EQ(move_layer(net, "/layers/0", -1).value().layers[0].type, LayerType::kConv2d);  // at the top
    Result<Network> max = change_pool_type(net, "/layers/2", "MaxPool2d");
    ASSERT_TRUE(max);
    EXPECT_EQ(max.value().layers[2].pool.op, PoolOp::kMax);
    Result<Network> lp = change_pool_type(net, "/layers/2", "LPPool2d");
    ASSERT_TRUE(lp) << lp.errors().front().message;
    EXPECT_EQ(lp.value().layers[2].pool.op, PoolOp::kLp);
}

TEST(NetworkModel, FieldTextsParseAsArguments) {
    EXPECT_EQ(parse_argument_text("5").value(), nlohmann::json(5));
    EXPECT_EQ(parse_argument_text("(5, 3)").value(), nlohmann::json({5, 3}));
    EXPECT_EQ(parse_argument_text("0.25").value(), nlohmann::json(0.25));
    EXPECT_EQ(parse_argument_text("true").value(), nlohmann::json(true));
    EXPECT_EQ(parse_argument_text("same").value(), nlohmann::json("same"));
    EXPECT_FALSE(parse_argument_text("").value().has_value());
    for (const char* bad : {"5,", "x", "1,2,3", "--1"}) {
        Result<std::optional<nlohmann::json>> r = parse_argument_text(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.errors().front().code, "network_argument_unreadable");
    }
    EXPECT_EQ(argument_text(nlohmann::ordered_json({5, 3})), "5, 3");
}

TEST(NetworkModel, ShapesAndFieldFollowTheDocumentAndUndo) {
    AppState state = make_default_state();
    set_network(state.doc, lenet());
    state.interaction.network_cell = NetworkCellRef{{5}, {2, 3}};
    recompute_network(state.doc, state.computed.network, state.interaction);
    ASSERT_TRUE(state.computed.network.field);
    EXPECT_EQ(state.computed.network.field->h->first, 6);
    EXPECT_EQ(state.computed.network.field->h->last, 21);
    // net[5] with kernel 3 has a 4x4 map: cell (2, 3) is still there, its field moves.
    set_network(state.doc, set_layer_argument(*state.doc.network, "/layers/5", "kernel_size", 3).value());
    recompute_network(state.doc, state.computed.network, state.interaction);
    ASSERT_TRUE(state.interaction.network_cell);
    ASSERT_TRUE(state.computed.network.field);
    EXPECT_FALSE(state.computed.network.shapes.ok());
    // Removing net[5] drops the chosen cell (its layer no longer has that map).
    set_network(state.doc, remove_layer(*state.doc.network, "/layers/5").value());
    recompute_network(state.doc, state.computed.network, state.interaction);
    EXPECT_FALSE(state.interaction.network_cell);
    // Undo walks back through the network edits.
    ASSERT_TRUE(undo(state.doc, state.interaction));
    EXPECT_EQ(state.doc.network->layers.size(), 12u);
    EXPECT_EQ(state.doc.network->layers[5].pool.kernel_size.h, 3);
    ASSERT_TRUE(undo(state.doc, state.interaction));
    EXPECT_EQ(state.doc.network->layers[5].pool.kernel_size.h, 2);
}

}  // namespace
}  // namespace poolscope::app
