// English strings of Edit → Copy link and of links the window opens (see string_sections.h;
// shell/copy_link.cpp, model/state_link.cpp).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kLinkEnglish[] = {
    {"menu.copy_link", "Copy link"},
    {"status.copied_link_fmt", "Copied a link to what the window shows (%d characters)"},
    {"status.link_no_base",
     "Copy link needs the address of a PoolScope web page: start with --web-base URL, or set \"web_base\" in "
     "settings.json"},
    {"link.note_fmt", "Link: %s=%s not used (%s); the default stays."},
    {"link.note_other_fmt", "Link: %s left out (%s)."},
};

}  // namespace

std::span<const TranslationEntry> link_english_entries() {
    return kLinkEnglish;
}

}  // namespace poolscope::app
