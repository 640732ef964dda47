// What an open question hides (quiz_hidden.h), for every question kind: exactly what it asks about and what
// would give that away, on its own output cell and channel, and nothing once no question is open.
#include <gtest/gtest.h>

#include "poolscope/quiz_hidden.h"
#include "test_util.h"

namespace poolscope {
namespace {

Question ask(QuestionKind kind, const Tensor& x, const PoolParams& p, OutputCell cell) {
    Result<PoolPlan> plan = make_plan(x.shape(), p);
    EXPECT_TRUE(plan) << plan.error_text();
    Result<Question> q =
        kind == QuestionKind::kChoice ? make_choice_question(3, 1) : make_question(kind, *plan, x, cell);
    EXPECT_TRUE(q) << q.error_text();
    return q.value();
}

// Which facets of the window of `cell` are hidden, as a string ("value arithmetic argmax"), for readable
// failures; "-" when nothing is.
std::string facets(const QuizHidden& h, const OutputCell& cell) {
    const HiddenWindow* w = h.find(cell);
    if (!w) return "-";
    std::string s;
    for (auto [on, name] :
         {std::pair{w->value, "value"}, std::pair{w->arithmetic, "arithmetic"},
          std::pair{w->argmax, "argmax"}, std::pair{w->divisor, "divisor"}, std::pair{w->window, "window"}})
        if (on) s += std::string(s.empty() ? "" : " ") + name;
    return s;
}

const Tensor kX = test::arange({1, 2, 4, 4});  // two channels, so a cell's channel matters
const OutputCell kCell{0, 1, 0, 1};            // channel 1, output (0, 1)
const OutputCell kOtherChannel{0, 0, 0, 1};
const OutputCell kOtherCell{0, 1, 1, 1};

TEST(QuizHidden, ValueHidesTheResultAndTheWinnerOfAMaxWindow) {
    const Question q = ask(QuestionKind::kValue, kX, test::max_pool({2, 2}, Pair{1, 1}), kCell);
    const QuizHidden h = hidden_by({&q});
    EXPECT_EQ(facets(h, kCell), "value arithmetic argmax");  // the winner's input value is the answer
    EXPECT_TRUE(h.hides_value(kCell));
    EXPECT_TRUE(h.hides_window(kCell));
    EXPECT_FALSE(h.hides_value(kOtherChannel));  // the same cell of the other channel stays
    EXPECT_FALSE(h.hides_value(kOtherCell));
    EXPECT_FALSE(h.output_shape);
    EXPECT_TRUE(h.any());
}

TEST(QuizHidden, ValueHidesTheDivisorOfAnAverageWindow) {
    const Question q = ask(QuestionKind::kValue, kX, test::avg_pool({3, 3}, Pair{1, 1}, {1, 1}), kCell);
    EXPECT_EQ(facets(hidden_by({&q}), kCell), "value arithmetic divisor");  // sum / divisor is the answer
}

TEST(QuizHidden, ValueOfAnLpWindowHidesItsResultAndArithmetic) {
    PoolParams lp = test::max_pool({2, 2}, Pair{1, 1});
    lp.op = PoolOp::kLp;
    lp.norm_type = 2.0;
    const Question q = ask(QuestionKind::kValue, kX, lp, kCell);
    EXPECT_EQ(facets(hidden_by({&q}), kCell), "value arithmetic");
}

TEST(QuizHidden, ArgmaxHidesTheWinnerAndTheValuePointingAtIt) {
    const Question q = ask(QuestionKind::kArgmax, kX, test::max_pool({2, 2}, Pair{1, 1}), kCell);
    EXPECT_EQ(facets(hidden_by({&q}), kCell), "value arithmetic argmax");
}

TEST(QuizHidden, DivisorHidesTheDivisorAndTheValue) {
    const Question q = ask(QuestionKind::kDivisor, kX, test::avg_pool({3, 3}, Pair{1, 1}, {1, 1}), kCell);
    EXPECT_EQ(facets(hidden_by({&q}), kCell), "value arithmetic divisor");  // sum / value is the divisor
}

TEST(QuizHidden, WindowCellsHideTheWindowNotTheValue) {
    const Question max = ask(QuestionKind::kWindowCells, kX, test::max_pool({2, 2}, Pair{1, 1}), kCell);
    const QuizHidden h = hidden_by({&max});
    EXPECT_EQ(facets(h, kCell), "arithmetic argmax window");  // the winner is one of the cells
    EXPECT_FALSE(h.hides_value(kCell));
    EXPECT_TRUE(h.hides_window(kCell));
    const Question avg = ask(QuestionKind::kWindowCells, kX, test::avg_pool({2, 2}, Pair{1, 1}), kCell);
    EXPECT_EQ(facets(hidden_by({&avg}), kCell), "arithmetic window");
}

TEST(QuizHidden, OutputShapeHidesTheShapeAndWithItEveryValue) {
    const Question q = ask(QuestionKind::kOutputShape, kX, test::max_pool({2, 2}), {});
    const QuizHidden h = hidden_by({&q});
    EXPECT_TRUE(h.output_shape);
    EXPECT_TRUE(h.windows.empty());
    EXPECT_TRUE(h.hides_value(kCell));
    EXPECT_TRUE(h.hides_value(kOtherChannel));
    EXPECT_TRUE(h.hides_window(kOtherCell));
}

TEST(QuizHidden, ChoiceHidesNothing) {
    const Question q = ask(QuestionKind::kChoice, kX, test::max_pool({2, 2}), {});
    const QuizHidden h = hidden_by({&q});
    EXPECT_FALSE(h.any());
    EXPECT_FALSE(h.hides_value(kCell));
}

TEST(QuizHidden, QuestionsAboutOneCellAddUpAndNoneOpenHidesNothing) {
    const PoolParams avg = test::avg_pool({3, 3}, Pair{1, 1}, {1, 1});
    const Question cells = ask(QuestionKind::kWindowCells, kX, avg, kCell);
    const Question divisor = ask(QuestionKind::kDivisor, kX, avg, kCell);
    const Question other = ask(QuestionKind::kValue, kX, avg, kOtherCell);
    const QuizHidden h = hidden_by({&cells, &divisor, &other});
    ASSERT_EQ(h.windows.size(), 2u);
    EXPECT_EQ(facets(h, kCell), "value arithmetic divisor window");
    EXPECT_EQ(facets(h, kOtherCell), "value arithmetic divisor");
    EXPECT_FALSE(hidden_by({}).any());
    EXPECT_FALSE(hidden_by({nullptr}).any());
}

TEST(QuizHidden, NetworkQuestionsHideTheirLayersFactAndNoWindow) {
    Question shape, field, params, other_layer;
    shape.kind = QuestionKind::kLayerShape, shape.network.layer = {3};
    field.kind = QuestionKind::kReceptiveField, field.network.layer = {3};
    params.kind = QuestionKind::kParameterCount, params.network.layer = {4, 1};
    other_layer.kind = QuestionKind::kLayerShape, other_layer.network.layer = {5};
    const QuizHidden h = hidden_by({&shape, &field, &params});
    EXPECT_TRUE(h.any());
    EXPECT_TRUE(h.windows.empty());
    EXPECT_FALSE(h.output_shape);
    ASSERT_EQ(h.layers.size(), 2u);
    const HiddenLayer* three = h.find_layer({3});
    ASSERT_NE(three, nullptr);
    EXPECT_TRUE(three->output_shape && three->receptive_field && !three->parameter_count);
    const HiddenLayer* block = h.find_layer({4, 1});
    ASSERT_NE(block, nullptr);
    EXPECT_TRUE(block->parameter_count && !block->output_shape);
    EXPECT_EQ(h.find_layer({4}), nullptr);
    EXPECT_EQ(hidden_by({&other_layer}).find_layer({3}), nullptr);
}

}  // namespace
}  // namespace poolscope
