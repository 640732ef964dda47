// parse_matrix_text / format_matrix_text: real PyTorch 1.13 and NumPy 1.24 printouts (made with
// /usr/bin/python3, pasted verbatim), JSON, CSV/TSV, hostile input, and round trips through every style.
#include "poolscope/matrix_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>

#include "test_util.h"

namespace poolscope {
namespace {

Tensor parsed(std::string_view text) {
    Result<Tensor> t = parse_matrix_text(text);
    EXPECT_TRUE(t) << text << "\n -> " << t.error_text();
    return t ? t.value() : Tensor();
}

std::vector<float> vals(std::initializer_list<float> v) {
    return v;
}

void expect_values(const Tensor& t, Shape shape, int rank, const std::vector<float>& want) {
    EXPECT_EQ(t.shape(), shape);
    EXPECT_EQ(t.rank(), rank);
    ASSERT_EQ(t.values().size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        if (std::isnan(want[i]))
            EXPECT_TRUE(std::isnan(t.values()[i])) << i;
        else
            EXPECT_EQ(std::bit_cast<uint32_t>(t.values()[i]), std::bit_cast<uint32_t>(want[i]))
                << "element " << i << ": " << t.values()[i] << " vs " << want[i];
    }
}

std::string error_of(std::string_view text) {
    Result<Tensor> t = parse_matrix_text(text);
    EXPECT_FALSE(t) << "accepted: " << text;
    return t ? std::string() : t.error_text();
}

const float kNan = std::nanf("");
using test::kInf;

// ------------------------------------------------------------------ PyTorch printouts
TEST(MatrixTextParse, TorchPrintOf2x2) {
    expect_values(parsed("tensor([[0., 1.],\n        [2., 3.]])"), {1, 1, 2, 2}, 2, vals({0, 1, 2, 3}));
}

TEST(MatrixTextParse, TorchPrintWithNonFiniteAndDecimals) {
    expect_values(parsed("tensor([[ 1.5000, -0.2500,  3.0000],\n        [    nan,     inf,    -inf]])"),
                  {1, 1, 2, 3}, 2, vals({1.5f, -0.25f, 3, kNan, kInf, -kInf}));
}

TEST(MatrixTextParse, TorchScientificAndNegativeZero) {
    expect_values(parsed("tensor([[1.0000e+20, 1.0000e+00],\n        [-0.0000e+00, 3.0000e+00]])"),
                  {1, 1, 2, 2}, 2, vals({1e20f, 1, -0.0f, 3}));
}

TEST(MatrixTextParse, TorchKeywordsAreIgnored) {
    expect_values(parsed("tensor([[2.0000e-03, 2.4680e+02]], grad_fn=<MulBackward0>)"), {1, 1, 1, 2}, 2,
                  vals({2e-3f, 246.8f}));
    expect_values(parsed("tensor([[0., 1., 2.],\n        [3., 4., 5.]], dtype=torch.float64)"), {1, 1, 2, 3},
                  2, vals({0, 1, 2, 3, 4, 5}));
    expect_values(parsed("Parameter containing:\ntensor([[1., 1.],\n        [1., 1.]], requires_grad=True)"),
                  {1, 1, 2, 2}, 2, vals({1, 1, 1, 1}));
    expect_values(parsed("tensor([[0, 1],\n        [2, 3]])"), {1, 1, 2, 2}, 2, vals({0, 1, 2, 3}));
}

TEST(MatrixTextParse, TorchPrintOf3DAnd4D) {
    const char* c3 =
        "tensor([[[ 0.,  1.,  2.,  3.],\n         [ 4.,  5.,  6.,  7.],\n         [ 8.,  9., 10., 11.]],\n\n"
        "        [[12., 13., 14., 15.],\n         [16., 17., 18., 19.],\n         [20., 21., 22., 23.]]])";
    Tensor t = parsed(c3);
    EXPECT_EQ(t.shape(), (Shape{1, 2, 3, 4}));
    EXPECT_EQ(t.rank(), 3);
    EXPECT_EQ(t.at(0, 1, 2, 3), 23.0f);
    const char* c4 =
        "tensor([[[[0., 1.],\n          [2., 3.]]],\n\n\n        [[[4., 5.],\n          [6., 7.]]]])";
    expect_values(parsed(c4), {2, 1, 2, 2}, 4, vals({0, 1, 2, 3, 4, 5, 6, 7}));
}

TEST(MatrixTextParse, TorchWrappedLongRow) {
    const char* row =
        "tensor([[-20., -19., -18., -17., -16., -15., -14., -13., -12., -11., -10.,  -9.,\n"
        "          -8.,  -7.,  -6.,  -5.,  -4.,  -3.,  -2.,  -1.,   0.,   1.,   2.,   3.,\n"
        "           4.,   5.,   6.,   7.,   8.,   9.,  10.,  11.,  12.,  13.,  14.,  15.,\n"
        "          16.,  17.,  18.,  19.]])";
    Tensor t = parsed(row);
    ASSERT_EQ(t.shape(), (Shape{1, 1, 1, 40}));
    for (int i = 0; i < 40; ++i)
        EXPECT_EQ(t.values()[static_cast<size_t>(i)], static_cast<float>(i - 20));
}

TEST(MatrixTextParse, SummarizedPrintoutSaysHowToPrintAll) {
    const std::string e = error_of("tensor([[   0.,    1.,    2.,  ..., 1997., 1998., 1999.]])");
    EXPECT_EQ(e.substr(0, 5), "1:32:") << e;
    EXPECT_NE(e.find("set_printoptions"), std::string::npos) << e;
}

// ------------------------------------------------------------------ NumPy printouts
TEST(MatrixTextParse, NumpyReprAndBarePrint) {
    expect_values(parsed("array([[0, 1],\n       [2, 3]])"), {1, 1, 2, 2}, 2, vals({0, 1, 2, 3}));
    expect_values(parsed("array([[0.  , 0.25, 0.5 ],\n       [0.75, 1.  , 1.25]], dtype=float32)"),
                  {1, 1, 2, 3}, 2, vals({0, 0.25f, 0.5f, 0.75f, 1, 1.25f}));
    expect_values(parsed("array([[1.e+20,    nan],\n       [  -inf, 5.e-01]], dtype=float32)"), {1, 1, 2, 2},
                  2, vals({1e20f, kNan, -kInf, 0.5f}));
    expect_values(parsed("[[0.         0.33333333]\n [0.66666667 1.        ]]"), {1, 1, 2, 2}, 2,
                  vals({0, 0.33333333f, 0.66666667f, 1}));
    expect_values(parsed("[[ nan  1.5]\n [-inf  inf]]"), {1, 1, 2, 2}, 2, vals({kNan, 1.5f, -kInf, kInf}));
    Tensor t = parsed("[[[ 0  1  2]\n  [ 3  4  5]]\n\n [[ 6  7  8]\n  [ 9 10 11]]]");
    EXPECT_EQ(t.shape(), (Shape{1, 2, 2, 3}));
    EXPECT_EQ(t.rank(), 3);
    EXPECT_EQ(t.at(0, 1, 1, 2), 11.0f);
}

// ------------------------------------------------------------------ JSON and rows
TEST(MatrixTextParse, JsonNestedLists) {
    expect_values(parsed("[[0, 1], [2, 3]]"), {1, 1, 2, 2}, 2, vals({0, 1, 2, 3}));
    expect_values(parsed(R"([[1e-45, "nan"], ["-inf", "inf"]])"), {1, 1, 2, 2}, 2,
                  vals({1e-45f, kNan, -kInf, kInf}));
    expect_values(parsed("[[NaN, Infinity, -Infinity]]"), {1, 1, 1, 3}, 2, vals({kNan, kInf, -kInf}));
    expect_values(parsed("[1, 2, 3]"), {1, 1, 1, 3}, 2, vals({1, 2, 3}));  // a flat list is one row
    expect_values(parsed("tensor(3.5000)"), {1, 1, 1, 1}, 2, vals({3.5f}));
}

TEST(MatrixTextParse, CsvTsvAndWhitespaceRows) {
    expect_values(parsed("1,2,3\n4,5,6\n"), {1, 1, 2, 3}, 2, vals({1, 2, 3, 4, 5, 6}));
    expect_values(parsed("1, 2, 3\r\n4, 5, 6\r\n"), {1, 1, 2, 3}, 2, vals({1, 2, 3, 4, 5, 6}));
    expect_values(parsed("1\t2\n3\t4"), {1, 1, 2, 2}, 2, vals({1, 2, 3, 4}));
    expect_values(parsed("  0 1\n  2 3  \n"), {1, 1, 2, 2}, 2, vals({0, 1, 2, 3}));
    expect_values(parsed("nan;inf\n-inf;-0\n"), {1, 1, 2, 2}, 2, vals({kNan, kInf, -kInf, -0.0f}));
    expect_values(parsed("\"nan\",2\n3,\"-inf\""), {1, 1, 2, 2}, 2, vals({kNan, 2, 3, -kInf}));
    expect_values(parsed("+1.5 .5 1e3 1.E-2"), {1, 1, 1, 4}, 2, vals({1.5f, 0.5f, 1000, 0.01f}));
    // Blank lines separate channels.
    expect_values(parsed("1 2\n3 4\n\n5 6\n7 8\n"), {1, 2, 2, 2}, 3, vals({1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(MatrixTextParse, TinyAndHugeMagnitudes) {
    expect_values(parsed("[[1e-50, -1e-50, 3.4028235e38]]"), {1, 1, 1, 3}, 2,
                  vals({0.0f, -0.0f, 3.4028235e38f}));
    const std::string e = error_of("[[1e39]]");
    EXPECT_NE(e.find("float32 range"), std::string::npos) << e;
}

// ------------------------------------------------------------------ errors with line:column
TEST(MatrixTextErrors, RaggedRowsNameTheirPosition) {
    std::string e = error_of("1,2,3\n4,5\n");
    EXPECT_EQ(e.substr(0, 4), "2:1:") << e;
    EXPECT_NE(e.find("ragged"), std::string::npos) << e;
    e = error_of("tensor([[1., 2.],\n        [3.]])");
    EXPECT_EQ(e.substr(0, 5), "2:12:") << e;
    e = error_of("[[1, 2], 3]");
    EXPECT_EQ(e.substr(0, 4), "1:10") << e;
    e = error_of("[1, [2]]");
    EXPECT_EQ(e.substr(0, 4), "1:5:") << e;
    e = error_of("1 2\n3 4\n\n5 6\n");
    EXPECT_NE(e.find("rows"), std::string::npos) << e;
}

TEST(MatrixTextErrors, GarbageIsRefusedWithItsPosition) {
    std::string e = error_of("1 2\n3 x\n");
    EXPECT_EQ(e.substr(0, 4), "2:3:") << e;
    EXPECT_NE(e.find("'x'"), std::string::npos) << e;
    EXPECT_EQ(error_of("a,b\n1,2").substr(0, 4), "1:1:");  // a CSV header
    EXPECT_NE(error_of("[[1, 2]").find("closing"), std::string::npos);
    EXPECT_NE(error_of("[[1, 2]]]").find("after"), std::string::npos);
    EXPECT_NE(error_of("[[]]").find("empty"), std::string::npos);
    EXPECT_NE(error_of("[[1,,2]]").find("','"), std::string::npos);
    EXPECT_NE(error_of("1,,2").find("empty value"), std::string::npos);
    EXPECT_NE(error_of("1,2,").find("missing"), std::string::npos);
    EXPECT_NE(error_of("foo([[1]])").find("tensor(...)"), std::string::npos);
    EXPECT_NE(error_of("tensor([[1.]]").find("')'"), std::string::npos);
    EXPECT_NE(error_of("tensor([[1.]], [[2.]])").find("keyword"), std::string::npos);
    EXPECT_NE(error_of("array([[1]], dtype=int64").find("')'"), std::string::npos);
    EXPECT_NE(error_of("\"nan").find("unterminated"), std::string::npos);
    EXPECT_NE(error_of("[[1 @ 2]]").find("'@'"), std::string::npos);
    EXPECT_NE(error_of("").find("no numbers"), std::string::npos);
    EXPECT_NE(error_of("   \n\n  ").find("no numbers"), std::string::npos);
    EXPECT_NE(error_of("[[0x10]]").find("'0x10'"), std::string::npos);
    EXPECT_NE(error_of("[[1]][[2]]").find("after"), std::string::npos);
}

// ------------------------------------------------------------------ hostile input
TEST(MatrixTextErrors, DeepNestingIsRefusedWithoutRecursion) {
    const std::string deep = std::string(200000, '[') + "1" + std::string(200000, ']');
    const std::string e = error_of(deep);
    EXPECT_EQ(e.substr(0, 4), "1:5:") << e.substr(0, 80);
    EXPECT_NE(e.find("deeper"), std::string::npos);
    EXPECT_FALSE(parse_matrix_text(std::string(100000, ']')));
    EXPECT_FALSE(parse_matrix_text(std::string(100000, ',')));
    EXPECT_FALSE(parse_matrix_text(std::string(5000, '\0')));
}

TEST(MatrixTextErrors, HugeInputStopsAtTheElementLimit) {
    // "0 " kMaxElements + 1 times, doubled up rather than appended 67 million times (minutes under ASan).
    const size_t size = static_cast<size_t>(kMaxElements + 1) * 2;
    std::string many = "0 ";
    while (many.size() < size)
        many.append(many, 0, std::min(many.size(), size - many.size()));
    const std::string e = error_of(many);
    EXPECT_NE(e.find("limit"), std::string::npos) << e;
}

TEST(MatrixTextErrors, ArbitraryBytesNeverCrash) {
    // Every short string over an alphabet of the parser's special characters: each either parses or fails.
    const std::string alphabet = "[], \n1.e-\"n";
    std::string s;
    int parsed_count = 0;
    for (int len = 1; len <= 5; ++len) {
        std::vector<size_t> idx(static_cast<size_t>(len), 0);
        while (true) {
            s.clear();
            for (size_t i : idx)
                s += alphabet[i];
            Result<Tensor> r = parse_matrix_text(s);
            if (r) {
                ++parsed_count;
                EXPECT_EQ(r->numel(), r->shape().numel());
            } else {
                EXPECT_FALSE(r.errors().empty());
            }
            size_t d = 0;
            while (d < idx.size() && ++idx[d] == alphabet.size())
                idx[d++] = 0;
            if (d == idx.size()) break;
        }
    }
    EXPECT_GT(parsed_count, 0);
}

// ------------------------------------------------------------------ formatting
Tensor from(Shape shape, std::vector<float> v, int rank) {
    return Tensor::from_values(shape, std::move(v), rank).value();
}

// Each expected text is print(torch.tensor(...)) from PyTorch 1.13 for the same float32 values.
TEST(MatrixTextFormat, PyTorchStyleMatchesTorchPrint) {
    EXPECT_EQ(format_matrix_text(from({1, 1, 2, 2}, {0, 1, 2, 3}, 2), MatrixTextStyle::kPyTorch),
              "tensor([[0., 1.],\n        [2., 3.]])");
    EXPECT_EQ(format_matrix_text(from({1, 1, 2, 3}, {1.5f, -0.25f, 3, kNan, kInf, -kInf}, 2),
                                 MatrixTextStyle::kPyTorch),
              "tensor([[ 1.5000, -0.2500,  3.0000],\n        [    nan,     inf,    -inf]])");
    EXPECT_EQ(format_matrix_text(from({1, 1, 2, 2}, {1e-5f, 2, 3, 4}, 2), MatrixTextStyle::kPyTorch),
              "tensor([[1.0000e-05, 2.0000e+00],\n        [3.0000e+00, 4.0000e+00]])");
    EXPECT_EQ(format_matrix_text(from({1, 1, 2, 2}, {123456789.f, 1, 2, 3}, 2), MatrixTextStyle::kPyTorch),
              "tensor([[1.2346e+08, 1.0000e+00],\n        [2.0000e+00, 3.0000e+00]])");
    EXPECT_EQ(
        format_matrix_text(from({1, 1, 2, 2}, {1e20f, kNan, -kInf, -0.5f}, 2), MatrixTextStyle::kPyTorch),
        "tensor([[ 1.0000e+20,         nan],\n        [       -inf, -5.0000e-01]])");
    EXPECT_EQ(format_matrix_text(from({1, 1, 2, 2}, {1, kNan, 2, 100}, 2), MatrixTextStyle::kPyTorch),
              "tensor([[  1.,  nan],\n        [  2., 100.]])");
    EXPECT_EQ(format_matrix_text(from({1, 1, 1, 2}, {1, 2000}, 2), MatrixTextStyle::kPyTorch),
              "tensor([[1.0000e+00, 2.0000e+03]])");
    EXPECT_EQ(format_matrix_text(from({1, 1, 2, 2}, {-0.0f, 0, 0, -0.0f}, 2), MatrixTextStyle::kPyTorch),
              "tensor([[-0., 0.],\n        [0., -0.]])");
    EXPECT_EQ(format_matrix_text(from({1, 1, 1, 2}, {kNan, 0}, 2), MatrixTextStyle::kPyTorch),
              "tensor([[nan, 0.]])");
    EXPECT_EQ(format_matrix_text(from({2, 1, 2, 2}, {0, 1, 2, 3, 4, 5, 6, 7}, 4), MatrixTextStyle::kPyTorch),
              "tensor([[[[0., 1.],\n          [2., 3.]]],\n\n\n        [[[4., 5.],\n          [6., 7.]]]])");
}

TEST(MatrixTextFormat, PyTorchStyleWrapsLikeTorch) {
    std::vector<float> v;
    for (int i = 0; i < 40; ++i)
        v.push_back(static_cast<float>(i - 20));
    EXPECT_EQ(format_matrix_text(from({1, 1, 1, 40}, v, 2), MatrixTextStyle::kPyTorch),
              "tensor([[-20., -19., -18., -17., -16., -15., -14., -13., -12., -11., -10.,  -9.,\n"
              "          -8.,  -7.,  -6.,  -5.,  -4.,  -3.,  -2.,  -1.,   0.,   1.,   2.,   3.,\n"
              "           4.,   5.,   6.,   7.,   8.,   9.,  10.,  11.,  12.,  13.,  14.,  15.,\n"
              "          16.,  17.,  18.,  19.]])");
    std::vector<float> sevenths;
    for (int i = 0; i < 30; ++i)
        sevenths.push_back(static_cast<float>(i) / 7.0f);
    EXPECT_EQ(format_matrix_text(from({1, 1, 1, 30}, sevenths, 2), MatrixTextStyle::kPyTorch),
              "tensor([[0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,\n"
              "         1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,\n"
              "         2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,\n"
              "         3.8571, 4.0000, 4.1429]])");
}

TEST(MatrixTextFormat, JsonAndCsvRoundTripExactly) {
    const std::vector<float> odd = {0.1f, -0.0f, 1e-45f, 3.4028235e38f, kNan, -kInf, 1.0f / 3.0f, 7};
    for (MatrixTextStyle style : {MatrixTextStyle::kJson, MatrixTextStyle::kCsv}) {
        for (auto [shape, rank] : {std::pair{Shape{1, 1, 2, 4}, 2}, std::pair{Shape{1, 2, 2, 2}, 3}}) {
            const Tensor t = from(shape, odd, rank);
            const std::string text = format_matrix_text(t, style);
            Result<Tensor> back = parse_matrix_text(text);
            ASSERT_TRUE(back) << text << "\n" << back.error_text();
            EXPECT_TRUE(back->identical(t) || (back->shape() == t.shape() && back->rank() == t.rank()))
                << text;
            expect_values(*back, shape, rank, odd);
        }
    }
    EXPECT_EQ(format_matrix_text(from({1, 1, 2, 2}, {1, 2.5f, kNan, -kInf}, 2), MatrixTextStyle::kCsv),
              "1,2.5\nnan,-inf\n");
    // CSV has no N axis: a 4-D tensor reads back as (N*C) planes.
    Tensor four = from({2, 1, 1, 2}, {1, 2, 3, 4}, 4);
    expect_values(parsed(format_matrix_text(four, MatrixTextStyle::kCsv)), {1, 2, 1, 2}, 3,
                  vals({1, 2, 3, 4}));
    expect_values(parsed(format_matrix_text(four, MatrixTextStyle::kJson)), {2, 1, 1, 2}, 4,
                  vals({1, 2, 3, 4}));
}

TEST(MatrixTextFormat, PyTorchStyleRoundTripsWithinItsPrecision) {
    const std::vector<float> v = {0.5f, -1.25f, kNan, kInf, 3, 0.123456f};
    const Tensor t = from({1, 1, 2, 3}, v, 2);
    Result<Tensor> back = parse_matrix_text(format_matrix_text(t, MatrixTextStyle::kPyTorch));
    ASSERT_TRUE(back) << back.error_text();
    expect_values(*back, {1, 1, 2, 3}, 2, vals({0.5f, -1.25f, kNan, kInf, 3, 0.1235f}));
    const Tensor c = from({1, 2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8}, 3);
    Result<Tensor> c_back = parse_matrix_text(format_matrix_text(c, MatrixTextStyle::kPyTorch));
    ASSERT_TRUE(c_back);
    EXPECT_TRUE(c_back->identical(c));
    EXPECT_EQ(c_back->rank(), 3);
}

}  // namespace
}  // namespace poolscope
