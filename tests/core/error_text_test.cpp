// Every validation error carries a code and the values it quotes, and its English message is exactly the
// code's template filled with them, so a frontend can word the same sentence in another language.
#include <gtest/gtest.h>

#include <set>

#include "poolscope/error_text.h"
#include "test_util.h"

namespace poolscope {
namespace {

TEST(ErrorText, FillTemplate) {
    EXPECT_EQ(fill_template("{1} then {0}", {"a", "b"}), "b then a");
    EXPECT_EQ(fill_template("{0} {2}", {"a"}), "a {2}");  // a missing argument stays visible
    EXPECT_EQ(fill_template("no {x} here {", {"a"}), "no {x} here {");
}

// One configuration per code; together they must cover the whole table.
std::vector<Error> errors_of(const Shape& in, const PoolParams& p) {
    Result<PoolPlan> plan = make_plan(in, p);
    return plan.ok() ? std::vector<Error>{} : plan.errors();
}

TEST(ErrorText, EveryCodeIsReportedWithItsTemplateFilled) {
    const Shape k4{1, 1, 4, 4};
    std::vector<std::vector<Error>> found;
    found.push_back(errors_of(k4, test::max_pool({int64_t{1} << 40, 2})));         // size_range
    found.push_back(errors_of({1, 0, 4, 4}, test::max_pool({2, 2})));              // input_empty
    found.push_back(errors_of({1, 1, 1 << 14, 1 << 14}, test::max_pool({2, 2})));  // input_limit
    found.push_back(errors_of(k4, test::max_pool({0, 2}, Pair{1, 1})));            // kernel_positive
    found.push_back(errors_of(k4, test::max_pool({2, 2}, Pair{0, 1})));            // stride_zero
    found.push_back(errors_of(k4, test::max_pool({0, 0})));                        // stride_zero_default
    found.push_back(errors_of(k4, test::max_pool({2, 2}, Pair{-1, 1})));           // stride_positive
    PoolParams dil = test::max_pool({2, 2});
    dil.dilation = {0, 1};
    found.push_back(errors_of(k4, dil));                                          // dilation_positive
    found.push_back(errors_of(k4, test::max_pool({3, 3}, Pair{1, 1}, {-1, 0})));  // padding_negative
    PoolParams sides = test::max_pool({3, 3}, Pair{1, 1});
    sides.padding = {0, 0, -1, 0};
    found.push_back(errors_of(k4, sides));                                         // padding_negative_sides
    found.push_back(errors_of(k4, test::max_pool({3, 3}, std::nullopt, {2, 0})));  // padding_half_kernel
    PoolParams div = test::avg_pool({2, 2});
    div.divisor_override = 0;
    found.push_back(errors_of(k4, div));  // divisor_zero
    PoolParams lp = test::max_pool({2, 2});
    lp.op = PoolOp::kLp;
    lp.norm_type = 0.0;
    found.push_back(errors_of(k4, lp));  // norm_type_zero
    PoolParams adaptive;
    adaptive.op = PoolOp::kAdaptiveAvg;
    adaptive.output_size = {-1, 1};
    found.push_back(errors_of(k4, adaptive));                // adaptive_negative
    found.push_back(errors_of(k4, test::max_pool({5, 5})));  // output_too_small
    adaptive.output_size = {1 << 14, 1 << 14};
    found.push_back(errors_of(k4, adaptive));                                              // output_limit
    found.push_back(errors_of({1, 1, 8192, 8192}, test::max_pool({64, 64}, Pair{1, 1})));  // work_limit

    std::set<std::string> codes;
    for (const std::vector<Error>& errors : found) {
        ASSERT_FALSE(errors.empty());
        for (const Error& e : errors) {
            ASSERT_FALSE(e.code.empty()) << e.message;
            codes.insert(e.code);
            std::string_view english;
            for (const ErrorTemplate& t : error_templates())
                if (t.code == e.code) english = t.english;
            ASSERT_FALSE(english.empty()) << e.code;
            EXPECT_EQ(fill_template(english, e.args), e.message);
            EXPECT_EQ(e.message.find('{'), std::string::npos) << e.message;
        }
    }
    EXPECT_EQ(codes.size(), error_templates().size());
}

}  // namespace
}  // namespace poolscope
