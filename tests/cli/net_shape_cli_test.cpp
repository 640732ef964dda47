// `poolscope shape --net`: D2L's table byte for byte (a tab after "output shape:"), the walkthrough and
// parameters, a broken network (the lines before it, then PyTorch's exception, exit 1), receptive fields,
// usage errors (exit 2), and the real executable.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli.h"
#include "cli_test_util.h"

namespace poolscope::test {
namespace {

std::string networks(const std::string& name) {
    return std::string(POOLSCOPE_NETWORKS_DIR) + "/" + name + ".json";
}

std::string write_network(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
}

TEST(NetShapeCli, PrintsD2lsLeNetTableAndTheParameters) {
    CliRun r = run_in_process({"shape", "--net", networks("lenet")});
    EXPECT_EQ(r.code, cli::kExitOk) << r.err;
    const std::vector<std::string> lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 13u) << r.out;
    EXPECT_EQ(lines[0], "Conv2d output shape:\t torch.Size([1, 6, 28, 28])");
    EXPECT_EQ(lines[6], "Flatten output shape:\t torch.Size([1, 400])");
    EXPECT_EQ(lines[11], "Linear output shape:\t torch.Size([1, 10])");
    EXPECT_EQ(lines[12], "parameters: 61706");
}

TEST(NetShapeCli, WalkthroughShowsTheFormulaAndParametersUnderEachLayer) {
    CliRun r = run_in_process({"shape", "--net", networks("lenet"), "--walkthrough"});
    EXPECT_EQ(r.code, cli::kExitOk) << r.err;
    EXPECT_TRUE(
        has(r.out, "net[0] = nn.Conv2d(1, 6, kernel_size=5, padding=2): [1, 1, 28, 28] -> [1, 6, 28, 28]\n"))
        << r.out;
    EXPECT_TRUE(has(r.out, "= floor((28 + 2 + 2 - 1*(5-1) - 1) / 1) + 1\n")) << r.out;
    EXPECT_TRUE(has(r.out, "parameters: 156 = 6 x 1 x 5 x 5 weights + 6 biases\n")) << r.out;
    EXPECT_TRUE(has(r.out, "= floor((10 + 0 + 0 - 1*(2-1) - 1) / 2) + 1\n")) << r.out;  // the second pool
    EXPECT_TRUE(has(r.out, "become one: [1, 16, 5, 5] -> [1, 400]\n")) << r.out;
    EXPECT_TRUE(has(r.out, "parameters: 48120 = 120 x 400 weights + 120 biases\n")) << r.out;
    // Blocks: the Sequential's line, then its layers indented under it.
    CliRun vgg = run_in_process({"shape", "--net", networks("vgg11"), "-w"});
    EXPECT_TRUE(
        has(vgg.out, "Sequential output shape:\t torch.Size([1, 64, 112, 112])\n    net[0] = nn.Sequential"))
        << vgg.out;
    EXPECT_TRUE(has(vgg.out, "      net[0][0] = nn.Conv2d(1, 64, kernel_size=3, padding=1)")) << vgg.out;
}

TEST(NetShapeCli, ABrokenNetworkPrintsWhatRanThenPyTorchsException) {
    const std::string path = write_network("broken_lenet.json", R"({"input": [1, 1, 28, 28], "layers": [
      {"type": "Conv2d", "in_channels": 1, "out_channels": 6, "kernel_size": 5, "padding": 2},
      {"type": "AvgPool2d", "kernel_size": 2, "stride": 2},
      {"type": "Conv2d", "in_channels": 6, "out_channels": 16, "kernel_size": 5},
      {"type": "AvgPool2d", "kernel_size": 2, "stride": 2}, {"type": "Flatten"},
      {"type": "Linear", "in_features": 16, "out_features": 5}]})");
    CliRun r = run_in_process({"shape", "--net", path});
    EXPECT_EQ(r.code, cli::kExitInputError);
    EXPECT_EQ(lines_of(r.out).size(), 5u) << r.out;
    EXPECT_EQ(
        r.err,
        "poolscope shape: net[5] (Linear, /layers/5) raises RuntimeError: mat1 and mat2 shapes cannot be "
        "multiplied (1x400 and 16x5)\n  PoolScope: in_features is 16, but what arrives, [1, 400], has 400 "
        "values "
        "in its last dimension\n");
    const std::string small = write_network("small.json", R"({"input": [1, 16, 4, 4], "layers": [
      {"type": "MaxPool2d", "kernel_size": 5}]})");
    CliRun s = run_in_process({"shape", "--net", small});
    EXPECT_EQ(s.code, cli::kExitInputError);
    EXPECT_TRUE(has(s.err,
                    "raises RuntimeError: Given input size: (16x4x4). Calculated output size: (16x0x0). "
                    "Output size is too small\n  PoolScope: given input size 16x4x4"))
        << s.err;
}

