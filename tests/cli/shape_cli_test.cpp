// `poolscope shape`, `--version` and unknown commands in-process: the D2L walkthroughs, PyTorch's reasons
// for rejected configurations (exit 1) and usage errors (exit 2).
#include <gtest/gtest.h>

#include "cli/cli.h"
#include "cli_test_util.h"

namespace poolscope::test {
namespace {

// D2L: a 4×4 input, 3×3 window, stride 2, padding 1 gives 2×2.
TEST(ShapeCli, D2lFourThreeTwoOneGivesTwo) {
    CliRun r = run_in_process({"shape", "--in", "4", "--kernel", "3", "--stride", "2", "--padding", "1"});
    EXPECT_EQ(r.code, cli::kExitOk) << r.err;
    EXPECT_TRUE(has(r.out, "= floor((4 + 1 + 1 - 1*(3-1) - 1) / 2) + 1\n")) << r.out;
    EXPECT_TRUE(has(r.out, "= floor(3 / 2) + 1\n")) << r.out;
    EXPECT_TRUE(has(r.out, "= 1 + 1 = 2\n")) << r.out;
    EXPECT_TRUE(has(r.out, "windows start at: -1 1\n")) << r.out;
    EXPECT_TRUE(has(r.out, "output: 2 x 2\n")) << r.out;
    EXPECT_FALSE(has(r.out, "dropped"));
}

// 5×5, kernel 2, stride 2, padding 1, ceil_mode: ceil gives 4, but the 4th window would start at 5, inside
// the end padding, so PyTorch drops it: 3.
TEST(ShapeCli, CeilModeDropsTheWindowThatStartsInPadding) {
    CliRun r = run_in_process(
        {"shape", "--in", "5", "--kernel", "2", "--stride", "2", "--padding", "1", "--ceil-mode"});
    EXPECT_EQ(r.code, cli::kExitOk) << r.err;
    EXPECT_TRUE(has(r.out, "= ceil(5 / 2) + 1\n")) << r.out;
    EXPECT_TRUE(has(r.out, "= 3 + 1 = 4\n")) << r.out;
    EXPECT_TRUE(has(r.out, "would start at 5, inside the end padding")) << r.out;
    EXPECT_TRUE(has(r.out, "dropped: H_out = 3")) << r.out;
    EXPECT_TRUE(has(r.out, "windows start at: -1 1 3\n")) << r.out;
    EXPECT_TRUE(has(r.out, "output: 3 x 3\n")) << r.out;
    // Without ceil_mode the same numbers floor to 3 and nothing is dropped.
    CliRun f = run_in_process({"shape", "--in", "5", "--kernel", "2", "--stride", "2", "--padding", "1"});
    EXPECT_TRUE(has(f.out, "output: 3 x 3\n")) << f.out;
    EXPECT_FALSE(has(f.out, "dropped"));
}

TEST(ShapeCli, NonSquareAxesAreShownSeparately) {
    CliRun r = run_in_process({"shape", "--in", "4,6", "--kernel", "2x3", "--dilation", "1,2"});
    EXPECT_EQ(r.code, cli::kExitOk) << r.err;
    EXPECT_TRUE(has(r.out, "H_out = floor(")) << r.out;
    EXPECT_TRUE(has(r.out, "W_out = floor(")) << r.out;
    EXPECT_TRUE(has(r.out, "spans dilation*(kernel-1) + 1 = 5 cells")) << r.out;
    EXPECT_TRUE(has(r.out, "output: 2 x 1\n")) << r.out;
}

TEST(ShapeCli, RejectedConfigurationsExitOneWithPyTorchsReason) {
    CliRun pad = run_in_process({"shape", "--in", "4", "--kernel", "2", "--padding", "2"});
    EXPECT_EQ(pad.code, cli::kExitInputError);
    EXPECT_TRUE(has(pad.err, "PyTorch rejects")) << pad.err;
    EXPECT_TRUE(has(pad.err, "half of the kernel size")) << pad.err;
    CliRun small = run_in_process({"shape", "--in", "2", "--kernel", "3"});
    EXPECT_EQ(small.code, cli::kExitInputError);
    EXPECT_TRUE(has(small.err, "too small")) << small.err;
    EXPECT_TRUE(has(small.out, "floor((2 + 0 + 0 - 1*(3-1) - 1) / 3) + 1")) << small.out;  // the arithmetic
    CliRun stride = run_in_process({"shape", "--in", "4", "--kernel", "2", "--stride", "0"});
    EXPECT_EQ(stride.code, cli::kExitInputError);
    EXPECT_TRUE(has(stride.err, "stride")) << stride.err;
    CliRun kernel = run_in_process({"shape", "--in", "4", "--kernel", "0"});
    EXPECT_EQ(kernel.code, cli::kExitInputError);
    EXPECT_TRUE(has(kernel.err, "kernel size must be greater than zero")) << kernel.err;
}

TEST(ShapeCli, BadUsageExitsTwo) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"shape"},
                                                 {"shape", "--in", "4"},
                                                 {"shape", "--kernel", "2"},
                                                 {"shape", "--in", "four", "--kernel", "2"},
                                                 {"shape", "--in", "4", "--kernel"},
                                                 {"shape", "--in", "4", "--kernel", "2", "--bogus"},
                                                 {"shape", "--in", "4,", "--kernel", "2"}}) {
        CliRun r = run_in_process(args);
        EXPECT_EQ(r.code, cli::kExitUsage) << args.back();
        EXPECT_FALSE(r.err.empty());
    }
}

TEST(ShapeCli, Help) {
    CliRun r = run_in_process({"shape", "--help"});
    EXPECT_EQ(r.code, cli::kExitOk);
    EXPECT_TRUE(has(r.out, "usage: poolscope shape --in H[,W] --kernel K[,KW]")) << r.out;
}

TEST(TopLevelCli, VersionAndUnknownCommand) {
    CliRun v = run_in_process({"--version"});
    EXPECT_EQ(v.code, cli::kExitOk);
    EXPECT_EQ(v.out, std::string("poolscope ") + POOLSCOPE_VERSION + "\n");
    CliRun u = run_in_process({"frobnicate"});
    EXPECT_EQ(u.code, cli::kExitUsage);
    EXPECT_TRUE(has(u.err, "unknown command 'frobnicate'")) << u.err;
    EXPECT_TRUE(has(u.err, "usage: poolscope")) << u.err;
    EXPECT_TRUE(cli::is_cli_command("compute"));
    EXPECT_FALSE(cli::is_cli_command("--help"));
}

}  // namespace
}  // namespace poolscope::test
