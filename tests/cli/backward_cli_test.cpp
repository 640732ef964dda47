// `poolscope compute` with "grad_output" and "op": "max_unpool2d": the answer's keys, the errors PyTorch
// raises, the warning for a gradient PyTorch 1.13 would write past the end of grad_input, and --help.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/compute_command.h"
#include "cli_test_util.h"

namespace poolscope::test {
namespace {

using nlohmann::json;

TEST(BackwardCli, GradOutputAnswersOutputIndicesAndGradInput) {
    const json a = answer(
        R"({"id":1,"op":"max_pool2d","input":[[1,9],[3,4]],"kernel_size":2,"stride":1,"return_indices":true,)"
        R"("grad_output":[[2.5]]})");
    EXPECT_EQ(a["output"], json::parse("[[9.0]]"));
    EXPECT_EQ(a["indices"], json::parse("[[1]]"));
    EXPECT_EQ(a["grad_input"], json::parse("[[0.0,2.5],[0.0,0.0]]"));
    EXPECT_FALSE(a.contains("warning"));
}

TEST(BackwardCli, WrongShapedGradOutputIsAnError) {
    const json a =
        answer(R"({"id":1,"op":"avg_pool2d","input":[[[1,9],[3,4]]],"kernel_size":2,"grad_output":[[1]]})");
    ASSERT_TRUE(a.contains("error"));
    EXPECT_NE(a["error"].get<std::string>().find("[1, 1, 1]"), std::string::npos) << a;
}

TEST(BackwardCli, AGradientPastTheEndOfGradInputIsDroppedWithAWarning) {
    // Every window's rows (-1 and 2) miss the 2-row input; the saved index 2*W + w points past the tensor.
    const json a = answer(
        R"({"id":1,"op":"max_pool2d","input":[[1,2,3],[4,5,6]],"kernel_size":2,"stride":1,"padding":[1,0],)"
        R"("dilation":[3,1],"grad_output":[[1,1]]})");
    EXPECT_EQ(a["grad_input"], json::parse("[[0.0,0.0,0.0],[0.0,0.0,0.0]]"));
    ASSERT_TRUE(a.contains("warning"));
    EXPECT_NE(a["warning"].get<std::string>().find("memory corruption"), std::string::npos);
}

TEST(BackwardCli, UnpoolAnswersOutputAndRefusesWhatPyTorchRefuses) {
    const json a =
        answer(R"({"id":1,"op":"max_unpool2d","input":[[[5,6]]],"indices":[[[3,0]]],"kernel_size":2})");
    EXPECT_EQ(a["output"], json::parse("[[[6.0,0.0,0.0,5.0],[0.0,0.0,0.0,0.0]]]"));
    for (
        const char* line : {
            R"({"id":1,"op":"max_unpool2d","input":[[5,6]],"indices":[[3,8]],"kernel_size":2})",
            R"({"id":1,"op":"max_unpool2d","input":[[5,6]],"indices":[[3]],"kernel_size":2})",
            R"({"id":1,"op":"max_unpool2d","input":[[5,6]],"indices":[[3,0]],"kernel_size":2,"output_size":[9,9]})",
            R"({"id":1,"op":"max_unpool2d","input":[[5,6]],"indices":[[3,0]],"kernel_size":2,"dilation":1})",
            R"({"id":1,"op":"max_unpool2d","input":[[5,6]],"kernel_size":2})",
        })
        EXPECT_TRUE(answer(line).contains("error")) << line;
}

TEST(BackwardCli, HelpDocumentsTheNewKeys) {
    const CliRun r = run_in_process({"compute", "--help"}, "");
    for (const char* key : {"grad_output", "grad_input", "max_unpool2d", "indices", "output_size", "warning"})
        EXPECT_NE(r.out.find(key), std::string::npos) << key;
}

}  // namespace
}  // namespace poolscope::test
