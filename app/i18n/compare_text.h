// The compare view's reasons (core compare.h Difference) in the UI language: the compare.<code> template
// with the words it quotes (height, width, end, start) translated through compare.word.<word>.
#pragma once

#include <string>

#include "poolscope/compare.h"
#include "poolscope/language.h"

namespace poolscope::app {

std::string difference_text(const Difference& difference);
// The same for another table of the core's reasons: key `prefix` + code, its words `prefix` + "word." + word
// (the A/B view's reasons: prefix "ab.").
std::string difference_text(const Difference& difference, const std::string& prefix);
// In `language` rather than the UI's (an export's own language).
std::string difference_text(const Difference& difference, const std::string& prefix, Language language);

}  // namespace poolscope::app
