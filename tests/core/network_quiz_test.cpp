// Network questions: answers from the core, the hint a typical wrong answer gets (the textbook's receptive
// field at the border, gaps counted out of a dilated field, weights without biases, the formula's padding),
// typed sizes in every spelling, and every code having an English template.
#include <gtest/gtest.h>

#include "poolscope/network_quiz.h"

namespace poolscope {
namespace {

struct Asked {
    Network net;
    NetworkShapes shapes;
};

Asked network(const std::string& text) {
    Result<Network> net = network_from_string(text);
    EXPECT_TRUE(net.ok()) << net.error_text();
    Asked a{net ? net.value() : Network{}, {}};
    a.shapes = network_shapes(a.net);
    return a;
}

Question ask(const Asked& a, QuestionKind kind, std::vector<size_t> layer, std::vector<int64_t> cell = {}) {
    Result<Question> q = make_network_question(kind, a.net, a.shapes, layer, cell);
    EXPECT_TRUE(q.ok()) << q.error_text();
    return q ? q.value() : Question{};
}

Verdict typed(const Question& q, const std::string& text) {
    QuizAnswer a;
    a.text = text;
    return check_answer(q, a);
}

const char* kVggBlocks = R"({"input": [1, 1, 32, 32], "layers": [
  {"type": "Conv2d", "in_channels": 1, "out_channels": 4, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
  {"type": "Conv2d", "in_channels": 4, "out_channels": 4, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
  {"type": "MaxPool2d", "kernel_size": 2, "stride": 2},
  {"type": "Conv2d", "in_channels": 4, "out_channels": 8, "kernel_size": 3, "padding": 1},
  {"type": "Conv2d", "in_channels": 8, "out_channels": 8, "kernel_size": 3, "padding": 1},
  {"type": "MaxPool2d", "kernel_size": 2, "stride": 2}, {"type": "Flatten"},
  {"type": "Linear", "in_features": 512, "out_features": 10}]})";

TEST(NetworkQuiz, LayerShapeInEverySpellingWithHints) {
    const Asked a = network(kVggBlocks);
    const Question q = ask(a, QuestionKind::kLayerShape, {5});
    EXPECT_EQ(q.prompt, (QuizText{"prompt_layer_shape", {"net[5]", "Conv2d"}}));
    for (const char* right :
         {"1, 8, 16, 16", "[1, 8, 16, 16]", "1x8x16x16", "torch.Size([1, 8, 16, 16])", " 1 8 16 16"})
        EXPECT_TRUE(typed(q, right).correct) << right;
    EXPECT_EQ(typed(q, "8, 16, 16").hint, (QuizText{"size_rank", {"4", "3"}}));
    EXPECT_EQ(typed(q, "1, 4, 16, 16").hint, (QuizText{"size_is_input", {"net[5]"}}));
    EXPECT_EQ(typed(q, "1, 4, 15, 16").hint, (QuizText{"size_channels_conv", {"8"}}));
    EXPECT_EQ(typed(q, "1, 8, 14, 16").hint.code, "forgot_padding");
    EXPECT_EQ(typed(q, "a shape").hint.code, "sizes_unreadable");
    EXPECT_EQ(check_answer(q, {}).reveal,
              (QuizText{"answer_layer_shape", {"net[5]", "Conv2d", "torch.Size([1, 8, 16, 16])"}}));
    const Question flat = ask(a, QuestionKind::kLayerShape, {8});
    EXPECT_EQ(typed(flat, "1, 64").hint, (QuizText{"size_flatten", {"8 x 8 x 8"}}));
    const Question pool = ask(a, QuestionKind::kLayerShape, {4});
    EXPECT_EQ(typed(pool, "1, 4, 31, 16").hint, (QuizText{"forgot_stride", {"H", "2"}}));
    EXPECT_FALSE(explain(q).empty());
}

TEST(NetworkQuiz, ReceptiveFieldHintsWhereTheTextbookDiffers) {
    const Asked a = network(kVggBlocks);
    const Question inside = ask(a, QuestionKind::kReceptiveField, {7}, {0, 3, 3});
    EXPECT_EQ(inside.network.span, (Pair{16, 16}));
    EXPECT_TRUE(typed(inside, "16").correct);
    EXPECT_TRUE(typed(inside, "16x16").correct);
    EXPECT_EQ(typed(inside, "10").hint, (QuizText{"field_jump", {"4", "4"}}));
    // The corner: the textbook says 16, but rows -6..-1 are padding.
    const Question corner = ask(a, QuestionKind::kReceptiveField, {7}, {0, 0, 0});
    EXPECT_EQ(corner.network.span, (Pair{10, 10}));
    EXPECT_EQ(typed(corner, "16x16").hint, (QuizText{"field_textbook_clipped", {"16", "16"}}));
    const std::vector<QuizText> lines = explain(corner);
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[0], (QuizText{"explain_field_axis", {"rows", "0..9", "10", "10"}}));
    EXPECT_EQ(lines[1], (QuizText{"explain_field_textbook", {"rows", "16", "4", "-6", "-6..9"}}));
    EXPECT_EQ(lines[2].code, "explain_field_clipped");
    // Dilation: the span counts the gaps.
    const Asked d = network(R"({"input": [1, 1, 9, 9], "layers": [
      {"type": "MaxPool2d", "kernel_size": 3, "stride": 1, "dilation": 2}]})");
    const Question dilated = ask(d, QuestionKind::kReceptiveField, {0}, {2, 2});
    EXPECT_TRUE(typed(dilated, "5x5").correct);
    EXPECT_EQ(typed(dilated, "3x3").hint.code, "field_counted_holes");
}

