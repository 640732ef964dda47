// `poolscope compute` in-process: answers in order, malformed lines answered without stopping the rest,
// unknown keys, invalid UTF-8, blank lines, exit codes, --help, float32 round trip, ranks and indices.
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>

#include "cli/cli.h"
#include "cli/compute_command.h"
#include "cli_test_util.h"

namespace poolscope::test {
namespace {

using nlohmann::json;

const char* kCaseA =
    R"({"id":"a","op":"max_pool2d","input":[[0,1,2],[3,4,5],[6,7,8]],"kernel_size":2,"stride":1})";
const char* kCaseB = R"({"id":"b","op":"avg_pool2d","input":[[1,2],[3,4]],"kernel_size":2})";

std::vector<json> answers(const std::string& out) {
    std::vector<json> parsed;
    for (const std::string& line : lines_of(out)) {
        json j = json::parse(line, nullptr, false);
        EXPECT_FALSE(j.is_discarded()) << "not JSON: " << line;
        parsed.push_back(j);
    }
    return parsed;
}

TEST(ComputeCli, AnswersEachCaseInOrder) {
    CliRun r = run_in_process({"compute"}, std::string(kCaseA) + "\n" + kCaseB + "\n");
    EXPECT_EQ(r.code, cli::kExitOk);
    EXPECT_EQ(r.out, "{\"id\":\"a\",\"output\":[[4.0,5.0],[7.0,8.0]]}\n{\"id\":\"b\",\"output\":[[2.5]]}\n");
    EXPECT_EQ(r.err, "");
}

TEST(ComputeCli, MalformedLinesAreAnsweredInPlaceAndTheRestGoOn) {
    const std::string input = std::string(kCaseA) + "\nthis is not json\n" + kCaseB +
                              "\n[1, 2]\n{\"id\": \"x\"\n" +
                              R"({"id":"c","op":"max_pool2d","input":[[1,2],[3,4]],"kernel_size":2})" + "\n";
    CliRun r = run_in_process({"compute"}, input);
    EXPECT_EQ(r.code, cli::kExitInputError);
    EXPECT_NE(r.err.find("not JSON objects"), std::string::npos) << r.err;
    std::vector<json> a = answers(r.out);
    ASSERT_EQ(a.size(), 6u) << r.out;
    EXPECT_EQ(a[0]["id"], "a");
    EXPECT_TRUE(a[1]["id"].is_null());
    EXPECT_TRUE(a[1]["error"].is_string());
    EXPECT_EQ(a[2]["id"], "b");
    EXPECT_EQ(a[2]["output"], json::parse("[[2.5]]"));
    EXPECT_TRUE(a[3]["error"].is_string());  // JSON, but not an object
    EXPECT_TRUE(a[4]["error"].is_string());  // truncated object
    EXPECT_EQ(a[5]["id"], "c");
    EXPECT_EQ(a[5]["output"], json::parse("[[4.0]]"));
}

TEST(ComputeCli, RejectedConfigurationsAreErrorsButNotMalformed) {
    const std::string input =
        R"({"id":"p","op":"max_pool2d","input":[[1,2],[3,4]],"kernel_size":2,"padding":2})"
        "\n"
        R"({"id":"z","op":"avg_pool2d","input":[[1,2],[3,4]],"kernel_size":2,"divisor_override":0})"
        "\n";
    CliRun r = run_in_process({"compute"}, input);
    EXPECT_EQ(r.code, cli::kExitOk) << "a case PyTorch rejects is an answer, not bad input";
    std::vector<json> a = answers(r.out);
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0]["id"], "p");
    EXPECT_NE(a[0]["error"].get<std::string>().find("half"), std::string::npos) << a[0];
    EXPECT_EQ(a[1]["id"], "z");
    EXPECT_NE(a[1]["error"].get<std::string>().find("divisor_override"), std::string::npos) << a[1];
}

TEST(ComputeCli, UnknownKeysAreNamed) {
    CliRun r =
        run_in_process({"compute"}, R"({"id":"k","op":"max_pool2d","input":[[1]],"kernel_size":1,"kernal":3})"
                                    "\n" +
                                        std::string(kCaseB));
    EXPECT_EQ(r.code, cli::kExitOk);
    std::vector<json> a = answers(r.out);
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0]["id"], "k");
    EXPECT_NE(a[0]["error"].get<std::string>().find("kernal"), std::string::npos);
    EXPECT_EQ(a[1]["id"], "b");
}

TEST(ComputeCli, InvalidUtf8GetsAValidJsonAnswer) {
    const std::string bad_id =
        "{\"id\":\"\xff\xfe\",\"op\":\"max_pool2d\",\"input\":[[1]],\"kernel_size\":1}";
    const std::string bad_key =
        "{\"id\":\"u\",\"op\":\"max_pool2d\",\"input\":[[1]],\"kernel_size\":1,\"\xc3\":1}";
    CliRun r = run_in_process({"compute"}, bad_id + "\n" + bad_key + "\n" + kCaseB + "\n");
    EXPECT_EQ(r.code, cli::kExitInputError);
    std::vector<json> a = answers(r.out);  // every answer line parses, so it is valid UTF-8 JSON
    ASSERT_EQ(a.size(), 3u);
    EXPECT_TRUE(a[0]["error"].is_string());
    EXPECT_TRUE(a[1]["error"].is_string());
    EXPECT_EQ(a[2]["id"], "b");
}

