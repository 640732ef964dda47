// The framework chooser's strings (parameter panel labels per framework, the padding modes, each
// framework's output-size walkthrough), kept apart from strings_en.cpp / strings_zh.cpp; tr() consults them
// after the main tables. Same "_fmt" rule. Field names themselves come from the core (field_name()).
#pragma once

#include <span>

#include "i18n/i18n.h"

namespace poolscope::app {

std::span<const TranslationEntry> convention_english_table();
std::span<const TranslationEntry> convention_chinese_table();

}  // namespace poolscope::app
