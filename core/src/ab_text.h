// Internal to compare_ab(): a reason code turned into a Difference with its English (ab_text.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "poolscope/compare.h"

namespace poolscope {

Difference ab_difference(std::string_view code, std::vector<std::string> args);

}  // namespace poolscope
