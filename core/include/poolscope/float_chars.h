// Shortest float text and float/double parsing with std::to_chars / std::from_chars semantics, also where
// the standard library lacks their floating-point overloads (libc++ 14, which emscripten's WebAssembly build
// of the app uses: issue 19). With a complete <charconv> these are the std functions themselves.
#pragma once

#include <charconv>
#include <string>
#include <system_error>

namespace poolscope {

// What std::to_chars(first, last, value) writes for a finite float: the fewest characters that read back as
// the same float, in fixed or scientific form (fixed on a tie).
std::string shortest_float_text(float value);
// std::from_chars(first, last, value, std::chars_format::general) for float and double.
std::from_chars_result parse_float_chars(const char* first, const char* last, float& value);
std::from_chars_result parse_double_chars(const char* first, const char* last, double& value);

// The portable implementations behind the three above, always built so tests can hold them to the std ones.
namespace detail {
std::string shortest_float_text_portable(float value);
std::from_chars_result parse_float_chars_portable(const char* first, const char* last, float& value);
std::from_chars_result parse_double_chars_portable(const char* first, const char* last, double& value);
}  // namespace detail

}  // namespace poolscope
