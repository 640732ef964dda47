// EditHistory (core/include/poolscope/edit_history.h): snapshot undo/redo with merging of runs of edits.
#include <gtest/gtest.h>

#include "poolscope/edit_history.h"

namespace poolscope {
namespace {

EditSnapshot with_value(float v, int64_t kernel = 2) {
    EditSnapshot s;
    s.input = Tensor(Shape{1, 1, 2, 2}, v);
    s.params.kernel_size = {kernel, kernel};
    return s;
}

float value_of(const EditSnapshot* s) {
    return s->input.at(0, 0, 0, 0);
}

TEST(EditHistory, UndoRedoWalkTheRecordedStates) {
    EditHistory h;
    h.reset(with_value(0));
    EXPECT_FALSE(h.can_undo());
    h.record(with_value(1));
    h.record(with_value(2));
    ASSERT_TRUE(h.can_undo());
    EXPECT_EQ(value_of(h.undo()), 1.0f);
    EXPECT_EQ(value_of(h.undo()), 0.0f);
    EXPECT_EQ(h.undo(), nullptr);
    EXPECT_EQ(value_of(h.redo()), 1.0f);
    EXPECT_EQ(value_of(h.redo()), 2.0f);
    EXPECT_EQ(h.redo(), nullptr);
}

TEST(EditHistory, UnchangedStateIsNotAnUndoStep) {
    EditHistory h;
    h.reset(with_value(0));
    h.record(with_value(0));
    EXPECT_FALSE(h.can_undo());
    EXPECT_EQ(h.size(), 1u);
}

TEST(EditHistory, ParamsAreSnapshotToo) {
    EditHistory h;
    h.reset(with_value(0, 2));
    h.record(with_value(0, 3));
    ASSERT_TRUE(h.can_undo());
    EXPECT_EQ(h.undo()->params.kernel_size.h, 2);
}

TEST(EditHistory, ConventionIsSnapshotToo) {
    EditHistory h;
    h.reset(with_value(0));
    EditSnapshot tf = with_value(0);
    tf.convention = Convention::kTensorFlow;
    tf.pad_mode = PadMode::kSameUpper;
    h.record(tf);  // only the framework changed: still an undo step
    ASSERT_TRUE(h.can_undo());
    EXPECT_EQ(h.undo()->convention, Convention::kPyTorch);
    const EditSnapshot* again = h.redo();
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->pad_mode, PadMode::kSameUpper);
    EditSnapshot onnx = with_value(0);
    onnx.convention = Convention::kOnnx;
    h.record(onnx);
    onnx.storage_order = 1;
    h.record(onnx);
    EXPECT_EQ(h.undo()->storage_order, 0);
}

TEST(EditHistory, NewEditAfterUndoDropsTheRedoBranch) {
    EditHistory h;
    h.reset(with_value(0));
    h.record(with_value(1));
    h.record(with_value(2));
    h.undo();
    h.record(with_value(5));
    EXPECT_FALSE(h.can_redo());
    EXPECT_EQ(value_of(h.undo()), 1.0f);
}

TEST(EditHistory, SameMergeKeyCollapsesARun) {
    EditHistory h;
    h.reset(with_value(0));
    h.record(with_value(1), "padding");
    h.record(with_value(2), "padding");
    h.record(with_value(3), "padding");
    EXPECT_EQ(value_of(h.undo()), 0.0f);
    EXPECT_FALSE(h.can_undo());
}

TEST(EditHistory, BreakMergeStartsANewStep) {
    EditHistory h;
    h.reset(with_value(0));
    h.record(with_value(1), "padding");
    h.break_merge();
    h.record(with_value(2), "padding");
    EXPECT_EQ(value_of(h.undo()), 1.0f);
}

TEST(EditHistory, MergingBackToTheStartLeavesNoEmptyStep) {
    EditHistory h;
    h.reset(with_value(0));
    h.record(with_value(1), "k");
    h.record(with_value(0), "k");
    EXPECT_FALSE(h.can_undo());
}

TEST(EditHistory, LimitDropsTheOldestStates) {
    EditHistory h(3);
    h.reset(with_value(0));
    for (int i = 1; i <= 5; ++i)
        h.record(with_value(static_cast<float>(i)));
    EXPECT_EQ(h.size(), 3u);
    EXPECT_EQ(value_of(h.undo()), 4.0f);
    EXPECT_EQ(value_of(h.undo()), 3.0f);
    EXPECT_EQ(h.undo(), nullptr);
}

// The Network view's edits: a changed network is an undo step; the same network written anew is not.
TEST(EditHistory, NetworkEditsAreUndoSteps) {
    const auto net = [](int64_t kernel) {
        Network n;
        n.input = {1, 1, 8, 8};
        NetLayer pool;
        pool.type = LayerType::kPool;
        pool.pool.kernel_size = {kernel, kernel};
        n.layers.push_back(pool);
        return std::make_shared<const Network>(n);
    };
    EditSnapshot first = with_value(0);
    first.network = net(2);
    EditHistory h;
    h.reset(first);
    EditSnapshot same = first;
    same.network = net(2);  // another object, the same network
    h.record(same);
    EXPECT_FALSE(h.can_undo());
    EditSnapshot changed = first;
    changed.network = net(3);
    h.record(changed);
    ASSERT_TRUE(h.can_undo());
    EXPECT_EQ(h.undo()->network->layers[0].pool.kernel_size.h, 2);
    EditSnapshot none = first;
    none.network.reset();
    EXPECT_FALSE(none.same_as(first));
}

}  // namespace
}  // namespace poolscope
