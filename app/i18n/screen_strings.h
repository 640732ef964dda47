// The words the teaching screen adds around the numbers (issue 11): which window of how many is shown, what
// floor throws away, the one line shown when there is no output, the keyboard help rows, the start card.
// A table of its own beside strings_en.cpp / strings_zh.cpp; tr() consults it after the main tables.
#pragma once

#include <span>

#include "i18n/i18n.h"

namespace poolscope::app {

std::span<const TranslationEntry> screen_english_table();
std::span<const TranslationEntry> screen_chinese_table();

}  // namespace poolscope::app
