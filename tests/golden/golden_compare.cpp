// Golden answer comparison. Tolerance for average pooling: PyTorch 1.13 sums a window in float32, row by row,
// then divides once (sum / divisor, or sum / kh / kw for adaptive windows); adaptive pooling to (1, 1) goes
// through mean(), which sums in a different (vectorised, pairwise) order. A different summation order over
// at most a few dozen terms moves the result by a few rounding steps of the partial sums, so we accept 4 ulp
// of the larger magnitude, or a relative error of 1e-6 (8 ulp near powers of two) — tight enough that any
// wrong window, divisor or padding rule (errors of 1/k or more) fails, loose enough for summation order.
#include "golden_compare.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>

namespace poolscope::golden {
namespace {

using nlohmann::json;

bool leaf_value(const json& v, float& out) {
    if (v.is_number()) {
        out = static_cast<float>(v.get<double>());
        return true;
    }
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s == "nan")
            out = std::numeric_limits<float>::quiet_NaN();
        else if (s == "inf")
            out = std::numeric_limits<float>::infinity();
        else if (s == "-inf")
            out = -std::numeric_limits<float>::infinity();
        else
            return false;
        return true;
    }
    return false;
}

// Ordered distance in ulps between two finite floats of any sign.
int64_t ulp_distance(float a, float b) {
    auto key = [](float f) {
        const int32_t i = std::bit_cast<int32_t>(f);
        return i < 0 ? int64_t{std::numeric_limits<int32_t>::min()} - i : int64_t{i};
    };
    const int64_t d = key(a) - key(b);
    return d < 0 ? -d : d;
}

std::string where(const std::string& path) {
    return path.empty() ? "/" : path;
}

// Walks both nested arrays together; `what` is "output" or "indices".
std::string compare_nested(const json& e, const json& a, bool exact, bool integers, const std::string& path) {
    if (e.is_array()) {
        if (!a.is_array()) return "at " + where(path) + ": expected an array, got " + a.dump();
        if (e.size() != a.size())
            return "at " + where(path) + ": expected " + std::to_string(e.size()) + " elements, got " +
                   std::to_string(a.size());
        for (size_t i = 0; i < e.size(); ++i) {
            std::string d = compare_nested(e[i], a[i], exact, integers, path + "/" + std::to_string(i));
            if (!d.empty()) return d;
        }
        return {};
    }
    if (integers) {
        if (!a.is_number_integer() || a.get<int64_t>() != e.get<int64_t>())
            return "at " + where(path) + ": expected index " + e.dump() + ", got " + a.dump();
        return {};
    }
    float ev = 0, av = 0;
    if (!leaf_value(e, ev)) return "at " + where(path) + ": bad golden value " + e.dump();
    if (!leaf_value(a, av)) return "at " + where(path) + ": expected a number, got " + a.dump();
    if (!floats_agree(ev, av, exact))
        return "at " + where(path) + ": expected " + e.dump() + ", got " + a.dump() +
               (exact ? " (max ops must match bit for bit)" : " (beyond avg tolerance)");
    return {};
}

}  // namespace

bool floats_agree(float expected, float actual, bool exact) {
    if (std::isnan(expected) || std::isnan(actual)) return std::isnan(expected) && std::isnan(actual);
    if (exact) return std::bit_cast<uint32_t>(expected) == std::bit_cast<uint32_t>(actual);
    if (std::isinf(expected) || std::isinf(actual)) return expected == actual;
    if (expected == actual) return true;  // includes 0.0 == -0.0
    if (ulp_distance(expected, actual) <= kAvgMaxUlps) return true;
    const double scale = std::max(std::fabs(double{expected}), std::fabs(double{actual}));
    return std::fabs(double{expected} - double{actual}) <= kAvgRelTol * scale;
}

std::vector<GoldenCase> load_golden(const std::string& dir, std::string& problem, const std::string& prefix) {
    std::vector<GoldenCase> cases;
    std::ifstream cases_in(dir + "/" + prefix + "cases.jsonl"),
        expected_in(dir + "/" + prefix + "expected.jsonl");
    if (!cases_in || !expected_in) {
        problem = "cannot open " + dir + "/" + prefix + "cases.jsonl or " + prefix + "expected.jsonl";
        return {};
    }
    std::string line, expect_line;
    while (std::getline(cases_in, line)) {
        if (!std::getline(expected_in, expect_line)) {
            problem = "expected.jsonl has fewer lines than cases.jsonl";
            return {};
        }
        GoldenCase g;
        g.line = line;
        const json c = json::parse(line);
        g.expect = json::parse(expect_line);
        g.id = c.at("id").get<std::string>();
        if (c.contains("op") && c["op"].is_string()) g.op = c["op"].get<std::string>();
        if (g.expect.at("id") != g.id) {
            problem = "ids differ between the files at case " + g.id;
            return {};
        }
        cases.push_back(std::move(g));
    }
    if (std::getline(expected_in, expect_line)) problem = "expected.jsonl has more lines than cases.jsonl";
    return cases;
}

std::string compare_answer(const GoldenCase& golden, std::string_view answer_line) {
    const json a = json::parse(answer_line.begin(), answer_line.end(), nullptr, false);
    if (a.is_discarded() || !a.is_object()) return "the answer is not a JSON object";
    if (!a.contains("id") || a["id"] != golden.id) return "the answer's id is not " + golden.id;
    const json& e = golden.expect;
    if (e.contains("error")) {
        if (!a.contains("error") || !a["error"].is_string())
            return "PyTorch rejects this case (" + e.value("torch", std::string()) + "), we answered a value";
        if (a.contains("output")) return "the answer has both an error and an output";
        return {};
    }
    if (a.contains("error")) return "PyTorch answers a value, we answered error " + a["error"].dump();
    if (!a.contains("output")) return "the answer has no output";
    // Max ops and unpooling move values without arithmetic (a max gradient is a sum in PyTorch's order).
    const bool exact =
        golden.op == "max_pool2d" || golden.op == "adaptive_max_pool2d" || golden.op == "max_unpool2d";
    std::string d = compare_nested(e["output"], a["output"], exact, false, "/output");
    if (!d.empty()) return d;
    if (e.contains("grad_input") != a.contains("grad_input"))
        return e.contains("grad_input") ? "grad_input is missing" : "grad_input was not asked for";
    if (e.contains("grad_input")) {
        d = compare_nested(e["grad_input"], a["grad_input"], exact, false, "/grad_input");
        if (!d.empty()) return d;
    }
    if (e.contains("indices") != a.contains("indices"))
        return e.contains("indices") ? "indices are missing" : "indices were not asked for";
    if (e.contains("indices")) return compare_nested(e["indices"], a["indices"], true, true, "/indices");
    return {};
}

}  // namespace poolscope::golden
