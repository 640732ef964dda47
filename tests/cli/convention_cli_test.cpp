// `poolscope compute` and `poolscope shape` under the TensorFlow, ONNX and MXNet conventions, in-process:
// D2L's MXNet example, each framework's own key names, its reasons for refusing, ONNX's index numbering,
// the documented keys in --help, and each framework's walkthrough.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/compute_command.h"
#include "cli_test_util.h"

namespace poolscope::test {
namespace {

using nlohmann::json;

TEST(ConventionCli, D2lMxnetExample) {
    const json a = answer(R"({"convention":"mxnet","op":"max_pool2d","input":[[0,1,2,3],[4,5,6,7],[8,9,10,11],
        [12,13,14,15]],"kernel_size":[2,3],"padding":[1,2],"stride":[2,3]})");
    EXPECT_EQ(a["output"], json::parse("[[0.0,3.0],[8.0,11.0],[12.0,15.0]]")) << a;
    // PyTorch refuses the same layer.
    const json p = answer(R"({"op":"max_pool2d","input":[[0,1,2,3],[4,5,6,7],[8,9,10,11],[12,13,14,15]],
        "kernel_size":[2,3],"padding":[1,2],"stride":[2,3]})");
    EXPECT_TRUE(p.contains("error")) << p;
}

TEST(ConventionCli, EachFrameworksKeysAndReasons) {
    EXPECT_EQ(answer(R"({"id":1,"convention":"tensorflow","op":"avg_pool2d","input":[[1,2,3],[4,5,6],[7,8,9]],
        "pool_size":2,"strides":2,"padding":"same"})")["output"],
              json::parse("[[3.0,4.5],[7.5,9.0]]"));
    EXPECT_EQ(answer(R"({"convention":"onnx","op":"avg_pool2d","input":[[1,2,3],[4,5,6],[7,8,9]],
        "kernel_shape":[2,2],"pads":[1,1,0,0],"strides":[2,2],"count_include_pad":1})")["output"],
              json::parse("[[0.25,1.25],[2.75,7.0]]"));
    const json tf = answer(R"({"convention":"tensorflow","op":"max_pool2d","input":[[1]],"kernel_size":2})");
    ASSERT_TRUE(tf.contains("error")) << tf;
    EXPECT_TRUE(has(tf["error"].get<std::string>(), "does not fit in the input 1")) << tf;
    const json mx = answer(
        R"({"convention":"mxnet","op":"max_pool2d","input":[[1]],"kernel_size":2,"auto_pad":"valid"})");
    EXPECT_TRUE(has(mx["error"].get<std::string>(), "MXNet has no auto_pad")) << mx;
    // ONNX takes 4 pads; PyTorch and MXNet do not.
    EXPECT_TRUE(answer(R"({"convention":"onnx","op":"max_pool2d","input":[[1,2],[3,4]],"kernel_size":2,
        "padding":[0,0,1,1]})")
                    .contains("output"));
    EXPECT_TRUE(answer(R"({"convention":"mxnet","op":"max_pool2d","input":[[1,2],[3,4]],"kernel_size":2,
        "padding":[0,0,1,1]})")
                    .contains("error"));
}

// ONNX's published maxpool_with_argmax_2d_precomputed_strides: storage_order 1 numbers column by column.
TEST(ConventionCli, OnnxIndicesFollowStorageOrder) {
    const json a = answer(R"({"convention":"onnx","op":"max_pool2d","input":[[[[1,2,3,4,5],[6,7,8,9,10],
        [11,12,13,14,15],[16,17,18,19,20],[21,22,23,24,25]]]],"kernel_shape":[2,2],"strides":[2,2],
        "storage_order":1,"return_indices":true})");
    EXPECT_EQ(a["output"], json::parse("[[[[7.0,9.0],[17.0,19.0]]]]")) << a;
    EXPECT_EQ(a["indices"], json::parse("[[[[6,16],[8,18]]]]")) << a;
    // Two channels: ONNX's indices count across the whole tensor.
    const json two = answer(R"({"convention":"onnx","op":"max_pool2d","input":[[[1,2]],[[4,3]]],
        "kernel_shape":[1,2],"return_indices":true})");
    EXPECT_EQ(two["indices"], json::parse("[[[1]],[[2]]]")) << two;
}

