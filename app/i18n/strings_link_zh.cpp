// Chinese strings of Edit → Copy link and of links the window opens (see string_sections.h;
// shell/copy_link.cpp, model/state_link.cpp).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kLinkChinese[] = {
    {"menu.copy_link", "复制链接"},
    {"status.copied_link_fmt", "已复制指向窗口当前内容的链接（%d 个字符）"},
    {"status.link_no_base",
     "复制链接需要 PoolScope 网页的地址：启动时加 --web-base URL，或在 settings.json 中设置 \"web_base\""},
    {"link.note_fmt", "链接：%s=%s 未使用（%s），保留默认值。"},
    {"link.note_other_fmt", "链接：已忽略 %s（%s）。"},
};

}  // namespace

std::span<const TranslationEntry> link_chinese_entries() {
    return kLinkChinese;
}

}  // namespace poolscope::app
