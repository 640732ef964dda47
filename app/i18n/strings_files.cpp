// The file dialog (widgets/file_dialog.cpp, panels/file_dialog_window.cpp) and the lesson browser's
// selection (panels/lesson_browser.cpp), in English and Chinese side by side (see string_sections.h).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr BilingualEntry kFiles[] = {
    {"files.title_open_lesson", "Open lesson", "打开课程"},
    {"files.title_save_lesson", "Save lesson as", "课程另存为"},
    {"files.up", "Up", "上一级"},
    {"files.only_fmt", "Only %s files", "只显示 %s 文件"},
    {"files.empty", "(empty folder)", "（空文件夹）"},
    {"files.none_matching_fmt", "(no such files here; %zu other files hidden by the filter)",
     "（此处没有这类文件；筛选隐藏了 %zu 个其他文件）"},
    {"files.hidden_fmt", "(%zu other files hidden by the filter)", "（筛选隐藏了 %zu 个其他文件）"},
    {"files.name", "Name", "文件名"},
    {"files.hint",
     "Click to select, double-click or Enter to open a folder or choose a file; or type a name or path.",
     "单击选中，双击或按回车打开文件夹或选定文件；也可以输入文件名或路径。"},
    {"files.open", "Open", "打开"},
    {"files.save", "Save", "保存"},
    {"files.export", "Export", "导出"},
    {"files.cancel", "Cancel", "取消"},
    {"files.replace_fmt", "%s already exists. Replace it?", "%s 已存在。要替换它吗？"},
    {"files.replace", "Replace", "替换"},
    {"files.keep", "Keep it", "保留原文件"},
    {"files.problem.unreadable_fmt", "This folder cannot be listed: %s", "无法列出此文件夹：%s"},
    {"files.problem.no_name_fmt", "Type a file name first.%s", "请先输入文件名。%s"},
    {"files.problem.bad_name_fmt", "\"%s\" cannot be a file name.", "“%s”不能用作文件名。"},
    {"files.problem.no_such_file_fmt", "No such file: %s", "文件不存在：%s"},
    {"files.problem.no_such_folder_fmt", "No such folder: %s", "文件夹不存在：%s"},
    {"files.problem.not_a_file_fmt", "Not a regular file: %s", "不是普通文件：%s"},
    {"browser.pick_one", "Click a lesson to read what it is about; double-click or Enter opens it.",
     "单击课程查看简介；双击或按回车打开。"},
    {"browser.no_description", "This lesson has no description.", "这节课没有简介。"},
    {"browser.open", "Open lesson", "打开课程"},
};

}  // namespace

std::span<const TranslationEntry> files_english_entries() {
    return section_of<kFiles>().en;
}

std::span<const TranslationEntry> files_chinese_entries() {
    return section_of<kFiles>().zh;
}

}  // namespace poolscope::app
