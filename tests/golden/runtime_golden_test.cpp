// The golden sets from the real runtimes (tests/golden/runtimes/, made by scripts/gen_runtime_golden/gen.js
// with ONNX Runtime's CPU provider at opset 19 and TensorFlow.js's CPU backend): every case through
// cli::answer_case in-process and through the real `poolscope compute`. Where a runtime departs from its
// specification (the line names the departure), the expected answer is the spec's, and we also check that
// PoolScope's answer really differs from the runtime's, so each such choice is made on purpose.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "cli/compute_command.h"
#include "golden_suite.h"

namespace poolscope::golden {
namespace {

using nlohmann::json;

const std::string kRuntimesDir = std::string(POOLSCOPE_GOLDEN_DIR) + "/runtimes";

const std::vector<GoldenCase>& runtime_cases(const std::string& runtime) {
    static std::map<std::string, std::vector<GoldenCase>> loaded;
    auto it = loaded.find(runtime);
    if (it == loaded.end()) it = loaded.emplace(runtime, load_or_fail(kRuntimesDir, runtime + "_")).first;
    return it->second;
}

std::string answer(const GoldenCase& g) {
    bool malformed = false;
    return cli::answer_case(g.line, malformed);
}

class RuntimeGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(RuntimeGolden, EveryCaseInProcessMatches) {
    const std::vector<GoldenCase>& cases = runtime_cases(GetParam());
    ASSERT_GE(cases.size(), 700u);
    EXPECT_EQ(check_in_process(cases), 0);
}

TEST_P(RuntimeGolden, RealProcessAnswersEveryLineInOrder) {
    EXPECT_EQ(check_real_process(runtime_cases(GetParam()), kRuntimesDir + "/" + GetParam() + "_cases.jsonl"),
              0);
}

// A departure line carries the runtime's own answer: PoolScope must give the spec's (checked above) and so
// differ from the runtime's.
TEST_P(RuntimeGolden, DeparturesDifferFromTheRuntimeOnPurpose) {
    std::map<std::string, int> seen;
    for (const GoldenCase& g : runtime_cases(GetParam())) {
        if (!g.expect.contains("departure")) continue;
        const std::string name = g.expect["departure"].get<std::string>();
        ++seen[name];
        GoldenCase runtime = g;
        runtime.expect = g.expect["runtime"];
        runtime.expect["id"] = g.id;
        EXPECT_NE(compare_answer(runtime, answer(g)), "")
            << g.id << " (" << name << "): PoolScope gives the runtime's answer, not the spec's";
    }
    // The departures the generator's notes describe, each present (the hand-written cases guarantee it).
    const std::set<std::string> expected =
        GetParam() == "onnxruntime"
            ? std::set<std::string>{"ort_valid_ceil_mode",       "ort_same_undilated_kernel",
                                    "ort_same_negative_padding", "ort_window_larger_than_input",
                                    "ort_max_lowest_float",      "max_nan"}
            : std::set<std::string>{"tf_dilated_same_zero_padding", "tfjs_pad_not_smaller",
                                    "tfjs_argmax_no_max",           "tfjs_empty_output",
                                    "tfjs_avg_explicit_padding",    "max_nan"};
    for (const std::string& name : expected)
        EXPECT_GE(seen[name], 1) << name;
}

// What the random sets cover: each op with values and with errors, and each parameter the issue names.
TEST_P(RuntimeGolden, CoversEveryFeature) {
    std::map<std::string, int> count;
    for (const GoldenCase& g : runtime_cases(GetParam())) {
        const json c = json::parse(g.line);
        const bool error = g.expect.contains("error");
        ++count[g.op + (error ? " error" : " value")];
        for (const char* key :
             {"dilations", "dilation_rate", "global_pool", "auto_pad", "ceil_mode", "pads",
              "count_include_pad", "return_indices", "include_batch_in_index", "storage_order", "p"})
            if (c.contains(key) && !error) ++count[key];
        if (c.contains("padding") && c["padding"].is_array() && !error) ++count["explicit padding"];
        const std::string input = c["input"].dump();
        for (const char* special : {"\"nan\"", "\"inf\"", "\"-inf\""})
            if (input.find(special) != std::string::npos && !error) ++count[special];
        if (c["input"].is_array() && c["input"][0].is_array() && c["input"][0][0].is_array() &&
            c["input"][0][0][0].is_array() && c["input"].size() > 1)
            ++count["batch > 1"];
    }
    const bool onnx = GetParam() == "onnxruntime";
    std::vector<std::string> ops = {"max_pool2d", "avg_pool2d"};
    if (onnx) ops.push_back("lp_pool2d");
    for (const std::string& op : ops) {
        EXPECT_GE(count[op + " value"], 100) << op;
        EXPECT_GE(count[op + " error"], 5) << op;
    }
    std::vector<std::string> features = {"\"nan\"", "\"inf\"", "\"-inf\"", "batch > 1", "return_indices"};
    const std::vector<std::string> own =
        onnx ? std::vector<std::string>{"dilations", "global_pool",       "auto_pad",      "ceil_mode",
                                        "pads",      "count_include_pad", "storage_order", "p"}
             : std::vector<std::string>{"include_batch_in_index", "explicit padding"};
    features.insert(features.end(), own.begin(), own.end());
    for (const std::string& f : features)
        EXPECT_GE(count[f], 10) << f;
    if (!onnx) {
        EXPECT_GE(count["dilations"] + count["dilation_rate"], 60);
    }
}

INSTANTIATE_TEST_SUITE_P(Runtimes, RuntimeGolden, ::testing::Values("onnxruntime", "tfjs"));

// Issue 30's minimal case: ONNX AveragePool with dilations (opset 19) is no longer refused.
TEST(RuntimeGoldenExamples, OnnxAveragePoolWithDilationsGivesTwoAndAHalf) {
    bool malformed = false;
    const std::string a = cli::answer_case(
        R"({"convention":"onnx","op":"avg_pool2d","input":[[1,2],[3,4]],"kernel_shape":[2,2],"dilations":[1,1]})",
        malformed);
    EXPECT_EQ(a, R"({"id":null,"output":[[2.5]]})");
}

}  // namespace
}  // namespace poolscope::golden
