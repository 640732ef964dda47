// 课程播放器的简体中文字符串（见 lesson_strings.h）。与 lesson_strings_en.cpp 的键相同，"_fmt" 占位符一致。
#include "i18n/lesson_strings.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kLessonChinese[] = {
    // 文件菜单
    {"menu.open_lesson", "打开课程…"},
    {"menu.browse_lessons", "浏览课程…"},
    {"menu.recent_lessons", "最近的课程"},
    {"menu.save_lesson", "保存课程"},
    {"menu.save_lesson_as", "课程另存为…"},
    {"menu.close_lesson", "关闭课程"},
    // 课程栏
    {"help.lesson",
     "课程一步一步地讲解一个例子。PgDn / "
     "PgUp（或箭头按钮）在步骤之间切换；每一步都会设置输入和参数。之后可以随意"
     "修改，“重置本步”会恢复课程中的设置。徽章表示课程给出的答案是否与 PoolScope（与 PyTorch 相同的算法）"
     "计算的结果一致。"},
    {"lesson.step_of_fmt", "第 %d 步，共 %d 步"},
    {"lesson.prev_help", "上一步（PgUp）"},
    {"lesson.next_help", "下一步（PgDn）"},
    {"lesson.reset_step", "重置本步"},
    {"lesson.reset_help", "恢复这一步的输入和参数"},
    {"lesson.badge_matches", "✓ 预期结果一致"},
    {"lesson.badge_matches_help", "这一步给出的预期结果与核心计算的结果完全相同。"},
    {"lesson.badge_differs", "✗ 预期结果不一致"},
    {"lesson.badge_none", "这一步没有给出预期结果"},
    {"lesson.playing_freely", "你修改了输入或参数，窗口显示的已不是这一步。“重置本步”可以恢复。"},
    {"lesson.badge_not_shown", "预期结果：请先“重置本步”"},
    {"lesson.badge_not_shown_help", "这一步的预期结果是核心按课程中的设置计算的；窗口现在显示的是别的内容。"},
    {"lesson.other_framework",
     "这一步使用另一个框架的规则，窗口暂时还不能计算：矩阵显示的是 PyTorch 的池化。"},
    {"lesson.untitled_step", "（这一步没有标题：可在文件中添加 \"title\"）"},
    {"lesson.recent_ignored_fmt", "最近课程列表 %s 已损坏，已忽略。"},
    {"lesson.recent_unwritable_fmt", "无法写入最近课程列表 %s。"},
    {"lesson.code", "代码"},
    {"lesson.copy_code", "复制"},
    {"lesson.channels", "通道"},
    {"lesson.look_at_fmt", "请看：%s"},
    {"lesson.shape_step", "这一步只有大小，超出了矩阵编辑器能容纳的范围："},
    {"lesson.dirty_help", "已在应用中修改，尚未保存（Ctrl+S 保存）"},
    {"lesson.reload_failed", "文件在磁盘上被修改，但无法加载；仍显示上一个正确的版本："},
    {"lesson.reloaded", "课程文件已在磁盘上修改，已重新加载。"},
    {"lesson.changed_on_disk_unsaved",
     "文件在磁盘上被修改，但这里的课程有未保存的修改：没有重新加载。保存（Ctrl+S）时会询问：两者都保留、"
     "采用文件中的版本、覆盖文件，还是另存为新文件。"},
    {"lesson.picture_missing_fmt", "在课程文件旁边和示例图片中都找不到这一步的图片“%s”。"},
    {"lesson.open_failed_help",
     "请在文本编辑器中修改该文件（poolscope check FILE 会给出同样的信息），然后点“重试”。"},
    {"lesson.try_again", "重试"},
    {"lesson.dismiss", "关闭"},
    {"lesson.warnings_fmt", "此文件有 %d 条警告"},
    {"lesson.open_failed", "无法打开课程："},
    {"lesson.saved", "课程已保存。"},
    {"lesson.save_failed", "无法保存课程："},
    // 外部修改的询问（model/lesson_conflict.h）
    {"lesson.conflict_ask", "文件在打开后被其他程序修改：请选择如何保存。"},
    {"lesson.conflict_title", "文件已在磁盘上被修改"},
    {"lesson.conflict_fmt", "%s 在 PoolScope 打开后被其他程序修改，而这里的课程有尚未保存的修改。"},
    {"lesson.conflict_keep_both", "两者都保留"},
    {"lesson.conflict_keep_both_help", "把这里修改的步骤合并进文件中的版本（两边改了同一步骤时无法合并）。"},
    {"lesson.conflict_take_file", "采用文件中的版本"},
    {"lesson.conflict_take_file_help", "重新加载文件中的版本；这里的修改将被放弃。"},
    {"lesson.conflict_overwrite", "覆盖"},
    {"lesson.conflict_overwrite_help", "用这里的版本覆盖文件；其他程序的修改将丢失。"},
    {"lesson.conflict_save_as", "另存为新文件..."},
    {"lesson.conflict_save_as_help", "把这里的版本写入另一个文件；被修改的文件保持原样。"},
    {"lesson.conflict_cancel", "取消"},
    {"lesson.conflict_merged", "已与文件中的修改合并并保存。"},
    {"lesson.conflict_took_file", "已采用文件中的版本；这里的修改已放弃。"},
    {"lesson.dropped_unknown_fmt", "无法打开 %s：请拖入课程（.json）或图片（PNG、JPEG、BMP）。"},
    // 编写课程
    {"lesson.author", "编写本课程"},
    {"lesson.author_help", "把编辑器中当前的输入和参数保存到课程中，然后保存文件。文件中的其他键会被保留。"},
    {"lesson.save_new_step", "保存为新步骤"},
    {"lesson.save_over_step", "覆盖本步"},
    {"lesson.save", "保存"},
    {"lesson.save_as", "另存为…"},
    {"lesson.step_saved", "步骤已存入课程（尚未写入文件）。"},
    {"lesson.step_failed", "无法保存步骤："},
    // 未保存的修改
    {"lesson.unsaved_title", "未保存的修改"},
    {"lesson.unsaved_fmt", "课程 %s 有尚未保存的修改。"},
    {"lesson.unsaved_quit", "退出前保存吗？"},
    {"lesson.unsaved_open", "打开其他课程前保存吗？"},
    {"lesson.unsaved_save", "保存"},
    {"lesson.unsaved_discard", "放弃"},
    {"lesson.unsaved_cancel", "取消"},
    // 课程列表
    {"browser.title", "课程"},
    {"help.browser",
     "PoolScope 自带的课程。单击查看课程简介，双击（或按回车）打开。教师可以编写自己的课程：见 "
     "lessons/README.md，然后用“文件 → "
     "打开课程”。"},
    {"browser.lesson", "课程"},
    {"browser.languages", "语言"},
    {"browser.steps", "步骤"},
    {"browser.file", "文件"},
    {"browser.broken", "（无法加载，悬停查看原因）"},
    {"browser.none", "没有找到课程。"},
    {"browser.recent", "最近打开"},
    // 文件选择
    {"url.bad_step_fmt", "链接中的 step=%s 不是步骤编号（1、2、3 …）：课程从第 1 步开始。"},
    {"url.step_past_end_fmt", "链接中的 step=%lld 超过了课程的最后一步（%lld）：课程从第 1 步开始。"},
};

}  // namespace

std::span<const TranslationEntry> lesson_chinese_table() {
    return kLessonChinese;
}

}  // namespace poolscope::app
