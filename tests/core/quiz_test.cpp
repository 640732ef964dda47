// The quiz model: each question kind answered right and wrong, with the specific hint a typical mistake gets
// (divisor under count_include_pad / divisor_override / ceil_mode, ties, padding, floor vs ceil, dilation,
// the lp root), the typed-number rounding rule, the explanations, and seeded new numbers.
#include <gtest/gtest.h>

#include <cmath>
#include <ostream>
#include <set>

#include "poolscope/generators.h"
#include "poolscope/quiz.h"
#include "test_util.h"

namespace poolscope {

void PrintTo(const QuizText& t, std::ostream* os) {
    *os << t.code << "{";
    for (const std::string& a : t.args)
        *os << "\"" << a << "\" ";
    *os << "}";
}

namespace {

// Every hint, prompt and explanation a test sees must have an English template with no placeholder left.
void expect_worded(const QuizText& text) {
    if (text.code.empty()) return;
    const std::string english = quiz_english(text);
    EXPECT_NE(english, text.code) << "no template for " << text.code;
    EXPECT_EQ(english.find('{'), std::string::npos) << text.code << ": " << english;
}

Question ask(QuestionKind kind, const Tensor& x, const PoolParams& p, int64_t oh = 0, int64_t ow = 0) {
    Result<PoolPlan> plan = make_plan(x.shape(), p);
    EXPECT_TRUE(plan) << plan.error_text();
    Result<Question> q = make_question(kind, *plan, x, {0, 0, oh, ow});
    EXPECT_TRUE(q) << q.error_text();
    expect_worded(q->prompt);
    for (const QuizText& line : explain(*q))
        expect_worded(line);
    return q.value();
}

Verdict typed_and_worded(const Question& q, const std::string& text) {
    QuizAnswer a;
    a.text = text;
    Verdict v = check_answer(q, a);
    expect_worded(v.hint);
    expect_worded(v.reveal);
    return v;
}

Verdict clicked(const Question& q, CellRef cell) {
    QuizAnswer a;
    a.cell = cell;
    Verdict v = check_answer(q, a);
    expect_worded(v.hint);
    return v;
}

Verdict shaped(const Question& q, int64_t h, int64_t w) {
    QuizAnswer a;
    a.shape = {h, w};
    Verdict v = check_answer(q, a);
    expect_worded(v.hint);
    return v;
}

Verdict picked(const Question& q, std::vector<CellRef> cells) {
    QuizAnswer a;
    a.cells = std::move(cells);
    Verdict v = check_answer(q, a);
    expect_worded(v.hint);
    return v;
}

PoolParams with_pad(PoolParams p, bool count_include_pad) {
    p.count_include_pad = count_include_pad;
    return p;
}

TEST(Quiz, TypedNumbersFollowTheTextbookRoundingRule) {
    const float third = 13.0f / 3.0f;  // 4.3333335
    EXPECT_EQ(match_number("4.3333335", third), NumberMatch::kExact);
    EXPECT_EQ(match_number("13/3", third), NumberMatch::kExact);
    EXPECT_EQ(match_number(" 4.33 ", third), NumberMatch::kRounded);
    EXPECT_EQ(match_number("4.3333", third), NumberMatch::kRounded);
    EXPECT_EQ(match_number("4.3", third), NumberMatch::kNeedsMoreDecimals);
    EXPECT_EQ(match_number("4", third), NumberMatch::kNeedsMoreDecimals);
    EXPECT_EQ(match_number("4.34", third), NumberMatch::kWrong);
    EXPECT_EQ(match_number("4.5", 4.5f), NumberMatch::kExact);
    EXPECT_EQ(match_number("4", 4.5f), NumberMatch::kNeedsMoreDecimals);  // 4.5 needs its one decimal
    EXPECT_EQ(match_number("6.3", 6.25f), NumberMatch::kNeedsMoreDecimals);
    EXPECT_EQ(match_number("0.37", 0.37f), NumberMatch::kExact);
    EXPECT_EQ(match_number("NaN", NAN), NumberMatch::kExact);
    EXPECT_EQ(match_number("-inf", -INFINITY), NumberMatch::kExact);
    EXPECT_EQ(match_number("inf", 3.0f), NumberMatch::kWrong);
    EXPECT_EQ(match_number("1e0", 1.0f), NumberMatch::kExact);
    EXPECT_EQ(match_number("4 apples", 4.0f), NumberMatch::kUnreadable);
    EXPECT_EQ(match_number("1/0", 4.0f), NumberMatch::kUnreadable);
}

TEST(Quiz, MaxValueRightAndWrong) {
    const Tensor x = test::arange({1, 1, 3, 3});  // D2L's X: 0..8
    const Question q = ask(QuestionKind::kValue, x, test::max_pool({2, 2}, Pair{1, 1}));
    EXPECT_TRUE(typed_and_worded(q, "4").correct);
    EXPECT_TRUE(typed_and_worded(q, "4.0").correct);
    Verdict v = typed_and_worded(q, "3");
    EXPECT_FALSE(v.correct);
    EXPECT_EQ(v.hint, (QuizText{"not_largest", {"3", "(1, 0)"}}));
    EXPECT_EQ(quiz_english(v.hint),
              "3 at (1, 0) is not the largest value in this window: compare every input cell it covers.");
    EXPECT_EQ(typed_and_worded(q, "2").hint.code, "took_average");  // (0 + 1 + 3 + 4) / 4
    EXPECT_EQ(typed_and_worded(q, "5").hint, (QuizText{"other_window", {}}));
    EXPECT_EQ(typed_and_worded(q, "6").hint, (QuizText{"outside_window", {"6", "(2, 0)"}}));
    EXPECT_EQ(typed_and_worded(q, "four").hint.code, "unreadable_number");
    EXPECT_EQ(typed_and_worded(q, "9").hint, (QuizText{"max_compare", {}}));
    EXPECT_EQ(typed_and_worded(q, "3").reveal, (QuizText{"answer_value", {"4"}}));
}

TEST(Quiz, MaxPaddingIsMinusInfinityAndNaNWins) {
    const Tensor neg = test::matrix({{-1, -2}, {-3, -4}});
    const Question q = ask(QuestionKind::kValue, neg, test::max_pool({2, 2}, Pair{1, 1}, {1, 1}));
    EXPECT_EQ(q.value, -1.0f);
    EXPECT_EQ(typed_and_worded(q, "0").hint.code, "padding_is_neg_inf");
    const Tensor nan = test::matrix({{1, NAN}, {3, 4}});
    const Question qn = ask(QuestionKind::kValue, nan, test::max_pool({2, 2}));
    EXPECT_TRUE(typed_and_worded(qn, "nan").correct);
    EXPECT_EQ(typed_and_worded(qn, "4").hint.code, "nan_wins");
}

TEST(Quiz, AvgValueHintsNameTheDivisorMistake) {
    const Tensor x = test::arange({1, 1, 4, 4});  // window of (0, 0) with padding 1: 0, 1, 4, 5 (sum 10)
    const PoolParams p = test::avg_pool({3, 3}, Pair{1, 1}, {1, 1});
    const Question real = ask(QuestionKind::kValue, x, with_pad(p, false));
    EXPECT_EQ(real.value, 2.5f);
    EXPECT_TRUE(typed_and_worded(real, "2.5").correct);
    EXPECT_EQ(typed_and_worded(real, "1.1111").hint, (QuizText{"counted_padding", {"9"}}));
    EXPECT_EQ(quiz_english(typed_and_worded(real, "1.11").hint),
              "You divided by 9, counting padding; with count_include_pad=False only the window's real input "
              "cells count.");
    EXPECT_EQ(typed_and_worded(real, "10").hint, (QuizText{"forgot_divide", {"10"}}));
    EXPECT_EQ(typed_and_worded(real, "5").hint.code, "took_max");
    EXPECT_EQ(typed_and_worded(real, "0.3").hint, (QuizText{"avg_recount", {}}));

    const Question padded = ask(QuestionKind::kValue, x, with_pad(p, true));
    Verdict ok = typed_and_worded(padded, "1.11");
    EXPECT_TRUE(ok.correct);
    EXPECT_EQ(ok.hint.code, "rounded_ok");
    EXPECT_EQ(typed_and_worded(padded, "1.1").hint, (QuizText{"more_decimals", {"2"}}));
    const Question half = ask(QuestionKind::kValue, test::matrix({{1, 2}}), test::avg_pool({1, 2}));  // 1.5
    EXPECT_EQ(typed_and_worded(half, "2").hint, (QuizText{"more_decimals", {"1"}}));
    EXPECT_EQ(required_decimals(1.5f), 1);
    EXPECT_EQ(required_decimals(6.0f), 0);
    EXPECT_EQ(typed_and_worded(padded, "2.5").hint, (QuizText{"counted_only_real", {"4"}}));

    PoolParams over = with_pad(p, true);
    over.divisor_override = 2;
    const Question q = ask(QuestionKind::kValue, x, over);
    EXPECT_EQ(q.value, 5.0f);
    EXPECT_EQ(typed_and_worded(q, "1.1111").hint, (QuizText{"ignored_override", {"9"}}));
}

TEST(Quiz, CeilModeOverhangIsNotCounted) {
    const Tensor x = test::arange({1, 1, 3, 3});
    PoolParams p = test::avg_pool({2, 2}, Pair{2, 2});
    p.ceil_mode = true;
    const Question value = ask(QuestionKind::kValue, x, p, 1, 1);  // reads only the 8 in the corner
    EXPECT_EQ(value.value, 8.0f);
    EXPECT_EQ(typed_and_worded(value, "2").hint, (QuizText{"counted_overhang", {"4"}}));
    const Question divisor = ask(QuestionKind::kDivisor, x, p, 1, 1);
    EXPECT_TRUE(typed_and_worded(divisor, "1").correct);
    EXPECT_EQ(typed_and_worded(divisor, "4").hint, (QuizText{"counted_overhang", {"4"}}));
    EXPECT_EQ(typed_and_worded(divisor, "2.5").hint.code, "divisor_integer");
    EXPECT_EQ(typed_and_worded(divisor, "3").hint.code, "divisor_rule_window");
}

TEST(Quiz, DivisorQuestionsUnderEachRule) {
    const Tensor x = test::arange({1, 1, 4, 4});
    const PoolParams p = test::avg_pool({3, 3}, Pair{1, 1}, {1, 1});
    const Question real = ask(QuestionKind::kDivisor, x, with_pad(p, false));
    EXPECT_EQ(real.divisor, 4);
    EXPECT_TRUE(typed_and_worded(real, "4").correct);
    EXPECT_EQ(typed_and_worded(real, "9").hint, (QuizText{"counted_padding", {"9"}}));
    const Question window = ask(QuestionKind::kDivisor, x, with_pad(p, true));
    EXPECT_EQ(typed_and_worded(window, "4").hint, (QuizText{"counted_only_real", {"4"}}));
    PoolParams over = p;
    over.divisor_override = 5;
    const Question q = ask(QuestionKind::kDivisor, x, over);
    EXPECT_TRUE(typed_and_worded(q, "5").correct);
    EXPECT_EQ(typed_and_worded(q, "9").hint, (QuizText{"ignored_override", {"9"}}));
    EXPECT_EQ(explain(q)[0], (QuizText{"explain_divisor_override", {"5"}}));
    // A divisor question needs an avg op.
    const PoolPlan plan = make_plan(x.shape(), test::max_pool({2, 2})).value();
    EXPECT_FALSE(make_question(QuestionKind::kDivisor, plan, x, {}));
    EXPECT_FALSE(make_question(QuestionKind::kValue, plan, x, {0, 0, 2, 0}));  // outside the 2x2 output
}

TEST(Quiz, ArgmaxClicks) {
    const Tensor x = test::matrix({{5, 5, 0}, {1, 2, 9}, {0, 0, 0}});
    const Question q = ask(QuestionKind::kArgmax, x, test::max_pool({2, 2}, Pair{1, 1}, {1, 1}), 1, 1);
    EXPECT_EQ(q.argmax, (CellRef{0, 0}));
    EXPECT_TRUE(clicked(q, {0, 0}).correct);
    EXPECT_EQ(clicked(q, {0, 1}).hint, (QuizText{"tie_first", {"(0, 1)"}}));
    EXPECT_EQ(clicked(q, {1, 0}).hint, (QuizText{"not_largest", {"1", "(1, 0)"}}));
    EXPECT_EQ(clicked(q, {1, 2}).hint, (QuizText{"cell_outside_window", {"(1, 2)"}}));
    EXPECT_EQ(clicked(q, {-1, 0}).hint.code, "padding_never_wins");
    EXPECT_EQ(check_answer(q, QuizAnswer{}).hint.code, "pick_a_cell");
    const PoolPlan avg = make_plan(x.shape(), test::avg_pool({2, 2})).value();
    EXPECT_FALSE(make_question(QuestionKind::kArgmax, avg, x, {}));
}

TEST(Quiz, OutputShapeHintsPerAxis) {
    PoolParams p = test::max_pool({2, 2}, Pair{2, 2});
    p.ceil_mode = true;
    const Tensor x5(Shape{1, 1, 5, 5});
    const Question ceil = ask(QuestionKind::kOutputShape, x5, p);
    EXPECT_EQ(ceil.shape, (Pair{3, 3}));
    EXPECT_TRUE(shaped(ceil, 3, 3).correct);
    EXPECT_EQ(shaped(ceil, 2, 3).hint, (QuizText{"used_floor", {"H"}}));
    EXPECT_EQ(quiz_english(shaped(ceil, 3, 2).hint), "W: you used floor, but ceil_mode=True rounds up.");
    p.ceil_mode = false;
    EXPECT_EQ(shaped(ask(QuestionKind::kOutputShape, x5, p), 3, 2).hint, (QuizText{"used_ceil", {"H"}}));
    // ceil_mode dropping the window that would start in the padding.
    PoolParams drop = test::max_pool({2, 2}, Pair{2, 2}, {1, 1});
    drop.ceil_mode = true;
    const Question dropped = ask(QuestionKind::kOutputShape, x5, drop);
    EXPECT_EQ(dropped.shape, (Pair{3, 3}));
    EXPECT_EQ(shaped(dropped, 4, 3).hint, (QuizText{"last_window_dropped", {"H"}}));
    EXPECT_EQ(explain(dropped).size(), 4u);  // per axis: the formula, then the dropped window
    const Tensor x4(Shape{1, 1, 4, 6});
    const Question pad = ask(QuestionKind::kOutputShape, x4, test::max_pool({3, 3}, Pair{1, 1}, {1, 1}));
    EXPECT_EQ(shaped(pad, 2, 6).hint, (QuizText{"forgot_padding", {"H", "2"}}));
    EXPECT_EQ(shaped(pad, 3, 6).hint, (QuizText{"padding_both_sides", {"H", "1"}}));
    EXPECT_EQ(shaped(pad, 6, 4).hint.code, "swapped_axes");
    PoolParams dil = test::max_pool({3, 3}, Pair{1, 1});
    dil.dilation = {2, 2};
    const Tensor x7(Shape{1, 1, 7, 7});
    EXPECT_EQ(shaped(ask(QuestionKind::kOutputShape, x7, dil), 5, 3).hint,
              (QuizText{"forgot_dilation", {"H", "2", "5"}}));
    const Tensor x6(Shape{1, 1, 6, 6});
    EXPECT_EQ(shaped(ask(QuestionKind::kOutputShape, x6, test::max_pool({3, 3})), 4, 2).hint,
              (QuizText{"stride_defaults_to_kernel", {"H", "3"}}));
    EXPECT_EQ(shaped(ask(QuestionKind::kOutputShape, x6, test::max_pool({2, 2})), 2, 3).hint,
              (QuizText{"forgot_plus_one", {"H"}}));
    const Question q = ask(QuestionKind::kOutputShape, x6, test::max_pool({3, 3}, Pair{2, 2}, {1, 1}));
    EXPECT_EQ(explain(q)[0], (QuizText{"explain_shape_axis",
                                       {"H", "6", "1", "1", "1", "3", "3", "5", "2", "floor", "2", "3"}}));
}

TEST(Quiz, WindowCellsSets) {
    const Tensor x5(Shape{1, 1, 5, 5});
    PoolParams dil = test::max_pool({2, 2}, Pair{1, 1});
    dil.dilation = {2, 2};
    const Question q = ask(QuestionKind::kWindowCells, x5, dil);
    EXPECT_EQ(q.cells, (std::vector<CellRef>{{0, 0}, {0, 2}, {2, 0}, {2, 2}}));
    EXPECT_TRUE(picked(q, {{2, 2}, {0, 0}, {2, 0}, {0, 2}, {0, 0}}).correct);  // order, repeats do not matter
    std::vector<CellRef> block;
    for (int64_t h = 0; h < 3; ++h)
        for (int64_t w = 0; w < 3; ++w)
            block.push_back({h, w});
    EXPECT_EQ(picked(q, block).hint, (QuizText{"dilation_gaps", {"2", "2"}}));
    EXPECT_EQ(picked(q, {{0, 0}, {0, 2}, {2, 0}}).hint, (QuizText{"cells_missing", {"1"}}));
    EXPECT_EQ(picked(q, {{0, 0}, {0, 2}, {2, 0}, {2, 2}, {4, 4}}).hint, (QuizText{"cells_extra", {"1"}}));
    EXPECT_EQ(picked(q, {{0, 0}, {0, 2}, {2, 0}, {4, 4}}).hint,
              (QuizText{"cells_missing_extra", {"1", "1"}}));

    const Tensor x4(Shape{1, 1, 4, 4});
    const Question s = ask(QuestionKind::kWindowCells, x4, test::max_pool({2, 2}), 1, 1);
    EXPECT_EQ(picked(s, {{1, 1}, {1, 2}, {2, 1}, {2, 2}}).hint,
              (QuizText{"window_forgot_stride", {"2", "2"}}));
    const Question pad =
        ask(QuestionKind::kWindowCells, x4, test::max_pool({3, 3}, Pair{1, 1}, {1, 1}), 1, 1);
    EXPECT_EQ(pad.cells.size(), 9u);
    EXPECT_EQ(picked(pad, {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 2}, {2, 3}, {3, 1}, {3, 2}, {3, 3}}).hint,
              (QuizText{"window_forgot_padding", {"1", "1"}}));
    const Question corner = ask(QuestionKind::kWindowCells, x4, test::max_pool({3, 3}, Pair{1, 1}, {1, 1}));
    Verdict v = picked(corner, {{-1, -1}, {0, 0}, {0, 1}, {1, 0}, {1, 1}});
    EXPECT_TRUE(v.correct);
    EXPECT_EQ(v.hint.code, "padding_not_cells");
}

TEST(Quiz, LpValueHints) {
    const Tensor x = test::arange({1, 1, 3, 3});
    PoolParams p = test::max_pool({2, 2}, Pair{1, 1});
    p.op = PoolOp::kLp;
    p.norm_type = 2.0;
    const Question q = ask(QuestionKind::kValue, x, p);  // sqrt(0 + 1 + 9 + 16) = sqrt(26)
    EXPECT_EQ(q.value, std::sqrt(26.0f));
    EXPECT_TRUE(typed_and_worded(q, "5.099").correct);
    EXPECT_EQ(typed_and_worded(q, "26").hint, (QuizText{"lp_forgot_root", {"2", "26"}}));
    EXPECT_EQ(typed_and_worded(q, "2.5495").hint, (QuizText{"lp_forgot_scale", {"4"}}));
    EXPECT_EQ(typed_and_worded(q, "4").hint, (QuizText{"lp_not_max", {"2"}}));
    EXPECT_EQ(typed_and_worded(q, "3").hint, (QuizText{"lp_recompute", {"2"}}));
    EXPECT_EQ(explain(q)[0].code, "explain_lp");
}

TEST(Quiz, ChoiceQuestions) {
    const Question q = make_choice_question(3, 1).value();
    QuizAnswer a;
    a.choice = 1;
    EXPECT_TRUE(check_answer(q, a).correct);
    a.choice = 2;
    const Verdict v = check_answer(q, a);
    EXPECT_FALSE(v.correct);
    EXPECT_EQ(v.hint, (QuizText{"choice_wrong", {"3"}}));
    EXPECT_EQ(v.reveal, (QuizText{"answer_choice", {"2"}}));
    EXPECT_EQ(check_answer(q, QuizAnswer{}).hint, (QuizText{"pick_an_option", {}}));  // nothing picked
    EXPECT_FALSE(make_choice_question(1, 0));
    EXPECT_FALSE(make_choice_question(3, 3));
}

TEST(Quiz, NewNumbersAreSeededAndKeepTheShape) {
    const Tensor x = test::matrix({{-1, 2}, {3, 4}});
    const Tensor a = quiz_new_numbers(x, 7).value(), b = quiz_new_numbers(x, 7).value();
    const Tensor c = quiz_new_numbers(x, 8).value();
    EXPECT_TRUE(a.identical(b));
    EXPECT_FALSE(a.identical(c));
    EXPECT_EQ(a.shape(), x.shape());
    EXPECT_EQ(a.rank(), 2);
    for (float v : a.values()) {
        EXPECT_GE(v, -9.0f);
        EXPECT_LE(v, 9.0f);
        EXPECT_EQ(v, std::floor(v));
    }
    const Tensor positive = quiz_new_numbers(test::arange({1, 2, 3, 3}), 1).value();
    for (float v : positive.values())
        EXPECT_GE(v, 0.0f);
    // The same question on the new numbers has the core's new answer.
    const PoolPlan plan = make_plan(a.shape(), test::max_pool({2, 2})).value();
    const Question q = make_question(QuestionKind::kValue, plan, a, {}).value();
    EXPECT_EQ(q.value,
              std::max(std::max(a.values()[0], a.values()[1]), std::max(a.values()[2], a.values()[3])));
}

TEST(Quiz, TemplatesAreUniqueAndKindsRoundTrip) {
    std::set<std::string_view> codes;
    for (const QuizTemplate& t : quiz_templates())
        EXPECT_TRUE(codes.insert(t.code).second) << t.code;
    for (QuestionKind k : {QuestionKind::kValue, QuestionKind::kArgmax, QuestionKind::kDivisor,
                           QuestionKind::kOutputShape, QuestionKind::kWindowCells, QuestionKind::kChoice})
        EXPECT_EQ(parse_question_kind(question_kind_name(k)), k);
    EXPECT_FALSE(parse_question_kind("guess"));
}

}  // namespace
}  // namespace poolscope