TEST(NetworkQuiz, ParameterCountHints) {
    const Asked a = network(kVggBlocks);
    const Question conv = ask(a, QuestionKind::kParameterCount, {5});  // 8 x 4 x 3 x 3 + 8
    EXPECT_TRUE(typed(conv, "296").correct);
    EXPECT_TRUE(typed(conv, "2_96").correct);
    EXPECT_EQ(typed(conv, "288").hint, (QuizText{"params_forgot_bias", {"8"}}));
    EXPECT_EQ(typed(conv, "32").hint, (QuizText{"params_forgot_kernel", {"3", "3"}}));
    EXPECT_EQ(typed(conv, "80").hint, (QuizText{"params_forgot_in", {"4"}}));
    EXPECT_EQ(explain(conv)[0], (QuizText{"explain_parameters", {"8 x 4 x 3 x 3", "288", "8", "296"}}));
    const Question pool = ask(a, QuestionKind::kParameterCount, {4});
    EXPECT_TRUE(typed(pool, "0").correct);
    EXPECT_EQ(typed(pool, "4").hint, (QuizText{"params_none", {"MaxPool2d"}}));
    const Question linear = ask(a, QuestionKind::kParameterCount, {9});
    EXPECT_TRUE(typed(linear, "5,130").correct);
}

// Found by the network fuzzer: a LazyLinear whose weights saturate at INT64_MAX, plus its biases, overflowed.
TEST(NetworkQuiz, ParameterCountsSaturateInsteadOfOverflowing) {
    const Asked a = network(R"({"input": [1, 1, 2147483647, 2147483647],
        "layers": [{"type": "Flatten"}, {"type": "LazyLinear", "out_features": 2147483647}]})");
    const Question linear = ask(a, QuestionKind::kParameterCount, {1});
    EXPECT_EQ(linear.network.parameters(), INT64_MAX);
    EXPECT_TRUE(typed(linear, "9223372036854775807").correct);
    EXPECT_EQ(typed(linear, "12").hint, (QuizText{"params_recompute", {}}));
    EXPECT_EQ(explain(linear)[0].args.back(), "9223372036854775807");
}

TEST(NetworkQuiz, RefusesLayersThatDoNotRunAndPoolingKinds) {
    const Asked a = network(kVggBlocks);
    EXPECT_FALSE(make_network_question(QuestionKind::kLayerShape, a.net, a.shapes, {12}, {}).ok());
    EXPECT_FALSE(make_network_question(QuestionKind::kValue, a.net, a.shapes, {0}, {}).ok());
    EXPECT_FALSE(make_network_question(QuestionKind::kReceptiveField, a.net, a.shapes, {0}, {0, 40, 0}).ok());
}

TEST(NetworkQuiz, EveryCodeHasAnEnglishTemplate) {
    const Asked a = network(kVggBlocks);
    std::vector<QuizText> seen;
    for (QuestionKind kind :
         {QuestionKind::kLayerShape, QuestionKind::kReceptiveField, QuestionKind::kParameterCount}) {
        const Question q = ask(a, kind, {7}, {0, 0, 0});
        seen.push_back(q.prompt);
        seen.push_back(check_answer(q, {}).reveal);
        for (const QuizText& line : explain(q))
            seen.push_back(line);
    }
    for (const QuizText& t : seen)
        EXPECT_NE(quiz_english(t), t.code) << t.code;
    EXPECT_EQ(parse_typed_sizes("torch.Size([2, 3])"), (std::vector<int64_t>{2, 3}));
    EXPECT_FALSE(parse_typed_sizes("1, -3").has_value());
}

}  // namespace
}  // namespace poolscope
