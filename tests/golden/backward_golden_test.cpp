// Every PyTorch 1.13 backward and MaxUnpool2d golden case (tests/golden/backward_*.jsonl, made by
// scripts/gen_golden_backward.py) through poolscope::cli::answer_case in-process and the real `poolscope
// compute`.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "cli/compute_command.h"
#include "golden_compare.h"

namespace poolscope::golden {
namespace {

const std::vector<GoldenCase>& backward_cases() {
    static const std::vector<GoldenCase> cases = [] {
        std::string problem;
        std::vector<GoldenCase> c = load_golden(POOLSCOPE_GOLDEN_DIR, problem, "backward_");
        EXPECT_EQ(problem, "");
        return c;
    }();
    return cases;
}

std::string report(const GoldenCase& g, const std::string& answer, const std::string& difference) {
    return "case " + g.id + ": " + difference + "\n  case:     " + g.line +
           "\n  pytorch:  " + g.expect.dump() + "\n  poolscope: " + answer;
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
    int failures = 0;
    for (const GoldenCase& g : backward_cases()) {
        bool malformed = false;
        const std::string answer = cli::answer_case(g.line, malformed);
        const std::string diff = compare_answer(g, answer);
        if (!diff.empty() && ++failures <= 40) ADD_FAILURE() << report(g, answer, diff);
    }
    EXPECT_EQ(failures, 0) << "golden cases that disagree with PyTorch";
}

TEST(BackwardGolden, RealProcessAnswersEveryLineInOrder) {
    const auto& cases = backward_cases();
    const std::string command =
        std::string("'") + POOLSCOPE_EXE + "' compute < '" + POOLSCOPE_GOLDEN_DIR + "/backward_cases.jsonl'";
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
        ASSERT_NE(end, std::string::npos) << "the last answer line has no newline";
        const std::string answer = text.substr(pos, end - pos);
        pos = end + 1;
        ASSERT_LT(line_no, cases.size()) << "more answer lines than cases";
        const GoldenCase& g = cases[line_no++];
        const std::string diff = compare_answer(g, answer);
        if (!diff.empty() && ++failures <= 20)
            ADD_FAILURE() << "line " << line_no << ": " << report(g, answer, diff);
    }
    EXPECT_EQ(line_no, cases.size()) << "one answer line per case";
    EXPECT_EQ(failures, 0);
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
