// The output-size walkthrough keeps every term a student needs, and agrees with a brute-force count.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

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

TEST(OutputShape, FloorDropsPaddingNotInputInTheD2LPaddedExample) {
    // in 4, kernel 3, stride 2, padding 1: windows cover -1..1 and 1..3; only the end padding (4) is left.
    const AxisShape a = explain_axis(4, 3, 2, 1, 1, 1, false);
    EXPECT_EQ(a.unreached_input, 0);
    EXPECT_EQ(a.unreached_padding, 1);
    // in 5, kernel 2, stride 2, no padding: input cell 4 is never read.
    const AxisShape b = explain_axis(5, 2, 2, 0, 0, 1, false);
    EXPECT_EQ(b.unreached_input, 1);
    EXPECT_EQ(b.unreached_padding, 0);
}

TEST(OutputShape, UnreachedCellsAgreeWithAMarkedAxis) {
    for (int64_t in = 1; in <= 12; ++in)
        for (int64_t k = 1; k <= 5; ++k)
            for (int64_t s = 1; s <= 4; ++s)
                for (int64_t p = 0; p <= k / 2; ++p)
                    for (int64_t d = 1; d <= 3; ++d)
                        for (bool ceil : {false, true}) {
                            const AxisShape a = explain_axis(in, k, s, p, p, d, ceil);
                            if (a.output < 1) continue;
                            // Walk back from the end of the padded axis [-p, in + p) to the last cell a
                            // window covers, counting input and padding cells on the way.
                            std::vector<char> covered(static_cast<size_t>(in + 2 * p), 0);
                            for (int64_t o = 0; o < a.output; ++o)
                                for (int64_t x = a.window_start(o);
                                     x < std::min(a.window_start(o) + a.effective_kernel, in + p); ++x)
                                    covered[static_cast<size_t>(x + p)] = 1;
                            int64_t input_tail = 0, padding_tail = 0;
                            for (int64_t x = in + p - 1; x >= -p && !covered[static_cast<size_t>(x + p)];
                                 --x) {
                                if (x >= in)
                                    ++padding_tail;
                                else
                                    ++input_tail;
                            }
                            EXPECT_EQ(a.unreached_input, input_tail)
                                << in << " " << k << " " << s << " " << p;
                            EXPECT_EQ(a.unreached_padding, padding_tail)
                                << in << " " << k << " " << s << " " << p;
                            if (!ceil) {
                                EXPECT_EQ(a.unreached_input + a.unreached_padding, a.remainder);
                            }
                        }
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
