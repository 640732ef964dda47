// Every validation error carries a code and the values it quotes, and its English message is exactly the
// code's template filled with them, so a frontend can word the same sentence in another language.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "poolscope/convention.h"
#include "poolscope/error_text.h"
#include "poolscope/json_backward.h"
#include "poolscope/max_unpool.h"
#include "poolscope/pool_backward.h"
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
std::vector<Error> errors_of(const Shape& in, Convention c, PoolParams p, PadMode mode = PadMode::kExplicit,
                             int64_t storage_order = 0) {
    LayerSpec layer = default_layer(c, p.op);
    p.count_include_pad = layer.params.count_include_pad;
    layer.params = p;
    if (c != Convention::kTensorFlow || mode != PadMode::kExplicit) layer.pad_mode = mode;
    layer.storage_order = storage_order;
    Result<PoolPlan> plan = plan_layer(in, layer);
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
    // Backward and unpooling.
    const PoolPlan plan = make_plan(k4, test::max_pool({2, 2})).value();
    found.push_back(check_grad_output_shape(plan, {1, 1, 2, 3}, 4, 4));  // grad_output_shape
    auto unpool_errors = [](const Shape& in, UnpoolParams p, std::vector<int64_t> indices = {}) {
        Result<UnpoolPlan> plan = make_unpool_plan(in, p);
        if (!plan) return plan.errors();
        Result<UnpoolOutput> out = max_unpool(*plan, Tensor(in), indices);
        return out.ok() ? std::vector<Error>{} : out.errors();
    };
    UnpoolParams up;
    up.output_size = Pair{9, 4};
    found.push_back(unpool_errors({1, 1, 2, 2}, up));  // unpool_output_size_range
    up.output_size.reset();
    up.padding = {3, 0};
    found.push_back(unpool_errors({1, 1, 2, 2}, up));          // unpool_output_negative
    found.push_back(unpool_errors({1, 1, 1, 2}, {}, {0, 8}));  // unpool_invalid_index
    const Result<std::vector<int64_t>> shaped =
        unpool_indices_from_json(nlohmann::json::parse("[[0, 1]]"), "/indices", {1, 1, 2, 2}, 4);
    found.push_back(shaped.errors());  // unpool_indices_shape
    const Result<UnpoolParams> length =
        unpool_params_from_json(nlohmann::json::parse(R"({"kernel_size": 2, "output_size": [4]})"), "");
    found.push_back(length.errors());  // unpool_output_size_length
    // Other frameworks' rules.
    const Convention tf = Convention::kTensorFlow, onnx = Convention::kOnnx, mx = Convention::kMxnet;
    found.push_back(errors_of(k4, tf, test::max_pool({int64_t{1} << 40, 2})));  // size_limit
    found.push_back(errors_of(k4, mx, dil));                                    // convention_no_param
    adaptive.output_size = {1, 1};
    found.push_back(errors_of(k4, onnx, adaptive));  // convention_no_op
    PoolParams lp_p = test::max_pool({2, 2});
    lp_p.op = PoolOp::kLp;
    found.push_back(errors_of(k4, mx, lp_p));  // poolscope_unsupported
    lp_p.norm_type = 0.5;
    found.push_back(errors_of(k4, onnx, lp_p));  // onnx_lp_p
    PoolParams tf_dil = test::max_pool({2, 2}, Pair{2, 2});
    tf_dil.dilation = {2, 2};
    found.push_back(errors_of(k4, tf, tf_dil));  // tf_dilation_strides
    LayerSpec tf_explicit = default_layer(tf, PoolOp::kMax);
    tf_explicit.pad_mode = PadMode::kExplicit;
    tf_explicit.params.padding = {2, 0, 0, 0};
    found.push_back(plan_layer(k4, tf_explicit).errors());                               // tf_pad_window
    found.push_back(errors_of(k4, tf, test::max_pool({2, 2}), PadMode::kSameLower));     // padding_mode
    found.push_back(errors_of(k4, tf, test::max_pool({5, 2}), PadMode::kValid));         // tf_valid_window
    found.push_back(errors_of(k4, onnx, test::max_pool({2, 2}, std::nullopt, {2, 0})));  // onnx_pad_kernel
    found.push_back(errors_of(k4, onnx, test::max_pool({2, 2}, std::nullopt, {1, 0}),
                              PadMode::kSameUpper));  // onnx_auto_pad_pads
    found.push_back(
        errors_of(k4, onnx, test::max_pool({2, 2}), PadMode::kExplicit, 2));  // onnx_storage_order
    found.push_back(errors_of(k4, mx, sides));                                // mxnet_padding_symmetric
    found.push_back(errors_of(k4, mx, test::max_pool({7, 2})));               // mxnet_kernel_exceeds

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
