// Typed numbers in quiz answers: what a student may type for a float32 result and still be right (the
// "textbook rounding" rule in quiz.h and lessons/README.md), and the shortest text of a float.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

#include "poolscope/float_chars.h"
#include "poolscope/quiz.h"

namespace poolscope {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A plain decimal ("-4.33", "5", ".5", "1e3"): its value, and the digits after the point (-1 with an
// exponent, where "decimals typed" has no meaning and only an exact match counts).
bool read_decimal(std::string_view s, double& value, int& decimals) {
    if (s.empty()) return false;
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    if (*begin == '+') ++begin;
    const auto [ptr, ec] = parse_double_chars(begin, end, value);
    if (ec != std::errc() || ptr != end) return false;
    const std::string_view body(begin, static_cast<size_t>(end - begin));
    if (body.find_first_of("eE") != std::string_view::npos) {
        decimals = -1;
        return true;
    }
    const size_t point = body.find('.');
    decimals = point == std::string_view::npos ? 0 : static_cast<int>(body.size() - point - 1);
    return true;
}

// Decimals needed to write v exactly in at most 6 places (7 = more, e.g. 13/3).
int decimals_needed(float v) {
    for (int d = 0; d <= 6; ++d) {
        const double scaled = static_cast<double>(v) * std::pow(10.0, d);
        const double r = std::round(scaled);
        if (static_cast<float>(r / std::pow(10.0, d)) == v) return d;
    }
    return 7;
}

// Whether two numbers agree to float32 rounding (4 ulp or 1e-6 relative, the golden tests' avg tolerance).
bool float_close(double a, float b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b)) return a == static_cast<double>(b);
    const double scale = std::max(std::fabs(a), std::fabs(static_cast<double>(b)));
    return std::fabs(a - static_cast<double>(b)) <= std::max(1e-6 * scale, 4.0 * 1.2e-7 * scale) ||
           static_cast<float>(a) == b;
}

}  // namespace

std::optional<double> parse_typed_number(std::string_view typed) {
    const std::string s = lower(trim(typed));
    if (s == "nan" || s == "-nan" || s == "+nan") return std::numeric_limits<double>::quiet_NaN();
    if (s == "inf" || s == "+inf" || s == "infinity") return std::numeric_limits<double>::infinity();
    if (s == "-inf" || s == "-infinity") return -std::numeric_limits<double>::infinity();
    double value = 0.0;
    int decimals = 0;
    if (const size_t slash = s.find('/'); slash != std::string::npos) {
        double num = 0.0, den = 0.0;
        int d1 = 0, d2 = 0;
        if (!read_decimal(trim(std::string_view(s).substr(0, slash)), num, d1) ||
            !read_decimal(trim(std::string_view(s).substr(slash + 1)), den, d2) || den == 0.0)
            return std::nullopt;
        return num / den;
    }
    if (!read_decimal(s, value, decimals)) return std::nullopt;
    return value;
}

NumberMatch match_number(std::string_view typed, float value) {
    const std::string s = lower(trim(typed));
    const std::optional<double> parsed = parse_typed_number(s);
    if (!parsed) return NumberMatch::kUnreadable;
    const double x = *parsed;
    if (std::isnan(value) || std::isnan(x))
        return std::isnan(value) && std::isnan(x) ? NumberMatch::kExact : NumberMatch::kWrong;
    if (std::isinf(value) || std::isinf(x))
        return x == static_cast<double>(value) ? NumberMatch::kExact : NumberMatch::kWrong;
    if (s.find('/') != std::string::npos)
        return float_close(x, value) ? NumberMatch::kExact : NumberMatch::kWrong;
    if (static_cast<float>(x) == value) return NumberMatch::kExact;
    double unused = 0.0;
    int decimals = 0;
    read_decimal(s, unused, decimals);
    if (decimals < 0) return NumberMatch::kWrong;  // 1e-3 style: exact only
    // Rounded to the decimals typed (either neighbour at an exact half: float values are not exact decimals).
    const double unit = std::pow(10.0, -decimals);
    const bool rounds = std::fabs(x - static_cast<double>(value)) <= unit / 2 * (1 + 1e-9);
    if (!rounds) return NumberMatch::kWrong;
    return decimals >= required_decimals(value) ? NumberMatch::kRounded : NumberMatch::kNeedsMoreDecimals;
}

int required_decimals(float value) {
    return std::min(2, decimals_needed(value));
}

std::string float_text(float v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return shortest_float_text(v);
}

std::string cell_text(CellRef cell) {
    return "(" + std::to_string(cell.h) + ", " + std::to_string(cell.w) + ")";
}

}  // namespace poolscope
