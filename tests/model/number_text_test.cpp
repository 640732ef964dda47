// One rule for a value on screen: the cell may round, hovering gives the exact float32, and the arithmetic is
// what PyTorch prints. Ties the arithmetic to the core's torch formatter (the clipboard's PyTorch text, which
// the golden tests check against torch) and the hover text to the float itself.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

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

}  // namespace
}  // namespace poolscope::app
