// Guards for JSON from untrusted sources (a `compute` line, --params, settings): refuse deep nesting with a
// cheap scan of the raw text before any recursive code sees it, and quote values in messages briefly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "poolscope/text_guard.h"

namespace poolscope {

// Deepest nesting accepted outside lessons: a 4-D input inside a case object needs 5 levels.
inline constexpr int kMaxJsonDepth = 32;

// The byte offset of the first '[' or '{' nested deeper than `max_depth` in `text` (strings are skipped),
// or nullopt. Linear and non-recursive, so it is safe on any input.
std::optional<size_t> json_too_deep(std::string_view text, int max_depth = kMaxJsonDepth);

// A key written twice in one object: JSON parsers keep one of them (nlohmann the last), so the other is
// silently lost. `path` is the JSON pointer of the key ("/steps/2/padding"); lines count from 1.
struct DuplicateKey {
    std::string path;
    std::string key;
    int first_line = 0;
    int line = 0;
};
// Every repeated key of a syntactically valid JSON `text` (escapes decoded, so "a" and "\u0061" are one
// key), in text order; at most `max_found`. Linear, non-recursive; callers refuse deep nesting first.
std::vector<DuplicateKey> duplicate_keys(std::string_view text, size_t max_found = 50);

// `value` as compact JSON, cut to about `max_bytes` with "..."; walks with an explicit stack and stops
// writing at the limit, so a huge or deep value costs no more than its first bytes.
std::string brief_json(const nlohmann::json& value, size_t max_bytes = kMaxQuoteBytes);

}  // namespace poolscope
