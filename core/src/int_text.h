// Integers in the core's messages and code lines, in one place: std::to_string under the short name the
// message builders use (a unity build cannot hold one copy per file).
#pragma once

#include <cstdint>
#include <string>

namespace poolscope::detail {

inline std::string num(int64_t v) {
    return std::to_string(v);
}

}  // namespace poolscope::detail