TEST(ConventionCli, HelpDocumentsTheConventionKeys) {
    CliRun help = run_in_process({"compute", "--help"});
    for (const char* key :
         {"\"convention\"", "tensorflow", "\"same\"", "same_upper", "same_lower", "auto_pad", "pads",
          "storage_order", "pooling_convention", "\"full\"", "kernel_shape", "pool_size"})
        EXPECT_TRUE(has(help.out, key)) << key;
    CliRun shape = run_in_process({"shape", "--help"});
    EXPECT_TRUE(has(shape.out, "--convention")) << shape.out;
}

TEST(ConventionCli, ShapeWalksThroughTensorFlowSame) {
    CliRun r = run_in_process({"shape", "--convention", "tensorflow", "--in", "5", "--kernel", "3",
                               "--stride", "2", "--padding", "same"});
    EXPECT_EQ(r.code, cli::kExitOk) << r.err;
    EXPECT_TRUE(has(r.out, "tf.keras.layers.MaxPool2D(pool_size=3, strides=2, padding=\"same\")")) << r.out;
    EXPECT_TRUE(has(r.out, "H_out = ceil(H / stride) = ceil(5 / 2) = 3\n")) << r.out;
    EXPECT_TRUE(has(r.out, "= max((3-1)*2 + 3 - 5, 0) = max(2, 0) = 2\n")) << r.out;
    EXPECT_TRUE(has(r.out, "split: 1 before, 1 after\n")) << r.out;
    EXPECT_TRUE(has(r.out, "output: 3 x 3\n")) << r.out;
    CliRun odd = run_in_process({"shape", "--convention", "tensorflow", "--in", "4", "--kernel", "2",
                                 "--stride", "1", "--padding", "same"});
    EXPECT_TRUE(has(odd.out, "split: 0 before, 1 after (SAME puts the odd cell at the end)")) << odd.out;
}

TEST(ConventionCli, ShapeWalksThroughOnnxAndMxnet) {
    CliRun lower = run_in_process(
        {"shape", "--convention", "onnx", "--in", "4", "--kernel", "2", "--padding", "same_lower"});
    EXPECT_EQ(lower.code, cli::kExitOk) << lower.err;
    EXPECT_TRUE(has(lower.out, "split: 1 before, 0 after (SAME_LOWER puts the odd cell at the start)"))
        << lower.out;
    EXPECT_TRUE(has(lower.out, "output: 4 x 4\n")) << lower.out;  // ONNX's stride defaults to 1
    CliRun pads = run_in_process({"shape", "--convention", "onnx", "--in", "2", "--kernel", "3", "--stride",
                                  "3", "--pads", "1,1,1,1", "--ceil-mode"});
    EXPECT_TRUE(has(pads.out, "dropped: H_out = 1")) << pads.out;
    CliRun d2l = run_in_process({"shape", "--convention", "mxnet", "--in", "4", "--kernel", "2,3",
                                 "--padding", "1,2", "--stride", "2,3"});
    EXPECT_EQ(d2l.code, cli::kExitOk) << d2l.err;
    EXPECT_TRUE(has(d2l.out, "= floor((4 + 2*2 - 3) / 3) + 1 = floor(5 / 3) + 1 = 2\n")) << d2l.out;
    EXPECT_TRUE(has(d2l.out, "output: 3 x 2\n")) << d2l.out;
    CliRun full = run_in_process({"shape", "--convention", "mxnet", "--in", "5", "--kernel", "2", "--padding",
                                  "1", "--pooling-convention", "full"});
    EXPECT_TRUE(has(full.out, "\"full\" keeps the last window even though it starts at 5")) << full.out;
    EXPECT_TRUE(has(full.out, "output: 4 x 4\n")) << full.out;
    CliRun refused = run_in_process({"shape", "--convention", "mxnet", "--in", "2", "--kernel", "7"});
    EXPECT_EQ(refused.code, cli::kExitInputError);
    EXPECT_TRUE(has(refused.err, "MXNet rejects this configuration")) << refused.err;
    EXPECT_TRUE(has(refused.err, "exceeds the input 2 padded to 2")) << refused.err;
    for (std::vector<std::string> args : {std::vector<std::string>{"shape", "--convention", "caffe"},
                                          {"shape", "--pooling-convention", "same"},
                                          {"shape", "--in", "4", "--kernel", "2", "--pads", "1,2,3"}}) {
        CliRun r = run_in_process(args);
        EXPECT_EQ(r.code, cli::kExitUsage) << args.back();
    }
}

}  // namespace
}  // namespace poolscope::test
