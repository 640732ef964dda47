// The portable float text and parsing (poolscope/float_chars.h, used where <charconv> lacks floats: the
// WebAssembly build) held to the standard library's std::to_chars / std::from_chars on the desktop.
#include "poolscope/float_chars.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

std::string std_text(float v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

std::vector<float> sample_floats() {
    std::vector<float> values = {0.0f,
                                 -0.0f,
                                 1.0f,
                                 -1.0f,
                                 0.1f,
                                 0.5f,
                                 2.5f,
                                 1e10f,
                                 1e-10f,
                                 123456789.0f,
                                 1234567.0f,
                                 0.001f,
                                 100.0f,
                                 1e7f,
                                 1e8f,
                                 3.4028235e38f,
                                 std::numeric_limits<float>::min(),
                                 std::numeric_limits<float>::denorm_min(),
                                 16777216.0f,
                                 0.3333333f,
                                 65504.0f};
    std::mt19937 rng(19);
    std::uniform_int_distribution<uint32_t> bits;
    while (values.size() < 20000) {
        const uint32_t b = bits(rng);
        float f;
        std::memcpy(&f, &b, sizeof f);
        if (std::isfinite(f)) values.push_back(f);
    }
    for (int i = -1000; i <= 1000; ++i)
        values.push_back(static_cast<float>(i) / 8.0f), values.push_back(static_cast<float>(i) * 0.1f);
    return values;
}

TEST(FloatChars, ShortestTextEqualsStdToChars) {
    for (float v : sample_floats())
        ASSERT_EQ(poolscope::detail::shortest_float_text_portable(v), std_text(v)) << "bits of " << v;
}

TEST(FloatChars, ParsingEqualsStdFromChars) {
    const std::vector<std::string> texts = {
        "1",   "-2.5", "0.1", "1e-50", "1e39", "+1",  " 1",    "0x10",         "1e",    "1.5x",  ".5", "-.5",
        "inf", "-inf", "nan", "",      "-",    "abc", "1e-40", "3.4028235e38", "1e308", "1e309", "5."};
    for (const std::string& t : texts) {
        const char* first = t.data();
        const char* last = t.data() + t.size();
        float expected_f = 7.0f, got_f = 7.0f;
        const auto e = std::from_chars(first, last, expected_f, std::chars_format::general);
        const auto g = poolscope::detail::parse_float_chars_portable(first, last, got_f);
        EXPECT_EQ(g.ec, e.ec) << "'" << t << "'";
        EXPECT_EQ(g.ptr, e.ptr) << "'" << t << "'";
        if (e.ec == std::errc() && !std::isnan(expected_f)) {
            EXPECT_EQ(got_f, expected_f) << "'" << t << "'";
        }
        double expected_d = 7.0, got_d = 7.0;
        const auto ed = std::from_chars(first, last, expected_d, std::chars_format::general);
        const auto gd = poolscope::detail::parse_double_chars_portable(first, last, got_d);
        EXPECT_EQ(gd.ec, ed.ec) << "'" << t << "'";
        EXPECT_EQ(gd.ptr, ed.ptr) << "'" << t << "'";
        if (ed.ec == std::errc() && !std::isnan(expected_d)) {
            EXPECT_EQ(got_d, expected_d) << "'" << t << "'";
        }
    }
}

}  // namespace
