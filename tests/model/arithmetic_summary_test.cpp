// The arithmetic line of a huge window (issue 28 item 8): a global average over a picture has a million
// terms, and the step panel drew one text per term (minutes per frame). Past kMaxArithmeticTerms the line
// is its first and last values around "… N more …", with a max's winner kept wherever it is; small windows
// are written out in full as before.
#include <gtest/gtest.h>

#include "model/arithmetic_line.h"
#include "poolscope/generators.h"
#include "poolscope/trace.h"

namespace poolscope::app {
namespace {

CellTrace global_trace(PoolOp op, int64_t size, float winner_at = -1) {
    Tensor x = make_arange({1, 1, size, size}, 0.0f, 1.0f, 2).value();
    if (winner_at >= 0) x.at(0, 0, size / 2, size / 2) = 1e6f;  // the maximum in the middle of the window
    PoolParams p;
    p.op = op;
    p.kernel_size = {size, size};
    return trace_cell(make_plan(x.shape(), p).value(), x, OutputCell{});
}

TEST(ArithmeticSummary, AMillionTermsAreWrittenAsAFewDozen) {
    const CellTrace t = global_trace(PoolOp::kAvg, 1024);
    const std::vector<ArithmeticToken> tokens = arithmetic_tokens(t, PoolOp::kAvg, false, false);
    EXPECT_LT(tokens.size(), 2 * (kLeadingTerms + kTrailingTerms) + 8);
    const std::string line = arithmetic_line(tokens);
    EXPECT_EQ(line.rfind("(0 + 1 + 2 + ", 0), 0u) << line.substr(0, 80);
    EXPECT_NE(line.find("… 1048528 more …"), std::string::npos) << line;
    EXPECT_NE(line.find(" + 1048575) / 1048576 = "), std::string::npos) << line;
}

TEST(ArithmeticSummary, TheMaxsWinnerIsKeptWhereverItIs) {
    const CellTrace t = global_trace(PoolOp::kMax, 256, 1);
    const std::string line = arithmetic_line(arithmetic_tokens(t, PoolOp::kMax, false, false));
    EXPECT_NE(line.find(", 31, … 65487 more …, [1000000], …, 65520, "), std::string::npos) << line;
    EXPECT_NE(line.find(", 65535) = 1000000"), std::string::npos) << line;
}

TEST(ArithmeticSummary, SmallWindowsAreWrittenInFull) {
    const CellTrace t = global_trace(PoolOp::kAvg, 8);  // 64 values: the most written out
    const std::string line = arithmetic_line(arithmetic_tokens(t, PoolOp::kAvg, false, false));
    EXPECT_EQ(line.find("more"), std::string::npos) << line;
    EXPECT_NE(line.find(" + 63) / 64 = "), std::string::npos) << line;
}

}  // namespace
}  // namespace poolscope::app
