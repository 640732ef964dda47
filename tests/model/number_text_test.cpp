// One rule for a value on screen: the cell may round, hovering gives the exact float32, and the arithmetic is
// what PyTorch prints. Ties the arithmetic to the core's torch formatter (the clipboard's PyTorch text, which
// the golden tests check against torch) and the hover text to the float itself.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "model/number_text.h"
#include "poolscope/matrix_text.h"

namespace poolscope::app {
namespace {

const float kValues[] = {10.0f / 9.0f, 1.0f / 3.0f, 2.0f, -0.5f,   1e-5f,   123456789.0f,
                         2.5f,         -7.0f,       0.0f, 1234.5f, 4.75e-3f};

TEST(NumberText, AnAverageOfTenNinthsReadsTheSameEverywhere) {
    const float v = 10.0f / 9.0f;  // (0+1+...+... )/9 style averages
    EXPECT_EQ(cell_value_text(v, false), "1.11");
    EXPECT_EQ(arithmetic_value_text(v, false), "1.1111");  // print(torch.tensor(10/9)) -> tensor(1.1111)
    EXPECT_EQ(std::strtof(exact_value_text(v, false).c_str(), nullptr), v);
    EXPECT_EQ(arithmetic_value_text(4.0f, false), "4");
    EXPECT_EQ(arithmetic_value_text(1e-5f, false), "1.0000e-05");
    EXPECT_EQ(arithmetic_value_text(-std::numeric_limits<float>::infinity(), true), "−∞");
}

TEST(NumberText, TheArithmeticIsTorchsPrintOfTheValue) {
    for (float v : kValues) {
        Tensor one(Shape{1, 1, 1, 1}, v, 2);
        const std::string printed = format_matrix_text(one, MatrixTextStyle::kPyTorch);  // tensor([[x]])
        std::string inner = printed.substr(9, printed.size() - 12);
        if (inner.back() == '.') inner.pop_back();
        EXPECT_EQ(arithmetic_value_text(v, false), inner) << printed;
    }
}

TEST(NumberText, HoverIsExactAndTheCellRoundsNoFurtherThanThreeDigits) {
    for (float v : kValues) {
        const float exact = std::strtof(exact_value_text(v, false).c_str(), nullptr);
        EXPECT_EQ(exact, v) << exact_value_text(v, false);
        const float cell = std::strtof(cell_value_text(v, false).c_str(), nullptr);
        EXPECT_LE(std::fabs(cell - v), std::fabs(v) * 5e-3f) << cell_value_text(v, false);
    }
    EXPECT_EQ(cell_value_text(-2.0f, true), "−2");
    EXPECT_EQ(cell_value_text(-0.0f, false), "0");
}

// Whole numbers skip printf (a thousand cells a frame); they must read as "%.0f" writes them.
TEST(NumberText, WholeNumbersReadAsPrintfWritesThem) {
    const float edges[] = {0.0f, 1.0f, 9.0f, 10.0f, 99.0f, 100.0f, 65535.0f, 1048576.0f, 9999999.0f};
    for (const float e : edges)
        for (const float v : {e, -e, std::nextafter(9999999.0f, 0.0f)}) {
            if (v != std::floor(v)) continue;
            char expected[32];
            std::snprintf(expected, sizeof expected, "%.0f", static_cast<double>(v));
            const std::string want = std::string(expected) == "-0" ? "0" : expected;
            EXPECT_EQ(cell_value_text(v, false), want) << v;
        }
    EXPECT_EQ(cell_value_text(-12.0f, true), "−12");
    EXPECT_EQ(cell_value_text(10000000.0f, false), "1e+07");  // from 1e7 on, as before: %.3g
}

}  // namespace
}  // namespace poolscope::app
