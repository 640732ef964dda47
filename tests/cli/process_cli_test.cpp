// The real `poolscope` executable: exit codes, stdin/stdout plumbing, --help and --version.
#include <gtest/gtest.h>

#include "cli/cli.h"
#include "cli_test_util.h"

namespace poolscope::test {
namespace {

const char* kCase =
    R"({"id":"a","op":"max_pool2d","input":[[0,1,2],[3,4,5],[6,7,8]],"kernel_size":2,"stride":1})";

TEST(ProcessCli, ComputeExitsZeroForGoodInput) {
    CliRun r = run_process({"compute"}, std::string(kCase) + "\n" + kCase + "\n");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(
        r.out,
        "{\"id\":\"a\",\"output\":[[4.0,5.0],[7.0,8.0]]}\n{\"id\":\"a\",\"output\":[[4.0,5.0],[7.0,8.0]]}\n");
}

TEST(ProcessCli, ComputeExitsOneForANonJsonLineAndStillAnswersAll) {
    CliRun r = run_process({"compute"}, std::string("oops\n") + kCase + "\n");
    EXPECT_EQ(r.code, 1);
    const std::vector<std::string> lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 2u) << r.out;
    EXPECT_EQ(lines[0].rfind("{\"id\":null,\"error\":", 0), 0u) << lines[0];
    EXPECT_EQ(lines[1], "{\"id\":\"a\",\"output\":[[4.0,5.0],[7.0,8.0]]}");
    EXPECT_FALSE(r.err.empty());
}

TEST(ProcessCli, UsageErrorsExitTwo) {
    EXPECT_EQ(run_process({"compute", "extra"}).code, 2);
    EXPECT_EQ(run_process({"shape", "--in", "4"}).code, 2);
    EXPECT_EQ(run_process({"--bogus-option"}).code, 2);  // a bare word would be a lesson file for the app
}

TEST(ProcessCli, ShapeExitsOneForARejectedConfig) {
    CliRun r = run_process({"shape", "--in", "4", "--kernel", "2", "--padding", "2"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("half of the kernel size"), std::string::npos) << r.err;
    CliRun ok = run_process(
        {"shape", "--in", "5", "--kernel", "2", "--stride", "2", "--padding", "1", "--ceil-mode"});
    EXPECT_EQ(ok.code, 0);
    EXPECT_NE(ok.out.find("output: 3 x 3"), std::string::npos) << ok.out;
}

TEST(ProcessCli, VersionAndHelp) {
    CliRun v = run_process({"--version"});
    EXPECT_EQ(v.code, 0);
    EXPECT_EQ(v.out, std::string("poolscope ") + POOLSCOPE_VERSION + "\n");
    CliRun h = run_process({"--help"});
    EXPECT_EQ(h.code, 0);
    EXPECT_NE(h.out.find("poolscope compute"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("poolscope shape"), std::string::npos) << h.out;
    CliRun ch = run_process({"compute", "--help"});
    EXPECT_EQ(ch.code, 0);
    EXPECT_NE(ch.out.find("usage: poolscope compute"), std::string::npos);
}

}  // namespace
}  // namespace poolscope::test