TEST(NetShapeCli, ReceptiveFieldExactBesideTheTextbook) {
    const std::string path = write_network("dilated.json", R"({"input": [1, 1, 9, 9], "layers": [
      {"type": "Conv2d", "in_channels": 1, "out_channels": 1, "kernel_size": 3, "dilation": 2, "padding": 1}]})");
    CliRun r = run_in_process({"shape", "--net", path, "--receptive-field", "0", "--cell", "0,0"});
    EXPECT_EQ(r.code, cli::kExitOk) << r.err;
    EXPECT_TRUE(has(r.out,
                    "receptive field of net[0] (Conv2d) output cell [0, 0, 0, 0] on the input "
                    "torch.Size([1, 1, 9, 9]):\n"))
        << r.out;
    EXPECT_TRUE(has(r.out, "  rows: 1, 3 (2 of 9, span 3)\n")) << r.out;
    EXPECT_TRUE(has(r.out,
                    "textbook: size 5, jump 1, start -1 (-1..3): differs, it starts in the padding, the "
                    "exact field at 1; it has holes: 1 of the 3 cells in its span are not read\n"))
        << r.out;
    CliRun vgg =
        run_in_process({"shape", "--net", networks("vgg11"), "--receptive-field", "1", "--cell", "10,20"});
    EXPECT_TRUE(has(vgg.out,
                    "  rows: 37..46 (10 of 224, span 10)\n    textbook: size 10, jump 4, start 37 (37..46): "
                    "the same cells\n"))
        << vgg.out;
    CliRun nested =
        run_in_process({"shape", "--net", networks("vgg11"), "--receptive-field", "1.0", "--cell", "0,0"});
    EXPECT_TRUE(has(nested.out, "receptive field of net[1][0] (Conv2d)")) << nested.out;
}

TEST(NetShapeCli, UsageAndFileErrors) {
    EXPECT_EQ(run_in_process({"shape", "--net"}).code, cli::kExitUsage);
    EXPECT_EQ(run_in_process({"shape", "--net", networks("lenet"), "--cell", "1"}).code, cli::kExitUsage);
    EXPECT_EQ(
        run_in_process({"shape", "--net", networks("lenet"), "--receptive-field", "x", "--cell", "1"}).code,
        cli::kExitUsage);
    CliRun missing = run_in_process({"shape", "--net", "/nonexistent/net.json"});
    EXPECT_EQ(missing.code, cli::kExitInputError);
    EXPECT_TRUE(has(missing.err, "/nonexistent/net.json")) << missing.err;
    const std::string typo =
        write_network("typo.json", R"({"input": [1, 1, 8, 8], "layers": [{"type": "Maxpool2d"}]})");
    CliRun t = run_in_process({"shape", "--net", typo});
    EXPECT_EQ(t.code, cli::kExitInputError);
    EXPECT_TRUE(has(t.err, "typo.json: /layers/0/type: expected \"type\"")) << t.err;
    EXPECT_TRUE(has(t.err, "(did you mean \"MaxPool2d\"?)")) << t.err;
    CliRun help = run_in_process({"shape", "--help"});
    EXPECT_TRUE(has(help.out, "poolscope shape --net FILE")) << help.out;
    EXPECT_TRUE(has(help.out, "--receptive-field L")) << help.out;
}

TEST(NetShapeCli, RealExecutablePrintsTheTable) {
    CliRun r = run_process({"shape", "--net", networks("nin")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "AdaptiveAvgPool2d output shape:\t torch.Size([1, 10, 1, 1])\n")) << r.out;
}

}  // namespace
}  // namespace poolscope::test
