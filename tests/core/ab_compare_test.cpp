// A/B settings (issue 29): compare_ab() on one input under two settings of one layer. The cells it marks are
// exactly where the two forward passes differ, and each reason quotes the numbers the traces and the plans'
// axis terms hold (floor vs ceil_mode, count_include_pad on/off, padding 0 vs 1, stride, kernel, mode).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "poolscope/ab_compare.h"
#include "poolscope/convention.h"
#include "test_util.h"

namespace poolscope {
namespace {

LayerSpec layer(const PoolParams& p) {
    LayerSpec l = default_layer(Convention::kPyTorch, p.op);
    l.params = p;
    return l;
}

AbComparison compare(const Tensor& input, const PoolParams& a, const PoolParams& b) {
    Result<AbComparison> r = compare_ab(input, layer(a), layer(b));
    EXPECT_TRUE(r.ok()) << r.error_text();
    return r ? r.value() : AbComparison{};
}

const AbReason* find(const std::vector<AbReason>& reasons, std::string_view code,
                     const std::vector<std::string>& args) {
    for (const AbReason& r : reasons)
        if (r.text.code == code && r.text.args == args) return &r;
    return nullptr;
}

std::set<std::pair<int64_t, int64_t>> cells_of(const AbReason& r) {
    std::set<std::pair<int64_t, int64_t>> out;
    for (const OutputCell& c : r.cells)
        out.insert({c.oh, c.ow});
    return out;
}

// Every differing or one-sided cell is explained by at least one reason, and every reason's cell is one.
void expect_every_cell_explained(const AbComparison& cmp) {
    std::set<std::tuple<int64_t, int64_t, int64_t, int64_t, int>> marked, explained;
    const auto key = [](const OutputCell& c, AbPlace p) {
        return std::tuple{c.n, c.c, c.oh, c.ow, static_cast<int>(p)};
    };
    for (const OutputCell& c : cmp.differing)
        marked.insert(key(c, AbPlace::kBoth));
    for (const OutputCell& c : cmp.only_a)
        marked.insert(key(c, AbPlace::kOnlyA));
    for (const OutputCell& c : cmp.only_b)
        marked.insert(key(c, AbPlace::kOnlyB));
    for (const AbReason& r : cmp.reasons)
        for (const OutputCell& c : r.cells)
            explained.insert(key(c, r.place));
    EXPECT_EQ(marked, explained);
}

// The differing cells are exactly where the two forward passes disagree (checked against forward() here,
// independently of compare_ab's own loop).
void expect_differing_matches_forward(const Tensor& input, const PoolParams& a, const PoolParams& b,
                                      const AbComparison& cmp) {
    const PoolOutput oa = pool(input, a).value(), ob = pool(input, b).value();
    const Shape sa = oa.values.shape(), sb = ob.values.shape();
    std::set<std::pair<int64_t, int64_t>> expected, got;
    for (int64_t h = 0; h < std::min(sa.h, sb.h); ++h)
        for (int64_t w = 0; w < std::min(sa.w, sb.w); ++w)
            if (oa.values.at(0, 0, h, w) != ob.values.at(0, 0, h, w)) expected.insert({h, w});
    for (const OutputCell& c : cmp.differing)
        got.insert({c.oh, c.ow});
    EXPECT_EQ(got, expected);
    const int64_t common = std::min(sa.h, sb.h) * std::min(sa.w, sb.w);
    EXPECT_EQ(static_cast<int64_t>(cmp.only_a.size()), sa.h * sa.w - common);
    EXPECT_EQ(static_cast<int64_t>(cmp.only_b.size()), sb.h * sb.w - common);
}

// The issue's own example: floor vs ceil_mode adds a 4th column whose window starts at column 6.
TEST(AbCompare, CeilModeAddsAColumnWhoseWindowStartsInsideTheInput) {
    const Tensor x = test::arange({1, 1, 8, 8});
    PoolParams a = test::max_pool({3, 3}, Pair{2, 2});
    PoolParams b = a;
    b.ceil_mode = true;
    const AbComparison cmp = compare(x, a, b);
    ASSERT_TRUE(cmp.a.plan && cmp.b.plan);
    EXPECT_EQ(cmp.a.plan->output.w, 3);
    EXPECT_EQ(cmp.b.plan->output.w, 4);
    EXPECT_TRUE(cmp.differing.empty());  // the windows both have are the same windows
    EXPECT_TRUE(cmp.only_a.empty());
    EXPECT_EQ(cmp.only_b.size(), 7u);  // row 3 and column 3 of a 4x4
    const AbReason* column = find(cmp.reasons, "ab_ceil_extra", {"B", "column", "3", "6", "7", "A"});
    ASSERT_NE(column, nullptr);
    EXPECT_EQ(column->text.english,
              "B's ceil_mode=True adds output column 3: its window starts at column 6, inside the input, and "
              "runs past the padded input's last column 7, so A's floor leaves it out");
    EXPECT_EQ(column->place, AbPlace::kOnlyB);
    EXPECT_EQ(cells_of(*column), (std::set<std::pair<int64_t, int64_t>>{{0, 3}, {1, 3}, {2, 3}, {3, 3}}));
    EXPECT_TRUE(column->tells.shape);
    ASSERT_NE(find(cmp.reasons, "ab_ceil_extra", {"B", "row", "3", "6", "7", "A"}), nullptr);
    expect_every_cell_explained(cmp);
    // The window B adds: its trace starts where the sentence says.
    const CellTrace t = trace_cell(*cmp.b.plan, x, {0, 0, 0, 3});
    EXPECT_EQ(t.w_start, 6);
}

// Swapped: the extra cells are A's, and the sentence names A as the ceil side.
TEST(AbCompare, CeilModeOnTheASideIsNamedA) {
    const Tensor x = test::arange({1, 1, 8, 8});
    PoolParams b = test::max_pool({3, 3}, Pair{2, 2});
    PoolParams a = b;
    a.ceil_mode = true;
    const AbComparison cmp = compare(x, a, b);
    EXPECT_EQ(cmp.only_a.size(), 7u);
    EXPECT_TRUE(cmp.only_b.empty());
    EXPECT_NE(find(cmp.reasons, "ab_ceil_extra", {"A", "column", "3", "6", "7", "B"}), nullptr);
    expect_every_cell_explained(cmp);
}

// "count_include_pad=False divides by 4, not 9, because 5 of the window's cells are padding": the corners;
// the edges divide by 6 (3 padding); the centre reads no padding and does not differ.
TEST(AbCompare, CountIncludePadDividesByTheRealCells) {
    const Tensor x = test::arange({1, 1, 3, 3}, 1.0f);
    PoolParams a = test::avg_pool({3, 3}, Pair{1, 1}, {1, 1});
    PoolParams b = a;
    b.count_include_pad = false;
    const AbComparison cmp = compare(x, a, b);
    EXPECT_EQ(cmp.differing.size(), 8u);
    const AbReason* corners = find(cmp.reasons, "ab_divisor_padding", {"B", "4", "9", "5"});
    ASSERT_NE(corners, nullptr);
    EXPECT_EQ(corners->text.english,
              "B's count_include_pad=False divides by 4, not 9: 5 of the window's cells are padding");
    EXPECT_EQ(cells_of(*corners), (std::set<std::pair<int64_t, int64_t>>{{0, 0}, {0, 2}, {2, 0}, {2, 2}}));
    EXPECT_TRUE(corners->tells.divisor);
    const AbReason* edges = find(cmp.reasons, "ab_divisor_padding", {"B", "6", "9", "3"});
    ASSERT_NE(edges, nullptr);
    EXPECT_EQ(cells_of(*edges), (std::set<std::pair<int64_t, int64_t>>{{0, 1}, {1, 0}, {1, 2}, {2, 1}}));
    EXPECT_EQ(cmp.reasons.size(), 2u);
    // The numbers are the traces': B's corner divides by 4, A's by 9.
    EXPECT_EQ(trace_cell(*cmp.b.plan, x, {0, 0, 0, 0}).divisor, 4);
    EXPECT_EQ(trace_cell(*cmp.a.plan, x, {0, 0, 0, 0}).divisor, 9);
    expect_every_cell_explained(cmp);
    expect_differing_matches_forward(x, a, b, cmp);
}

// Padding 0 vs 1: B's padded input is 6 wide, room for 4 windows instead of 2, and every B window starts one
// row higher and one column further left.
TEST(AbCompare, PaddingAddsRowsAndMovesEveryWindow) {
    const Tensor x = test::arange({1, 1, 4, 4});
    PoolParams a = test::max_pool({3, 3}, Pair{1, 1});
    PoolParams b = test::max_pool({3, 3}, Pair{1, 1}, {1, 1});
    const AbComparison cmp = compare(x, a, b);
    ASSERT_EQ(cmp.b.plan->output.h, 4);
    EXPECT_EQ(cmp.only_b.size(), 12u);
    EXPECT_EQ(cmp.differing.size(), 4u);  // arange: every moved window has another maximum
    const AbReason* shift = find(cmp.reasons, "ab_window_shift", {"B", "1", "1", "A", "0", "0", "1", "1"});
    ASSERT_NE(shift, nullptr);
    EXPECT_EQ(cells_of(*shift).size(), 4u);
    const AbReason* rows =
        find(cmp.reasons, "ab_padding_extra", {"B", "height", "1", "1", "6", "4", "A", "4", "2"});
    ASSERT_NE(rows, nullptr);
    EXPECT_EQ(
        rows->text.english,
        "B pads 1 before and 1 after along the height: its padded height is 6 cells, against 4 in A, room "
        "for 4 windows instead of 2");
    EXPECT_NE(find(cmp.reasons, "ab_padding_extra", {"B", "width", "1", "1", "6", "4", "A", "4", "2"}),
              nullptr);
    expect_every_cell_explained(cmp);
    expect_differing_matches_forward(x, a, b, cmp);
}

// Stride 1 vs 2: the windows of the same output cell start at different places, said per cell.
TEST(AbCompare, StrideMovesWindowsCellByCell) {
    const Tensor x = test::arange({1, 1, 5, 5});
    PoolParams a = test::max_pool({2, 2}, Pair{1, 1});
    PoolParams b = test::max_pool({2, 2}, Pair{2, 2});
    const AbComparison cmp = compare(x, a, b);
    EXPECT_EQ(cmp.a.plan->output.h, 4);
    EXPECT_EQ(cmp.b.plan->output.h, 2);
    const AbReason* r = find(cmp.reasons, "ab_window_stride", {"1", "1", "1", "1", "2", "2", "1", "2"});
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->text.english,
              "Output (1, 1) reads from (1, 1) in A and from (2, 2) in B: A's windows step 1 apart, B's 2");
    EXPECT_FALSE(cmp.only_a.empty());
    const AbReason* count =
        find(cmp.reasons, "ab_count",
             {"A", "height", "4", "5", "2", "1", "down", "B", "2", "5", "2", "2", "down"});
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(
        count->text.english,
        "A fits 4 windows along the height: (5 − 2) / 1 rounded down, + 1; B fits 2: (5 − 2) / 2 rounded "
        "down, + 1");
    expect_every_cell_explained(cmp);
    expect_differing_matches_forward(x, a, b, cmp);
}

TEST(AbCompare, KernelSizeAndModeAreExplained) {
    const Tensor x = test::arange({1, 1, 4, 4});
    PoolParams a = test::max_pool({2, 2}, Pair{1, 1});
    PoolParams b = test::max_pool({3, 3}, Pair{1, 1});
    AbComparison cmp = compare(x, a, b);
    EXPECT_NE(find(cmp.reasons, "ab_window_size", {"2", "2", "3", "3"}), nullptr);
    expect_every_cell_explained(cmp);

    PoolParams avg = a;
    avg.op = PoolOp::kAvg;
    cmp = compare(x, a, avg);
    ASSERT_EQ(cmp.reasons.size(), 1u);  // the same windows: only the rule differs
    EXPECT_EQ(cmp.reasons[0].text.code, "ab_op");
    EXPECT_EQ(cmp.reasons[0].text.args, (std::vector<std::string>{"max_pool2d", "avg_pool2d"}));
    EXPECT_EQ(cmp.differing.size(), 9u);
    expect_every_cell_explained(cmp);
}

TEST(AbCompare, DilationSpreadsTheWindow) {
    const Tensor x = test::arange({1, 1, 5, 5});
    PoolParams a = test::max_pool({2, 2}, Pair{1, 1});
    PoolParams b = a;
    b.dilation = {2, 2};
    const AbComparison cmp = compare(x, a, b);
    EXPECT_NE(find(cmp.reasons, "ab_window_dilation", {"1", "1", "2", "2"}), nullptr);
    expect_every_cell_explained(cmp);
}

// ceil_mode on average pooling: the added windows hang past the input, and count only the cells inside.
TEST(AbCompare, CeilModeAverageDividesTheOverhangingWindowByTheCellsInside) {
    const Tensor x = test::arange({1, 1, 5, 5}, 1.0f);
    PoolParams a = test::avg_pool({2, 2});
    PoolParams b = a;
    b.ceil_mode = true;
    const AbComparison cmp = compare(x, a, b);
    const AbReason* edge = find(cmp.reasons, "ab_overhang_divisor", {"B", "2", "4"});
    ASSERT_NE(edge, nullptr);
    EXPECT_EQ(cells_of(*edge), (std::set<std::pair<int64_t, int64_t>>{{0, 2}, {1, 2}, {2, 0}, {2, 1}}));
    const AbReason* corner = find(cmp.reasons, "ab_overhang_divisor", {"B", "1", "4"});
    ASSERT_NE(corner, nullptr);
    EXPECT_EQ(cells_of(*corner), (std::set<std::pair<int64_t, int64_t>>{{2, 2}}));
    EXPECT_EQ(trace_cell(*cmp.b.plan, x, {0, 0, 2, 2}).divisor, 1);
    expect_every_cell_explained(cmp);
}

// Settings that differ without a visible effect get a note each, and no cell is marked.
TEST(AbCompare, NotesWhenTheSettingChangesNothingHere) {
    PoolParams a = test::max_pool({2, 2});
    PoolParams b = a;
    b.ceil_mode = true;
    AbComparison cmp = compare(test::arange({1, 1, 4, 4}), a, b);  // (4 - 2) / 2 leaves nothing over
    EXPECT_FALSE(cmp.any_difference());
    ASSERT_EQ(cmp.notes.size(), 2u);
    EXPECT_EQ(
        cmp.notes[0].text.english,
        "Along the height the window slides 2 cells, a multiple of the stride 2: floor and ceil_mode give "
        "the same count");

    // Input 5, padding 1, kernel 2, stride 2: ceil's 4th window would start at 5, in the end padding.
    a = test::max_pool({2, 2}, Pair{2, 2}, {1, 1});
    b = a;
    b.ceil_mode = true;
    cmp = compare(test::arange({1, 1, 5, 5}), a, b);
    EXPECT_FALSE(cmp.any_difference());
    ASSERT_NE(find(cmp.notes, "ab_ceil_dropped", {"B", "row", "5"}), nullptr);

    a = test::avg_pool({2, 2});
    b = a;
    b.count_include_pad = false;
    cmp = compare(test::arange({1, 1, 4, 4}), a, b);
    EXPECT_FALSE(cmp.any_difference());
    ASSERT_EQ(cmp.notes.size(), 1u);
    EXPECT_EQ(cmp.notes[0].text.code, "ab_no_padding_read");
}

TEST(AbCompare, ChannelsAreComparedPlaneByPlane) {
    const Tensor x = test::arange({1, 2, 3, 3}, 1.0f, 3);
    PoolParams a = test::avg_pool({3, 3}, Pair{1, 1}, {1, 1});
    PoolParams b = a;
    b.count_include_pad = false;
    const AbComparison cmp = compare(x, a, b);
    EXPECT_EQ(cmp.differing.size(), 16u);  // 8 per channel
    const AbReason* corners = find(cmp.reasons, "ab_divisor_padding", {"B", "4", "9", "5"});
    ASSERT_NE(corners, nullptr);
    EXPECT_EQ(corners->cells.size(), 8u);
    EXPECT_EQ(corners->cells.back().c, 1);
}

// A stride written out as the kernel size is the default stride: the same layer, nothing to compare.
TEST(AbCompare, ADefaultStrideWrittenOutIsTheSameLayer) {
    PoolParams a = test::max_pool({2, 2});
    PoolParams b = test::max_pool({2, 2}, Pair{2, 2});
    EXPECT_TRUE(same_layer(layer(a), layer(b)));
    const AbComparison cmp = compare(test::arange({1, 1, 4, 4}), a, b);
    EXPECT_TRUE(cmp.same_layer());
    EXPECT_TRUE(cmp.reasons.empty());
    b.stride = Pair{1, 1};
    EXPECT_FALSE(same_layer(layer(a), layer(b)));
}

TEST(AbCompare, ARejectedSideHasItsErrorsAndNoCells) {
    PoolParams a = test::max_pool({3, 3}, Pair{1, 1});
    PoolParams b = test::max_pool({3, 3}, Pair{1, 1}, {2, 2});  // more than half the kernel
    const AbComparison cmp = compare(test::arange({1, 1, 4, 4}), a, b);
    EXPECT_TRUE(cmp.a.plan.has_value());
    EXPECT_FALSE(cmp.b.plan.has_value());
    ASSERT_FALSE(cmp.b.errors.empty());
    EXPECT_EQ(cmp.b.errors[0].field, "padding");
    EXPECT_FALSE(cmp.any_difference());
    EXPECT_TRUE(cmp.reasons.empty());
}

TEST(AbCompare, TooMuchWorkIsAnErrorNotAHang) {
    const Tensor x(Shape{1, 1, 4096, 4096}, 1.0f, 2);
    PoolParams a = test::max_pool({8, 8}, Pair{1, 1});
    PoolParams b = a;
    b.ceil_mode = true;
    const Result<AbComparison> r = compare_ab(x, layer(a), layer(b));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors()[0].field, "input");
}

