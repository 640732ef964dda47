// Quoting untrusted text in messages: keep valid UTF-8 (Chinese stays Chinese), escape control characters
// and invalid bytes, and cut long text to a short prefix so one hostile value cannot flood a report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace poolscope {

// How many bytes of untrusted text a message quotes before it cuts with "...".
inline constexpr size_t kMaxQuoteBytes = 60;

// `text` with valid UTF-8 sequences kept and every control character or invalid byte written as \xNN.
std::string printable_utf8(std::string_view text);

// printable_utf8() of `text` in at most `max_bytes` bytes (the quote, "..." included, whatever \xNN escapes
// the text needs), cut on a character boundary, "..." marking the cut.
std::string quote_prefix(std::string_view text, size_t max_bytes = kMaxQuoteBytes);

}  // namespace poolscope
