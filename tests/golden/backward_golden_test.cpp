// Every PyTorch 1.13 backward and MaxUnpool2d golden case (tests/golden/backward_*.jsonl, made by
// scripts/gen_golden_backward.py) through poolscope::cli::answer_case in-process and the real `poolscope
// compute`.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "golden_suite.h"

namespace poolscope::golden {
namespace {

const std::vector<GoldenCase>& backward_cases() {
    static const std::vector<GoldenCase> cases = load_or_fail(POOLSCOPE_GOLDEN_DIR, "backward_");
    return cases;
}

TEST(BackwardGolden, CoversEveryOpWithGradientsUnpoolingAndErrors) {
    std::map<std::string, int> values, errors;
    for (const GoldenCase& g : backward_cases())
        (g.expect.contains("error") ? errors : values)[g.op]++;
    for (const char* op : {"max_pool2d", "avg_pool2d", "adaptive_max_pool2d", "adaptive_avg_pool2d"}) {
        EXPECT_GE(values[op], 100) << op;
        EXPECT_GE(errors[op], 5) << op;
    }
    EXPECT_GE(values["max_unpool2d"], 200);
    EXPECT_GE(errors["max_unpool2d"], 30);
}

TEST(BackwardGolden, EveryCaseInProcessMatchesPyTorch) {
    EXPECT_EQ(check_in_process(backward_cases()), 0) << "golden cases that disagree with PyTorch";
}

TEST(BackwardGolden, RealProcessAnswersEveryLineInOrder) {
    EXPECT_EQ(
        check_real_process(backward_cases(), std::string(POOLSCOPE_GOLDEN_DIR) + "/backward_cases.jsonl"), 0);
}

TEST(GoldenCompare, GradInputIsCompared) {
    GoldenCase g;
    g.id = "x";
    g.op = "avg_pool2d";
    g.expect = nlohmann::json::parse(R"({"id":"x","output":[[1.0]],"grad_input":[[0.25,0.25]]})");
    EXPECT_EQ(compare_answer(g, R"({"id":"x","output":[[1.0]],"grad_input":[[0.25,0.25]]})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"x","output":[[1.0]],"grad_input":[[0.25,0.5]]})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"x","output":[[1.0]]})"), "");
}

}  // namespace
}  // namespace poolscope::golden
