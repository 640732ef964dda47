// Text helpers the commands share: an integer, a negative one in parentheses (inside a formula), and JSON on
// one line with invalid UTF-8 replaced rather than thrown on.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace poolscope::cli {

inline std::string num(int64_t v) {
    return std::to_string(v);
}

inline std::string paren(int64_t v) {
    return v < 0 ? "(" + num(v) + ")" : num(v);
}

inline std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace poolscope::cli