// An open question hides the reasons that would tell its answer.
TEST(AbCompare, ReasonsAnOpenQuestionWouldGiveAwayAreHidden) {
    const Tensor x = test::arange({1, 1, 3, 3}, 1.0f);
    PoolParams a = test::avg_pool({3, 3}, Pair{1, 1}, {1, 1});
    PoolParams b = a;
    b.count_include_pad = false;
    const AbComparison cmp = compare(x, a, b);
    const AbReason* corners = find(cmp.reasons, "ab_divisor_padding", {"B", "4", "9", "5"});
    ASSERT_NE(corners, nullptr);
    QuizHidden none;
    EXPECT_FALSE(ab_reason_hidden(*corners, none));
    QuizHidden value;
    value.windows.push_back({.cell = {0, 0, 0, 0}, .value = true, .arithmetic = true, .divisor = true});
    EXPECT_TRUE(ab_reason_hidden(*corners, value));  // it quotes (0, 0)'s divisor
    QuizHidden shape;
    shape.output_shape = true;
    EXPECT_TRUE(ab_reason_hidden(*corners, shape));  // while the shape is asked no cell is shown at all
    QuizHidden centre;  // a question on the centre, which reads no padding, keeps the corners' reason
    centre.windows.push_back({.cell = {0, 0, 1, 1}, .value = true});
    EXPECT_FALSE(ab_reason_hidden(*corners, centre));
    PoolParams c = test::max_pool({3, 3}, Pair{2, 2});
    PoolParams d = c;
    d.ceil_mode = true;
    const AbComparison ceil = compare(test::arange({1, 1, 8, 8}), c, d);
    ASSERT_FALSE(ceil.reasons.empty());
    EXPECT_TRUE(ab_reason_hidden(ceil.reasons[0], shape));  // the extra column tells the output's width
}

TEST(AbCompare, EveryCodeHasAnEnglishSentenceAndNoPlaceholderIsLeft) {
    const Tensor x = test::arange({1, 1, 8, 8});
    const std::vector<std::pair<PoolParams, PoolParams>> pairs = {
        {test::max_pool({3, 3}, Pair{2, 2}), test::max_pool({3, 3}, Pair{2, 2}, {1, 1})},
        {test::avg_pool({2, 2}, Pair{1, 1}), test::avg_pool({3, 3}, Pair{2, 2}, {1, 1})},
    };
    for (const auto& [a, b] : pairs) {
        const AbComparison cmp = compare(x, a, b);
        EXPECT_TRUE(cmp.any_difference());
        for (const AbReason& r : cmp.reasons) {
            EXPECT_FALSE(r.text.english.empty()) << r.text.code;
            EXPECT_EQ(r.text.english.find('{'), std::string::npos) << r.text.english;
        }
        expect_every_cell_explained(cmp);
    }
    for (const CompareTemplate& t : ab_templates())
        EXPECT_FALSE(t.english.empty()) << t.code;
}

}  // namespace
}  // namespace poolscope
