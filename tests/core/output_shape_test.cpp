// The output-size walkthrough keeps every term a student needs, and agrees with a brute-force count.
#include <gtest/gtest.h>

#include "poolscope/output_shape.h"

namespace poolscope {
namespace {

TEST(OutputShape, TermsOfTheD2LPaddedExample) {
    // in 4, kernel 3, stride 2, padding 1: floor((4 + 2 - 2 - 1) / 2) + 1 = 2.
    const AxisShape a = explain_axis(4, 3, 2, 1, 1, 1, false);
    EXPECT_EQ(a.effective_kernel, 3);
    EXPECT_EQ(a.padded_input, 6);
    EXPECT_EQ(a.slide, 3);
    EXPECT_EQ(a.numerator, 3);
    EXPECT_EQ(a.quotient, 1);
    EXPECT_EQ(a.remainder, 1);
    EXPECT_EQ(a.output, 2);
    EXPECT_EQ(a.window_starts(100), (std::vector<int64_t>{-1, 1}));
}

TEST(OutputShape, DilationWidensTheWindow) {
    const AxisShape a = explain_axis(7, 3, 1, 0, 0, 2, false);
    EXPECT_EQ(a.effective_kernel, 5);
    EXPECT_EQ(a.output, 3);
}

TEST(OutputShape, CeilModeRuleDropsLastWindow) {
    const AxisShape a = explain_axis(5, 2, 2, 1, 1, 1, true);
    EXPECT_EQ(a.raw_output, 4);
    EXPECT_TRUE(a.dropped_last_window);
    EXPECT_EQ(a.output, 3);
    EXPECT_FALSE(a.last_window_overhangs);
}

TEST(OutputShape, CeilModeOverhang) {
    const AxisShape a = explain_axis(4, 3, 2, 0, 0, 1, true);
    EXPECT_EQ(a.output, 2);
    EXPECT_FALSE(a.dropped_last_window);
    EXPECT_TRUE(a.last_window_overhangs);
}

TEST(OutputShape, AgreesWithTheDefinitionOnAGrid) {
    for (int64_t in = 1; in <= 12; ++in)
        for (int64_t k = 1; k <= 5; ++k)
            for (int64_t s = 1; s <= 4; ++s)
                for (int64_t p = 0; p <= k / 2; ++p)
                    for (int64_t d = 1; d <= 3; ++d) {
                        const AxisShape floor_axis = explain_axis(in, k, s, p, p, d, false);
                        // Floor mode: every window fits inside the padded input.
                        int64_t fits = 0;
                        for (int64_t start = -p; start + d * (k - 1) + 1 <= in + p; start += s)
                            ++fits;
                        EXPECT_EQ(std::max<int64_t>(floor_axis.output, 0), fits);
                        // Ceil mode: one more, partial window when it would fit in the padded input
                        // extended by stride-1 cells, and it starts inside the input (PyTorch's rule).
                        const AxisShape ceil_axis = explain_axis(in, k, s, p, p, d, true);
                        const int64_t next = -p + fits * s;
                        const int64_t span = d * (k - 1) + 1;
                        const int64_t partial = (next + span <= in + p + s - 1 && next < in) ? 1 : 0;
                        EXPECT_EQ(std::max<int64_t>(ceil_axis.output, 0), fits + partial)
                            << in << " " << k << " " << s << " " << p << " " << d;
                    }
}

}  // namespace
}  // namespace poolscope
