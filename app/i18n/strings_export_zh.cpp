// Chinese strings of File → Export and "Copy as code" (see string_sections.h; panels/export_dialog.cpp).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kExportChinese[] = {
    {"menu.export", "导出…"},
    {"menu.copy_code", "复制为代码"},
    {"export.title", "导出图片"},
    {"export.format", "格式"},
    {"export.range", "帧"},
    {"export.range_current", "当前窗口"},
    {"export.range_step", "整个步骤（每个窗口）"},
    {"export.smooth", "平滑（插入过渡帧）"},
    {"export.theme", "主题"},
    {"export.theme_light", "浅色"},
    {"export.theme_dark", "深色"},
    {"export.cell", "格子大小（像素）"},
    {"export.path", "文件"},
    {"export.choose", "选择…"},
    {"export.choose_title", "导出到"},
    {"export.go", "导出"},
    {"export.cancel", "取消"},
    {"export.close", "关闭"},
    {"export.progress_fmt", "第 %d 帧，共 %d 帧"},
    {"export.nothing", "该层没有输出：无可绘制的内容。"},
    {"export.done_fmt", "已导出 %s（%d 帧）"},
    {"export.cancelled", "导出已取消"},
    {"export.failed_fmt", "导出失败：%s"},
    {"status.copied_code_fmt", "已复制：%s"},
};

}  // namespace

std::span<const TranslationEntry> export_chinese_entries() {
    return kExportChinese;
}

}  // namespace poolscope::app
