// 在应用中编写课程的中文文本：步骤的移动、复制、删除，记录预期结果和代码行，标题与讲解的编辑，文件 → 新建课程
// （见 string_sections.h）。
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kAuthorChinese[] = {
    {"author.menu_new", "用当前窗口新建课程"},
    {"author.menu_new_help", "新建一个未保存的课程，第一步就是现在显示的输入和池化层。"},
    {"author.step_of_fmt", "第 %d 步，共 %d 步"},
    {"author.move_up", "上移"},
    {"author.move_down", "下移"},
    {"author.duplicate", "复制"},
    {"author.delete", "删除"},
    {"author.record_expected", "记录预期结果"},
    {"author.record_expected_help",
     "把 PoolScope 对本步的计算结果写为预期结果：输出；形状步骤则是输出形状；框架拒绝时则是该错误。"
     "`poolscope check` 会核对它。"},
    {"author.generate_code", "生成代码行"},
    {"author.generate_code_help",
     "根据本步的池化层写出代码行，例如 nn.MaxPool2d(3, stride=1, padding=1, "
     "ceil_mode=True)，替换原有的代码行。"},
    {"author.words", "标题与讲解"},
    {"author.lesson_title", "课程标题"},
    {"author.step_title", "步骤标题"},
    {"author.narration", "讲解"},
    {"author.preview", "预览"},
    {"author.markup_help", "空一行开始新段落；*强调*，`代码`。"},
    {"author.moved", "步骤已移动。"},
    {"author.duplicated", "步骤已复制：副本是当前步骤。"},
    {"author.deleted", "步骤已删除（按 Ctrl+Z 可恢复）。"},
    {"author.rerecorded", "已按核心的计算重新记录被这次编辑影响的步骤。"},
    {"author.broken_fmt",
     "这次编辑之后，%s不再通过检查：它们与预期结果或测验答案不一致（后面的步骤会继承改动）。"},
    {"author.rerecord", "重新记录"},
    {"author.undo_edit", "撤销这次编辑"},
    {"author.step_fmt", "第 %d 步"},
    {"author.recorded", "已记录预期结果。"},
    {"author.code_written", "已根据池化层写出代码行。"},
    {"author.failed", "未修改："},
    {"author.new_lesson_started", "已用当前窗口新建课程：请填写标题、添加步骤，然后保存。"},
    {"author.undone", "已撤销课程编辑。"},
    {"author.redone", "已重做课程编辑。"},
    {"author.untitled", "（新课程，尚未保存）"},
};

}  // namespace

std::span<const TranslationEntry> author_chinese_entries() {
    return kAuthorChinese;
}

}  // namespace poolscope::app