namespace poolscope {
namespace {

TEST(Quiz, LargePlanesAreNotCopiedButHintsFromTheWindowRemain) {
    const Tensor x = test::arange({1, 1, 300, 300});  // 90000 cells > kMaxQuizScan
    const PoolPlan plan = make_plan(x.shape(), test::max_pool({2, 2})).value();
    const Question q = make_question(QuestionKind::kArgmax, plan, x, {0, 0, 10, 20}).value();
    EXPECT_TRUE(q.input_plane.empty());
    EXPECT_EQ(q.input_h, 300);
    EXPECT_EQ(q.argmax, (CellRef{21, 41}));
    QuizAnswer a;
    a.cell = CellRef{20, 40};
    EXPECT_EQ(check_answer(q, a).hint, (QuizText{"not_largest", {"6040", "(20, 40)"}}));
    a.cell = CellRef{299, 299};
    EXPECT_EQ(check_answer(q, a).hint.code, "cell_outside_window");
    EXPECT_FALSE(question_fits(QuestionKind::kValue, plan, {0, 0, 150, 0}) == std::nullopt);
    EXPECT_TRUE(question_fits(QuestionKind::kOutputShape, plan, {0, 0, 999, 999}) == std::nullopt);
}

// Hints teach the rule and quote what the student gave, never the right answer (issue 26): for each typical
// mistake, no value the hint carries is the answer (the value, the divisor, the winning cell, the shape).
TEST(Quiz, HintsNeverCarryTheAnswer) {
    auto expect_silent = [](const Question& q, const Verdict& v, const std::string& answer) {
        EXPECT_FALSE(v.correct);
        for (const std::string& arg : v.hint.args)
            EXPECT_NE(arg, answer) << v.hint.code << " quotes the answer " << answer;
        EXPECT_EQ(quiz_english(v.hint).find(answer), std::string::npos)
            << quiz_english(v.hint) << " (answer " << answer << ", " << question_kind_name(q.kind) << ")";
    };
    // Max: the 7 wins the window of (0, 0) over 1 .. 6 (no other value is a substring of "7").
    const Tensor x = test::matrix({{1, 2, 0}, {6, 7, 3}, {4, 5, 3}});
    const PoolParams max = test::max_pool({2, 2}, Pair{1, 1});
    const Question value = ask(QuestionKind::kValue, x, max);
    for (const char* wrong : {"6", "2", "4", "5", "3", "9"})  // not largest, other window, outside, compare
        expect_silent(value, typed_and_worded(value, wrong), "7");
    const Question argmax = ask(QuestionKind::kArgmax, x, max);
    for (CellRef c : {CellRef{1, 0}, CellRef{2, 2}, CellRef{-1, 0}})
        expect_silent(argmax, clicked(argmax, c), "(1, 1)");
    const Question tie = ask(QuestionKind::kArgmax, test::matrix({{8, 8}, {1, 1}}), test::max_pool({2, 2}));
    expect_silent(tie, clicked(tie, {0, 1}), "(0, 0)");
    // Average with padding: the window of (0, 0) holds 0, 1, 4, 5; divisor 4 (real cells) or 9 (padding).
    const Tensor a = test::arange({1, 1, 4, 4});
    const PoolParams pad = test::avg_pool({3, 3}, Pair{1, 1}, {1, 1});
    for (bool include : {false, true}) {
        const Question divisor = ask(QuestionKind::kDivisor, a, with_pad(pad, include));
        const std::string d = std::to_string(divisor.divisor);
        for (const char* wrong : {"9", "4", "6", "1"})
            if (d != wrong) expect_silent(divisor, typed_and_worded(divisor, wrong), d);
        const Question mean = ask(QuestionKind::kValue, a, with_pad(pad, include));
        for (const char* wrong : {"10", "1.1111", "2.5", "5", "0.3"})
            if (!typed_and_worded(mean, wrong).correct)
                expect_silent(mean, typed_and_worded(mean, wrong), d);  // nor the divisor
    }
    PoolParams over = with_pad(pad, true);
    over.divisor_override = 7;
    const Question overridden = ask(QuestionKind::kDivisor, a, over);
    expect_silent(overridden, typed_and_worded(overridden, "9"), "7");
    // Shape: a 5x8 input under kernel 3, stride 2, padding 1 gives 3 x 4.
    const Question shape = ask(QuestionKind::kOutputShape, Tensor(Shape{1, 1, 5, 8}),
                               test::max_pool({3, 3}, Pair{2, 2}, {1, 1}));
    QuizAnswer swapped;
    swapped.shape = {shape.shape.w, shape.shape.h};
    const Verdict v = check_answer(shape, swapped);
    EXPECT_EQ(v.hint.code, "swapped_axes");
    EXPECT_EQ(quiz_english(v.hint).find(std::to_string(shape.shape.h)), std::string::npos);
}

}  // namespace
}  // namespace poolscope
