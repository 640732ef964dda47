// Compares a `poolscope compute` answer with PyTorch's golden answer: max ops and unpooling bit for bit (NaN
// equals NaN, -0.0 differs from 0.0, indices exact), avg ops to float rounding, errors against errors; a
// grad_input by the same rule as the output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace poolscope::golden {

// Average pooling tolerance, in units in the last place of float32 (see golden_compare.cpp for why).
inline constexpr int kAvgMaxUlps = 4;
inline constexpr double kAvgRelTol = 1e-6;

struct GoldenCase {
    std::string line;       // the case exactly as in cases.jsonl
    std::string id;         //
    std::string op;         // "max_pool2d" ... or "" when the case has no valid op
    nlohmann::json expect;  // the line of expected.jsonl
};

// Reads <prefix>cases.jsonl and <prefix>expected.jsonl from `dir` and pairs them by line (their ids must
// agree).
std::vector<GoldenCase> load_golden(const std::string& dir, std::string& problem,
                                    const std::string& prefix = "");

// Empty when `answer_line` agrees with the golden answer; otherwise what differs.
std::string compare_answer(const GoldenCase& golden, std::string_view answer_line);

// Whether two float32 values agree under the rule for `exact` (max) or rounding (avg).
bool floats_agree(float expected, float actual, bool exact);

}  // namespace poolscope::golden
