// Every PyTorch 1.13 golden case (tests/golden/*.jsonl, made by scripts/gen_golden.py) through
// poolscope::cli::answer_case in-process, and through the real `poolscope compute` process.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "cli/compute_command.h"
#include "golden_compare.h"

namespace poolscope::golden {
namespace {

const std::vector<GoldenCase>& golden_cases() {
    static const std::vector<GoldenCase> cases = [] {
        std::string problem;
        std::vector<GoldenCase> c = load_golden(POOLSCOPE_GOLDEN_DIR, problem);
        EXPECT_EQ(problem, "");
        return c;
    }();
    return cases;
}

std::string report(const GoldenCase& g, const std::string& answer, const std::string& difference) {
    return "case " + g.id + ": " + difference + "\n  case:     " + g.line +
           "\n  pytorch:  " + g.expect.dump() + "\n  poolscope: " + answer;
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
    int failures = 0;
    for (const GoldenCase& g : golden_cases()) {
        bool malformed = false;
        const std::string answer = cli::answer_case(g.line, malformed);
        const std::string diff = compare_answer(g, answer);
        if (!diff.empty() && ++failures <= 40) ADD_FAILURE() << report(g, answer, diff);
        EXPECT_FALSE(malformed) << g.id << ": every golden line is a JSON object";
    }
    EXPECT_EQ(failures, 0) << "golden cases that disagree with PyTorch";
}

// The real executable over the whole file: same answers, one line per case, in order, exit status 0.
TEST(Golden, RealProcessAnswersEveryLineInOrder) {
    const auto& cases = golden_cases();
    const std::string command =
        std::string("'") + POOLSCOPE_EXE + "' compute < '" + POOLSCOPE_GOLDEN_DIR + "/cases.jsonl'";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string text;
    char buf[65536];
    size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0)
        text.append(buf, n);
    const int status = pclose(pipe);
    EXPECT_EQ(status, 0) << "poolscope compute exit status";

    size_t line_no = 0, pos = 0;
    int failures = 0;
    while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        ASSERT_NE(end, std::string::npos) << "the last answer line has no newline";
        const std::string answer = text.substr(pos, end - pos);
        pos = end + 1;
        ASSERT_LT(line_no, cases.size()) << "more answer lines than cases";
        const GoldenCase& g = cases[line_no++];
        const std::string diff = compare_answer(g, answer);  // checks the id too, so order is checked
        if (!diff.empty() && ++failures <= 20)
            ADD_FAILURE() << "line " << line_no << ": " << report(g, answer, diff);
    }
    EXPECT_EQ(line_no, cases.size()) << "one answer line per case";
    EXPECT_EQ(failures, 0);
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
