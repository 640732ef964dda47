// Receptive fields: the exact set against the textbook's size / jump / start, where they agree (stacked 3x3
// convolutions and 2x2 pools) and where they differ (padding clips the set, dilation leaves holes,
// ceil_mode's last window runs past the input, a window wholly in the padding reads nothing); global average
// pooling sees everything; the maps in between. tests/golden compares the sets with autograd on random
// stacks.
#include <gtest/gtest.h>

#include "poolscope/network.h"
#include "poolscope/receptive_field.h"

namespace poolscope {
namespace {

struct Built {
    Network net;
    NetworkShapes shapes;
};

Built build(const std::string& text) {
    Result<Network> net = network_from_string(text);
    EXPECT_TRUE(net.ok()) << net.error_text();
    Built b{net ? net.value() : Network{}, {}};
    b.shapes = network_shapes(b.net);
    EXPECT_TRUE(b.shapes.ok()) << (b.shapes.error ? b.shapes.error->error.message : "");
    return b;
}

ReceptiveField field(const Built& b, std::vector<size_t> layer, std::vector<int64_t> cell) {
    Result<ReceptiveField> f = receptive_field(b.net, b.shapes, layer, cell);
    EXPECT_TRUE(f.ok()) << f.error_text();
    return f ? f.value() : ReceptiveField{};
}

IndexRuns runs(std::vector<std::pair<int64_t, int64_t>> r) {
    return IndexRuns{std::move(r)};
}

// D2L's VGG block: two 3x3 convolutions then a 2x2 pool. Each 3x3 adds 2 * jump, the pool 1 * jump and
// doubles the jump: 3, 5, 6; a second block gives 10, 14, 16.
TEST(ReceptiveField, StackingConvolutionsAndPoolsGrowsTheField) {
    const Built b = build(R"({"input": [1, 1, 32, 32], "layers": [
      {"type": "Conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
      {"type": "Conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
      {"type": "MaxPool2d", "kernel_size": 2, "stride": 2},
      {"type": "Conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 3, "padding": 1},
      {"type": "Conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 3, "padding": 1},
      {"type": "MaxPool2d", "kernel_size": 2, "stride": 2}]})");
    const std::vector<std::pair<size_t, int64_t>> sizes = {{0, 3}, {2, 5}, {4, 6}, {5, 10}, {6, 14}, {7, 16}};
    for (const auto& [layer, size] : sizes) {
        const ReceptiveField f = field(b, {layer}, {4, 4});  // a cell far from the border
        ASSERT_TRUE(f.h.has_value());
        EXPECT_TRUE(f.h->textbook);
        EXPECT_EQ(f.h->size, size) << "layer " << layer;
        EXPECT_EQ(f.h->span, size) << "layer " << layer;  // no border, no dilation: exact = textbook
        EXPECT_FALSE(f.h->holes);
    }
    // Two paddings of 1 at jump 1 and two at jump 2 move cell 0's field to start at -6; each cell adds 4.
    const ReceptiveField last = field(b, {7}, {1, 2});
    EXPECT_EQ(last.h->jump, 4);
    EXPECT_EQ(last.h->start, -6 + 1 * 4);
    EXPECT_TRUE(last.h->clipped_begin);
    EXPECT_EQ(last.h->cells, runs({{0, 14}}));
    EXPECT_EQ(last.w->start, -6 + 2 * 4);
    EXPECT_FALSE(last.w->clipped_begin);
    EXPECT_EQ(last.w->cells, runs({{2, 18}}));
}

TEST(ReceptiveField, PaddingClipsTheFieldAtTheBorder) {
    const Built b = build(R"({"input": [1, 1, 8, 8], "layers": [
      {"type": "Conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 5, "padding": 2}]})");
    const ReceptiveField corner = field(b, {0}, {0, 0});
    EXPECT_EQ(corner.h->size, 5);
    EXPECT_EQ(corner.h->start, -2);
    EXPECT_TRUE(corner.h->clipped_begin);
    EXPECT_EQ(corner.h->cells, runs({{0, 3}}));  // rows -2 and -1 are padding
    EXPECT_EQ(corner.h->span, 3);
    const ReceptiveField end = field(b, {0}, {7, 7});
    EXPECT_TRUE(end.w->clipped_end);
    EXPECT_EQ(end.w->cells, runs({{5, 8}}));
}

TEST(ReceptiveField, DilationLeavesHoles) {
    const Built b = build(R"({"input": [1, 1, 9, 9], "layers": [
      {"type": "MaxPool2d", "kernel_size": 3, "stride": 1, "dilation": 2}]})");
    const ReceptiveField f = field(b, {0}, {1, 0});
    EXPECT_EQ(f.h->size, 5);
    EXPECT_TRUE(f.h->holes);
    EXPECT_EQ(f.h->count, 3);
    EXPECT_EQ(f.h->cells, runs({{1, 2}, {3, 4}, {5, 6}}));
}

TEST(ReceptiveField, CeilModesLastWindowRunsPastTheInput) {
    // 6 -> ceil((6 - 3) / 2) + 1 = 3 windows; the last starts at 4 and would read rows 4, 5, 6.
    const Built b = build(R"({"input": [1, 1, 6, 6], "layers": [
      {"type": "MaxPool2d", "kernel_size": 3, "stride": 2, "ceil_mode": true}]})");
    const ReceptiveField f = field(b, {0}, {2, 2});
    EXPECT_EQ(f.h->start, 4);
    EXPECT_EQ(f.h->size, 3);
    EXPECT_TRUE(f.h->clipped_end);
    EXPECT_EQ(f.h->cells, runs({{4, 6}}));
}

TEST(ReceptiveField, AWindowInThePaddingReadsNothing) {
    const Built b = build(R"({"input": [1, 1, 4, 4], "layers": [
      {"type": "Conv2d", "in_channels": 1, "out_channels": 2, "kernel_size": 1, "padding": 1}]})");
    const ReceptiveField f = field(b, {0}, {0, 0, 2});
    EXPECT_EQ(f.input.count(), 0);
    EXPECT_EQ(f.h->count, 0);
}

