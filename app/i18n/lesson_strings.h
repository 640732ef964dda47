// The lesson player's strings (lesson column, browser, file picker, unsaved-changes question), kept apart
// from strings_en.cpp / strings_zh.cpp; tr() consults them after the main tables. Same "_fmt" rule.
#pragma once

#include <span>

#include "i18n/i18n.h"

namespace poolscope::app {

std::span<const TranslationEntry> lesson_english_table();
std::span<const TranslationEntry> lesson_chinese_table();

}  // namespace poolscope::app
