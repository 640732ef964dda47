// Issue 30 through the command line: `poolscope compute` with ONNX AveragePool dilations, LpPool and the
// global ops, TensorFlow's tf.nn.pool dilations, explicit padding and max_pool_with_argmax, with their errors
// in the framework's words; `poolscope shape` walking through ONNX's and TensorFlow's dilated sizes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/compute_command.h"
#include "cli_test_util.h"

namespace poolscope::test {
namespace {

using nlohmann::json;

TEST(FrameworkCli, OnnxAveragePoolDilationsLpPoolAndGlobalPools) {
    EXPECT_EQ(answer(R"({"convention":"onnx","op":"avg_pool2d","input":[[1,2],[3,4]],"kernel_shape":[2,2],
        "dilations":[1,1]})")["output"],
              json::parse("[[2.5]]"));
    EXPECT_EQ(
        answer(R"({"convention":"onnx","op":"lp_pool2d","input":[[1,-2],[3,4]],"kernel_shape":[2,2],"p":1})")
            ["output"],
        json::parse("[[10.0]]"));
    EXPECT_EQ(answer(R"({"convention":"onnx","op":"max_pool2d","input":[[[1,7],[3,4]],[[-1,-2],[-3,-4]]],
        "global_pool":true})")["output"],
              json::parse("[[[7.0]],[[-1.0]]]"));
    const json refused = answer(R"({"convention":"onnx","op":"avg_pool2d","input":[[1]],"global_pool":true,
        "strides":[2,2]})");
    EXPECT_EQ(refused["error"],
              "/strides: GlobalAveragePool has no strides attribute: it pools the whole input");
}

TEST(FrameworkCli, TensorFlowDilationsExplicitPaddingAndArgmax) {
    // tf.nn.pool: strides default to 1, and "same" pads (2-1)*2 = 2 cells: 1 before, 1 after.
    EXPECT_EQ(answer(R"({"convention":"tensorflow","op":"max_pool2d","input":[[1,2,3],[4,5,6],[7,8,9]],
        "pool_size":2,"dilations":2,"padding":"same"})")["output"],
              json::parse("[[5.0,6.0,5.0],[8.0,9.0,8.0],[5.0,6.0,5.0]]"));
    const json strided =
        answer(R"({"convention":"tensorflow","op":"avg_pool2d","input":[[1,2,3],[4,5,6],[7,8,9]],
        "pool_size":2,"dilation_rate":2,"strides":2})");
    EXPECT_TRUE(has(strided["error"].get<std::string>(),
                    "strides > 1 not supported in conjunction with dilation_rate > 1"))
        << strided;
    EXPECT_EQ(answer(R"({"convention":"tensorflow","op":"max_pool2d","input":[[1,2],[3,4]],"pool_size":2,
        "strides":1,"padding":[[0,0],[1,1],[1,1],[0,0]]})")["output"],
              json::parse("[[1.0,2.0,2.0],[3.0,4.0,4.0],[3.0,4.0,4.0]]"));
    const json batch =
        answer(R"({"convention":"tensorflow","op":"max_pool2d","input":[[1,2],[3,4]],"pool_size":2,
        "padding":[[1,1],[0,0],[0,0],[0,0]]})");
    EXPECT_TRUE(has(batch["error"].get<std::string>(),
                    "Nonzero explicit padding in the batch or depth dimensions is not supported"))
        << batch;
    // max_pool_with_argmax on 2 images of 2 channels, 2x2: index ((b*H + y)*W + x)*C + c.
    const json argmax = answer(R"({"convention":"tensorflow","op":"max_pool2d","input":
        [[[[1,2],[3,4]],[[8,7],[6,5]]],[[[0,0],[9,0]],[[0,0],[0,9]]]],"pool_size":2,"return_indices":true,
        "include_batch_in_index":true})");
    EXPECT_EQ(argmax["indices"], json::parse("[[[[6]],[[1]]],[[[12]],[[15]]]]")) << argmax;
    const json plain = answer(R"({"convention":"tensorflow","op":"max_pool2d","input":
        [[[[1,2],[3,4]],[[8,7],[6,5]]],[[[0,0],[9,0]],[[0,0],[0,9]]]],"pool_size":2,"return_indices":true})");
    EXPECT_EQ(plain["indices"], json::parse("[[[[6]],[[1]]],[[[4]],[[7]]]]")) << plain;
}

TEST(FrameworkCli, ShapeWalksThroughDilatedSizes) {
    CliRun same = run_in_process({"shape", "--convention", "tensorflow", "--in", "5", "--kernel", "2",
                                  "--dilation", "2", "--padding", "same"});
    EXPECT_EQ(same.code, cli::kExitOk) << same.err;
    EXPECT_TRUE(has(same.out,
                    "tf.nn.pool(X, window_shape=[2, 2], pooling_type=\"MAX\", padding=\"SAME\", "
                    "dilations=[2, 2])"))
        << same.out;
    EXPECT_TRUE(has(same.out, "padding = max((H_out-1)*stride + dilation*(kernel-1) + 1 - H, 0)"))
        << same.out;
    EXPECT_TRUE(has(same.out, "= max((5-1)*1 + 3 - 5, 0) = max(2, 0) = 2\n")) << same.out;
    EXPECT_TRUE(has(same.out, "output: 5 x 5\n")) << same.out;
    CliRun valid = run_in_process(
        {"shape", "--convention", "tensorflow", "--in", "7", "--kernel", "3", "--dilation", "2"});
    EXPECT_EQ(valid.code, cli::kExitOk) << valid.err;
    EXPECT_TRUE(has(valid.out, "= ceil((7 - 5 + 1) / 1) = 3\n")) << valid.out;
    CliRun onnx = run_in_process({"shape", "--convention", "onnx", "--in", "3", "--kernel", "2", "--dilation",
                                  "2", "--padding", "same_upper"});
    EXPECT_EQ(onnx.code, cli::kExitOk) << onnx.err;
    EXPECT_TRUE(has(onnx.out, "dilations=[2, 2]")) << onnx.out;
    EXPECT_TRUE(has(onnx.out, "output: 3 x 3\n")) << onnx.out;
    CliRun pads = run_in_process({"shape", "--convention", "tensorflow", "--in", "4,5", "--kernel", "3",
                                  "--stride", "1", "--pads", "1,2,1,2"});
    EXPECT_EQ(pads.code, cli::kExitOk) << pads.err;
    EXPECT_TRUE(has(pads.out,
                    "tf.nn.max_pool2d(X, ksize=[3, 3], strides=[1, 1], padding=[[0, 0], [1, 1], [2, 2], "
                    "[0, 0]])"))
        << pads.out;
    EXPECT_TRUE(has(pads.out, "output: 4 x 7\n")) << pads.out;
    CliRun strided = run_in_process({"shape", "--convention", "tensorflow", "--in", "5", "--kernel", "2",
                                     "--dilation", "2", "--stride", "2"});
    EXPECT_EQ(strided.code, cli::kExitInputError);
    EXPECT_TRUE(has(strided.err, "strides > 1 not supported in conjunction with dilation_rate > 1"))
        << strided.err;
}

}  // namespace
}  // namespace poolscope::test