// NiN ends with global average pooling: each class score sees the whole input; channels mix in convolutions.
TEST(ReceptiveField, GlobalAveragePoolingSeesEverything) {
    const Built b = build(R"({"input": [1, 3, 20, 20], "layers": [
      {"type": "Sequential", "layers": [
        {"type": "Conv2d", "in_channels": 3, "out_channels": 4, "kernel_size": 3, "stride": 2},
        {"type": "ReLU"}, {"type": "Conv2d", "in_channels": 4, "out_channels": 4, "kernel_size": 1}]},
      {"type": "MaxPool2d", "kernel_size": 3, "stride": 2},
      {"type": "AdaptiveAvgPool2d", "output_size": [1, 1]}, {"type": "Flatten"}]})");
    const ReceptiveField f = field(b, {3}, {2});
    EXPECT_EQ(f.channels, IndexRuns::all(3));
    EXPECT_EQ(f.h->cells, runs({{0, 19}}));  // 20 -> conv 9 (reads rows 0..18) -> pool 4 (reads 0..8)
    EXPECT_FALSE(f.h->textbook);             // past the adaptive pool there is no constant jump
    // Every map in between: the block's map is its last layer's; the pool reads all of it.
    const std::optional<size_t> block = b.shapes.find({0});
    ASSERT_TRUE(block.has_value());
    ASSERT_TRUE(f.after[*block].has_value());
    EXPECT_EQ(f.after[*block]->dims[2], runs({{0, 9}}));
    EXPECT_EQ(f.after[*block]->dims[1], runs({{2, 3}}));  // the pools keep the channel
}

TEST(ReceptiveField, GroupsReadTheirOwnChannels) {
    const Built b = build(R"({"input": [1, 4, 5, 5], "layers": [
      {"type": "Conv2d", "in_channels": 4, "out_channels": 6, "kernel_size": 3, "groups": 2}]})");
    EXPECT_EQ(field(b, {0}, {4, 1, 1}).channels, runs({{2, 4}}));
    EXPECT_EQ(field(b, {0}, {0, 1, 1}).channels, runs({{0, 2}}));
}

TEST(ReceptiveField, RefusesCellsOutsideAndLayersThatDidNotRun) {
    const Built b = build(R"({"input": [1, 1, 4, 4], "layers": [{"type": "MaxPool2d", "kernel_size": 2}]})");
    EXPECT_FALSE(receptive_field(b.net, b.shapes, {0}, {2, 0}).ok());
    EXPECT_FALSE(receptive_field(b.net, b.shapes, {1}, {0, 0}).ok());
    EXPECT_EQ(receptive_field(b.net, b.shapes, {0}, {1, 2, 0}).error_text(),
              "cell: cell [0, 1, 2, 0] is outside the output torch.Size([1, 1, 2, 2])");
}

}  // namespace
}  // namespace poolscope
