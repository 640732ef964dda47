// The system's preferred UI language, read the way gettext does: LC_ALL, then LC_MESSAGES, then LANG (the
// first one set and non-empty wins); a value starting with "zh" means Simplified Chinese. GUI-free.
#pragma once

#include <string_view>

#include "i18n/i18n.h"

namespace poolscope::app {

// Language for a locale string such as "zh_CN.UTF-8", "en_US.UTF-8", "C" or "" (anything not "zh…" →
// English).
Language language_of_locale(std::string_view locale);

// The language the environment asks for (LC_ALL > LC_MESSAGES > LANG); English when none is set.
Language system_language();

}  // namespace poolscope::app
