// The TensorFlow, ONNX and MXNet golden cases (tests/golden/conventions/*.jsonl, made by
// scripts/gen_convention_golden.py from each framework's documented rule and ONNX's published node tests)
// through poolscope::cli::answer_case in-process, and through the real `poolscope compute` process.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "golden_suite.h"

namespace poolscope::golden {
namespace {

const std::string kConventionsDir = std::string(POOLSCOPE_GOLDEN_DIR) + "/conventions";

const std::vector<GoldenCase>& convention_cases() {
    static const std::vector<GoldenCase> cases = load_or_fail(kConventionsDir);
    return cases;
}

std::string convention_of(const GoldenCase& g) {
    return nlohmann::json::parse(g.line).value("convention", std::string("pytorch"));
}

TEST(ConventionGolden, CoversEveryConventionWithValuesAndErrors) {
    std::map<std::string, int> values, errors;
    for (const GoldenCase& g : convention_cases())
        (g.expect.contains("error") ? errors : values)[convention_of(g) + " " + g.op]++;
    for (const char* conv : {"tensorflow", "onnx", "mxnet"})
        for (const char* op : {"max_pool2d", "avg_pool2d"}) {
            const std::string key = std::string(conv) + " " + op;
            EXPECT_GE(values[key], 60) << key;
            EXPECT_GE(errors[key], 5) << key;
        }
}

TEST(ConventionGolden, EveryCaseInProcessMatchesTheReference) {
    EXPECT_EQ(check_in_process(convention_cases()), 0);
}

TEST(ConventionGolden, RealProcessAnswersEveryLineInOrder) {
    EXPECT_EQ(check_real_process(convention_cases(), kConventionsDir + "/cases.jsonl"), 0);
}

}  // namespace
}  // namespace poolscope::golden
