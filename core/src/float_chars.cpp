// Float text and parsing with <charconv> semantics (see float_chars.h). The portable versions use printf's
// %e (correctly rounded in glibc and musl) to find the shortest digits that round-trip, and strtof/strtod
// after refusing what from_chars refuses (leading spaces, '+', hexadecimal).
#include "poolscope/float_chars.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace poolscope {
namespace detail {
namespace {

// std::from_chars's general format: [-] digits [. digits] [e [+-] digits], or inf / infinity / nan(...).
bool looks_like_from_chars_number(std::string_view s) {
    if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    if (s.empty()) return false;
    const char c = s[0];
    if (c == 'i' || c == 'I' || c == 'n' || c == 'N') return true;
    return c == '.' || (c >= '0' && c <= '9');
}

template <typename T>
std::from_chars_result parse_portable(const char* first, const char* last, T& value) {
    std::string text(first, last);  // strtod needs a terminated string
    // "0x…" is hexadecimal for strtod only; from_chars reads the "0" and stops at the 'x'.
    if (const size_t x = text.find_first_of("xX"); x != std::string::npos) text.resize(x);
    if (!looks_like_from_chars_number(text)) return {first, std::errc::invalid_argument};
    errno = 0;
    char* end = nullptr;
    const T parsed = sizeof(T) == sizeof(float) ? static_cast<T>(std::strtof(text.c_str(), &end))
                                                : static_cast<T>(std::strtod(text.c_str(), &end));
    if (end == text.c_str()) return {first, std::errc::invalid_argument};
    const char* ptr = first + (end - text.c_str());
    // Like from_chars, out of range leaves `value` as it was; strtof reports a subnormal result as ERANGE
    // too, but from_chars returns it.
    if (errno == ERANGE && (std::isinf(parsed) || parsed == 0)) return {ptr, std::errc::result_out_of_range};
    value = parsed;
    return {ptr, std::errc()};
}

}  // namespace

std::string shortest_float_text_portable(float value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    // The fewest significant digits that read back as the same float (at most 9 for float32).
    char sci[32];
    int precision = 0;
    for (; precision < 9; ++precision) {
        std::snprintf(sci, sizeof sci, "%.*e", precision, static_cast<double>(value));
        if (std::strtof(sci, nullptr) == value) break;
    }
    const std::string scientific = sci;
    // Digits and exponent of that text, to lay out the fixed form with the same digits.
    const bool negative = scientific[0] == '-';
    const size_t e = scientific.find('e');
    std::string digits;
    for (size_t i = negative ? 1 : 0; i < e; ++i)
        if (scientific[i] != '.') digits += scientific[i];
    const int exponent = std::atoi(scientific.c_str() + e + 1);
    std::string fixed = negative ? "-" : "";
    const int count = static_cast<int>(digits.size());
    if (exponent < 0) {
        fixed += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    } else if (exponent + 1 >= count) {
        // An integer: of the texts as short as the padded digits, the exact value differs least from it.
        char integer[64];
        std::snprintf(integer, sizeof integer, "%.0f", static_cast<double>(value));
        fixed = integer;
    } else {
        fixed += digits.substr(0, static_cast<size_t>(exponent + 1)) + "." +
                 digits.substr(static_cast<size_t>(exponent + 1));
    }
    return fixed.size() <= scientific.size() ? fixed : scientific;
}

std::from_chars_result parse_float_chars_portable(const char* first, const char* last, float& value) {
    return parse_portable(first, last, value);
}

std::from_chars_result parse_double_chars_portable(const char* first, const char* last, double& value) {
    return parse_portable(first, last, value);
}

}  // namespace detail

// GCC's libstdc++ has both since 11 (and says so with __cpp_lib_to_chars); libc++ 14 has neither.
#if defined(__cpp_lib_to_chars)
std::string shortest_float_text(float value) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, end);
}
std::from_chars_result parse_float_chars(const char* first, const char* last, float& value) {
    return std::from_chars(first, last, value, std::chars_format::general);
}
std::from_chars_result parse_double_chars(const char* first, const char* last, double& value) {
    return std::from_chars(first, last, value, std::chars_format::general);
}
#else
std::string shortest_float_text(float value) {
    return detail::shortest_float_text_portable(value);
}
std::from_chars_result parse_float_chars(const char* first, const char* last, float& value) {
    return detail::parse_float_chars_portable(first, last, value);
}
std::from_chars_result parse_double_chars(const char* first, const char* last, double& value) {
    return detail::parse_double_chars_portable(first, last, value);
}
#endif

}  // namespace poolscope
