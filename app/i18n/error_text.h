// The core's validation errors in the UI language: Error::code picks the sentence "error.<code>" from the
// translation tables and Error::args fill its {0}, {1}...; errors without a code keep the core's message.
#pragma once

#include <string>

#include "i18n/i18n.h"
#include "poolscope/result.h"

namespace poolscope::app {

std::string error_text(const Error& error, Language language = current_language());

}  // namespace poolscope::app
