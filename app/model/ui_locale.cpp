// System locale → UI language (see ui_locale.h; not "locale.h", which would shadow the C library header).
#include "model/ui_locale.h"

#include <cstdlib>

namespace poolscope::app {

Language language_of_locale(std::string_view locale) {
    return locale.substr(0, 2) == "zh" ? Language::kChinese : Language::kEnglish;
}

Language system_language() {
    // The first variable that is set decides, even when it names English: LC_ALL=C beats LANG=zh_CN.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* value = std::getenv(name); value && *value) return language_of_locale(value);
    return Language::kEnglish;
}

}  // namespace poolscope::app
