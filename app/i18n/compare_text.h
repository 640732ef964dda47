// The compare view's reasons (core compare.h Difference) in the UI language: the compare.<code> template
// with the words it quotes (height, width, end, start) translated through compare.word.<word>.
#pragma once

#include <string>

#include "poolscope/compare.h"

namespace poolscope::app {

std::string difference_text(const Difference& difference);

}  // namespace poolscope::app
