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
    {"export.show", "画面"},
    {"export.show_forward", "矩阵，逐个窗口"},
    {"export.show_backward", "反向视图（grad_output、grad_input）"},
    {"export.show_walkthrough", "输出形状的推导"},
    {"export.legend", "图例（说明图中用到的标记）"},
    {"legend.share", "这个窗口分给该单元格的梯度份额"},
    {"status.copied_code_fmt", "已复制：%s"},
    {"compare.no_op", "{0} 没有 {1}"},
    {"compare.no_dilation", "{0} 没有 dilation（空洞）：省去了 dilation {1}"},
    {"compare.dilation_needs_stride_1", "{0} 只在步幅为 1 时才能空洞，不能是 {1}：省去了 dilation {2}"},
    {"compare.no_ceil_mode", "{0} 没有 ceil_mode：这行代码把输出大小向下取整"},
    {"compare.no_padding_numbers", "{0} 只能用 \"valid\" 或 \"same\" 填充，不能写成 {1}"},
    {"compare.no_unequal_padding", "{0} 每个方向两边填充相同，不能写成 {1}"},
    {"compare.no_same_padding", "{0} 没有 \"same\" 填充：给出输入大小才能算出具体数字"},
    {"compare.no_count_include_pad", "{0} 的平均从不把填充格算进除数（count_include_pad=True）"},
    {"compare.no_divisor_override", "{0} 没有 divisor_override：它的窗口不会都除以 {1}"},
    {"compare.no_return_indices", "{0} 的层不给出最大值的索引（return_indices=True）"},
    {"compare.rejected", "{0} 拒绝这个层：{1}"},
    {"compare.cannot_heading", "这个框架无法表达此层的地方："},
};

}  // namespace

std::span<const TranslationEntry> export_chinese_entries() {
    return kExportChinese;
}

}  // namespace poolscope::app
