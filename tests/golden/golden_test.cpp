// Every PyTorch 1.13 golden case (tests/golden/*.jsonl, made by scripts/gen_golden.py) through
// poolscope::cli::answer_case in-process, and through the real `poolscope compute` process.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "golden_suite.h"

namespace poolscope::golden {
namespace {

const std::vector<GoldenCase>& golden_cases() {
    static const std::vector<GoldenCase> cases = load_or_fail(POOLSCOPE_GOLDEN_DIR);
    return cases;
}

TEST(Golden, LoadsThousandsOfCasesCoveringEveryOpAndErrors) {
    const auto& cases = golden_cases();
    ASSERT_GE(cases.size(), 3000u);
    std::map<std::string, int> values, errors;
    for (const GoldenCase& g : cases)
        (g.expect.contains("error") ? errors : values)[g.op]++;
    for (const char* op :
         {"max_pool2d", "avg_pool2d", "adaptive_max_pool2d", "adaptive_avg_pool2d", "lp_pool2d"}) {
        EXPECT_GE(values[op], 100) << op;
        EXPECT_GE(errors[op], 10) << op;
    }
}

TEST(Golden, EveryCaseInProcessMatchesPyTorch) {
    EXPECT_EQ(check_in_process(golden_cases()), 0) << "golden cases that disagree with PyTorch";
}

// The real executable over the whole file: same answers, one line per case, in order, exit status 0.
TEST(Golden, RealProcessAnswersEveryLineInOrder) {
    EXPECT_EQ(check_real_process(golden_cases(), std::string(POOLSCOPE_GOLDEN_DIR) + "/cases.jsonl"), 0);
}

// The tolerance itself: avg pooling accepts rounding, max pooling does not, NaN only matches NaN.
TEST(GoldenCompare, ToleranceRules) {
    const float one = 1.0f, next = std::nextafter(1.0f, 2.0f);
    EXPECT_TRUE(floats_agree(one, one, true));
    EXPECT_FALSE(floats_agree(one, next, true));
    EXPECT_TRUE(floats_agree(one, next, false));
    EXPECT_FALSE(floats_agree(1.0f, 1.001f, false));
    EXPECT_FALSE(floats_agree(0.0f, -0.0f, true));
    EXPECT_TRUE(floats_agree(0.0f, -0.0f, false));
    const float nan = std::nanf("");
    EXPECT_TRUE(floats_agree(nan, nan, true));
    EXPECT_FALSE(floats_agree(nan, 1.0f, false));
    EXPECT_FALSE(floats_agree(INFINITY, 3.4028235e38f, false));
    EXPECT_TRUE(floats_agree(-INFINITY, -INFINITY, true));
}

TEST(GoldenCompare, DetectsWrongShapesIndicesAndErrors) {
    GoldenCase g;
    g.id = "x";
    g.op = "max_pool2d";
    g.expect = nlohmann::json::parse(R"({"id":"x","output":[[1.0,"nan"]],"indices":[[0,3]]})");
    EXPECT_EQ(compare_answer(g, R"({"id":"x","output":[[1.0,"nan"]],"indices":[[0,3]]})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"x","output":[[1.0,"nan"]],"indices":[[0,2]]})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"x","output":[[1.0,"nan"]]})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"x","output":[1.0,"nan"],"indices":[0,3]})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"y","output":[[1.0,"nan"]],"indices":[[0,3]]})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"x","error":"no"})"), "");
    g.expect = nlohmann::json::parse(R"({"id":"x","error":true,"torch":"RuntimeError: no"})");
    EXPECT_EQ(compare_answer(g, R"({"id":"x","error":"rejected"})"), "");
    EXPECT_NE(compare_answer(g, R"({"id":"x","output":[[1.0]]})"), "");
}

}  // namespace
}  // namespace poolscope::golden
