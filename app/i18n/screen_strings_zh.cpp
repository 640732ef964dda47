// 屏幕上的说明文字（见 screen_strings.h）的中文表。"_fmt" 规则与主表相同。
#include "i18n/screen_strings.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kScreenChinese[] = {
    {"window.position_fmt", "窗口 %d/%d：输出 (%d, %d)"},
    {"window.no_output", "没有输出：请改正参数"},
    {"window.no_output_reason_fmt", "没有输出：%s"},
    {"formula.floor_drops_input_fmt", "向下取整丢掉了最后 %d 个输入单元格：没有完整的窗口能到达它们。"},
    {"formula.floor_drops_padding_fmt",
     "向下取整丢掉了末尾 %d 个填充单元格：没有完整的窗口能到达它们，没有丢失任何输入单元格。"},
    {"formula.floor_drops_both_fmt",
     "向下取整丢掉了最后 %d 个输入单元格和 %d 个填充单元格：没有完整的窗口能到达它们。"},
    {"matrices.exact_fmt", "精确值 %s（float32；格子里显示的是舍入后的值）"},
    {"start.title", "欢迎使用 PoolScope"},
    {"start.intro",
     "PoolScope 用真实的数字，一个窗口一个窗口地展示 PyTorch 的最大池化和平均池化如何算出每个输出单元格。"},
    {"start.lessons_heading", "从一节课开始"},
    {"start.lessons_text",
     "每节课一步一步讲解一个概念（padding、stride、ceil_mode 等）。课程浏览器列出了每节课讲的内容。"},
    {"start.browse", "浏览课程"},
    {"start.try_heading", "或者自己动手试试"},
    {"start.try_fmt", "单击一个输入单元格，输入数字并按回车即可修改；按 %s 逐个播放各个窗口。"},
    {"start.help_fmt", "按 %s 查看所有快捷键。课程也可以从“文件”菜单打开。"},
    {"start.dismiss", "知道了"},
    {"shortcut.lesson_step", "课程的上一步或下一步"},
    {"shortcut.open_lesson", "打开课程文件"},
    {"shortcut.save_lesson", "保存课程"},
    {"shortcut.save_lesson_as", "把课程另存为其他文件"},
    {"shortcut.zoom_reset", "矩阵恢复正常大小"},
};

}  // namespace

std::span<const TranslationEntry> screen_chinese_table() {
    return kScreenChinese;
}

}  // namespace poolscope::app
