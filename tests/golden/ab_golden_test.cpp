// A/B settings against PyTorch 1.13 (tests/golden/ab_cases.jsonl, made by scripts/gen_golden_ab.py): for each
// input and two layers that differ in one setting, compare_ab() gives PyTorch's two outputs, marks exactly
// the cells where they differ (in both outputs) or that only one has, and explains every marked cell.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>

#include "poolscope/ab_compare.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_tensor.h"

namespace poolscope {
namespace {

using nlohmann::json;

LayerSpec layer_of(const json& j, const Shape& input) {
    json keys = j;
    keys.erase("op");
    return layer_from_json(keys, *parse_op(j["op"].get<std::string>()), input, "").value();
}

// Float outputs as PyTorch wrote them (shortest float32 text): equal when PyTorch's floats are equal.
float value_at(const json& rows, int64_t h, int64_t w) {
    float v = 0;
    json_float(rows[static_cast<size_t>(h)][static_cast<size_t>(w)], v);
    return v;
}

TEST(AbGolden, DifferingCellsAreWherePyTorchsTwoOutputsDiffer) {
    std::ifstream in(std::string(POOLSCOPE_GOLDEN_DIR) + "/ab_cases.jsonl");
    int cases = 0, marked = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const json c = json::parse(line);
        const std::string id = c["id"];
        Result<Tensor> input = tensor_from_json(c["input"], "/input");
        ASSERT_TRUE(input.ok()) << id;
        const Shape shape = input->shape();
        Result<AbComparison> r = compare_ab(*input, layer_of(c["a"], shape), layer_of(c["b"], shape));
        ASSERT_TRUE(r.ok()) << id << ": " << r.error_text();
        const AbComparison& cmp = *r;
        ASSERT_TRUE(cmp.a.plan && cmp.b.plan) << id;
        const json &ya = c["a_output"], &yb = c["b_output"];
        const int64_t ah = static_cast<int64_t>(ya.size()), aw = static_cast<int64_t>(ya[0].size());
        const int64_t bh = static_cast<int64_t>(yb.size()), bw = static_cast<int64_t>(yb[0].size());
        ASSERT_EQ(cmp.a.plan->output.h, ah) << id;
        ASSERT_EQ(cmp.a.plan->output.w, aw) << id;
        ASSERT_EQ(cmp.b.plan->output.h, bh) << id;
        ASSERT_EQ(cmp.b.plan->output.w, bw) << id;
        std::set<std::tuple<int64_t, int64_t, int>> want, got, explained;
        for (int64_t h = 0; h < std::max(ah, bh); ++h)
            for (int64_t w = 0; w < std::max(aw, bw); ++w) {
                const bool in_a = h < ah && w < aw, in_b = h < bh && w < bw;
                if (in_a) {
                    EXPECT_FLOAT_EQ(cmp.a.output.values.at(0, 0, h, w), value_at(ya, h, w)) << id;
                }
                if (in_b) {
                    EXPECT_FLOAT_EQ(cmp.b.output.values.at(0, 0, h, w), value_at(yb, h, w)) << id;
                }
                if (in_a && in_b && value_at(ya, h, w) != value_at(yb, h, w)) want.insert({h, w, 0});
                if (in_a != in_b) want.insert({h, w, in_a ? 1 : 2});
            }
        for (const OutputCell& cell : cmp.differing)
            got.insert({cell.oh, cell.ow, 0});
        for (const OutputCell& cell : cmp.only_a)
            got.insert({cell.oh, cell.ow, 1});
        for (const OutputCell& cell : cmp.only_b)
            got.insert({cell.oh, cell.ow, 2});
        EXPECT_EQ(got, want) << id << " (" << c["field"] << ")";
        for (const AbReason& reason : cmp.reasons)
            for (const OutputCell& cell : reason.cells)
                explained.insert({cell.oh, cell.ow, static_cast<int>(reason.place)});
        EXPECT_EQ(explained, want) << id
                                   << ": a marked cell without a reason, or a reason for an unmarked one";
        ++cases;
        marked += static_cast<int>(want.size());
    }
    EXPECT_EQ(cases, 240);
    EXPECT_GT(marked, 1000);  // the cases do mark cells: a comparison that never differs would prove nothing
}

}  // namespace
}  // namespace poolscope