TEST(ComputeCli, BlankLinesCarryNoCaseAndCrlfIsAccepted) {
    CliRun r = run_in_process({"compute"}, "\n   \n\t\n" + std::string(kCaseA) + "\r\n\r\n" + kCaseB);
    EXPECT_EQ(r.code, cli::kExitOk);
    std::vector<json> a = answers(r.out);
    ASSERT_EQ(a.size(), 2u) << r.out;
    EXPECT_EQ(a[0]["id"], "a");
    EXPECT_EQ(a[1]["id"], "b");  // the last line has no newline and is still answered
    EXPECT_EQ(run_in_process({"compute"}, "").out, "");
}

TEST(ComputeCli, UsageErrorsAndHelp) {
    CliRun bad = run_in_process({"compute", "--fast"});
    EXPECT_EQ(bad.code, cli::kExitUsage);
    EXPECT_NE(bad.err.find("--fast"), std::string::npos);
    EXPECT_EQ(bad.out, "");
    CliRun help = run_in_process({"compute", "--help"}, kCaseA);
    EXPECT_EQ(help.code, cli::kExitOk);
    EXPECT_NE(help.out.find("usage: poolscope compute"), std::string::npos);
    for (const std::string& line : lines_of(help.out))
        EXPECT_NE(line.rfind("{\"id\"", 0), 0u) << "help answers no case from stdin: " << line;
}

// The contract: output floats read back as the same float32. Identity pooling returns the input values.
TEST(ComputeCli, OutputFloatsRoundTripFloat32) {
    std::mt19937 rng(7);
    std::vector<float> values;
    for (int i = 0; i < 2000; ++i) {
        float f;
        const uint32_t bits = static_cast<uint32_t>(rng());
        std::memcpy(&f, &bits, sizeof f);
        if (std::isfinite(f)) values.push_back(f);
    }
    values.insert(values.end(), {0.1f, -0.0f, 1e-45f, 3.4028235e38f, 16777217.0f, 1.0f / 3.0f});
    json row = json::array();
    for (float f : values) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f);
        std::string text(buf, end);
        if (text.find_first_of(".e") == std::string::npos) text += ".0";  // "-0" would be the integer 0
        row.push_back(json::parse(text));
    }
    json c = {{"id", "rt"}, {"op", "max_pool2d"}, {"input", json::array({row})}, {"kernel_size", 1}};
    bool malformed = true;
    const json a = json::parse(cli::answer_case(c.dump(), malformed));
    EXPECT_FALSE(malformed);
    ASSERT_EQ(a["output"][0].size(), values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        const float back = static_cast<float>(a["output"][0][i].get<double>());
        EXPECT_EQ(std::bit_cast<uint32_t>(back), std::bit_cast<uint32_t>(values[i])) << a["output"][0][i];
    }
}

TEST(ComputeCli, RanksAndIndicesKeepTheirLayout) {
    bool malformed = false;
    // C×H×W in, C×H×W out; indices are flat h*W + w within each plane, like PyTorch.
    json a = json::parse(cli::answer_case(
        R"({"id":3,"op":"max_pool2d","input":[[[1,9],[3,4]],[[5,6],[8,7]]],"kernel_size":2,"return_indices":true})",
        malformed));
    EXPECT_EQ(a["id"], 3);
    EXPECT_EQ(a["output"], json::parse("[[[9.0]],[[8.0]]]"));
    EXPECT_EQ(a["indices"], json::parse("[[[1]],[[2]]]"));
    a = json::parse(cli::answer_case(
        R"({"id":"n","op":"adaptive_max_pool2d","input":[[["nan",1],[2,3]]],"output_size":[1,null],"return_indices":true})",
        malformed));
    EXPECT_EQ(a["output"], json::parse(R"([[["nan",3.0]]])"));
    EXPECT_EQ(a["indices"], json::parse("[[[0,3]]]"));
    // H×W in (our extension) comes back H×W.
    a = json::parse(cli::answer_case(
        R"({"id":"r2","op":"adaptive_avg_pool2d","input":[[1,2],[3,4]],"output_size":1})", malformed));
    EXPECT_EQ(a["output"], json::parse("[[2.5]]"));
}

// The lesson format's 4-sided padding is not PyTorch's: compute refuses it (golden case
// reject-malformed-padding).
TEST(ComputeCli, FourSidedPaddingIsRefusedLikePyTorch) {
    bool malformed = false;
    const json a = json::parse(cli::answer_case(
        R"({"id":"p4","op":"max_pool2d","input":[[1,2],[3,4]],"kernel_size":2,"padding":[0,0,0,0]})",
        malformed));
    EXPECT_FALSE(malformed);
    ASSERT_TRUE(a.contains("error")) << a;
    EXPECT_NE(a["error"].get<std::string>().find("padding"), std::string::npos);
}

TEST(ComputeCli, MissingOrWrongOpAndInput) {
    bool malformed = false;
    for (const char* line :
         {R"({"id":1,"input":[[1]],"kernel_size":1})", R"({"id":1,"op":"pool","input":[[1]]})",
          R"({"id":1,"op":"max_pool2d","kernel_size":1})",
          R"({"id":1,"op":"max_pool2d","input":[[1,2],[3]],"kernel_size":1})",
          R"({"id":1,"op":"max_pool2d","input":[[[[[1]]]]],"kernel_size":1})"}) {
        const json a = json::parse(cli::answer_case(line, malformed));
        EXPECT_TRUE(a.contains("error")) << line;
        EXPECT_EQ(a["id"], 1);
        EXPECT_FALSE(malformed) << line;
    }
}

}  // namespace
}  // namespace poolscope::test
