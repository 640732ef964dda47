// See golden_suite.h.
#include "golden_suite.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "cli/compute_command.h"

namespace poolscope::golden {
namespace {

std::string report(const GoldenCase& g, const std::string& answer, const std::string& difference) {
    return "case " + g.id + ": " + difference + "\n  case:      " + g.line +
           "\n  reference: " + g.expect.dump() + "\n  poolscope: " + answer;
}

std::string read_all(FILE* pipe) {
    std::string text;
    char buf[65536];
    size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0)
        text.append(buf, n);
    return text;
}

}  // namespace

std::vector<GoldenCase> load_or_fail(const std::string& dir, const std::string& prefix) {
    std::string problem;
    std::vector<GoldenCase> cases = load_golden(dir, problem, prefix);
    EXPECT_EQ(problem, "") << dir << "/" << prefix << "cases.jsonl";
    return cases;
}

int check_in_process(const std::vector<GoldenCase>& cases) {
    int failures = 0;
    for (const GoldenCase& g : cases) {
        bool malformed = false;
        const std::string answer = cli::answer_case(g.line, malformed);
        const std::string diff = compare_answer(g, answer);
        if (!diff.empty() && ++failures <= 40) ADD_FAILURE() << report(g, answer, diff);
        EXPECT_FALSE(malformed) << g.id << ": every golden line is a JSON object";
    }
    return failures;
}

int check_real_process(const std::vector<GoldenCase>& cases, const std::string& cases_file) {
    const std::string command = std::string("'") + POOLSCOPE_EXE + "' compute < '" + cases_file + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        ADD_FAILURE() << "could not run " << command;
        return 1;
    }
    const std::string text = read_all(pipe);
    int failures = 0;
    if (pclose(pipe) != 0) {
        ADD_FAILURE() << "poolscope compute exited with a non-zero status";
        ++failures;
    }
    size_t line_no = 0, pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) {
            ADD_FAILURE() << "the last answer line has no newline";
            return failures + 1;
        }
        const std::string answer = text.substr(pos, end - pos);
        pos = end + 1;
        if (line_no >= cases.size()) {
            ADD_FAILURE() << "more answer lines than cases";
            return failures + 1;
        }
        const GoldenCase& g = cases[line_no++];
        const std::string diff = compare_answer(g, answer);  // checks the id too, so order is checked
        if (!diff.empty() && ++failures <= 20)
            ADD_FAILURE() << "line " << line_no << ": " << report(g, answer, diff);
    }
    if (line_no != cases.size()) {
        ADD_FAILURE() << "one answer line per case: " << line_no << " lines for " << cases.size() << " cases";
        ++failures;
    }
    return failures;
}

}  // namespace poolscope::golden
