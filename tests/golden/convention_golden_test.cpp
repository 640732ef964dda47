// The TensorFlow, ONNX and MXNet golden cases (tests/golden/conventions/*.jsonl, made by
// scripts/gen_convention_golden.py from each framework's documented rule and ONNX's published node tests)
// through poolscope::cli::answer_case in-process, and through the real `poolscope compute` process.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "cli/compute_command.h"
#include "golden_compare.h"

namespace poolscope::golden {
namespace {

const std::string kDir = std::string(POOLSCOPE_GOLDEN_DIR) + "/conventions";

const std::vector<GoldenCase>& convention_cases() {
    static const std::vector<GoldenCase> cases = [] {
        std::string problem;
        std::vector<GoldenCase> c = load_golden(kDir, problem);
        EXPECT_EQ(problem, "");
        return c;
    }();
    return cases;
}

std::string convention_of(const GoldenCase& g) {
    return nlohmann::json::parse(g.line).value("convention", std::string("pytorch"));
}

std::string report(const GoldenCase& g, const std::string& answer, const std::string& difference) {
    return "case " + g.id + ": " + difference + "\n  case:      " + g.line +
           "\n  reference: " + g.expect.dump() + "\n  poolscope: " + answer;
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
    int failures = 0;
    for (const GoldenCase& g : convention_cases()) {
        bool malformed = false;
        const std::string answer = cli::answer_case(g.line, malformed);
        const std::string diff = compare_answer(g, answer);
        if (!diff.empty() && ++failures <= 40) ADD_FAILURE() << report(g, answer, diff);
        EXPECT_FALSE(malformed) << g.id;
    }
    EXPECT_EQ(failures, 0);
}

TEST(ConventionGolden, RealProcessAnswersEveryLineInOrder) {
    const auto& cases = convention_cases();
    const std::string command = std::string("'") + POOLSCOPE_EXE + "' compute < '" + kDir + "/cases.jsonl'";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string text;
    char buf[65536];
    size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0)
        text.append(buf, n);
    EXPECT_EQ(pclose(pipe), 0) << "poolscope compute exit status";
    size_t line_no = 0, pos = 0;
    int failures = 0;
    while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        ASSERT_NE(end, std::string::npos);
        const std::string answer = text.substr(pos, end - pos);
        pos = end + 1;
        ASSERT_LT(line_no, cases.size());
        const GoldenCase& g = cases[line_no++];
        const std::string diff = compare_answer(g, answer);
        if (!diff.empty() && ++failures <= 20)
            ADD_FAILURE() << "line " << line_no << ": " << report(g, answer, diff);
    }
    EXPECT_EQ(line_no, cases.size());
    EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace poolscope::golden
